'use client'

import React from 'react'

import type { CreditMemo } from '../../../payload-types'
import { codeOf, day, LoadState, money, Status, useApi, type Page } from './shared'

/** The credit memos of the partner's approved claims, newest first, with the ERP's number once issued. */
export function CreditMemos({ version }: { version: number }): React.ReactElement {
  const { data, error, loading } = useApi<Page<CreditMemo>>('/api/credit-memos?sort=-createdAt&depth=1&limit=100', version)
  return (
    <section id="memos" className="portal-section">
      <h2>Credit memos</h2>
      {data && data.docs.length === 0 ? <p className="empty">No credit memos yet.</p> : null}
      {data && data.docs.length > 0 ? (
        <table className="rebates-table" data-testid="rebates-memos">
          <thead>
            <tr>
              <th>Memo</th>
              <th>Date</th>
              <th>Claim</th>
              <th className="amount">Amount</th>
              <th>Status</th>
              <th>ERP number</th>
            </tr>
          </thead>
          <tbody>
            {data.docs.map((memo) => (
              <tr key={memo.id} data-testid={`memo-${memo.number}`} data-status={memo.status}>
                <td data-label="Memo">{memo.number}</td>
                <td data-label="Date">{day(memo.memoDate)}</td>
                <td data-label="Claim">{codeOf(memo.claim)}</td>
                <td data-label="Amount" className="amount" data-amount={memo.amount}>
                  {money(memo.amount, memo.currency)}
                </td>
                <td data-label="Status">
                  <Status value={memo.status} />
                </td>
                <td data-label="ERP number">{memo.erpNumber ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <LoadState loading={loading && !data} error={error} testId="memos-error" />
    </section>
  )
}
