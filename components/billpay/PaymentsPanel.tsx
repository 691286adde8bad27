'use client'

import React, { useCallback, useEffect, useState } from 'react'

import type { InvoicePayment } from '../../payload-types'
import { amountText, call, labelOf, when, type PayRun } from './api'

type Paged<T> = { docs: T[]; totalDocs: number }

const invoiceText = (invoice: unknown) => labelOf(invoice, 'invoiceNumber')

/** One group of the run's outcome ("Held (2)" and its invoices, each opening the invoice), shown only when it has any. */
function Outcome({
  id,
  title,
  items,
  onOpen,
}: {
  id: string
  title: string
  items: { invoice: number; text: string }[]
  onOpen: (id: number) => void
}): React.ReactElement | null {
  if (items.length === 0) return null
  return (
    <div className="bp-outcome" data-testid={`payrun-${id}`}>
      <h4>
        {title} ({items.length})
      </h4>
      <ul className="bp-list">
        {items.map((item, i) => (
          <li key={i} data-invoice={item.invoice}>
            <a
              href={`?tab=invoice&invoice=${item.invoice}`}
              onClick={(e) => {
                e.preventDefault()
                onOpen(item.invoice)
              }}
            >
              invoice {item.invoice}
            </a>
            {item.text ? ` — ${item.text}` : ''}
          </li>
        ))}
      </ul>
    </div>
  )
}

/**
 * Payments: "Run payments now" (POST /api/carrier-invoices/pay-run; what was paid, held by a breaker and why, deferred,
 * failed or left unknown) and the latest payments (Payload's REST on invoice-payments).
 */
export function PaymentsPanel({ apiBase, onOpen }: { apiBase: string; onOpen: (id: number) => void }): React.ReactElement {
  const [payments, setPayments] = useState<InvoicePayment[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [run, setRun] = useState<PayRun | null>(null)
  const [runError, setRunError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    const answer = await call<Paged<InvoicePayment>>(`${apiBase}/invoice-payments?depth=1&sort=-createdAt&limit=50`)
    if (answer.ok) {
      setPayments(answer.body.docs)
      setError(null)
    } else setError(answer.error)
  }, [apiBase])
  useEffect(() => {
    void load()
  }, [load])

  const payNow = async () => {
    setBusy(true)
    const answer = await call<PayRun>(`${apiBase}/carrier-invoices/pay-run`, { method: 'POST', json: {} })
    setBusy(false)
    if (answer.ok) {
      setRun(answer.body)
      setRunError(null)
    } else setRunError(answer.error)
    void load()
  }

  return (
    <div data-testid="billpay-payments">
      <div className="bp-toolbar">
        <button
          type="button"
          className="btn btn--style-primary btn--size-small"
          disabled={busy}
          onClick={() => void payNow()}
          data-testid="pay-run"
        >
          {busy ? 'Paying…' : 'Run payments now'}
        </button>
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          onClick={() => void load()}
          data-testid="payments-refresh"
        >
          Refresh
        </button>
      </div>
      {runError ? (
        <p className="bp-error" data-testid="payrun-error">
          {runError}
        </p>
      ) : null}
      {run ? (
        <section className="bp-panel" data-testid="payrun-summary">
          <p>
            Paid <strong data-testid="payrun-paid-count">{run.paid.length}</strong>, held{' '}
            <strong data-testid="payrun-held-count">{run.held.length}</strong>, deferred {run.deferred.length}, failed {run.failed.length},
            unknown {run.unknown.length}
            {run.recovered.length ? `, recovered ${run.recovered.length}` : ''}.
            {run.bankFile ? <span data-testid="payrun-bank-file"> Bank file: {run.bankFile}</span> : null}
          </p>
          <Outcome
            id="paid"
            title="Paid"
            onOpen={onOpen}
            items={run.paid.map((p) => ({ invoice: p.invoice, text: `confirmation ${p.confirmation}` }))}
          />
          <Outcome
            id="held"
            title="Held by a breaker"
            onOpen={onOpen}
            items={run.held.map((h) => ({ invoice: h.invoice, text: h.reasons.join('; ') }))}
          />
          <Outcome
            id="deferred"
            title="Deferred"
            onOpen={onOpen}
            items={run.deferred.map((d) => ({ invoice: d.invoice, text: d.reason }))}
          />
          <Outcome
            id="failed"
            title="Failed (nothing was paid)"
            onOpen={onOpen}
            items={run.failed.map((f) => ({ invoice: f.invoice, text: f.reason }))}
          />
          <Outcome
            id="unknown"
            title="Outcome unknown (asked again on the next run)"
            onOpen={onOpen}
            items={run.unknown.map((u) => ({ invoice: u.invoice, text: u.reason }))}
          />
          <Outcome
            id="recovered"
            title="Recovered from an earlier run"
            onOpen={onOpen}
            items={run.recovered.map((r) => ({ invoice: r.invoice, text: `confirmation ${r.confirmation}` }))}
          />
        </section>
      ) : null}

      <h3>Latest payments</h3>
      {error ? (
        <p className="bp-error" data-testid="payments-error">
          {error}
        </p>
      ) : null}
      {payments === null ? (
        error ? null : (
          <p>Loading…</p>
        )
      ) : payments.length === 0 ? (
        <p className="bp-muted" data-testid="payments-empty">
          No payments yet.
        </p>
      ) : (
        <div className="bp-scroll">
          <table className="bp-table" data-testid="payments-table">
            <thead>
              <tr>
                <th>Invoice</th>
                <th className="amount">Amount</th>
                <th>Method</th>
                <th>Status</th>
                <th>Confirmation</th>
                <th>Submitted</th>
                <th>Confirmed</th>
                <th>Attempts</th>
                <th>Voucher</th>
                <th>Last error</th>
              </tr>
            </thead>
            <tbody>
              {payments.map((p) => {
                const invoiceId = typeof p.invoice === 'object' ? p.invoice.id : p.invoice
                return (
                  <tr key={p.id} data-testid={`payment-${p.id}`} data-status={p.status}>
                    <td>
                      <a
                        href={`?tab=invoice&invoice=${invoiceId}`}
                        onClick={(e) => {
                          e.preventDefault()
                          onOpen(invoiceId)
                        }}
                      >
                        {invoiceText(p.invoice)}
                      </a>
                    </td>
                    <td className="amount" data-amount={p.amount}>
                      {amountText(p.amount, p.currency)}
                    </td>
                    <td>{p.method}</td>
                    <td>
                      <span className={`bp-pill bp-pay-${p.status}`}>{p.status}</span>
                    </td>
                    <td>{p.confirmation ?? '—'}</td>
                    <td className="bp-nowrap">{when(p.submittedAt)}</td>
                    <td className="bp-nowrap">{when(p.confirmedAt)}</td>
                    <td className="amount">{p.attempts ?? 0}</td>
                    <td>{p.voucher ?? '—'}</td>
                    <td className="bp-reason">{p.lastError ?? ''}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
