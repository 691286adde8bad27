'use client'

import React, { useState } from 'react'

import type { RebateAttachment, RebateClaimLine, RebateClaimMessage, User } from '../../../payload-types'
import { day, ErrorText, LoadState, postForm, postJson, useApi, type ApiAnswer, type Page } from './shared'

const KIND_WORDS: Record<RebateClaimMessage['kind'], string> = {
  dispute: 'Dispute (partner)',
  answer: 'Answer (our team)',
  resolution: 'Resolution (our team)',
}

function authorName(author: RebateClaimMessage['author']): string | null {
  if (!author || typeof author !== 'object') return null
  const user = author as User
  return user.name ?? user.email ?? null
}

function attachmentOf(value: RebateClaimMessage['attachment']): RebateAttachment | null {
  return value && typeof value === 'object' && value.url ? value : null
}

/** The line's dispute thread: who wrote (partner or team), what, and the attached file. */
export function LineThread({ lineId, tag, version }: { lineId: number; tag: string; version: number }): React.ReactElement {
  const { data, error, loading } = useApi<Page<RebateClaimMessage>>(
    `/api/rebate-claim-messages?where[line][equals]=${lineId}&sort=createdAt&depth=1&limit=200`,
    version,
  )
  return (
    <div className="rebates-thread" data-testid={`thread-${tag}`}>
      <LoadState loading={loading && !data} error={error} testId={`thread-error-${tag}`} />
      {data && data.docs.length > 0 ? (
        <ol>
          {data.docs.map((message) => {
            const file = attachmentOf(message.attachment)
            const author = authorName(message.author)
            return (
              <li
                key={message.id}
                className={`rebates-message rebates-message-${message.kind}`}
                data-testid={`message-${tag}`}
                data-kind={message.kind}
              >
                <div className="rebates-message-head">
                  <strong>{KIND_WORDS[message.kind] ?? message.kind}</strong>
                  <span>
                    {author ? `${author} · ` : ''}
                    {day(message.createdAt)}
                  </span>
                </div>
                <p>{message.body}</p>
                {file ? (
                  <a href={file.url ?? undefined} target="_blank" rel="noreferrer" data-testid={`message-attachment-${tag}`}>
                    {file.filename ?? 'Attachment'}
                  </a>
                ) : null}
              </li>
            )
          })}
        </ol>
      ) : null}
    </div>
  )
}

/** "Dispute": a comment and an optional file for a rejected line (or more to an open dispute). */
export function DisputeForm({ line, tag, onSent }: { line: RebateClaimLine; tag: string; onSent: () => void }): React.ReactElement {
  const [comment, setComment] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [inputKey, setInputKey] = useState(0)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [sent, setSent] = useState(false)
  const send = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setSent(false)
    const url = `/api/rebate-claim-lines/${line.id}/dispute`
    let answer: ApiAnswer<unknown>
    if (file) {
      const form = new FormData()
      form.append('comment', comment)
      // Payload reads a multipart body's fields from its `_payload` JSON (plain fields are not passed on).
      form.append('_payload', JSON.stringify({ comment }))
      form.append('file', file)
      answer = await postForm<unknown>(url, form)
    } else answer = await postJson<unknown>(url, { comment })
    setBusy(false)
    if (!answer.ok) return setError(answer.error)
    setComment('')
    setFile(null)
    setInputKey((k) => k + 1)
    setSent(true)
    onSent()
  }
  return (
    <form className="rebates-dispute" onSubmit={(event) => void send(event)} data-testid={`dispute-${tag}`}>
      <label htmlFor={`dispute-comment-${tag}`}>{line.dispute === 'open' ? 'Add to your dispute' : 'Dispute this decision'}</label>
      <textarea
        id={`dispute-comment-${tag}`}
        rows={3}
        maxLength={4000}
        required
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        data-testid={`dispute-comment-${tag}`}
      />
      <label htmlFor={`dispute-file-${tag}`}>Attach a file (optional: PDF, image, CSV or XLSX, up to 10 MB)</label>
      <input
        key={inputKey}
        id={`dispute-file-${tag}`}
        type="file"
        accept=".pdf,.png,.jpg,.jpeg,.csv,.txt,.xlsx"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        data-testid={`dispute-file-${tag}`}
      />
      <button type="submit" className="primary small" disabled={busy || comment.trim() === ''} data-testid={`dispute-send-${tag}`}>
        {busy ? 'Sending…' : 'Send dispute'}
      </button>
      <ErrorText text={error} testId={`dispute-error-${tag}`} />
      {sent ? (
        <p className="notice" role="status" data-testid={`dispute-sent-${tag}`}>
          Your dispute was sent to the rebates team.
        </p>
      ) : null}
    </form>
  )
}
