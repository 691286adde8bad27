import { notFound } from 'next/navigation'
import React from 'react'

import { dbPool } from '../../../../../db/pool'
import { portalBrand } from '../../../../../modules/portal/brand'
import { ticketHistory, TicketRefused, type TicketHistory } from '../../../../../modules/support'
import { portalSession } from '../../../session'
import { BrandFrame, BrandHeader } from '../../../../../components/portal/BrandFrame'
import { LogoutButton } from '../../../../../components/portal/LogoutButton'
import { TicketStatus } from '../../../../../components/portal/support/TicketCards'
import { TicketHistoryList } from '../../../../../components/portal/support/TicketHistoryList'
import { TicketReply } from '../../../../../components/portal/support/TicketReply'
import '../../../../../components/portal/support/tickets.css'

export const dynamic = 'force-dynamic'

/**
 * One ticket: its facts, its whole history (who, when, status change, comment, file) and the consultant's reply —
 * a comment, the answer the team waits for, or reopening a resolved ticket. A ticket outside the consultant's subtree
 * is "not found", as over REST.
 */
export default async function PortalTicketPage({ params }: { params: Promise<{ id: string }> }): Promise<React.ReactElement> {
  const { id } = await params
  const { payload, user, participantId } = await portalSession()
  if (!/^[1-9]\d{0,8}$/.test(id)) notFound()
  const client = await dbPool(payload).connect()
  let history: TicketHistory
  try {
    history = await ticketHistory(client, Number(id), { id: user.id, roles: user.roles ?? [], participantId })
  } catch (err) {
    if (err instanceof TicketRefused) notFound()
    throw err
  } finally {
    client.release()
  }
  const brand = await portalBrand(payload, participantId, user)
  const { ticket } = history
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
        <a href="/portal/tickets">Tickets</a>
      </nav>
      <main className="portal-main">
        <section className="portal-section" data-testid="ticket" data-number={ticket.number}>
          <div className="ticket-head">
            <h2 data-testid="ticket-number">
              {ticket.number} · {ticket.subject}
            </h2>
            <TicketStatus ticket={ticket} />
          </div>
          <dl className="ticket-facts">
            <dt>Type</dt>
            <dd>{ticket.typeLabel}</dd>
            <dt>About</dt>
            <dd>{ticket.consultant.name ?? ticket.consultant.code}</dd>
            <dt>Queue</dt>
            <dd>{ticket.queue?.name ?? '—'}</dd>
            <dt>Opened</dt>
            <dd>{ticket.createdAt.slice(0, 10)}</dd>
            {ticket.resolvedAt ? (
              <>
                <dt>Resolved</dt>
                <dd>{ticket.resolvedAt.slice(0, 10)}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="portal-section">
          <h2>History</h2>
          <TicketHistoryList events={history.events} />
        </section>
        <section className="portal-section">
          <h2>Reply</h2>
          <TicketReply ticketId={ticket.id} status={ticket.status} allowed={history.allowed} canComment={history.canComment} />
        </section>
      </main>
    </BrandFrame>
  )
}
