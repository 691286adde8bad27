import React from 'react'

import type { PortalSale, SalesPeriod } from '../../../modules/portal/sales'
import { DisputeForm } from './DisputeForm'

const DISCREPANCY_STATES: Record<string, string> = {
  open: 'open with our team',
  disputed: 'disputed with the carrier',
  resolved: 'resolved',
  written_off: 'written off',
}

function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}

/** The months to choose from, as links (the period is a query parameter, so a month can be bookmarked). */
export function PeriodPicker({
  periods,
  current,
  unpaidOnly,
}: {
  periods: SalesPeriod[]
  current: string | null
  unpaidOnly: boolean
}): React.ReactElement {
  const href = (key: string, unpaid: boolean) => `/portal/sales?period=${key}${unpaid ? '&unpaid=1' : ''}`
  return (
    <nav className="sales-periods" aria-label="Sales periods" data-testid="sales-periods">
      {periods.map((period) => (
        <a
          key={period.key}
          href={href(period.key, unpaidOnly)}
          aria-current={period.key === current ? 'page' : undefined}
          data-testid="sales-period"
          data-period={period.key}
        >
          {period.label} ({period.sales})
        </a>
      ))}
      {current ? (
        <a className="sales-filter" href={href(current, !unpaidOnly)} data-testid="sales-unpaid-filter">
          {unpaidOnly ? 'Show all sales' : 'Not paid only'}
        </a>
      ) : null}
    </nav>
  )
}

/**
 * One card per sale (readable at phone width): when, who, what, the reconciliation status in words, what was paid or
 * why nothing was, and the dispute form when the sale has a discrepancy.
 */
export function SalesCards({ rows, canDispute }: { rows: PortalSale[]; canDispute: boolean }): React.ReactElement {
  return (
    <ul className="sale-cards" data-testid="portal-sales">
      {rows.map((sale) => (
        <li
          key={sale.id}
          className={`sale-card${sale.paid ? '' : ' unpaid'}`}
          data-testid="portal-sale"
          data-sale-id={sale.id}
          data-status={sale.status}
          data-paid={sale.paid ? 'yes' : 'no'}
        >
          <div className="sale-head">
            <strong>{sale.saleDate}</strong>
            <span className="status" data-testid="sale-status">
              {sale.statusLabel}
            </span>
          </div>
          <dl className="sale-facts">
            <dt>Dealer</dt>
            <dd>{sale.dealer.code ? `${sale.dealer.name} (${sale.dealer.code})` : sale.dealer.name}</dd>
            <dt>Carrier</dt>
            <dd>{sale.carrier}</dd>
            <dt>Plan</dt>
            <dd>
              {sale.plan} · {sale.activationType}
            </dd>
            <dt>MDN</dt>
            <dd data-testid="sale-mdn">{sale.mdn ?? '—'}</dd>
            <dt>ICCID</dt>
            <dd>{sale.iccid ?? '—'}</dd>
            <dt>Paid</dt>
            <dd className="sale-paid" data-testid="sale-paid">
              {sale.paidDisplay}
            </dd>
          </dl>
          {sale.reason ? (
            <p className="sale-reason" data-testid="sale-reason">
              {sale.reason}
            </p>
          ) : null}
          {sale.discrepancy?.disputedAt ? (
            <p className="sale-disputed" data-testid="sale-disputed">
              You disputed this line on {when(sale.discrepancy.disputedAt)}; it is{' '}
              {DISCREPANCY_STATES[sale.discrepancy.status] ?? sale.discrepancy.status}.
            </p>
          ) : null}
          {sale.discrepancy && canDispute ? (
            <DisputeForm discrepancyId={sale.discrepancy.id} disputedAt={sale.discrepancy.disputedAt} />
          ) : null}
        </li>
      ))}
    </ul>
  )
}
