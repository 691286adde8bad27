'use client'

import React, { useCallback, useEffect, useState } from 'react'

import type { CreditMemo, RebateClaim, RebateClaimLine } from '../../payload-types'
import { CLAIM_STATUS_LABELS } from '../../engine/rebates/claims'
import { amountText, call, labelOf, when } from './api'
import { ClaimLineWork } from './ClaimLineWork'
import { CreditMemoBox } from './CreditMemoBox'

type Paged<T> = { docs: T[] }
type HistoryEntry = { at?: string; by?: unknown; action?: string; note?: string | null }
type Approved = {
  claim: string
  status: RebateClaim['status']
  memo: { id: number; number: string; amount: string; status: string } | null
}

const needsWork = (line: RebateClaimLine) => line.status === 'needs_review' || line.dispute === 'open'

function approvalText(answer: Approved, currency: string): string {
  if (answer.memo)
    return `Approved: credit memo ${answer.memo.number} for ${amountText(answer.memo.amount, currency)} (${answer.memo.status}) is on its way to the ERP.`
  if (answer.status === 'finance_review') return 'Approved by channel operations: it now waits for finance (above the finance threshold).'
  return `Claim is now ${answer.status}.`
}

function History({ entries }: { entries: HistoryEntry[] }): React.ReactElement {
  if (entries.length === 0) return <p className="rb-muted">No history.</p>
  return (
    <ol className="rb-history" data-testid="claim-history">
      {entries.map((entry, index) => (
        <li key={index}>
          <span className="rb-muted">{when(entry.at)}</span> <strong>{entry.action ?? '—'}</strong>
          {entry.by !== undefined && entry.by !== null ? <span className="rb-muted"> by {labelOf(entry.by, 'email', 'name')}</span> : null}
          {entry.note ? <span> — {entry.note}</span> : null}
        </li>
      ))}
    </ol>
  )
}

/**
 * One claim: its lines (status, reason, amount) with the work on those that need review or are disputed, the
 * claim-level approve and reject, its history, and its credit memo once it has one. Every refusal of the API (a step
 * that belongs to another role, a line still open) is shown as the API wrote it.
 */
export function ClaimPanel({
  apiBase,
  claimId,
  onChanged,
  onClose,
}: {
  apiBase: string
  claimId: number
  onChanged: () => void
  onClose: () => void
}): React.ReactElement {
  const [claim, setClaim] = useState<RebateClaim | null>(null)
  const [lines, setLines] = useState<RebateClaimLine[]>([])
  const [memo, setMemo] = useState<CreditMemo | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    const [c, l, m] = await Promise.all([
      call<RebateClaim>(`${apiBase}/rebate-claims/${claimId}?depth=1`),
      call<Paged<RebateClaimLine>>(`${apiBase}/rebate-claim-lines?where[claim][equals]=${claimId}&depth=1&limit=500&sort=lineNumber`),
      call<Paged<CreditMemo>>(`${apiBase}/credit-memos?where[claim][equals]=${claimId}&depth=0&limit=1`),
    ])
    if (!c.ok) return setError(c.error)
    if (!l.ok) return setError(l.error)
    setError(null)
    setClaim(c.body)
    setLines(l.body.docs)
    setMemo(m.ok ? (m.body.docs[0] ?? null) : null)
  }, [apiBase, claimId])
  useEffect(() => {
    void load()
  }, [load])

  const changed = () => {
    void load()
    onChanged()
  }

  const approve = async () => {
    setBusy(true)
    const answer = await call<Approved>(`${apiBase}/rebate-claims/${claimId}/approve`, { method: 'POST' })
    setBusy(false)
    setMessage(answer.ok ? { text: approvalText(answer.body, claim?.currency ?? 'USD'), ok: true } : { text: answer.error, ok: false })
    if (answer.ok) changed()
  }
  const reject = async () => {
    setBusy(true)
    const answer = await call(`${apiBase}/rebate-claims/${claimId}/reject`, { method: 'POST', json: { reason } })
    setBusy(false)
    setMessage(answer.ok ? { text: 'Claim rejected.', ok: true } : { text: answer.error, ok: false })
    if (answer.ok) {
      setReason('')
      changed()
    }
  }

  if (error)
    return (
      <section className="rb-panel" data-testid="claim-panel">
        <p className="rb-error" data-testid="claim-panel-error">
          {error}
        </p>
      </section>
    )
  if (!claim)
    return (
      <section className="rb-panel" data-testid="claim-panel">
        <p>Loading…</p>
      </section>
    )

  const currency = claim.currency
  const history = Array.isArray(claim.history) ? (claim.history as HistoryEntry[]) : []
  const open = claim.status === 'in_review' || claim.status === 'finance_review'
  return (
    <section className="rb-panel" data-testid="claim-panel">
      <div className="rb-panel-head">
        <h2 data-testid="claim-number">{claim.number}</h2>
        <span>
          {labelOf(claim.partner, 'name', 'code')} · submitted {when(claim.submittedAt)} · {claim.source}
        </span>
        <button type="button" className="btn btn--style-secondary btn--size-small rb-close" onClick={onClose} data-testid="claim-close">
          Close
        </button>
      </div>
      <dl className="rb-facts">
        <dt>Status</dt>
        <dd>
          <span data-testid="claim-status">{claim.status}</span> <span className="rb-muted">({CLAIM_STATUS_LABELS[claim.status]})</span>
        </dd>
        <dt>Claimed</dt>
        <dd data-testid="claim-claimed-total" data-amount={claim.claimedTotal}>
          {amountText(claim.claimedTotal, currency)}
        </dd>
        <dt>Approved</dt>
        <dd data-testid="claim-approved-total" data-amount={claim.approvedTotal}>
          {amountText(claim.approvedTotal, currency)}
        </dd>
        {claim.rejectionReason ? (
          <>
            <dt>Rejected because</dt>
            <dd data-testid="claim-rejection-reason">{claim.rejectionReason}</dd>
          </>
        ) : null}
      </dl>

      {open ? (
        <div className="rb-actions">
          <button
            type="button"
            className="btn btn--style-primary btn--size-small"
            disabled={busy}
            onClick={() => void approve()}
            data-testid="approve-claim"
          >
            Approve
          </button>
          <input
            placeholder="Reason for rejecting the claim"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="reject-reason"
            aria-label="Reason for rejecting the claim"
          />
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            disabled={busy}
            onClick={() => void reject()}
            data-testid="reject-claim"
          >
            Reject
          </button>
        </div>
      ) : null}
      {message ? (
        <p className={message.ok ? 'rb-ok' : 'rb-error'} data-testid="claim-message">
          {message.text}
        </p>
      ) : null}

      <h3>Lines</h3>
      <div className="rb-scroll">
        <table className="rb-table rb-lines">
          <thead>
            <tr>
              <th>#</th>
              <th>Reference</th>
              <th>Program</th>
              <th className="amount">Quantity</th>
              <th className="amount">Claimed</th>
              <th className="amount">Amount</th>
              <th>Status</th>
              <th>Reason</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <React.Fragment key={line.id}>
                <tr data-testid={`claim-line-${line.lineNumber}`} className={needsWork(line) ? 'rb-line-open' : undefined}>
                  <td>{line.lineNumber}</td>
                  <td>{line.reference}</td>
                  <td>{labelOf(line.program, 'code', 'name')}</td>
                  <td className="amount">{line.quantity}</td>
                  <td className="amount" data-amount={line.claimedAmount ?? ''}>
                    {amountText(line.claimedAmount, currency)}
                  </td>
                  <td className="amount" data-amount={line.amount}>
                    {amountText(line.amount, currency)}
                  </td>
                  <td>
                    <span className={`rb-pill ${line.status}`} data-testid={`line-status-${line.lineNumber}`}>
                      {line.status}
                    </span>
                    {line.dispute ? (
                      <span className="rb-muted" data-testid={`line-dispute-${line.lineNumber}`}>
                        {' '}
                        dispute {line.dispute}
                      </span>
                    ) : null}
                  </td>
                  <td className="rb-reason">{line.reason}</td>
                </tr>
                {needsWork(line) ? (
                  <tr>
                    <td colSpan={8}>
                      <ClaimLineWork apiBase={apiBase} line={line} onChanged={changed} />
                    </td>
                  </tr>
                ) : null}
              </React.Fragment>
            ))}
          </tbody>
        </table>
      </div>

      <h3>History</h3>
      <History entries={history} />

      {memo ? <CreditMemoBox apiBase={apiBase} memo={memo} onChanged={changed} /> : null}
    </section>
  )
}
