'use client'

import React, { useCallback, useEffect, useRef, useState } from 'react'

import type { CollectSummary } from '../../modules/billpay/collect'
import type { IngestOutcome } from '../../modules/billpay/ingest'
import { amountText, call, type LiveStatus, type QueueRow } from './api'
import { useInvoiceStatuses } from './live'
import { StatusTag } from './StatusTag'

/** The queue's filters: one status, or every status that waits for a person. */
const FILTERS = [
  { value: 'approval_needed,on_hold,error', label: 'All open' },
  { value: 'approval_needed', label: 'Approval needed' },
  { value: 'on_hold', label: 'On hold' },
  { value: 'error', label: 'Error' },
] as const

type Uploaded = Pick<IngestOutcome, 'invoice' | 'duplicate' | 'status'>
type Message = { text: string; ok: boolean }

/** What a collection brought: new invoices, files already known, and each portal's or file's failure, in a few lines. */
function collectedText(c: CollectSummary): string {
  const files = [...c.portal.flatMap((p) => p.files), ...c.dropFolder]
  const fresh = files.filter((f) => f.invoice !== undefined && !f.duplicate).length
  const known = files.filter((f) => f.duplicate).length
  const failures = [
    ...c.portal.filter((p) => p.error).map((p) => `${p.name}: ${p.error}`),
    ...files.filter((f) => f.error).map((f) => `${f.file}: ${f.error}`),
  ]
  const portals = c.portal.length === 1 ? '1 portal' : `${c.portal.length} portals`
  return [`Collected from ${portals} and the drop folder: ${fresh} new invoice(s), ${known} already received.`, ...failures].join('\n')
}

/**
 * The invoices waiting for a person (GET /api/carrier-invoices/queue), filtered by status, refreshed live when an
 * invoice changes (/events/invoices); a row opens the invoice beside its PDF. Above it: an upload box and "Collect
 * now" (the portals and the drop folder).
 */
export function ReviewQueue({ apiBase, onOpen }: { apiBase: string; onOpen: (id: number) => void }): React.ReactElement {
  const [status, setStatus] = useState<string>(FILTERS[0].value)
  const [rows, setRows] = useState<QueueRow[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [message, setMessage] = useState<Message | null>(null)
  const [busy, setBusy] = useState(false)
  const [file, setFile] = useState<File | null>(null)
  const fileInput = useRef<HTMLInputElement | null>(null)
  const lastEvent = useRef<string | null>(null)

  const load = useCallback(async () => {
    const answer = await call<{ invoices: QueueRow[] }>(`${apiBase}/carrier-invoices/queue?status=${encodeURIComponent(status)}`)
    if (answer.ok) {
      setRows(answer.body.invoices)
      setError(null)
    } else setError(answer.error)
  }, [apiBase, status])

  useEffect(() => {
    void load()
  }, [load])

  // Any invoice changing (one arriving, one being read, approved or paid) may change the queue: the tags follow at
  // once, the rows are fetched again.
  useInvoiceStatuses([], (statuses: LiveStatus[]) => {
    const text = JSON.stringify(statuses)
    const first = lastEvent.current === null
    if (text === lastEvent.current) return
    lastEvent.current = text
    if (first) return
    const byId = new Map(statuses.map((s) => [Number(s.id), s]))
    setRows(
      (current) =>
        current?.map((row) => {
          const live = byId.get(row.id)
          return live ? { ...row, status: live.status, statusReason: live.statusReason } : row
        }) ?? current,
    )
    void load()
  })

  const upload = async () => {
    if (!file) return
    setBusy(true)
    const form = new FormData()
    form.append('file', file)
    const answer = await call<Uploaded>(`${apiBase}/carrier-invoices/upload`, { method: 'POST', form })
    setBusy(false)
    if (!answer.ok) return setMessage({ text: answer.error, ok: false })
    const { body } = answer
    setMessage({
      text: body.duplicate
        ? `${file.name} was already received as invoice ${body.invoice} (${body.status}): nothing new was made.`
        : `${file.name} received as invoice ${body.invoice} (${body.status}); it is read in the background.`,
      ok: true,
    })
    setFile(null)
    if (fileInput.current) fileInput.current.value = ''
    void load()
  }

  const collect = async () => {
    setBusy(true)
    const answer = await call<CollectSummary>(`${apiBase}/carrier-invoices/collect`, { method: 'POST', json: {} })
    setBusy(false)
    setMessage(answer.ok ? { text: collectedText(answer.body), ok: true } : { text: answer.error, ok: false })
    if (answer.ok) void load()
  }

  return (
    <div data-testid="billpay-queue">
      <div className="bp-toolbar">
        <label>
          Status{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="queue-filter">
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void load()} data-testid="queue-refresh">
          Refresh
        </button>
        <form
          className="bp-upload"
          onSubmit={(e) => {
            e.preventDefault()
            void upload()
          }}
        >
          <input
            ref={fileInput}
            type="file"
            accept=".pdf,.csv,.edi,.x12,.811,.txt,application/pdf,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="upload-file"
            aria-label="Invoice file"
          />
          <button type="submit" className="btn btn--style-secondary btn--size-small" disabled={busy || !file} data-testid="upload-submit">
            Upload
          </button>
        </form>
        <button
          type="button"
          className="btn btn--style-primary btn--size-small"
          disabled={busy}
          onClick={() => void collect()}
          data-testid="collect-now"
        >
          Collect now
        </button>
      </div>
      {message ? (
        <p className={message.ok ? 'bp-ok' : 'bp-error'} data-testid="queue-message">
          {message.text}
        </p>
      ) : null}
      {error ? (
        <p className="bp-error" data-testid="queue-error">
          {error}
        </p>
      ) : null}
      {rows === null ? (
        error ? null : (
          <p>Loading…</p>
        )
      ) : rows.length === 0 ? (
        <p className="bp-muted" data-testid="queue-empty">
          Nothing waits for review.
        </p>
      ) : (
        <div className="bp-scroll">
          <table className="bp-table bp-clickable" data-testid="queue-table">
            <thead>
              <tr>
                <th>Invoice</th>
                <th>Account</th>
                <th>Carrier</th>
                <th className="amount">Total due</th>
                <th>Due</th>
                <th>Status</th>
                <th>Reason</th>
                <th className="amount">Age (days)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.id}
                  onClick={() => onOpen(row.id)}
                  data-testid={`queue-row-${row.id}`}
                  data-invoice-number={row.invoiceNumber ?? ''}
                >
                  <td>
                    <a
                      href={`?tab=invoice&invoice=${row.id}`}
                      onClick={(e) => {
                        e.preventDefault()
                      }}
                      data-testid={`queue-open-${row.id}`}
                    >
                      {row.invoiceNumber ?? `#${row.id}`}
                    </a>
                    {row.fileType ? <span className="bp-muted"> {row.fileType}</span> : null}
                  </td>
                  <td>
                    {row.accountName ?? '—'}
                    {row.accountNumber ? <span className="bp-muted"> {row.accountNumber}</span> : null}
                  </td>
                  <td>{row.carrier ?? '—'}</td>
                  <td className="amount" data-amount={row.totalDue ?? ''}>
                    {amountText(row.totalDue, row.currency)}
                  </td>
                  <td className="bp-nowrap">{row.dueDate ? row.dueDate.slice(0, 10) : '—'}</td>
                  <td>
                    <StatusTag status={row.status} testId={`queue-status-${row.id}`} />
                  </td>
                  <td className="bp-reason" title={row.statusReason ?? undefined}>
                    <span className="bp-clamp">{row.statusReason ?? ''}</span>
                  </td>
                  <td className="amount">{row.ageDays ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
