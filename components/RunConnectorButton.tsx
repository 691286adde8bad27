'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

/** On a connector's page: run it now for its look-back period; the new run opens with its live progress. */
export function RunConnectorButton(): React.ReactElement | null {
  const { id } = useDocumentInfo()
  const [message, setMessage] = useState<string | null>(null)
  if (!id) return null
  const run = async () => {
    const res = await fetch(`/api/carrier-connectors/${id}/run`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{}' })
    const body = (await res.json()) as { message?: string; run?: number; errors?: { message: string }[] }
    setMessage(body.message ?? body.errors?.[0]?.message ?? `HTTP ${res.status}`)
    if (res.ok && body.run) window.location.assign(`/admin/collections/scrape-runs/${body.run}`)
  }
  return (
    <span>
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void run()} data-testid="run-connector">
        Run now
      </button>
      {message ? <span style={{ marginLeft: 8 }}>{message}</span> : null}
    </span>
  )
}
