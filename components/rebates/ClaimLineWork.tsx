'use client'

import React, { useCallback, useEffect, useState } from 'react'

import type { RebateAttachment, RebateClaimLine, RebateClaimMessage } from '../../payload-types'
import { call, labelOf, when } from './api'

type Paged<T> = { docs: T[] }

/**
 * The work on one claim line that needs review or has an open dispute: its thread with the partner (and the files
 * attached), an answer to the partner, and the decision — accept (optionally another amount) or reject, with a comment.
 */
export function ClaimLineWork({
  apiBase,
  line,
  onChanged,
}: {
  apiBase: string
  line: RebateClaimLine
  onChanged: () => void
}): React.ReactElement {
  const n = line.lineNumber
  const [messages, setMessages] = useState<RebateClaimMessage[] | null>(null)
  const [threadError, setThreadError] = useState<string | null>(null)
  const [answer, setAnswer] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [comment, setComment] = useState('')
  const [amount, setAmount] = useState('')
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null)
  const [busy, setBusy] = useState(false)

  const loadThread = useCallback(async () => {
    const answered = await call<Paged<RebateClaimMessage>>(
      `${apiBase}/rebate-claim-messages?where[line][equals]=${line.id}&sort=createdAt&depth=1&limit=200`,
    )
    if (answered.ok) setMessages(answered.body.docs)
    else setThreadError(answered.error)
  }, [apiBase, line.id])
  useEffect(() => {
    void loadThread()
  }, [loadThread])

  const sendAnswer = async () => {
    setBusy(true)
    const url = `${apiBase}/rebate-claim-lines/${line.id}/answer`
    let result
    if (file) {
      const form = new FormData()
      form.append('comment', answer)
      form.append('file', file)
      result = await call(url, { method: 'POST', form })
    } else result = await call(url, { method: 'POST', json: { comment: answer } })
    setBusy(false)
    setMessage(result.ok ? { text: 'Answer sent to the partner.', ok: true } : { text: result.error, ok: false })
    if (result.ok) {
      setAnswer('')
      setFile(null)
      await loadThread()
      onChanged()
    }
  }

  const decide = async (outcome: 'accept' | 'reject') => {
    setBusy(true)
    const result = await call(`${apiBase}/rebate-claim-lines/${line.id}/decide`, {
      method: 'POST',
      json: { outcome, comment, ...(outcome === 'accept' && amount.trim() !== '' ? { amount: amount.trim() } : {}) },
    })
    setBusy(false)
    setMessage(
      result.ok ? { text: outcome === 'accept' ? 'Line accepted.' : 'Line rejected.', ok: true } : { text: result.error, ok: false },
    )
    if (result.ok) {
      setComment('')
      setAmount('')
      onChanged()
    }
  }

  return (
    <div className="rb-work" data-testid={`line-work-${n}`}>
      <div className="rb-thread" data-testid={`thread-${n}`}>
        <h4>Thread</h4>
        {threadError ? <p className="rb-error">{threadError}</p> : null}
        {messages === null && !threadError ? <p className="rb-muted">Loading…</p> : null}
        {messages?.length === 0 ? <p className="rb-muted">No messages yet.</p> : null}
        {messages && messages.length > 0 ? (
          <ol className="rb-messages">
            {messages.map((m) => {
              const file = typeof m.attachment === 'object' && m.attachment ? (m.attachment as RebateAttachment) : null
              return (
                <li key={m.id} className={`rb-message ${m.kind}`} data-testid={`message-${m.id}`}>
                  <span className="rb-muted">
                    {when(m.createdAt)} · {m.kind} · {labelOf(m.author, 'email', 'name')}
                  </span>
                  <span className="rb-message-body">{m.body}</span>
                  {file?.url ? (
                    <a href={file.url} target="_blank" rel="noreferrer" data-testid={`attachment-${m.id}`}>
                      {file.filename ?? 'Attachment'}
                    </a>
                  ) : null}
                </li>
              )
            })}
          </ol>
        ) : null}
      </div>
      <div className="rb-work-forms">
        <div className="rb-form">
          <label htmlFor={`answer-comment-${n}`}>Answer the partner</label>
          <textarea
            id={`answer-comment-${n}`}
            rows={2}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
            data-testid={`answer-comment-${n}`}
          />
          <input type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid={`answer-file-${n}`} />
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            disabled={busy || answer.trim() === ''}
            onClick={() => void sendAnswer()}
            data-testid={`answer-${n}`}
          >
            Send answer
          </button>
        </div>
        <div className="rb-form">
          <label htmlFor={`decide-comment-${n}`}>Decision comment</label>
          <textarea
            id={`decide-comment-${n}`}
            rows={2}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            data-testid={`decide-comment-${n}`}
          />
          <label htmlFor={`decide-amount-${n}`}>Amount to pay if accepted (empty: what the accrual pays)</label>
          <input
            id={`decide-amount-${n}`}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            data-testid={`decide-amount-${n}`}
          />
          <span className="rb-buttons">
            <button
              type="button"
              className="btn btn--style-primary btn--size-small"
              disabled={busy}
              onClick={() => void decide('accept')}
              data-testid={`accept-${n}`}
            >
              Accept
            </button>
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              disabled={busy}
              onClick={() => void decide('reject')}
              data-testid={`reject-${n}`}
            >
              Reject
            </button>
          </span>
        </div>
      </div>
      {message ? (
        <p className={message.ok ? 'rb-ok' : 'rb-error'} data-testid={`line-message-${n}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  )
}
