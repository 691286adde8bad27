'use client'

import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

const MAX = 2000

/**
 * "Dispute this line": a comment for staff, sent with the session cookie to `POST /api/discrepancies/:id/dispute`;
 * the endpoint's answer (or refusal) is shown in words as it comes, and the page reloads its data on success.
 */
export function DisputeForm({ discrepancyId, disputedAt }: { discrepancyId: number; disputedAt: string | null }): React.ReactElement {
  const router = useRouter()
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null)
  const send = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault()
    setBusy(true)
    try {
      const res = await fetch(`/api/discrepancies/${discrepancyId}/dispute`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ comment }),
      })
      const body = (await res.json().catch(() => ({}))) as { message?: string; errors?: { message?: string }[] }
      const text = res.ok
        ? 'Your dispute was sent to the team that works discrepancies.'
        : (body.errors?.[0]?.message ?? `HTTP ${res.status}`)
      setAnswer({ ok: res.ok, text })
      if (res.ok) {
        setComment('')
        router.refresh()
      }
    } catch (err) {
      setAnswer({ ok: false, text: `the dispute was not sent: ${(err as Error).message}` })
    } finally {
      setBusy(false)
    }
  }
  return (
    <details className="dispute" data-testid="sale-dispute">
      <summary>{disputedAt ? 'Add to your dispute' : 'Dispute this line'}</summary>
      <form onSubmit={(event) => void send(event)}>
        <label htmlFor={`dispute-${discrepancyId}`}>What is wrong with this line?</label>
        <textarea
          id={`dispute-${discrepancyId}`}
          rows={3}
          maxLength={MAX}
          required
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          data-testid="sale-dispute-comment"
        />
        <button type="submit" className="small primary" disabled={busy || comment.trim() === ''} data-testid="sale-dispute-send">
          Send dispute
        </button>
      </form>
      {answer ? (
        <p className={answer.ok ? 'notice' : 'error'} role="status" data-testid="sale-dispute-message">
          {answer.text}
        </p>
      ) : null}
    </details>
  )
}
