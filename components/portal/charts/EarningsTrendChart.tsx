import React from 'react'

import { formatStored } from '../../../engine/core/money'
import type { EarningsTrend } from '../../../engine/portal'
import { BarSvg, ChartPatterns, Swatch } from './ChartPatterns'
import './charts.css'

/**
 * The earnings trend of one currency: a legend naming each component with its pattern and its twelve-month total,
 * then one row per month (oldest first) with its stacked bar and total; opening a month lists each component's
 * amount. The latest month with earnings is open. Every figure is text beside its pattern (the bars themselves are
 * hidden from assistive technology), and a visually hidden table repeats them month by component for screen readers.
 */
export function EarningsTrendChart({ trend }: { trend: EarningsTrend }): React.ReactElement {
  const prefix = `trend-${trend.currency}`
  const money = (value: string) => formatStored(value, trend.currency)
  const earning = trend.months.filter((m) => m.segments.length > 0)
  const latest = earning[earning.length - 1]?.month
  if (earning.length === 0)
    return (
      <p className="empty" data-testid="earnings-trend-empty">
        No posted commission in {trend.currency} in the last {trend.months.length} months.
      </p>
    )
  return (
    <figure className="chart" data-testid="earnings-trend" data-currency={trend.currency}>
      <figcaption className="chart-caption">
        Posted commission by month and component, {trend.months[0]!.label} – {trend.months[trend.months.length - 1]!.label}:{' '}
        <strong data-testid="trend-total">{money(trend.total)}</strong>
      </figcaption>
      <ChartPatterns prefix={prefix} series={trend.series} />
      <ul className="chart-legend">
        {trend.series.map((s) => (
          <li key={s.component} data-testid="trend-legend" data-component={s.component}>
            <Swatch prefix={prefix} component={s.component} style={s.style} />
            <span className="chart-label">{s.label}</span>
            <span className="chart-value" data-testid="trend-legend-total">
              {money(s.total)}
            </span>
          </li>
        ))}
      </ul>
      <div className="trend-rows">
        {trend.months.map((m) => (
          <details key={m.month} className="trend-month" data-testid="trend-month" data-month={m.month} open={m.month === latest}>
            <summary>
              <span className="trend-label">{m.label}</span>
              <BarSvg
                prefix={prefix}
                zeroAt={trend.zeroAt}
                spans={m.segments.map((s) => ({ ...s, title: `${m.label} · ${s.label}: ${money(s.amount)}` }))}
              />
              <span className="chart-value" data-testid="trend-month-total">
                {money(m.total)}
              </span>
            </summary>
            {m.segments.length === 0 ? (
              <p className="trend-none">Nothing posted this month.</p>
            ) : (
              <ul className="trend-parts">
                {m.segments.map((s) => (
                  <li key={s.component} data-testid="trend-part" data-component={s.component}>
                    <Swatch prefix={prefix} component={s.component} style={s.style} />
                    <span className="chart-label">{s.label}</span>
                    <span className="chart-value" data-testid="trend-part-amount">
                      {money(s.amount)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </details>
        ))}
      </div>
      <div className="visually-hidden">
        <table data-testid="trend-table">
          <caption>Posted commission in {trend.currency} by month (rows) and component (columns)</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              {trend.series.map((s) => (
                <th key={s.component} scope="col">
                  {s.label}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {trend.months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.label}</th>
                {trend.series.map((s) => (
                  <td key={s.component}>{money(m.segments.find((x) => x.component === s.component)?.amount ?? '0')}</td>
                ))}
                <td>{money(m.total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{trend.months.length} months</th>
              {trend.series.map((s) => (
                <td key={s.component}>{money(s.total)}</td>
              ))}
              <td>{money(trend.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </figure>
  )
}
