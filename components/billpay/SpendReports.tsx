'use client'

import React, { useCallback, useEffect, useMemo, useState } from 'react'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import { D, decimalOrNull } from '../../engine/core/decimal'
import { call, type SpendReport } from './api'
import { StatusTag } from './StatusTag'

const COLOURS = ['#2f6fde', '#e8833a', '#3aa76d', '#8e6cc9', '#c94f4f', '#1f3a5f', '#d4a017', '#17a2b8', '#6c757d', '#b5651d']
const tick = { fill: 'var(--theme-elevation-800, #333)', fontSize: 12 }
const tooltipStyle = { background: 'var(--theme-elevation-0, #fff)', border: '1px solid var(--theme-elevation-150, #ddd)' }

/** Compact axis ticks; the axis is a picture, so a float is fine here. */
const axisTick = (value: number) => new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(value)

/** An exact decimal string with thousands separators and two decimals ("12,345.60"), display only. */
export function amountShown(value: string | null | undefined): string {
  const d = decimalOrNull(value)
  if (!d) return value ?? '—'
  const fixed = d.toFixed(2)
  const negative = fixed.startsWith('-')
  const [whole = '', fraction = ''] = (negative ? fixed.slice(1) : fixed).split('.')
  return `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`
}

/** The exact sum of decimal strings, as a decimal string. */
const exactSum = (values: readonly string[]): string => values.reduce((total, v) => total.plus(decimalOrNull(v) ?? 0), new D(0)).toString()

/** "YYYY-MM" of a date `monthsBack` months before today's month. */
function monthOf(monthsBack: number): string {
  const now = new Date()
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1))
  return d.toISOString().slice(0, 7)
}

/** A bar group: exact amounts for the tooltip and tables, the same as numbers for plotting only. */
type PlotRow = { name: string; exact: Record<string, string>; plot: Record<string, number> }

/** Rows of `{ month, <key>, amount }` as one plot row per month with a bar segment per key (exact per cell). */
function byMonth<R extends { month: string; amount: string }>(
  months: readonly string[],
  rows: readonly R[],
  keyOf: (row: R) => string,
): { keys: string[]; plot: PlotRow[] } {
  const keys = [...new Set(rows.map(keyOf))].sort()
  const plot = months.map((month) => {
    const exact: Record<string, string> = {}
    for (const key of keys) exact[key] = exactSum(rows.filter((r) => r.month === month && keyOf(r) === key).map((r) => r.amount))
    return { name: month, exact, plot: Object.fromEntries(keys.map((k) => [k, Number(exact[k])])) }
  })
  return { keys, plot }
}

/** A bar chart whose bars (stacked when more than one key) are plotted from numbers and labelled with the exact amounts. */
function Chart({
  id,
  title,
  rows,
  keys,
  stacked,
  empty,
}: {
  id: string
  title: string
  rows: PlotRow[]
  keys: string[]
  stacked: boolean
  empty: string
}): React.ReactElement {
  return (
    <section className="bp-chart" data-testid={id}>
      <h3>{title}</h3>
      {rows.length === 0 || keys.length === 0 ? (
        <p className="bp-muted">{empty}</p>
      ) : (
        <ResponsiveContainer width="100%" height={300}>
          <BarChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--theme-elevation-150, #ddd)" />
            <XAxis dataKey="name" tick={tick} />
            <YAxis tickFormatter={axisTick} tick={tick} />
            <Tooltip
              formatter={(_value: unknown, name: unknown, item: { payload?: unknown }) =>
                amountShown((item.payload as PlotRow | undefined)?.exact[String(name)] ?? '0')
              }
              contentStyle={tooltipStyle}
              cursor={{ fill: 'var(--theme-elevation-100, #eee)' }}
            />
            {keys.length > 1 ? <Legend /> : null}
            {keys.map((key, i) => (
              <Bar
                key={key}
                name={key}
                dataKey={(row: PlotRow) => row.plot[key]}
                stackId={stacked ? 'spend' : undefined}
                fill={COLOURS[i % COLOURS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </section>
  )
}

/**
 * The spend reports (GET /api/carrier-invoices/report?from&to, months as YYYY-MM): spend per month by carrier (stacked),
 * by cost centre and by GL code; invoices by status and by age; the exceptions. The same report downloads as xlsx.
 * Charts plot numbers; every figure shown in text is the exact decimal.
 */
export function SpendReports({ apiBase, onOpen }: { apiBase: string; onOpen: (id: number) => void }): React.ReactElement {
  const [from, setFrom] = useState(() => monthOf(5))
  const [to, setTo] = useState(() => monthOf(0))
  const [asked, setAsked] = useState(() => ({ from, to }))
  const [report, setReport] = useState<SpendReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)

  const load = useCallback(
    async (q: { from: string; to: string }) => {
      setLoading(true)
      const answer = await call<SpendReport>(`${apiBase}/carrier-invoices/report?${new URLSearchParams(q)}`)
      setLoading(false)
      if (answer.ok) {
        setReport(answer.body)
        setError(null)
      } else setError(answer.error)
    },
    [apiBase],
  )
  useEffect(() => {
    void load(asked)
  }, [asked, load])

  const carriers = useMemo(() => (report ? byMonth(report.months, report.byCarrier, (r) => r.carrier) : null), [report])
  const costCentres = useMemo(() => {
    if (!report) return null
    const keys = [...new Set(report.byCostCentre.map((r) => r.costCentre))].sort()
    const plot: PlotRow[] = keys.map((key) => {
      const total = exactSum(report.byCostCentre.filter((r) => r.costCentre === key).map((r) => r.amount))
      return { name: key, exact: { Spend: total }, plot: { Spend: Number(total) } }
    })
    return plot
  }, [report])
  const glCodes = useMemo(() => (report ? byMonth(report.months, report.byGlCode, (r) => r.glCode) : null), [report])

  return (
    <div data-testid="billpay-reports">
      <form
        className="bp-toolbar"
        onSubmit={(e) => {
          e.preventDefault()
          setAsked({ from, to })
        }}
      >
        <label>
          From{' '}
          <input type="month" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="report-from" aria-label="From month" />
        </label>
        <label>
          To <input type="month" value={to} onChange={(e) => setTo(e.target.value)} data-testid="report-to" aria-label="To month" />
        </label>
        <button type="submit" className="btn btn--style-primary btn--size-small" disabled={loading} data-testid="report-show">
          Show
        </button>
        <a
          className="btn btn--style-secondary btn--size-small"
          href={`${apiBase}/carrier-invoices/report?${new URLSearchParams({ ...asked, format: 'xlsx' })}`}
          data-testid="report-xlsx"
        >
          Download xlsx
        </a>
      </form>
      {error ? (
        <p className="bp-error" data-testid="report-error">
          {error}
        </p>
      ) : null}
      {!report ? (
        error ? null : (
          <p>Loading…</p>
        )
      ) : (
        <>
          <div className="bp-charts">
            <Chart
              id="report-by-carrier"
              title="Spend per month by carrier"
              rows={carriers?.plot ?? []}
              keys={carriers?.keys ?? []}
              stacked
              empty="No spend in this range."
            />
            <Chart
              id="report-by-cost-centre"
              title="Spend by cost centre"
              rows={costCentres ?? []}
              keys={['Spend']}
              stacked={false}
              empty="No spend in this range."
            />
          </div>

          <h3>Spend by GL code</h3>
          <div className="bp-scroll">
            <table className="bp-table" data-testid="report-by-gl-code">
              <thead>
                <tr>
                  <th>GL code</th>
                  {report.months.map((m) => (
                    <th key={m} className="amount">
                      {m}
                    </th>
                  ))}
                  <th className="amount">Total</th>
                </tr>
              </thead>
              <tbody>
                {(glCodes?.keys ?? []).map((key) => {
                  const cells = (glCodes?.plot ?? []).map((row) => row.exact[key] ?? '0')
                  return (
                    <tr key={key} data-testid={`report-gl-${key}`}>
                      <td>{key}</td>
                      {cells.map((value, i) => (
                        <td key={i} className="amount" data-amount={value}>
                          {amountShown(value)}
                        </td>
                      ))}
                      <td className="amount" data-amount={exactSum(cells)}>
                        <strong>{amountShown(exactSum(cells))}</strong>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>

          <div className="bp-charts">
            <section className="bp-chart">
              <h3>Invoices by status</h3>
              <div className="bp-scroll">
                <table className="bp-table" data-testid="report-by-status">
                  <thead>
                    <tr>
                      <th>Status</th>
                      <th className="amount">Invoices</th>
                      <th className="amount">Total</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.byStatus.map((s) => (
                      <tr key={s.status} data-testid={`report-status-${s.status}`}>
                        <td>
                          <StatusTag status={s.status} />
                        </td>
                        <td className="amount">{s.count}</td>
                        <td className="amount" data-amount={s.total}>
                          {amountShown(s.total)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <Chart
              id="report-by-age"
              title="Open invoices by age"
              rows={report.byAge.map((a) => ({ name: a.bucket, exact: { Invoices: String(a.count) }, plot: { Invoices: a.count } }))}
              keys={['Invoices']}
              stacked={false}
              empty="No open invoices."
            />
          </div>
          <div className="bp-scroll">
            <table className="bp-table" data-testid="report-age-table">
              <thead>
                <tr>
                  <th>Age</th>
                  <th className="amount">Invoices</th>
                  <th className="amount">Total</th>
                </tr>
              </thead>
              <tbody>
                {report.byAge.map((a) => (
                  <tr key={a.bucket} data-testid={`report-age-${a.bucket}`}>
                    <td>{a.bucket}</td>
                    <td className="amount">{a.count}</td>
                    <td className="amount" data-amount={a.total}>
                      {amountShown(a.total)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h3>Exceptions</h3>
          {report.exceptions.length === 0 ? (
            <p className="bp-muted" data-testid="report-no-exceptions">
              No exceptions.
            </p>
          ) : (
            <div className="bp-scroll">
              <table className="bp-table bp-clickable" data-testid="report-exceptions">
                <thead>
                  <tr>
                    <th>Invoice</th>
                    <th>Carrier</th>
                    <th>Status</th>
                    <th>Reason</th>
                    <th className="amount">Total due</th>
                    <th className="amount">Age (days)</th>
                  </tr>
                </thead>
                <tbody>
                  {report.exceptions.map((x) => (
                    <tr key={x.id} onClick={() => onOpen(x.id)} data-testid={`report-exception-${x.id}`}>
                      <td>{x.invoiceNumber ?? `#${x.id}`}</td>
                      <td>{x.carrier ?? '—'}</td>
                      <td>
                        <StatusTag status={x.status} />
                      </td>
                      <td className="bp-reason" title={x.reason ?? undefined}>
                        <span className="bp-clamp">{x.reason ?? ''}</span>
                      </td>
                      <td className="amount" data-amount={x.totalDue ?? ''}>
                        {amountShown(x.totalDue)}
                      </td>
                      <td className="amount">{x.ageDays ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  )
}
