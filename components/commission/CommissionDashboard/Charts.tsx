'use client'

import React, { useState } from 'react'
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import type { DashboardData, DashboardPeriod, PayeeMove, PayeeTotal, PeriodTotal } from '../../../modules/commission/dashboardData'
import { LINE_COMPONENT_LABELS, LINE_COMPONENTS } from '../../../engine/commission/components/types'
import { format, isCurrencyCode, money } from '../../../engine/core/money'

const COLOURS = ['#2f6fde', '#e8833a', '#3aa76d', '#c94f4f', '#8e6cc9', '#8c6d4f', '#d46fb5', '#7f7f7f', '#b8b83a', '#3ab8c9']
const CHART_HEIGHT = 320

/** One bar group or line point: exact amounts for tooltips, and the same amounts as numbers for plotting only. */
type PlotRow = { name: string; exact: Record<string, string>; plot: Record<string, number> }

/** An exact decimal string shown in its currency (grouped, rounded to the currency's minor unit); no float involved. */
function formatAmount(amount: string, currency: string): string {
  return isCurrencyCode(currency) ? format(money(amount, currency)) : `${amount} ${currency}`
}

/** Compact axis ticks; the axis is a picture, so a float is fine here. */
const axisTick = (value: number) => new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(value)

function periodName(period: DashboardPeriod): string {
  return period.startsOn ? `${period.label} (${period.startsOn})` : period.label
}

/** Pivots period totals into one row per period with one series per key (missing combinations count zero). */
function pivot(periods: DashboardPeriod[], totals: PeriodTotal[], label: (key: string) => string): { rows: PlotRow[]; series: string[] } {
  const series = [...new Set(totals.map((t) => label(t.key)))]
  const rows = periods.map((period) => {
    const row: PlotRow = { name: periodName(period), exact: {}, plot: {} }
    for (const name of series) {
      row.exact[name] = '0'
      row.plot[name] = 0
    }
    for (const t of totals.filter((total) => total.periodId === period.id)) {
      row.exact[label(t.key)] = t.total
      row.plot[label(t.key)] = Number(t.total)
    }
    return row
  })
  return { rows, series }
}

const componentLabel = (key: string) => LINE_COMPONENT_LABELS[key as keyof typeof LINE_COMPONENT_LABELS] ?? key
const componentRank = (label: string) => {
  const index = LINE_COMPONENTS.findIndex((key) => LINE_COMPONENT_LABELS[key] === label)
  return index === -1 ? LINE_COMPONENTS.length : index
}

/** Tooltip of a chart: the exact amounts, in the order of the series (not alphabetical), in the admin's theme colours. */
function tooltipProps(currency: string, series: readonly string[]) {
  return {
    formatter: (_value: unknown, name: unknown, item: { payload?: unknown }) =>
      formatAmount((item.payload as PlotRow | undefined)?.exact[String(name)] ?? '0', currency),
    itemSorter: (item: { name?: unknown }) => series.indexOf(String(item.name)),
    contentStyle: { background: 'var(--theme-elevation-0, #fff)', border: '1px solid var(--theme-elevation-150, #ddd)' },
    cursor: { fill: 'var(--theme-elevation-100, #eee)' },
  }
}

const grid = <CartesianGrid strokeDasharray="3 3" stroke="var(--theme-elevation-150, #ddd)" />
const tick = { fill: 'var(--theme-elevation-800, #333)' }

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }): React.ReactElement {
  return (
    <section data-testid={id} style={{ marginBottom: 40 }}>
      <h2 style={{ marginBottom: 12 }}>{title}</h2>
      {children}
    </section>
  )
}

const NO_POSTED_RUNS = <p>No posted runs yet: the charts fill in once a commission run is posted.</p>
const cell: React.CSSProperties = { padding: '4px 12px 4px 0', borderBottom: '1px solid var(--theme-elevation-100, #eee)' }
const amountCell: React.CSSProperties = { ...cell, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }

function PayeeName({ payee, adminRoute }: { payee: PayeeTotal | PayeeMove; adminRoute: string }): React.ReactElement {
  return (
    <a href={`${adminRoute === '/' ? '' : adminRoute}/collections/participants/${payee.payeeId}`}>
      {payee.name}
      {payee.code ? ` (${payee.code})` : ''}
    </a>
  )
}

function TopPayees({ rows, currency, adminRoute }: { rows: PayeeTotal[]; currency: string; adminRoute: string }): React.ReactElement {
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }}>
      <thead>
        <tr>
          <th style={{ ...cell, textAlign: 'left' }}>#</th>
          <th style={{ ...cell, textAlign: 'left' }}>Payee</th>
          <th style={{ ...amountCell }}>Payout</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={row.payeeId}>
            <td style={cell}>{index + 1}</td>
            <td style={cell}>
              <PayeeName payee={row} adminRoute={adminRoute} />
            </td>
            <td style={amountCell}>{formatAmount(row.total, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Movers({ rows, currency, adminRoute }: { rows: PayeeMove[]; currency: string; adminRoute: string }): React.ReactElement {
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }}>
      <thead>
        <tr>
          <th style={{ ...cell, textAlign: 'left' }}>Payee</th>
          <th style={amountCell}>Previous</th>
          <th style={amountCell}>Latest</th>
          <th style={amountCell}>Change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.payeeId}>
            <td style={cell}>
              <PayeeName payee={row} adminRoute={adminRoute} />
            </td>
            <td style={amountCell}>{formatAmount(row.previous, currency)}</td>
            <td style={amountCell}>{formatAmount(row.latest, currency)}</td>
            <td style={amountCell}>{formatAmount(row.change, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const LEAKAGE_SERIES = [
  { key: 'revenueLeakage', label: 'Revenue leakage found' },
  { key: 'overpaymentAvoided', label: 'Overpayment avoided' },
  { key: 'unattributedRevenue', label: 'Unattributed revenue' },
] as const

/** The dashboard's charts and tables, for one currency at a time (amounts are never added across currencies). */
export function Charts({ data, adminRoute }: { data: DashboardData; adminRoute: string }): React.ReactElement {
  const [currency, setCurrency] = useState(data.currencies[0] ?? '')
  const inCurrency = <T extends { currency: string }>(rows: T[]) => rows.filter((row) => row.currency === currency)

  const components = pivot(data.periods, inCurrency(data.byComponent), componentLabel)
  components.series.sort((a, b) => componentRank(a) - componentRank(b))
  const carriers = pivot(data.periods, inCurrency(data.byCarrier), (key) => key)
  const topPayees = inCurrency(data.topPayees)
  const movers = inCurrency(data.movers)
  const leakage: PlotRow[] = inCurrency(data.leakage).map((run) => ({
    name: run.periodStart ? `${run.title} (${run.periodStart})` : run.title,
    exact: Object.fromEntries(LEAKAGE_SERIES.map((s) => [s.label, run[s.key]])),
    plot: Object.fromEntries(LEAKAGE_SERIES.map((s) => [s.label, Number(run[s.key])])),
  }))
  const posted = components.rows.length > 0 && components.series.length > 0

  return (
    <div data-testid="dashboard">
      {data.currencies.length > 1 ? (
        <label style={{ display: 'block', marginBottom: 24 }}>
          Currency{' '}
          <select value={currency} onChange={(event) => setCurrency(event.target.value)} data-testid="dashboard-currency">
            {data.currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>
      ) : null}

      <Section
        id="chart-components"
        title={data.periods.length > 1 ? `Payout by component, last ${data.periods.length} periods` : 'Payout by component'}
      >
        {posted ? (
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            <BarChart data={components.rows} stackOffset="sign">
              {grid}
              <XAxis dataKey="name" tick={tick} />
              <YAxis tickFormatter={axisTick} tick={tick} />
              <Tooltip {...tooltipProps(currency, components.series)} />
              <Legend itemSorter={null} />
              {components.series.map((name, index) => (
                <Bar
                  isAnimationActive={false}
                  key={name}
                  name={name}
                  dataKey={(row: PlotRow) => row.plot[name]}
                  stackId="payout"
                  fill={COLOURS[index % COLOURS.length]}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        ) : (
          NO_POSTED_RUNS
        )}
      </Section>

      <Section id="chart-carriers" title="Payout by carrier">
        {posted ? (
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            <LineChart data={carriers.rows}>
              {grid}
              <XAxis dataKey="name" tick={tick} padding={{ left: 40, right: 40 }} />
              <YAxis tickFormatter={axisTick} tick={tick} />
              <Tooltip {...tooltipProps(currency, carriers.series)} cursor={{ stroke: 'var(--theme-elevation-400, #999)' }} />
              <Legend itemSorter={null} />
              {carriers.series.map((name, index) => (
                <Line
                  isAnimationActive={false}
                  key={name}
                  name={name}
                  dataKey={(row: PlotRow) => row.plot[name]}
                  stroke={COLOURS[index % COLOURS.length]}
                  strokeWidth={2}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        ) : (
          NO_POSTED_RUNS
        )}
      </Section>

      <Section id="top-payees" title={data.latestPeriod ? `Top payees of ${periodName(data.latestPeriod)}` : 'Top payees'}>
        {topPayees.length > 0 ? <TopPayees rows={topPayees} currency={currency} adminRoute={adminRoute} /> : NO_POSTED_RUNS}
      </Section>

      <Section
        id="movers"
        title={
          data.latestPeriod && data.previousPeriod
            ? `Largest changes from ${periodName(data.previousPeriod)} to ${periodName(data.latestPeriod)}`
            : 'Largest changes'
        }
      >
        {movers.length > 0 ? (
          <Movers rows={movers} currency={currency} adminRoute={adminRoute} />
        ) : !posted ? (
          NO_POSTED_RUNS
        ) : !data.previousPeriod ? (
          <p>Only one period has posted runs so far: changes show once a second period is posted.</p>
        ) : (
          <p>No payee&apos;s payout changed between the two latest periods.</p>
        )}
      </Section>

      <Section id="chart-leakage" title="Reconciliation: leakage found">
        {leakage.length > 0 ? (
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            <BarChart data={leakage}>
              {grid}
              <XAxis dataKey="name" tick={tick} />
              <YAxis tickFormatter={axisTick} tick={tick} />
              <Tooltip
                {...tooltipProps(
                  currency,
                  LEAKAGE_SERIES.map((s) => s.label),
                )}
              />
              <Legend itemSorter={null} />
              {LEAKAGE_SERIES.map((s, index) => (
                <Bar
                  isAnimationActive={false}
                  key={s.key}
                  name={s.label}
                  dataKey={(row: PlotRow) => row.plot[s.label]}
                  fill={COLOURS[index % COLOURS.length]}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        ) : (
          <p>No completed reconciliation runs yet{data.currencies.length > 1 ? ` in ${currency}` : ''}.</p>
        )}
      </Section>
    </div>
  )
}
