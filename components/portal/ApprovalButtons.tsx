'use client'

import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

type Kind = 'approve' | 'return' | 'reject'

/**
 * An approver's decision from the portal: the same endpoints as the admin (`POST /api/proposals/:id/<step>`), with the
 * session cookie; the endpoint decides whether it is this login's turn and answers in words, shown as they come.
 */
export function ApprovalButtons({ proposalId }: { proposalId: number }): React.ReactElement {
  const router = useRouter()
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null)
  const decide = async (kind: Kind): Promise<void> => {
    setBusy(true)
    try {
      const res = await fetch(`/api/proposals/${proposalId}/${kind}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(comment.trim() ? { comment } : {}),
      })
      const body = (await res.json().catch(() => ({}))) as { message?: string; errors?: { message?: string }[] }
      setAnswer({ ok: res.ok, text: body.message ?? body.errors?.[0]?.message ?? `HTTP ${res.status}` })
      if (res.ok) {
        setComment('')
        router.refresh()
      }
    } catch (err) {
      setAnswer({ ok: false, text: `the decision was not sent: ${(err as Error).message}` })
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="decide">
      <textarea
        aria-label="Comment (needed to return or reject)"
        placeholder="Comment (needed to return or reject)"
        rows={2}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        data-testid="portal-comment"
      />
      <div>
        <button type="button" className="small primary" disabled={busy} onClick={() => void decide('approve')} data-testid="portal-approve">
          Approve
        </button>
        <button type="button" className="small secondary" disabled={busy} onClick={() => void decide('return')} data-testid="portal-return">
          Return
        </button>
        <button type="button" className="small secondary" disabled={busy} onClick={() => void decide('reject')} data-testid="portal-reject">
          Reject
        </button>
      </div>
      {answer ? (
        <p className={answer.ok ? 'notice' : 'error'} role="status" data-testid="portal-action-message">
          {answer.text}
        </p>
      ) : null}
    </div>
  )
}
