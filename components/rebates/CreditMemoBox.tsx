'use client'

import React, { useCallback, useEffect, useState } from 'react'

import type { CreditMemo } from '../../payload-types'
import { amountText, call } from './api'
import { MemoDrilldown, type Drilldown } from './MemoDrilldown'

/**
 * A claim's credit memo: its number, status, ERP number, push attempts and last error; "Push now" (finance and company
 * admins) and the drill-down from the memo to the point-of-sale lines.
 */
export function CreditMemoBox({
  apiBase,
  memo,
  onChanged,
}: {
  apiBase: string
  memo: CreditMemo
  onChanged: () => void
}): React.ReactElement {
  const [drill, setDrill] = useState<Drilldown | null>(null)
  const [drillError, setDrillError] = useState<string | null>(null)
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null)
  const [busy, setBusy] = useState(false)

  const loadDrill = useCallback(async () => {
    const answer = await call<Drilldown>(`${apiBase}/credit-memos/${memo.id}/drilldown`)
    if (answer.ok) {
      setDrill(answer.body)
      setDrillError(null)
    } else setDrillError(answer.error)
  }, [apiBase, memo.id])
  useEffect(() => {
    void loadDrill()
  }, [loadDrill])

  const push = async () => {
    setBusy(true)
    const answer = await call<{ status: string; erpNumber: string | null }>(`${apiBase}/credit-memos/${memo.id}/push`, { method: 'POST' })
    setBusy(false)
    setMessage(
      answer.ok
        ? { text: `Pushed: ${answer.body.status}${answer.body.erpNumber ? `, ERP number ${answer.body.erpNumber}` : ''}.`, ok: true }
        : { text: answer.error, ok: false },
    )
    onChanged()
    void loadDrill()
  }

  return (
    <section className="rb-memo" data-testid="memo">
      <h3>Credit memo</h3>
      <dl className="rb-facts">
        <dt>Number</dt>
        <dd data-testid="memo-number">{memo.number}</dd>
        <dt>Amount</dt>
        <dd data-testid="memo-amount" data-amount={memo.amount}>
          {amountText(memo.amount, memo.currency)}
        </dd>
        <dt>Date</dt>
        <dd>{memo.memoDate}</dd>
        <dt>Status</dt>
        <dd data-testid="memo-status">{memo.status}</dd>
        <dt>ERP number</dt>
        <dd data-testid="memo-erp-number">{memo.erpNumber ?? '—'}</dd>
        <dt>Attempts</dt>
        <dd data-testid="memo-attempts">{memo.attempts ?? 0}</dd>
        <dt>Last error</dt>
        <dd data-testid="memo-last-error">{memo.lastError ?? '—'}</dd>
      </dl>
      {memo.status === 'pending' || memo.status === 'refused' ? (
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          disabled={busy}
          onClick={() => void push()}
          data-testid="push-memo"
        >
          {busy ? 'Pushing…' : 'Push now'}
        </button>
      ) : null}
      {message ? (
        <p className={message.ok ? 'rb-ok' : 'rb-error'} data-testid="push-memo-message">
          {message.text}
        </p>
      ) : null}
      <details open className="rb-details">
        <summary>Drill-down: memo → claim → lines → point-of-sale invoices</summary>
        {drillError ? <p className="rb-error">{drillError}</p> : null}
        {drill ? <MemoDrilldown data={drill} /> : drillError ? null : <p className="rb-muted">Loading…</p>}
      </details>
    </section>
  )
}
