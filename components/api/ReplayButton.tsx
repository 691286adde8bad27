'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import React from 'react'

import { ActionButton } from '../core/ActionButton'

/** On a webhook delivery's page: send its event again (same event id) as a new delivery. */
export function ReplayButton(): React.ReactElement | null {
  const { id } = useDocumentInfo()
  if (!id) return null
  return <ActionButton url={`/api/webhook-deliveries/${id}/replay`} label="Replay" testId="webhook-replay" />
}
