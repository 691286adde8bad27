import React from 'react'

import { hasAnyRole, READ_ALL_ROLES } from '../../../../engine/network'
import { parseMonth } from '../../../../engine/portal'
import { dbPool } from '../../../../db/pool'
import { portalBrand } from '../../../../modules/portal/brand'
import { portalSales, portalSalesPeriods } from '../../../../modules/portal/sales'
import { portalSession } from '../../session'
import { BrandFrame, BrandHeader } from '../../../../components/portal/BrandFrame'
import { LogoutButton } from '../../../../components/portal/LogoutButton'
import { PeriodPicker, SalesCards } from '../../../../components/portal/sales/SalesCards'

export const dynamic = 'force-dynamic'

/**
 * My sales: the sales of the participant's network (itself and the dealers beneath it) month by month, each with its
 * reconciliation status in words, what it was paid or why not, and a dispute form for a line with a discrepancy.
 */
export default async function PortalSalesPage({
  searchParams,
}: {
  searchParams: Promise<{ period?: string; unpaid?: string }>
}): Promise<React.ReactElement> {
  const { payload, user, participantId } = await portalSession()
  const query = await searchParams
  const pool = dbPool(payload)
  const [brand, periods] = await Promise.all([portalBrand(payload, participantId, user), portalSalesPeriods(pool, participantId)])
  const asked = parseMonth(query.period)
  const period = periods.find((p) => p.key === asked)?.key ?? periods[0]?.key ?? null
  const unpaidOnly = query.unpaid === '1'
  const sales = period ? await portalSales(pool, participantId, period) : null
  const rows = sales ? (unpaidOnly ? sales.rows.filter((row) => !row.paid) : sales.rows) : []
  const unpaid = sales ? sales.rows.filter((row) => !row.paid).length : 0
  // Staff comment on discrepancies in the admin; disputes come from the dealer's own network.
  const canDispute = !hasAnyRole(user.roles, READ_ALL_ROLES)
  return (
    <BrandFrame brand={brand}>
      <BrandHeader brand={brand}>
        <span className="who" data-testid="portal-who">
          {user.name ?? user.email}
        </span>
        <LogoutButton />
      </BrandHeader>
      <nav className="portal-nav">
        <a href="/portal">Home</a>
        <a href="/portal/sales" aria-current="page">
          My sales
        </a>
      </nav>
      <main className="portal-main">
        <section className="portal-section">
          <h2>My sales{sales ? ` · ${sales.period.label}` : ''}</h2>
          {periods.length === 0 ? (
            <p className="empty">No sales reported yet.</p>
          ) : (
            <>
              <PeriodPicker periods={periods} current={period} unpaidOnly={unpaidOnly} />
              {sales ? (
                <p className="sales-summary" data-testid="sales-summary">
                  {sales.rows.length} sales, {unpaid} not paid.{' '}
                  <a href={`/portal/sales/export?period=${sales.period.key}`} data-testid="sales-export">
                    Download as Excel
                  </a>
                </p>
              ) : null}
              {rows.length === 0 ? (
                <p className="empty">No sales to show for this month.</p>
              ) : (
                <SalesCards rows={rows} canDispute={canDispute} />
              )}
            </>
          )}
        </section>
      </main>
    </BrandFrame>
  )
}
