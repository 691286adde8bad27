'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

/**
 * On a connector's page: run it now, for its look-back period ending yesterday or for the days given (a backfill of
 * a past month, say); the new run opens with its live progress.
 */
export function RunConnectorButton(): React.ReactElement | null {
  const { id } = useDocumentInfo()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  if (!id) return null
  const run = async () => {
    const period = { ...(from ? { from } : {}), ...(to ? { to } : {}) }
    const res = await fetch(`/api/carrier-connectors/${id}/run`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(period),
    })
    const body = (await res.json()) as { message?: string; run?: number; errors?: { message: string }[] }
    setMessage(body.message ?? body.errors?.[0]?.message ?? `HTTP ${res.status}`)
    if (res.ok && body.run) window.location.assign(`/admin/collections/scrape-runs/${body.run}`)
  }
  return (
    <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      <label>
        From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="run-from" />
      </label>
      <label>
        To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="run-to" />
      </label>
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void run()} data-testid="run-connector">
        Run now
      </button>
      <span data-testid="run-period">
        {from || to ? `${from || 'look-back start'} – ${to || 'yesterday'}` : 'the look-back period up to yesterday'}
      </span>
      {message ? <span>{message}</span> : null}
    </span>
  )
}
