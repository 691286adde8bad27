'use client'

import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React from 'react'

import { actionRefusal, type RunAction, type RunStatus } from '../../engine/commission/runSteps'
import { ActionButton } from '../core/ActionButton'

const LABELS: Record<RunAction, string> = { rerun: 'Run again', approve: 'Approve', lock: 'Lock period', statements: 'Generate statements' }

/** On a commission run's page: the actions its status allows (the same state machine the endpoints enforce). */
export function CommissionRunActions(): React.ReactElement | null {
  const { id } = useDocumentInfo()
  const status = useFormFields(([fields]) => fields.status?.value as RunStatus | undefined)
  const mode = useFormFields(([fields]) => fields.mode?.value as 'post' | 'preview' | undefined)
  if (!id || !status || !mode) return null
  const allowed = (Object.keys(LABELS) as RunAction[]).filter((action) => actionRefusal(action, status, mode) === null)
  return (
    <span>
      {allowed.map((action) => (
        <ActionButton key={action} url={`/api/commission-runs/${id}/${action}`} label={LABELS[action]} testId={`run-${action}`} />
      ))}
    </span>
  )
}
