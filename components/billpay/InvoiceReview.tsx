'use client'

import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react'

import {
  HEADER_FIELDS,
  amountText,
  call,
  labelOf,
  when,
  type Allocation,
  type HeaderField,
  type LiveStatus,
  type Review,
  type ReviewEvent,
  type ReviewLine,
} from './api'
import { amountInput, correctionOf, draftOf, headerText, refreshDraft, type Draft, type LineField } from './corrections'
import { InvoiceFile } from './InvoiceFile'
import { useInvoiceStatuses } from './live'
import { StatusTag, statusLabel } from './StatusTag'

const HEADER_LABELS: Record<HeaderField, string> = {
  accountNumber: 'Account number',
  invoiceNumber: 'Invoice number',
  statementDate: 'Statement date',
  dueDate: 'Due date',
  previousBalance: 'Previous balance',
  payments: 'Payments',
  newCharges: 'New charges',
  taxes: 'Taxes',
  totalDue: 'Total due',
  currency: 'Currency',
}
const DATE_FIELDS: ReadonlySet<HeaderField> = new Set(['statementDate', 'dueDate'])
const AMOUNT_FIELDS: ReadonlySet<HeaderField> = new Set(['previousBalance', 'payments', 'newCharges', 'taxes', 'totalDue'])

/** Lines shown at once in the lines table (a 300-page invoice has thousands). */
const LINES_PER_PAGE = 100

type Asking = 'reject' | 'release' | null
type Message = { text: string; ok: boolean }

/** "6100 / OPS 60% · 6100 / SALES 40%": where a line's cost goes. */
function allocationText(allocations: readonly Allocation[], currency: string | null): string {
  if (allocations.length === 0) return '—'
  return allocations
    .map((a) => `${a.glCode ?? '?'} / ${a.costCentre ?? '?'}${a.percent ? ` ${a.percent}%` : ''} ${amountText(a.amount, currency)}`)
    .join(' · ')
}

/** Who did something, from an event's or an approval's actor (an id, a user at depth 1, or nothing for the system). */
const actorText = (actor: unknown): string => (actor === null || actor === undefined ? 'system' : labelOf(actor, 'email', 'name'))

function Events({ events }: { events: readonly ReviewEvent[] }): React.ReactElement {
  if (events.length === 0) return <p className="bp-muted">No history.</p>
  return (
    <ol className="bp-history" data-testid="invoice-events">
      {events.map((event) => (
        <li key={event.id} data-testid={`invoice-event-${event.id}`} data-kind={event.kind}>
          <span className="bp-muted">{when(event.createdAt)}</span> <strong>{event.kind}</strong>
          {event.fromStatus || event.toStatus ? (
            <span>
              {' '}
              {event.fromStatus ?? '—'} → {event.toStatus ?? '—'}
            </span>
          ) : null}
          <span className="bp-muted"> by {actorText(event.actor)}</span>
          {event.reason ? <span> — {event.reason}</span> : null}
          {event.details !== null && event.details !== undefined ? (
            <details className="bp-details">
              <summary>Details</summary>
              <pre>{JSON.stringify(event.details, null, 2)}</pre>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  )
}

/** What an action answered, in a sentence. */
function doneText(what: string, review: Review): string {
  const { status } = review.invoice
  return `${what}. The invoice is now ${status} (${review.invoice.statusLabel ?? statusLabel(status)}).`
}

/** Reasons shown before the rest fold away (a reason lists one part per failed check or unreadable line, "a; b; c"). */
const REASONS_SHOWN = 3

/** A status reason: its first parts, the rest under "and N more". */
function ReasonText({ reason }: { reason: string }): React.ReactElement {
  const parts = reason.split('; ')
  return (
    <div className="bp-reason" data-testid="invoice-status-reason">
      {parts.slice(0, REASONS_SHOWN).join('; ')}
      {parts.length > REASONS_SHOWN ? (
        <details className="bp-details">
          <summary>and {parts.length - REASONS_SHOWN} more</summary>
          <ul className="bp-list">
            {parts.slice(REASONS_SHOWN).map((part, i) => (
              <li key={i}>{part}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}

/**
 * One invoice reviewed beside its original file (GET /api/carrier-invoices/:id/review): the header and lines as read,
 * editable; the status (live over /events/invoices), the failed checks and the reader's problems; corrections saved
 * with only what changed, approve, reject, release a hold and read again; the history and payments under it.
 * Selecting a line outlines it in the PDF. Every refusal of the API is shown as the API wrote it.
 */
export function InvoiceReview({
  apiBase,
  invoiceId,
  onChanged,
}: {
  apiBase: string
  invoiceId: number
  onChanged?: () => void
}): React.ReactElement {
  const [review, setReview] = useState<Review | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [message, setMessage] = useState<Message | null>(null)
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState('')
  const [asking, setAsking] = useState<Asking>(null)
  const [reason, setReason] = useState('')
  const [selectedLine, setSelectedLine] = useState<number | null>(null)
  const [linePage, setLinePage] = useState(0)
  const [fileVersion, setFileVersion] = useState(0)
  const [staleNotice, setStaleNotice] = useState<string[] | null>(null)
  const seen = useRef<LiveStatus | null>(null)
  // The invoice the inputs were last filled from, and the inputs as typed: set at once (not at the next render), so a
  // refresh that lands between two keystrokes merges with every one of them.
  const base = useRef<Review | null>(null)
  const typed = useRef<Draft | null>(null)
  // Which answers are still news: a review read (`load`) is dropped when a later read was shown already, or when an
  // action started or ended while it was under way (the action's own answer is newer).
  const order = useRef({ reads: 0, shownRead: 0, actions: 0 })

  const fill = useCallback((next: Draft | null) => {
    typed.current = next
    setDraft(next)
  }, [])
  const edit = (change: (d: Draft) => Draft) => {
    if (typed.current) fill(change(typed.current))
  }

  /**
   * Shows a review the API answered. `was` is what the inputs held when it was asked for (the invoice they were filled
   * from, or what an action sent): a field typed since keeps its input, every other field takes the answer's value.
   * Null starts over from the answer.
   */
  const show = useCallback(
    (next: Review, was: Draft | null) => {
      const fresh = draftOf(next.invoice, next.lines)
      const typing = typed.current
      base.current = next
      setReview(next)
      if (!was || !typing) {
        fill(fresh)
        setStaleNotice(null)
      } else {
        const refreshed = refreshDraft(was, fresh, typing)
        fill(refreshed.draft)
        setStaleNotice(refreshed.kept.length > 0 ? refreshed.conflicts : null)
      }
      setError(null)
    },
    [fill],
  )

  const load = useCallback(
    async (startOver = false) => {
      const read = ++order.current.reads
      const actions = order.current.actions
      const answer = await call<Review>(`${apiBase}/carrier-invoices/${invoiceId}/review`)
      if (read < order.current.shownRead || actions !== order.current.actions) return
      order.current.shownRead = read
      const shown = base.current
      if (answer.ok) show(answer.body, startOver || !shown ? null : draftOf(shown.invoice, shown.lines))
      else setError(answer.error)
    },
    [apiBase, invoiceId, show],
  )

  useEffect(() => {
    seen.current = null
    base.current = null
    setReview(null)
    fill(null)
    setMessage(null)
    setSelectedLine(null)
    setLinePage(0)
    void load(true)
  }, [load, fill])

  // Live status: the tag follows at once, then the review is fetched again (the reviewer's typing is kept).
  useInvoiceStatuses([invoiceId], (statuses) => {
    const live = statuses.find((s) => Number(s.id) === invoiceId)
    if (!live) return
    const before = seen.current
    seen.current = live
    const shown = base.current?.invoice
    const changed = before
      ? before.status !== live.status || before.updatedAt !== live.updatedAt
      : shown !== undefined && shown.status !== live.status
    if (!changed) return
    setReview((r) =>
      r
        ? { ...r, invoice: { ...r.invoice, status: live.status, statusReason: live.statusReason, statusLabel: statusLabel(live.status) } }
        : r,
    )
    void load()
  })

  const act = async (action: 'correct' | 'approve' | 'reject' | 'release' | 'reprocess', body: unknown, what: string) => {
    setBusy(true)
    order.current.actions++
    const sent = typed.current
    const answer = await call<Review>(`${apiBase}/carrier-invoices/${invoiceId}/${action}`, { method: 'POST', json: body })
    order.current.actions++
    setBusy(false)
    if (!answer.ok) {
      setMessage({ text: answer.error, ok: false })
      // A read dropped while the action was under way is asked for again; what was typed stays.
      void load()
      return false
    }
    // What was sent is saved: the inputs show the invoice as it is now, except what was typed while it was sent.
    show(answer.body, sent)
    setMessage({ text: doneText(what, answer.body), ok: true })
    if (action === 'reprocess') setFileVersion((v) => v + 1)
    onChanged?.()
    return true
  }

  const correction = useMemo(
    () => (review && draft ? correctionOf(review.invoice, review.lines, draft, note) : null),
    [review, draft, note],
  )

  const save = async () => {
    if (!correction) return
    const headerCount = Object.keys(correction.header ?? {}).length
    const lineCount = correction.lines?.length ?? 0
    if (await act('correct', correction, `Saved ${headerCount} header field(s) and ${lineCount} line(s)`)) setNote('')
  }
  const approve = async () => {
    if (await act('approve', note.trim() ? { note: note.trim() } : {}, 'Approved')) setNote('')
  }
  const decide = async () => {
    if (!asking) return
    if (await act(asking, { reason: reason.trim() }, asking === 'reject' ? 'Rejected' : 'Hold released')) {
      setAsking(null)
      setReason('')
    }
  }

  const selected = useMemo(() => {
    const line = review?.lines.find((l) => l.lineNo === selectedLine)
    return line ? { lineNo: line.lineNo, page: line.page, box: line.box } : null
  }, [review, selectedLine])

  if (error && !review)
    return (
      <section className="bp-review-empty" data-testid="invoice-review">
        <p className="bp-error" data-testid="invoice-error">
          {error}
        </p>
      </section>
    )
  if (!review || !draft)
    return (
      <section data-testid="invoice-review">
        <p>Loading…</p>
      </section>
    )

  const { invoice, lines, actions } = review
  const currency = invoice.currency
  const can = (action: (typeof actions)[number]) => actions.includes(action)
  const setHeader = (field: HeaderField, value: string) => edit((d) => ({ ...d, header: { ...d.header, [field]: value } }))
  const setLine = (lineNo: number, field: LineField, value: string) =>
    edit((d) => {
      const line = d.lines[lineNo] ?? { amount: '', glCode: '', costCentre: '' }
      return { ...d, lines: { ...d.lines, [lineNo]: { ...line, [field]: value } } }
    })
  const pages = Math.max(1, Math.ceil(lines.length / LINES_PER_PAGE))
  const shownLines = lines.slice(linePage * LINES_PER_PAGE, (linePage + 1) * LINES_PER_PAGE)
  const checks = invoice.checks ?? []
  const problems = invoice.problems ?? []

  return (
    <section className="bp-review" data-testid="invoice-review" data-invoice={invoice.id}>
      <div className="bp-review-file">
        <InvoiceFile
          apiBase={apiBase}
          invoiceId={invoice.id}
          fileType={invoice.fileType}
          fileName={invoice.fileName}
          version={String(fileVersion)}
          selected={selected}
        />
      </div>

      <div className="bp-review-data">
        <div className="bp-review-head">
          <h2 data-testid="invoice-number">{invoice.invoiceNumber ?? `Invoice ${invoice.id}`}</h2>
          <StatusTag status={invoice.status} testId="invoice-status" />
          <span data-testid="invoice-status-label">{invoice.statusLabel ?? statusLabel(invoice.status)}</span>
        </div>
        {invoice.statusReason ? <ReasonText reason={invoice.statusReason} /> : null}
        {error ? (
          <p className="bp-error" data-testid="invoice-error">
            {error}
          </p>
        ) : null}

        <dl className="bp-facts">
          <dt>Account</dt>
          <dd data-testid="invoice-account">
            {invoice.accountName ?? '—'} {invoice.accountNumber ? <span className="bp-muted">({invoice.accountNumber})</span> : null}
          </dd>
          <dt>Carrier</dt>
          <dd data-testid="invoice-carrier">{invoice.carrier ?? '—'}</dd>
          <dt>File</dt>
          <dd>
            {invoice.fileName ?? '—'}{' '}
            <span className="bp-muted">
              {invoice.fileType}
              {invoice.pages ? ` · ${invoice.pages} page(s)` : ''}
              {invoice.template ? ` · template ${invoice.template}` : ''}
              {invoice.source ? ` · from ${invoice.source}` : ''}
            </span>
          </dd>
          {invoice.duplicateOf ? (
            <>
              <dt>Duplicate of</dt>
              <dd>
                <a href={`?tab=invoice&invoice=${invoice.duplicateOf}`} data-testid="invoice-duplicate-of">
                  invoice {invoice.duplicateOf}
                </a>
              </dd>
            </>
          ) : null}
          {invoice.approvedAt ? (
            <>
              <dt>Approved</dt>
              <dd data-testid="invoice-approved">
                {when(invoice.approvedAt)} by {actorText(invoice.approvedBy)}
              </dd>
            </>
          ) : null}
        </dl>

        {checks.length > 0 ? (
          <>
            <h3>Failed checks</h3>
            <ul className="bp-list bp-checks" data-testid="invoice-checks">
              {checks.map((c, i) => (
                <li key={`${c.check}-${i}`} data-check={c.check}>
                  <strong>{c.check}</strong>: {c.message}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {problems.length > 0 ? (
          <>
            <h3>What the reader could not read</h3>
            <ul className="bp-list bp-problems" data-testid="invoice-problems">
              {problems.map((p, i) => (
                <li key={`${p.where}-${i}`}>
                  <strong>{p.where}</strong>: {p.message}
                </li>
              ))}
            </ul>
          </>
        ) : null}

        <h3>Header</h3>
        <div className="bp-header-form" data-testid="invoice-header">
          {HEADER_FIELDS.map((field) => (
            <label key={field} className={AMOUNT_FIELDS.has(field) ? 'bp-field amount' : 'bp-field'}>
              <span>{HEADER_LABELS[field]}</span>
              <input
                value={draft.header[field]}
                type={DATE_FIELDS.has(field) ? 'date' : 'text'}
                inputMode={AMOUNT_FIELDS.has(field) ? 'decimal' : undefined}
                disabled={!can('correct')}
                className={headerText(field, invoice[field]) !== draft.header[field] ? 'changed' : undefined}
                onChange={(e) => setHeader(field, e.target.value)}
                data-testid={`header-${field}`}
              />
            </label>
          ))}
        </div>

        <div className="bp-actions" data-testid="invoice-actions">
          {can('correct') ? (
            <button
              type="button"
              className="btn btn--style-primary btn--size-small"
              disabled={busy || !correction}
              onClick={() => void save()}
              data-testid="save-corrections"
            >
              Save corrections
            </button>
          ) : null}
          {can('approve') ? (
            <button
              type="button"
              className="btn btn--style-primary btn--size-small"
              disabled={busy}
              onClick={() => void approve()}
              data-testid="approve-invoice"
            >
              Approve
            </button>
          ) : null}
          {can('reject') ? (
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              disabled={busy}
              onClick={() => setAsking(asking === 'reject' ? null : 'reject')}
              data-testid="reject-invoice"
            >
              Reject…
            </button>
          ) : null}
          {can('release') && invoice.status === 'on_hold' ? (
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              disabled={busy}
              onClick={() => setAsking(asking === 'release' ? null : 'release')}
              data-testid="release-invoice"
            >
              Release hold…
            </button>
          ) : null}
          {can('reprocess') ? (
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              disabled={busy}
              onClick={() => void act('reprocess', {}, 'Read again')}
              data-testid="reprocess-invoice"
            >
              Read again
            </button>
          ) : null}
          {actions.length === 0 ? <span className="bp-muted">Nothing to do on this invoice now.</span> : null}
          {can('correct') || can('approve') ? (
            <input
              className="bp-note"
              placeholder="Note (kept with the correction or approval)"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              data-testid="review-note"
              aria-label="Note"
            />
          ) : null}
        </div>
        {asking ? (
          <form
            className="bp-actions bp-ask"
            data-testid="decision-form"
            onSubmit={(e) => {
              e.preventDefault()
              void decide()
            }}
          >
            <input
              autoFocus
              required
              placeholder={asking === 'reject' ? 'Why is it rejected?' : 'Why may it be paid despite the hold?'}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-testid="decision-reason"
              aria-label="Reason"
            />
            <button
              type="submit"
              className="btn btn--style-primary btn--size-small"
              disabled={busy || !reason.trim()}
              data-testid={`confirm-${asking}`}
            >
              {asking === 'reject' ? 'Reject the invoice' : 'Release the hold'}
            </button>
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              onClick={() => setAsking(null)}
              data-testid="decision-cancel"
            >
              Cancel
            </button>
          </form>
        ) : null}
        {staleNotice ? (
          <p className="bp-muted" data-testid="invoice-stale">
            The invoice changed while you were editing; your unsaved corrections are kept
            {staleNotice.length > 0 ? ` (also changed by someone else: ${staleNotice.join(', ')})` : ''}.
          </p>
        ) : null}
        {message ? (
          <p className={message.ok ? 'bp-ok' : 'bp-error'} data-testid="invoice-message">
            {message.text}
          </p>
        ) : null}

        <h3>
          Lines <span className="bp-muted">({lines.length})</span>
        </h3>
        {pages > 1 ? (
          <div className="bp-pager" data-testid="lines-pager">
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              disabled={linePage === 0}
              onClick={() => setLinePage(linePage - 1)}
            >
              ‹
            </button>
            <span>
              Lines {linePage * LINES_PER_PAGE + 1}–{Math.min(lines.length, (linePage + 1) * LINES_PER_PAGE)} of {lines.length}
            </span>
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              disabled={linePage >= pages - 1}
              onClick={() => setLinePage(linePage + 1)}
            >
              ›
            </button>
          </div>
        ) : null}
        <div className="bp-scroll">
          <table className="bp-table bp-lines" data-testid="invoice-lines">
            <thead>
              <tr>
                <th>#</th>
                <th>Service</th>
                <th>Description</th>
                <th>Charge</th>
                <th className="amount">Amount</th>
                <th>GL code</th>
                <th>Cost centre</th>
                <th>Allocations</th>
              </tr>
            </thead>
            <tbody>
              {shownLines.map((line: ReviewLine) => {
                const typed = draft.lines[line.lineNo] ?? {
                  amount: amountInput(line.amount),
                  glCode: line.glCode ?? '',
                  costCentre: line.costCentre ?? '',
                }
                const classes = [
                  line.lineNo === selectedLine ? 'selected' : '',
                  line.corrected ? 'corrected' : '',
                  !line.glCode || !line.costCentre ? 'unallocated' : '',
                ]
                return (
                  <tr
                    key={line.id}
                    className={classes.filter(Boolean).join(' ') || undefined}
                    onClick={() => setSelectedLine(line.lineNo)}
                    data-testid={`line-${line.lineNo}`}
                    data-selected={line.lineNo === selectedLine ? 'true' : 'false'}
                  >
                    <td>
                      {line.lineNo}
                      {line.corrected ? (
                        <span className="bp-muted" title="Corrected by a reviewer">
                          {' '}
                          ✎
                        </span>
                      ) : null}
                    </td>
                    <td className="bp-nowrap">{line.serviceId ?? <span className="bp-muted">shared</span>}</td>
                    <td className="bp-desc">{line.description}</td>
                    <td>{line.chargeType ?? '—'}</td>
                    <td className="amount">
                      <input
                        className={typed.amount !== amountInput(line.amount) ? 'bp-cell amount changed' : 'bp-cell amount'}
                        value={typed.amount}
                        inputMode="decimal"
                        disabled={!can('correct')}
                        onChange={(e) => setLine(line.lineNo, 'amount', e.target.value)}
                        onFocus={() => setSelectedLine(line.lineNo)}
                        data-testid={`line-amount-${line.lineNo}`}
                        aria-label={`Amount of line ${line.lineNo}`}
                      />
                    </td>
                    <td>
                      <input
                        className={typed.glCode !== (line.glCode ?? '') ? 'bp-cell code changed' : 'bp-cell code'}
                        value={typed.glCode}
                        disabled={!can('correct')}
                        onChange={(e) => setLine(line.lineNo, 'glCode', e.target.value)}
                        onFocus={() => setSelectedLine(line.lineNo)}
                        data-testid={`line-gl-${line.lineNo}`}
                        aria-label={`GL code of line ${line.lineNo}`}
                      />
                    </td>
                    <td>
                      <input
                        className={typed.costCentre !== (line.costCentre ?? '') ? 'bp-cell code changed' : 'bp-cell code'}
                        value={typed.costCentre}
                        disabled={!can('correct')}
                        onChange={(e) => setLine(line.lineNo, 'costCentre', e.target.value)}
                        onFocus={() => setSelectedLine(line.lineNo)}
                        data-testid={`line-cc-${line.lineNo}`}
                        aria-label={`Cost centre of line ${line.lineNo}`}
                      />
                    </td>
                    <td className="bp-alloc" data-testid={`line-allocations-${line.lineNo}`}>
                      {allocationText(line.allocations, currency)}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
        {can('correct') ? (
          <AddLine
            busy={busy}
            onAdd={(line) => act('correct', { addLines: [line], ...(note.trim() ? { note: note.trim() } : {}) }, 'Line added')}
          />
        ) : null}
        {review.taxAllocations.length > 0 ? (
          <p data-testid="tax-allocations">
            <strong>Taxes</strong> {allocationText(review.taxAllocations, currency)}
          </p>
        ) : null}

        {review.payments.length > 0 ? (
          <>
            <h3>Payments</h3>
            <div className="bp-scroll">
              <table className="bp-table" data-testid="invoice-payments">
                <thead>
                  <tr>
                    <th>Status</th>
                    <th className="amount">Amount</th>
                    <th>Confirmation</th>
                    <th>Submitted</th>
                    <th>Confirmed</th>
                    <th>Last error</th>
                  </tr>
                </thead>
                <tbody>
                  {review.payments.map((p) => (
                    <tr key={p.id} data-testid={`invoice-payment-${p.id}`}>
                      <td>{p.status}</td>
                      <td className="amount" data-amount={p.amount}>
                        {amountText(p.amount, currency)}
                      </td>
                      <td>{p.confirmation ?? '—'}</td>
                      <td className="bp-nowrap">{when(p.submittedAt)}</td>
                      <td className="bp-nowrap">{when(p.confirmedAt)}</td>
                      <td>{p.lastError ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}

        <h3>History</h3>
        <Events events={review.events} />
      </div>
    </section>
  )
}

type NewLine = { description: string; chargeType: string; amount: string; glCode: string; costCentre: string }

/** Keys in a charge the reader missed (a changed layout, a line it could not read), as the PDF shows it. */
function AddLine({ busy, onAdd }: { busy: boolean; onAdd: (line: Partial<NewLine>) => Promise<boolean> }): React.ReactElement {
  const empty: NewLine = { description: '', chargeType: '', amount: '', glCode: '', costCentre: '' }
  const [line, setLine] = useState<NewLine>(empty)
  const field = (name: keyof NewLine, label: string, width = 8) => (
    <label className="bp-field">
      <span>{label}</span>
      <input
        size={width}
        value={line[name]}
        data-testid={`add-line-${name}`}
        onChange={(event) => setLine({ ...line, [name]: event.target.value })}
      />
    </label>
  )
  const submit = async () => {
    const body = Object.fromEntries(Object.entries(line).filter(([, value]) => value.trim() !== '')) as Partial<NewLine>
    if (await onAdd(body)) setLine(empty)
  }
  return (
    <details className="bp-add-line" data-testid="add-line">
      <summary>Add a line the reader missed</summary>
      <div className="bp-add-line-fields">
        {field('description', 'Description', 24)}
        {field('chargeType', 'Charge type', 6)}
        {field('amount', 'Amount', 10)}
        {field('glCode', 'GL code', 6)}
        {field('costCentre', 'Cost centre', 8)}
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          disabled={busy || !line.amount.trim()}
          onClick={() => void submit()}
          data-testid="add-line-submit"
        >
          Add line
        </button>
      </div>
    </details>
  )
}
