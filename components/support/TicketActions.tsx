'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { TICKET_STATUS_LABELS, type TicketStatus } from '../../engine/support'
import type { TicketHistory } from '../../modules/support/tickets'

type ErrorBody = { errors?: { message?: string; field?: string }[] }

const statusWord = (status: TicketStatus | null) => (status ? TICKET_STATUS_LABELS[status] : '—')

/**
 * On a ticket's admin page: its history (every event, oldest first, with author and comment) and the transitions the
 * logged-in user may make now, each with a comment and an optional file. Posts to the ticket endpoints, so the same
 * checks apply as over REST; the page reloads after a change to show the new status.
 */
export function TicketActions(): React.ReactElement | null {
  const { id } = useDocumentInfo()
  const [history, setHistory] = useState<TicketHistory | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [comment, setComment] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    if (!id) return
    void fetch(`/api/tickets/${id}/history`, { credentials: 'include' }).then(async (res) => {
      const body = (await res.json().catch(() => null)) as (TicketHistory & ErrorBody) | null
      if (res.ok && body) setHistory(body)
      else setError(body?.errors?.[0]?.message ?? `HTTP ${res.status}`)
    })
  }, [id, version])

  const act = useCallback(
    async (toStatus: TicketStatus | null) => {
      if (!id) return
      setBusy(true)
      setError(null)
      const form = new FormData()
      form.append('comment', comment)
      if (toStatus) form.append('toStatus', toStatus)
      if (file) form.append('file', file)
      const res = await fetch(`/api/tickets/${id}/${toStatus ? 'transition' : 'comment'}`, {
        method: 'POST',
        credentials: 'include',
        body: form,
      })
      const body = (await res.json().catch(() => null)) as ErrorBody | null
      setBusy(false)
      if (!res.ok) {
        setError(body?.errors?.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join(' · ') ?? `HTTP ${res.status}`)
        return
      }
      setComment('')
      setFile(null)
      setVersion((v) => v + 1)
      if (toStatus) window.location.reload()
    },
    [id, comment, file],
  )

  if (!id) return null
  return (
    <div className="field-type" data-testid="ticket-actions">
      <h4>History</h4>
      {error ? (
        <p role="alert" data-testid="ticket-actions-error" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      ) : null}
      {history ? (
        <>
          <ol data-testid="ticket-history" style={{ paddingLeft: 20 }}>
            {history.events.map((event) => (
              <li key={event.id} data-testid="ticket-event" data-kind={event.kind} style={{ marginBottom: 8 }}>
                <div>
                  <strong>
                    {event.kind === 'opened'
                      ? 'Opened'
                      : event.kind === 'comment'
                        ? 'Comment'
                        : `${statusWord(event.fromStatus)} → ${statusWord(event.toStatus)}`}
                  </strong>{' '}
                  · {event.author?.name ?? 'import'} · {new Date(event.at).toLocaleString()}
                </div>
                {event.comment ? <div style={{ whiteSpace: 'pre-wrap' }}>{event.comment}</div> : null}
                {event.attachment ? (
                  <a href={event.attachment.url} target="_blank" rel="noreferrer">
                    {event.attachment.filename}
                  </a>
                ) : null}
              </li>
            ))}
          </ol>
          {history.canComment || history.allowed.length > 0 ? (
            <div style={{ display: 'grid', gap: 8, maxWidth: 640 }}>
              <label htmlFor="ticket-comment">Comment</label>
              <textarea
                id="ticket-comment"
                data-testid="ticket-comment"
                rows={3}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
              <input
                type="file"
                data-testid="ticket-file"
                accept=".pdf,.png,.jpg,.jpeg,.csv,.txt,.xlsx"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
                {history.allowed.map((status) => (
                  <button
                    key={status}
                    type="button"
                    className="btn btn--style-primary btn--size-small"
                    data-testid={`ticket-to-${status}`}
                    disabled={busy}
                    onClick={() => void act(status)}
                  >
                    {TICKET_STATUS_LABELS[status]}
                  </button>
                ))}
                {history.canComment ? (
                  <button
                    type="button"
                    className="btn btn--style-secondary btn--size-small"
                    data-testid="ticket-comment-send"
                    disabled={busy || (comment.trim() === '' && !file)}
                    onClick={() => void act(null)}
                  >
                    Add comment
                  </button>
                ) : null}
              </div>
            </div>
          ) : (
            <p>This ticket is closed.</p>
          )}
        </>
      ) : null}
    </div>
  )
}
