'use client'

import React, { useState } from 'react'

/** The prospect's answer: accept or decline, sent with the signed token; the server's message is shown verbatim. */
export function RespondForm({ token }: { token: string }): React.ReactElement {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const answer = async (decision: 'accept' | 'decline'): Promise<void> => {
    setBusy(true)
    try {
      const res = await fetch('/api/proposals/respond', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, decision }),
      })
      const body = (await res.json().catch(() => ({}))) as { message?: string; errors?: { message?: string }[] }
      setOutcome(
        res.ok
          ? { ok: true, message: body.message ?? 'Thank you.' }
          : { ok: false, message: body.errors?.[0]?.message ?? `the answer was not recorded (${res.status})` },
      )
    } catch (err) {
      setOutcome({ ok: false, message: `the answer was not sent: ${(err as Error).message}; please try again` })
    } finally {
      setBusy(false)
    }
  }
  if (outcome?.ok)
    return (
      <p className="notice" data-testid="respond-outcome">
        {outcome.message}
      </p>
    )
  return (
    <div>
      <button className="primary" type="button" disabled={busy} onClick={() => void answer('accept')} data-testid="respond-accept">
        Accept the proposal
      </button>
      <button className="secondary" type="button" disabled={busy} onClick={() => void answer('decline')} data-testid="respond-decline">
        Decline
      </button>
      {outcome ? (
        <p className="error" role="alert" data-testid="respond-outcome">
          {outcome.message}
        </p>
      ) : null}
    </div>
  )
}
