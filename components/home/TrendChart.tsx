import React from 'react'

import type { Headline } from '../../engine/home'

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function monthLabel(month: string): string {
  return MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? month
}

/**
 * A headline figure and its months as a small bar chart drawn in SVG on the server. Readable without colour: the
 * current month's bar is outlined and labelled, every bar carries its month, the change is written out in words with
 * an arrow, and a table gives the same numbers to screen readers.
 */
export function TrendChart({ headline }: { headline: Headline }): React.ReactElement {
  const values = headline.months.map((m) => Math.max(Number(m.amount), 0))
  const max = Math.max(...values, 0)
  const width = 300
  const height = 96
  const barWidth = width / headline.months.length
  const arrow = headline.direction === 'up' ? '▲' : headline.direction === 'down' ? '▼' : '■'
  const words = headline.direction === 'flat' ? 'no change' : `${headline.direction} ${headline.change.replace('-', '')}`
  return (
    <figure className="ops-card" data-testid={`ops-figure-${headline.key}`}>
      <figcaption>
        <span className="ops-card__label">{headline.label}</span>
        <strong className="ops-card__value" data-testid={`ops-figure-value-${headline.key}`}>
          {headline.current}
        </strong>
        <span className="ops-card__change">
          {arrow} {words} on last month ({headline.previous})
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height + 18}`} role="img" aria-label={`${headline.label} by month`} className="ops-card__chart">
        {headline.months.map((month, i) => {
          const barHeight = max === 0 ? 0 : Math.round((values[i]! / max) * height)
          const current = i === headline.months.length - 1
          return (
            <g key={month.month}>
              <rect
                x={i * barWidth + 4}
                y={height - barHeight}
                width={barWidth - 8}
                height={Math.max(barHeight, 1)}
                className={current ? 'ops-bar ops-bar--current' : 'ops-bar'}
              >
                <title>{`${month.month}: ${month.display}`}</title>
              </rect>
              <text x={i * barWidth + barWidth / 2} y={height + 14} textAnchor="middle" className="ops-bar__label">
                {current ? `${monthLabel(month.month)} ●` : monthLabel(month.month)}
              </text>
            </g>
          )
        })}
      </svg>
      <table className="ops-visually-hidden">
        <caption>{headline.label} by month</caption>
        <tbody>
          {headline.months.map((month) => (
            <tr key={month.month}>
              <th scope="row">{month.month}</th>
              <td>{month.display}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
