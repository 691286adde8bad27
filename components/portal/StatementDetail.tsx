import React from 'react'

import type { StatementSummary } from '../../engine/commission'
import { formatStored } from '../../engine/core/money'
import type { Breakdown } from '../../engine/portal'
import { BreakdownChart } from './charts/BreakdownChart'

/** What the page shows of a statement (the statement view of modules/commission/statements). */
export type StatementDetailData = {
  id: number
  period: { label: string; startsOn: string; endsOn: string }
  runLabel: string
  currency: string
  generatedAt: string | null
  summary: StatementSummary
  breakdown: Breakdown
}

/** Lines shown per component on the page; a longer group says how many more the PDF and the workbook list. */
const LINES_SHOWN = 200

/** One statement: its facts and totals, the breakdown chart by component, then each component's lines and subtotal. */
export function StatementDetail({ statement }: { statement: StatementDetailData }): React.ReactElement {
  const money = (value: string) => formatStored(value, statement.currency)
  const { summary } = statement
  return (
    <>
      <section className="portal-section" data-testid="statement" data-statement-id={statement.id}>
        <h2 data-testid="statement-title">Commission statement · {statement.period.label}</h2>
        <dl className="statement-facts">
          <dt>Period</dt>
          <dd>
            {statement.period.startsOn} – {statement.period.endsOn}
          </dd>
          <dt>Run</dt>
          <dd>{statement.runLabel}</dd>
          <dt>Generated</dt>
          <dd>{statement.generatedAt ? statement.generatedAt.slice(0, 10) : '—'}</dd>
          <dt>Lines</dt>
          <dd>{summary.lineCount}</dd>
          <dt>Total</dt>
          <dd className="chart-value" data-testid="statement-detail-total">
            {money(summary.total)}
          </dd>
          <dt>Held</dt>
          <dd className="chart-value">{money(summary.held)}</dd>
          <dt>Payable</dt>
          <dd className="chart-value" data-testid="statement-detail-payable">
            <strong>{money(summary.payable)}</strong>
          </dd>
        </dl>
        <p className="statement-downloads">
          <a href={`/api/commission-statements/${statement.id}/pdf`} data-testid="statement-pdf">
            Download PDF
          </a>
          {' · '}
          <a href={`/api/commission-statements/${statement.id}/xlsx`} data-testid="statement-xlsx">
            Download Excel
          </a>
        </p>
      </section>
      <section className="portal-section">
        <h2>By component</h2>
        <BreakdownChart
          breakdown={statement.breakdown}
          caption={`${statement.period.label}: each component's total in ${statement.currency}, bars against the largest`}
        />
      </section>
      {summary.groups.map((group) => (
        <section key={group.component} className="portal-section" data-testid="statement-group" data-component={group.component}>
          <h2>
            {group.label} ({group.count} {group.count === 1 ? 'line' : 'lines'})
          </h2>
          <table className="statement-lines">
            <thead>
              <tr>
                <th>Line</th>
                <th className="amount">Amount</th>
              </tr>
            </thead>
            <tbody>
              {group.lines.slice(0, LINES_SHOWN).map((line) => (
                <tr key={line.id} data-testid="statement-detail-line">
                  <td>
                    <span className="statement-line-text">{line.description || '—'}</span>
                    {line.held ? <span className="status statement-held">held</span> : null}
                    {line.sourceRef ? <span className="statement-line-source">{line.sourceRef}</span> : null}
                  </td>
                  <td className="amount">{money(line.amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {group.count > LINES_SHOWN ? (
                <tr>
                  <td colSpan={2} className="empty">
                    {group.count - LINES_SHOWN} more lines are in the PDF and the Excel download.
                  </td>
                </tr>
              ) : null}
              <tr>
                <th>Subtotal · {group.label}</th>
                <td className="amount" data-testid="statement-group-subtotal">
                  {money(group.total)}
                </td>
              </tr>
            </tfoot>
          </table>
        </section>
      ))}
    </>
  )
}
