'use client'

import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useState } from 'react'

/** On a reconciliation run's page: run it again (keeps the discrepancies' owners, statuses and comments). */
export function RerunButton(): React.ReactElement | null {
  const { id } = useDocumentInfo()
  const status = useFormFields(([fields]) => fields.status?.value as string | undefined)
  const [message, setMessage] = useState<string | null>(null)
  if (!id || status === 'queued' || status === 'running') return null
  const rerun = async () => {
    const res = await fetch(`/api/reconciliation-runs/${id}/rerun`, { method: 'POST', credentials: 'include' })
    const body = (await res.json()) as { message?: string; errors?: { message: string }[] }
    setMessage(body.message ?? body.errors?.[0]?.message ?? `HTTP ${res.status}`)
    if (res.ok) setTimeout(() => window.location.reload(), 1_500)
  }
  return (
    <span>
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void rerun()} data-testid="rerun">
        Run again
      </button>
      {message ? <span style={{ marginLeft: 8 }}>{message}</span> : null}
    </span>
  )
}
