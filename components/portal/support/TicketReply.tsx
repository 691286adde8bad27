'use client'

import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import type { TicketStatus } from '../../../engine/support'
import { postForm } from './api'

/**
 * The consultant's reply on a ticket: a comment (and file), sent as a plain comment, as the answer the team waits for
 * (waiting on consultant → in progress) or to reopen a resolved ticket (resolved → in progress), as `allowed` says.
 */
export function TicketReply({
  ticketId,
  status,
  allowed,
  canComment,
}: {
  ticketId: number
  status: TicketStatus
  allowed: TicketStatus[]
  canComment: boolean
}): React.ReactElement | null {
  const router = useRouter()
  const [comment, setComment] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [inputKey, setInputKey] = useState(0)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!canComment && allowed.length === 0) return <p className="empty">This ticket is closed.</p>
  const send = async (toStatus: TicketStatus | null): Promise<void> => {
    setBusy(true)
    setError(null)
    const form = new FormData()
    form.append('comment', comment)
    if (toStatus) form.append('toStatus', toStatus)
    if (file) form.append('file', file)
    const answer = await postForm(`/api/tickets/${ticketId}/${toStatus ? 'transition' : 'comment'}`, form)
    setBusy(false)
    if (!answer.ok) {
      setError(answer.error)
      return
    }
    setComment('')
    setFile(null)
    setInputKey((k) => k + 1)
    router.refresh()
  }
  const move = allowed.includes('in_progress') ? (status === 'resolved' ? 'Reopen' : 'Send answer') : null
  return (
    <form className="ticket-form" onSubmit={(e) => e.preventDefault()} data-testid="ticket-reply">
      <label>
        {move === 'Send answer' ? 'Your answer' : 'Comment'}
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={3} data-testid="ticket-reply-comment" />
      </label>
      <label>
        Attachment (optional)
        <input
          key={inputKey}
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,.csv,.txt,.xlsx"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="ticket-reply-file"
        />
      </label>
      {error ? (
        <p className="error" role="alert" data-testid="ticket-reply-error">
          {error}
        </p>
      ) : null}
      <div className="buttons">
        {move ? (
          <button type="button" disabled={busy} onClick={() => void send('in_progress')} data-testid="ticket-reply-move">
            {move}
          </button>
        ) : null}
        {canComment ? (
          <button
            type="button"
            className={move ? 'secondary' : undefined}
            disabled={busy || (comment.trim() === '' && !file)}
            onClick={() => void send(null)}
            data-testid="ticket-reply-send"
          >
            Add comment
          </button>
        ) : null}
      </div>
    </form>
  )
}
