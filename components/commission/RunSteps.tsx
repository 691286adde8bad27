'use client'

import { useFormFields } from '@payloadcms/ui'
import React from 'react'

import { RUN_STEP_LABELS, RUN_STEPS, type StepRecord } from '../../engine/commission/runSteps'

const MARK: Record<StepRecord['status'] | 'pending', string> = { done: '✓', failed: '✗', waiting: '…', skipped: '–', pending: '○' }

/** The workflow of a commission run, step by step, with what each step found. */
export function RunSteps(): React.ReactElement {
  const steps = useFormFields(([fields]) => fields.steps?.value as StepRecord[] | null | undefined) ?? []
  const latest = new Map(steps.map((s) => [s.step, s]))
  return (
    <div className="field-type" data-testid="run-steps">
      <ol style={{ paddingLeft: 20 }}>
        {RUN_STEPS.map((name) => {
          const record = latest.get(name)
          return (
            <li key={name} data-testid={`step-${name}`} data-status={record?.status ?? 'pending'}>
              <strong>
                {MARK[record?.status ?? 'pending']} {RUN_STEP_LABELS[name]}
              </strong>
              {record ? <span> — {record.detail}</span> : null}
            </li>
          )
        })}
      </ol>
    </div>
  )
}
