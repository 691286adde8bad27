import React from 'react'

import { portalBrand } from '../../../modules/portal/brand'
import { portalOverview } from '../../../modules/portal/overview'
import { earningsByMonth } from '../../../modules/commission/statements/earnings'
import { portalSession } from '../session'
import { BrandFrame, BrandHeader } from '../../../components/portal/BrandFrame'
import { PaymentTable, ProposalTable, ProspectTable, StatementTable } from '../../../components/portal/Lists'
import { LogoutButton } from '../../../components/portal/LogoutButton'
import { EarningsTrendChart } from '../../../components/portal/charts/EarningsTrendChart'

export const dynamic = 'force-dynamic'

/**
 * The partner portal's home: in the brand of the participant's client owner, their approvals waiting, proposals,
 * prospects, clients, statements and payments, and a link to the loyalty page named after the active program's points
 * ("My stars"), and the earnings trend: the participant's posted commission of the last twelve months by component.
 * All data is read as the logged-in user (`overrideAccess: false`); the trend sums the participant's own lines.
 */
export default async function PortalHome(): Promise<React.ReactElement> {
  const { payload, user, participantId } = await portalSession()
  const asOf = new Date().toISOString().slice(0, 10)
  const [brand, overview, programs, earnings] = await Promise.all([
    portalBrand(payload, participantId, user),
    portalOverview(payload, user, participantId),
    payload.find({
      collection: 'loyalty-programs',
      where: { active: { equals: true } },
      sort: 'code',
      depth: 0,
      limit: 1,
      user,
      overrideAccess: false,
    }),
    earningsByMonth(payload, participantId, asOf),
  ])
  const loyaltyUnit = programs.docs[0]?.unitName
  return (
    <BrandFrame brand={brand}>
      <BrandHeader brand={brand}>
        <span className="who" data-testid="portal-who">
          {user.name ?? user.email} · {overview.participant.name}
        </span>
        <LogoutButton />
      </BrandHeader>
      <nav className="portal-nav">
        <a href="#earnings">Earnings</a>
        <a href="#waiting">Waiting for me ({overview.waiting.length})</a>
        <a href="#proposals">Proposals</a>
        <a href="#prospects">Prospects</a>
        <a href="#clients">Clients</a>
        <a href="#statements">Statements</a>
        <a href="#payments">Payments</a>
        <a href="/portal/sales">My sales</a>
        <a href="/portal/network">My network</a>
        <a href="/portal/tickets" data-testid="portal-tickets-link">
          Tickets
        </a>
        <a href="/portal/rebates">Rebates</a>
        <a href="/portal/loyalty" data-testid="portal-loyalty-link">
          {loyaltyUnit ? `My ${loyaltyUnit}` : 'Loyalty'}
        </a>
      </nav>
      <main className="portal-main">
        <section id="earnings" className="portal-section">
          <h2>Earnings, last 12 months</h2>
          {earnings.length === 0 ? (
            <p className="empty" data-testid="earnings-trend-empty">
              No posted commission in the last 12 months.
            </p>
          ) : (
            earnings.map((trend) => <EarningsTrendChart key={trend.currency} trend={trend} />)
          )}
        </section>
        <section id="waiting" className="portal-section">
          <h2>Approvals waiting for me</h2>
          <ProposalTable rows={overview.waiting} testId="portal-waiting" empty="Nothing waits for your approval." decide />
        </section>
        <section id="proposals" className="portal-section">
          <h2>Proposals</h2>
          <ProposalTable rows={overview.proposals} testId="portal-proposals" empty="No proposals yet." />
        </section>
        <section id="prospects" className="portal-section">
          <h2>Prospects</h2>
          <ProspectTable rows={overview.prospects} testId="portal-prospects" empty="No open prospects." />
        </section>
        <section id="clients" className="portal-section">
          <h2>Clients</h2>
          <ProspectTable rows={overview.clients} testId="portal-clients" empty="No clients yet." />
        </section>
        <section id="statements" className="portal-section">
          <h2>Commission statements</h2>
          <StatementTable rows={overview.statements} />
        </section>
        <section id="payments" className="portal-section">
          <h2>Payment history</h2>
          <PaymentTable rows={overview.payments} />
        </section>
      </main>
    </BrandFrame>
  )
}
