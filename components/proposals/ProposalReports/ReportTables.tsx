import React from 'react'

import { AGE_BUCKETS, type CurrencyTotal } from '../../../engine/proposals/reports'
import { formatStored } from '../../../engine/core/money'
import type { AdvertisingData, CommissionData, StatusAgeData, TurnaroundData } from '../../../modules/proposals/reportData'

/** The four report tables of the proposal reports view: rows as the report gives them, then the total row(s). */

const TABLE: React.CSSProperties = { width: '100%', borderCollapse: 'collapse' }
const ROW: React.CSSProperties = { borderTop: '1px solid var(--theme-elevation-100)' }
const TOTAL: React.CSSProperties = { borderTop: '2px solid var(--theme-elevation-400)', fontWeight: 600 }
const NUM: React.CSSProperties = { textAlign: 'right' }

export function StatusAgeTable({ data }: { data: StatusAgeData }): React.ReactElement {
  const cells = (c: StatusAgeData['total']) =>
    [c.count, ...AGE_BUCKETS.map((b) => c.buckets[b.key]), c.oldestDays ?? '—'].map((v, i) => (
      <td key={i} style={NUM}>
        {v}
      </td>
    ))
  return (
    <table className="table" style={TABLE} data-testid="report-status-age">
      <thead>
        <tr>
          <th style={{ textAlign: 'left' }}>Status</th>
          {['Proposals', ...AGE_BUCKETS.map((b) => b.label), 'Oldest (days)'].map((h) => (
            <th key={h} style={NUM}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.rows.map((row) => (
          <tr key={row.status} style={ROW}>
            <td>{row.status}</td>
            {cells(row)}
          </tr>
        ))}
        <tr style={TOTAL}>
          <td>Total</td>
          {cells(data.total)}
        </tr>
      </tbody>
    </table>
  )
}

export function TurnaroundTable({ data }: { data: TurnaroundData }): React.ReactElement {
  const h = (value: number | null) => (value === null ? '—' : value.toFixed(2))
  return (
    <table className="table" style={TABLE} data-testid="report-turnaround">
      <thead>
        <tr>
          <th style={{ textAlign: 'left' }}>Level</th>
          <th style={{ textAlign: 'left' }}>Approvers</th>
          {['Decisions', 'Approved', 'Returned', 'Rejected', 'Average (h)', 'Median (h)', 'Max (h)', 'Waiting', 'Longest wait (h)'].map(
            (x) => (
              <th key={x} style={NUM}>
                {x}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {data.rows.length === 0 ? <Empty columns={11} text="No proposal has been submitted yet." /> : null}
        {data.rows.map((r) => (
          <tr key={r.level} style={ROW}>
            <td>{r.level}</td>
            <td>{r.approvers}</td>
            {[
              r.decisions,
              r.approved,
              r.returned,
              r.rejected,
              h(r.averageHours),
              h(r.medianHours),
              h(r.maxHours),
              r.waiting,
              h(r.longestWaitHours),
            ].map((v, i) => (
              <td key={i} style={NUM}>
                {v}
              </td>
            ))}
          </tr>
        ))}
        <tr style={TOTAL}>
          <td colSpan={2}>Total</td>
          <td style={NUM}>{data.total.decisions}</td>
          <td colSpan={3} />
          {[h(data.total.averageHours), h(data.total.medianHours), h(data.total.maxHours), data.total.waiting].map((v, i) => (
            <td key={i} style={NUM}>
              {v}
            </td>
          ))}
          <td />
        </tr>
      </tbody>
    </table>
  )
}

export function CommissionTable({ data }: { data: CommissionData }): React.ReactElement {
  return (
    <table className="table" style={TABLE} data-testid="report-commission">
      <thead>
        <tr style={{ textAlign: 'left' }}>
          <th>Participant</th>
          <th>Rule scope</th>
          <th>Service</th>
          <th style={NUM}>Lines</th>
          <th style={NUM}>Amount</th>
        </tr>
      </thead>
      <tbody>
        {data.rows.length === 0 ? <Empty columns={5} text="No posted proposal commission." /> : null}
        {data.rows.map((r) => (
          <tr key={`${r.payeeId}|${r.scope}|${r.serviceId}|${r.currency}`} style={ROW}>
            <td>{participant(r.payeeName, r.payeeCode)}</td>
            <td>{r.scope ?? '(rule removed)'}</td>
            <td>{r.serviceName ?? '(no service)'}</td>
            <td style={NUM}>{r.lines}</td>
            <td style={NUM}>{amount(r.amount, r.currency)}</td>
          </tr>
        ))}
        <TotalRows totals={data.totals} leading={3} />
      </tbody>
    </table>
  )
}

export function AdvertisingTable({ data }: { data: AdvertisingData }): React.ReactElement {
  return (
    <table className="table" style={TABLE} data-testid="report-advertising">
      <thead>
        <tr style={{ textAlign: 'left' }}>
          <th>Program</th>
          <th>Participant</th>
          <th style={NUM}>Lines</th>
          <th style={NUM}>Amount</th>
        </tr>
      </thead>
      <tbody>
        {data.programs.length === 0 ? <Empty columns={4} text="No posted advertising deduction." /> : null}
        {data.programs.map((program) => (
          <React.Fragment key={`${program.programId ?? program.programName}|${program.currency}`}>
            {data.rows
              .filter((r) => r.programId === program.programId && r.programName === program.programName && r.currency === program.currency)
              .map((r) => (
                <tr key={r.payeeId} style={ROW}>
                  <td>{r.programName}</td>
                  <td>{participant(r.payeeName, r.payeeCode)}</td>
                  <td style={NUM}>{r.lines}</td>
                  <td style={NUM}>{amount(r.amount, r.currency)}</td>
                </tr>
              ))}
            <tr style={{ ...ROW, fontWeight: 600 }}>
              <td>Subtotal {program.programName}</td>
              <td>
                {program.payees} {program.payees === 1 ? 'participant' : 'participants'}
              </td>
              <td style={NUM}>{program.lines}</td>
              <td style={NUM}>{amount(program.amount, program.currency)}</td>
            </tr>
          </React.Fragment>
        ))}
        <TotalRows totals={data.totals} leading={2} />
      </tbody>
    </table>
  )
}

/** One total row per currency; `leading` columns before Lines hold the label. */
function TotalRows({ totals, leading }: { totals: readonly CurrencyTotal[]; leading: number }): React.ReactElement {
  return (
    <>
      {totals.map((t) => (
        <tr key={t.currency} style={TOTAL} data-testid="report-total">
          <td colSpan={leading}>{totals.length > 1 ? `Total ${t.currency}` : 'Total'}</td>
          <td style={NUM}>{t.lines}</td>
          <td style={NUM}>{amount(t.amount, t.currency)}</td>
        </tr>
      ))}
    </>
  )
}

function Empty({ columns, text }: { columns: number; text: string }): React.ReactElement {
  return (
    <tr style={ROW}>
      <td colSpan={columns}>{text}</td>
    </tr>
  )
}

function participant(name: string, code: string | null): string {
  return code ? `${name} (${code})` : name
}

const amount = formatStored
