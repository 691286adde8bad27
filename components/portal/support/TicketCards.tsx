import React from 'react'

import type { TicketRow } from '../../../modules/support'

/** A ticket's status as a badge (styled per status). */
export function TicketStatus({ ticket }: { ticket: Pick<TicketRow, 'status' | 'statusLabel'> }): React.ReactElement {
  return (
    <span className={`status ticket-status-${ticket.status}`} data-testid="ticket-status" data-status={ticket.status}>
      {ticket.statusLabel}
    </span>
  )
}

/** The consultant's tickets as cards (one column on phones): number, subject, status, type, queue, last change. */
export function TicketCards({ tickets }: { tickets: TicketRow[] }): React.ReactElement {
  if (tickets.length === 0) return <p className="empty">No tickets yet.</p>
  return (
    <ul className="tickets-cards" data-testid="ticket-cards">
      {tickets.map((ticket) => (
        <li key={ticket.id} className="ticket-card" data-testid="ticket-card" data-number={ticket.number}>
          <div className="ticket-head">
            <a href={`/portal/tickets/${ticket.id}`}>{ticket.number}</a>
            <TicketStatus ticket={ticket} />
          </div>
          <div>{ticket.subject}</div>
          <dl className="ticket-facts">
            <dt>Type</dt>
            <dd>{ticket.typeLabel}</dd>
            <dt>About</dt>
            <dd>{ticket.consultant.name ?? ticket.consultant.code}</dd>
            <dt>Queue</dt>
            <dd>{ticket.queue?.name ?? '—'}</dd>
            <dt>Updated</dt>
            <dd>{ticket.updatedAt.slice(0, 10)}</dd>
          </dl>
        </li>
      ))}
    </ul>
  )
}
