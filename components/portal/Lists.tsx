import React from 'react'

import { formatStored } from '../../engine/core/money'
import { ApprovalButtons } from './ApprovalButtons'
import type { PortalPayment, PortalProposal, PortalProspect, PortalStatement } from '../../modules/portal/overview'

/** "USD 1,234.50" from a stored decimal string. */
export const amount = formatStored

function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '—'
}

function Empty({ children }: { children: React.ReactNode }): React.ReactElement {
  return <p className="empty">{children}</p>
}

/** Proposals; with `decide`, each row carries the approver's buttons (the "waiting for me" list). */
export function ProposalTable({
  rows,
  testId,
  empty,
  decide = false,
}: {
  rows: PortalProposal[]
  testId: string
  empty: string
  decide?: boolean
}): React.ReactElement {
  if (rows.length === 0) return <Empty>{empty}</Empty>
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th>Proposal</th>
          <th>Company</th>
          <th>Status</th>
          <th>Waiting for</th>
          <th>Updated</th>
          {decide ? <th>Decision</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-testid={`${testId}-row`}>
            <td>
              <a href={`/admin/collections/proposals/${row.id}`}>{row.title}</a>
            </td>
            <td>{row.company}</td>
            <td>
              <span className="status">{row.status}</span>
            </td>
            <td>{row.waitingFor ?? ''}</td>
            <td>{day(row.updatedAt)}</td>
            {decide ? (
              <td>
                <ApprovalButtons proposalId={row.id} />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function ProspectTable({ rows, testId, empty }: { rows: PortalProspect[]; testId: string; empty: string }): React.ReactElement {
  if (rows.length === 0) return <Empty>{empty}</Empty>
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th>Company</th>
          <th>Territory</th>
          <th>Status</th>
          <th>Client code</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-testid={`${testId}-row`}>
            <td>{row.company}</td>
            <td>{row.territory ?? ''}</td>
            <td>
              <span className="status">{row.status}</span>
            </td>
            <td>{row.clientCode ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function StatementTable({ rows }: { rows: PortalStatement[] }): React.ReactElement {
  if (rows.length === 0)
    return <Empty>No statements yet: they appear when a commission run of a period has its statements generated.</Empty>
  return (
    <table data-testid="portal-statements">
      <thead>
        <tr>
          <th>Period</th>
          <th>By component</th>
          <th className="amount">Total</th>
          <th className="amount">Payable</th>
          <th>Download</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-testid="portal-statement" data-period={row.period}>
            <td>
              <a href={`/portal/statements/${row.id}`} data-testid="statement-open">
                {row.period}
              </a>
            </td>
            <td>
              <ul className="breakdown">
                {row.breakdown.map((group) => (
                  <React.Fragment key={group.component}>
                    <li data-testid={`statement-group-${group.component}`}>
                      <span>
                        {group.label} ({group.count})
                      </span>
                      <span>{amount(group.total, row.currency)}</span>
                    </li>
                    {group.component === 'upfront'
                      ? null
                      : group.lines.map((line, index) => (
                          <li key={index} className="detail" data-testid={`statement-line-${group.component}`}>
                            <span>{line.description}</span>
                            <span>{amount(line.amount, row.currency)}</span>
                          </li>
                        ))}
                  </React.Fragment>
                ))}
              </ul>
            </td>
            <td className="amount" data-testid="statement-total">
              {amount(row.total, row.currency)}
            </td>
            <td className="amount">{amount(row.payable, row.currency)}</td>
            <td>
              <a href={`/api/commission-statements/${row.id}/pdf`} data-testid="statement-pdf">
                PDF
              </a>
              {' · '}
              <a href={`/api/commission-statements/${row.id}/xlsx`} data-testid="statement-xlsx">
                Excel
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function PaymentTable({ rows }: { rows: PortalPayment[] }): React.ReactElement {
  if (rows.length === 0) return <Empty>No payments yet.</Empty>
  return (
    <table data-testid="portal-payments">
      <thead>
        <tr>
          <th>Batch</th>
          <th>Status</th>
          <th>Paid on</th>
          <th className="amount">Amount</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-testid="portal-payment">
            <td>{row.batch}</td>
            <td>
              <span className="status">{row.status}</span>
            </td>
            <td>{day(row.paidAt)}</td>
            <td className="amount">{amount(row.amount, row.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
