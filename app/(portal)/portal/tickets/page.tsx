import React from 'react'

import { dbPool } from '../../../../db/pool'
import { portalBrand } from '../../../../modules/portal/brand'
import { listTickets } from '../../../../modules/support'
import { portalSession } from '../../session'
import { BrandFrame, BrandHeader } from '../../../../components/portal/BrandFrame'
import { LogoutButton } from '../../../../components/portal/LogoutButton'
import { OpenTicketForm } from '../../../../components/portal/support/OpenTicketForm'
import { TicketCards } from '../../../../components/portal/support/TicketCards'
import '../../../../components/portal/support/tickets.css'

export const dynamic = 'force-dynamic'

/**
 * My tickets: the incidents about the consultant (and their downline) as cards, newest first, and the form to open a
 * new one. Read with the consultant's own scope (their subtree), as the ticket endpoints read it.
 */
export default async function PortalTicketsPage(): Promise<React.ReactElement> {
  const { payload, user, participantId } = await portalSession()
  const client = await dbPool(payload).connect()
  let tickets
  try {
    tickets = await listTickets(client, { id: user.id, roles: user.roles ?? [], participantId })
  } finally {
    client.release()
  }
  const brand = await portalBrand(payload, participantId, user)
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
        <a href="/portal/tickets" aria-current="page">
          Tickets
        </a>
        <a href="#open">Open a ticket</a>
      </nav>
      <main className="portal-main">
        <section id="tickets" className="portal-section">
          <h2>My tickets</h2>
          <TicketCards tickets={tickets} />
        </section>
        <section id="open" className="portal-section">
          <h2>Open a ticket</h2>
          <OpenTicketForm />
        </section>
      </main>
    </BrandFrame>
  )
}
