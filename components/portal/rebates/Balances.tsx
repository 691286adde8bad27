'use client'

import React from 'react'

import { LoadState, money, useApi, type RebateDashboard } from './shared'

const FIGURES = [
  { key: 'accrued', label: 'Accrued', hint: 'what your sales earned' },
  { key: 'claimed', label: 'Claimed', hint: 'in claims not rejected' },
  { key: 'approved', label: 'Approved', hint: 'approved claim lines' },
  { key: 'paid', label: 'Paid', hint: 'credit memos issued' },
  { key: 'unclaimed', label: 'Unclaimed', hint: 'open, waiting for a claim' },
] as const

/** The partner's rebate balances for the current year in USD (GET /api/rebate-accruals/dashboard). */
export function Balances({ version }: { version: number }): React.ReactElement {
  const { data, error, loading } = useApi<RebateDashboard>('/api/rebate-accruals/dashboard?currency=USD', version)
  return (
    <section id="balances" className="portal-section">
      <h2>Balances{data ? ` · ${data.from.slice(0, 4)} · ${data.currency}` : ''}</h2>
      {data ? (
        <ul className="rebates-balances" data-testid="rebates-balances">
          {FIGURES.map((figure) => (
            <li key={figure.key} data-testid={`balance-${figure.key}`} data-amount={data.totals[figure.key]}>
              <span className="rebates-balance-label">{figure.label}</span>
              <strong>{money(data.totals[figure.key], data.currency)}</strong>
              <span className="rebates-balance-hint">{figure.hint}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <LoadState loading={loading && !data} error={error} testId="balances-error" />
    </section>
  )
}
