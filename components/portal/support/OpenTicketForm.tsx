'use client'

import React, { useState } from 'react'

import { TICKET_TYPE_LABELS, TICKET_TYPES, type TicketType } from '../../../engine/support'
import { postForm } from './api'

/**
 * "Open a ticket": type, subject, description and an optional file, posted to POST /api/tickets/open as the
 * logged-in consultant (for themselves); on success the ticket's page opens.
 */
export function OpenTicketForm(): React.ReactElement {
  const [type, setType] = useState<TicketType>('commissions')
  const [subject, setSubject] = useState('')
  const [description, setDescription] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const send = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const form = new FormData()
    form.append('type', type)
    form.append('subject', subject)
    form.append('description', description)
    form.append('source', 'portal')
    if (file) form.append('file', file)
    const answer = await postForm<{ id: number }>('/api/tickets/open', form)
    setBusy(false)
    if (!answer.ok) setError(answer.error)
    else window.location.assign(`/portal/tickets/${answer.data.id}`)
  }
  return (
    <form className="ticket-form" onSubmit={(e) => void send(e)} data-testid="open-ticket-form">
      <label>
        Type
        <select value={type} onChange={(e) => setType(e.target.value as TicketType)} data-testid="open-ticket-type">
          {TICKET_TYPES.map((value) => (
            <option key={value} value={value}>
              {TICKET_TYPE_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Subject
        <input value={subject} onChange={(e) => setSubject(e.target.value)} required maxLength={200} data-testid="open-ticket-subject" />
      </label>
      <label>
        Description
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={4} data-testid="open-ticket-description" />
      </label>
      <label>
        Attachment (optional: PDF, PNG, JPEG, CSV, TXT or XLSX, up to 10 MB)
        <input
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,.csv,.txt,.xlsx"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="open-ticket-file"
        />
      </label>
      {error ? (
        <p className="error" role="alert" data-testid="open-ticket-error">
          {error}
        </p>
      ) : null}
      <div className="buttons">
        <button type="submit" disabled={busy} data-testid="open-ticket-submit">
          {busy ? 'Sending…' : 'Open ticket'}
        </button>
      </div>
    </form>
  )
}
