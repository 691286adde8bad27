'use client'

import React, { useState } from 'react'

import { call } from './api'

type Sync = {
  id: number
  status: string
  fetched: number
  created: number
  updated: number
  rejected: number
  cursor: string | null
  error?: string
}

/** "Sync deals now" (POST /api/deals/sync, channel operations): reads the partner portal's changes since the last sync. */
export function DealSync({ apiBase }: { apiBase: string }): React.ReactElement {
  const [result, setResult] = useState<Sync | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const sync = async () => {
    setBusy(true)
    const answer = await call<Sync>(`${apiBase}/deals/sync`, { method: 'POST' })
    setBusy(false)
    if (answer.ok) {
      setResult(answer.body)
      setError(null)
    } else {
      setResult(null)
      setError(answer.error)
    }
  }

  return (
    <div data-testid="deal-sync">
      <p>Deal registrations come from the partner portal (the system of record); a job synchronises them regularly.</p>
      <button
        type="button"
        className="btn btn--style-primary btn--size-small"
        disabled={busy}
        onClick={() => void sync()}
        data-testid="sync-deals"
      >
        {busy ? 'Synchronising…' : 'Sync deals now'}
      </button>
      {error ? (
        <p className="rb-error" data-testid="sync-deals-result">
          {error}
        </p>
      ) : null}
      {result ? (
        <p className={result.status === 'succeeded' ? 'rb-ok' : 'rb-error'} data-testid="sync-deals-result">
          Sync #{result.id} {result.status}: {result.fetched} fetched, {result.created} created, {result.updated} updated, {result.rejected}{' '}
          rejected{result.cursor ? ` (up to ${result.cursor})` : ''}
          {result.error ? ` — ${result.error}` : ''}.
        </p>
      ) : null}
    </div>
  )
}
