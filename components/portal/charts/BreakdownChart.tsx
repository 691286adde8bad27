import React from 'react'

import { formatStored } from '../../../engine/core/money'
import type { Breakdown } from '../../../engine/portal'
import { BarSvg, ChartPatterns, Swatch } from './ChartPatterns'
import './charts.css'

/**
 * A statement's breakdown by component as a table that is also the chart: each row names the component (with its
 * pattern), draws its bar against the largest amount (negative ones left of the zero line) and prints its amount, so
 * nothing depends on colour and a screen reader reads an ordinary table (the bars are hidden from it).
 */
export function BreakdownChart({ breakdown, caption }: { breakdown: Breakdown; caption: string }): React.ReactElement {
  const prefix = 'breakdown'
  const money = (value: string) => formatStored(value, breakdown.currency)
  if (breakdown.bars.length === 0) return <p className="empty">No commission lines on this statement.</p>
  return (
    <figure className="chart" data-testid="statement-breakdown">
      <ChartPatterns prefix={prefix} series={breakdown.bars} />
      <table className="breakdown-chart">
        <caption className="chart-caption">{caption}</caption>
        <tbody>
          {breakdown.bars.map((bar) => (
            <tr key={bar.component} data-testid="breakdown-row" data-component={bar.component}>
              <th scope="row">
                <Swatch prefix={prefix} component={bar.component} style={bar.style} />
                <span className="chart-label" data-testid="breakdown-label">
                  {bar.label}
                </span>
              </th>
              <td className="breakdown-bar">
                <BarSvg prefix={prefix} zeroAt={breakdown.zeroAt} spans={[{ ...bar, title: `${bar.label}: ${money(bar.amount)}` }]} />
              </td>
              <td className="chart-value" data-testid="breakdown-amount">
                {money(bar.amount)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="breakdown-bar" />
            <td className="chart-value" data-testid="breakdown-total">
              {money(breakdown.total)}
            </td>
          </tr>
        </tfoot>
      </table>
    </figure>
  )
}
