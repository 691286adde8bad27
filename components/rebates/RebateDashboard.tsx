'use client'

import React, { useCallback, useEffect, useState } from 'react'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import type { Dashboard, DashboardRow, Figure } from '../../modules/rebates/finance'
import { amountText, call } from './api'

const FIGURES: readonly Figure[] = ['accrued', 'claimed', 'approved', 'paid', 'unclaimed', 'expired']
const FIGURE_LABELS: Record<Figure, string> = {
  accrued: 'Accrued',
  claimed: 'Claimed',
  approved: 'Approved',
  paid: 'Paid',
  unclaimed: 'Unclaimed',
  expired: 'Expired',
}
const COLOURS: Record<Figure, string> = {
  accrued: '#2f6fde',
  claimed: '#e8833a',
  approved: '#3aa76d',
  paid: '#1f3a5f',
  unclaimed: '#8e6cc9',
  expired: '#c94f4f',
}

/** One bar group: the exact amounts for the tooltip, the same as numbers for plotting only. */
type PlotRow = { name: string; exact: Record<Figure, string>; plot: Record<Figure, number> }

const plotRows = (rows: DashboardRow[], label: (row: DashboardRow) => string): PlotRow[] =>
  rows.map((row) => ({
    name: label(row),
    exact: Object.fromEntries(FIGURES.map((f) => [f, row[f]])) as Record<Figure, string>,
    plot: Object.fromEntries(FIGURES.map((f) => [f, Number(row[f])])) as Record<Figure, number>,
  }))

/** Compact axis ticks; the axis is a picture, so a float is fine here. */
const axisTick = (value: number) => new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(value)
const tick = { fill: 'var(--theme-elevation-800, #333)', fontSize: 12 }
const kindLabel = (kind: string) => kind.replace(/_/g, ' ')

function FigureChart({ id, title, rows, currency }: { id: string; title: string; rows: PlotRow[]; currency: string }): React.ReactElement {
  return (
    <section className="rb-chart" data-testid={id}>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="rb-muted">No accruals in this range.</p>
      ) : (
        <ResponsiveContainer width="100%" height={300}>
          <BarChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--theme-elevation-150, #ddd)" />
            <XAxis dataKey="name" tick={tick} interval={0} />
            <YAxis tickFormatter={axisTick} tick={tick} />
            <Tooltip
              formatter={(_value: unknown, name: unknown, item: { payload?: unknown }) => {
                const figure = FIGURES.find((f) => FIGURE_LABELS[f] === String(name)) ?? 'accrued'
                return amountText((item.payload as PlotRow | undefined)?.exact[figure] ?? '0', currency)
              }}
              contentStyle={{ background: 'var(--theme-elevation-0, #fff)', border: '1px solid var(--theme-elevation-150, #ddd)' }}
              cursor={{ fill: 'var(--theme-elevation-100, #eee)' }}
            />
            <Legend />
            {FIGURES.map((f) => (
              <Bar key={f} name={FIGURE_LABELS[f]} dataKey={(row: PlotRow) => row.plot[f]} fill={COLOURS[f]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </section>
  )
}

function FigureTable({ rows, currency }: { rows: DashboardRow[]; currency: string }): React.ReactElement {
  return (
    <div className="rb-scroll">
      <table className="rb-table" data-testid="dashboard-programs">
        <thead>
          <tr>
            <th>Program</th>
            {FIGURES.map((f) => (
              <th key={f} className="amount">
                {FIGURE_LABELS[f]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid={`dashboard-program-${row.key}`}>
              <td>
                <strong>{row.key}</strong> {row.label}
              </td>
              {FIGURES.map((f) => (
                <td key={f} className="amount" data-amount={row[f]}>
                  {amountText(row[f], currency)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/**
 * The financial controller's figures (GET /api/rebate-accruals/dashboard): accrued, claimed, approved, paid, unclaimed
 * and expired for the sales in a date range, in one currency, by region, program kind and program; and the memos.
 */
export function RebateDashboard({ apiBase }: { apiBase: string }): React.ReactElement {
  const year = new Date().getFullYear()
  const [from, setFrom] = useState(`${year}-01-01`)
  const [to, setTo] = useState(`${year}-12-31`)
  const [currency, setCurrency] = useState('USD')
  const [data, setData] = useState<Dashboard | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)

  // The filters as last asked for: the figures follow them, the inputs can change in between.
  const [asked, setAsked] = useState(() => ({ from, to, currency }))

  const load = useCallback(
    async (q: { from: string; to: string; currency: string }) => {
      setLoading(true)
      const query = new URLSearchParams({ from: q.from, to: q.to, currency: q.currency.trim().toUpperCase() })
      const answer = await call<Dashboard>(`${apiBase}/rebate-accruals/dashboard?${query}`)
      setLoading(false)
      if (answer.ok) {
        setData(answer.body)
        setError(null)
      } else {
        setError(answer.error)
      }
    },
    [apiBase],
  )

  useEffect(() => {
    void load(asked)
  }, [asked, load])

  const shown = data?.currency ?? currency
  return (
    <div data-testid="rebates-dashboard">
      <form
        className="rb-filters"
        onSubmit={(event) => {
          event.preventDefault()
          setAsked({ from, to, currency })
        }}
      >
        <label>
          From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="dashboard-from" required />
        </label>
        <label>
          To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="dashboard-to" required />
        </label>
        <label>
          Currency{' '}
          <input
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
            size={4}
            maxLength={3}
            data-testid="dashboard-currency"
            required
          />
        </label>
        <button type="submit" className="btn btn--style-secondary btn--size-small" data-testid="dashboard-show" disabled={loading}>
          {loading ? 'Loading…' : 'Show'}
        </button>
      </form>
      {error ? (
        <p className="rb-error" data-testid="dashboard-error">
          {error}
        </p>
      ) : null}
      {data ? (
        <>
          <p className="rb-muted">
            Sales from {data.from} to {data.to}, in {data.currency}.
          </p>
          <dl className="rb-figures">
            {FIGURES.map((f) => (
              <div key={f} className={`rb-figure rb-figure-${f}`}>
                <dt>{FIGURE_LABELS[f]}</dt>
                <dd data-testid={`figure-${f}`} data-amount={data.totals[f]}>
                  {amountText(data.totals[f], shown)}
                </dd>
              </div>
            ))}
          </dl>
          <p className="rb-memos" data-testid="memo-counts">
            Credit memos: <span data-testid="memos-pending">{data.memos.pending}</span> pending,{' '}
            <span data-testid="memos-issued">{data.memos.issued}</span> issued (
            <span data-testid="memos-issued-amount" data-amount={data.memos.issuedAmount}>
              {amountText(data.memos.issuedAmount, shown)}
            </span>
            ), <span data-testid="memos-refused">{data.memos.refused}</span> refused by the ERP.
          </p>
          <div className="rb-charts">
            <FigureChart id="chart-region" title="By region" rows={plotRows(data.byRegion, (r) => r.label)} currency={shown} />
            <FigureChart id="chart-kind" title="By program kind" rows={plotRows(data.byKind, (r) => kindLabel(r.key))} currency={shown} />
          </div>
          <FigureChart id="chart-program" title="By program" rows={plotRows(data.byProgram, (r) => r.key)} currency={shown} />
          {data.byProgram.length > 0 ? <FigureTable rows={data.byProgram} currency={shown} /> : null}
        </>
      ) : null}
    </div>
  )
}
