import React from 'react'

import { TICKET_STATUS_LABELS } from '../../../engine/support'
import type { TicketEventView } from '../../../modules/support'

/** What an event did, in words: "Opened", "Comment", or "In progress → Resolved". */
function eventTitle(event: TicketEventView): string {
  if (event.kind === 'opened') return 'Opened'
  if (event.kind === 'comment') return 'Comment'
  return `${event.fromStatus ? TICKET_STATUS_LABELS[event.fromStatus] : '—'} → ${event.toStatus ? TICKET_STATUS_LABELS[event.toStatus] : '—'}`
}

/** A ticket's history, oldest first: what happened, who, when, the comment and the file. */
export function TicketHistoryList({ events }: { events: TicketEventView[] }): React.ReactElement {
  return (
    <ol className="ticket-history" data-testid="ticket-history">
      {events.map((event) => (
        <li key={event.id} className="ticket-event" data-testid="ticket-event" data-kind={event.kind} data-to={event.toStatus ?? ''}>
          <div className="ticket-event-head">
            <strong>{eventTitle(event)}</strong>
            <span>{event.author?.name ?? 'Bulk upload'}</span>
            <span>{event.at.slice(0, 16).replace('T', ' ')}</span>
          </div>
          {event.comment ? <p data-testid="ticket-event-comment">{event.comment}</p> : null}
          {event.attachment ? (
            <a href={event.attachment.url} target="_blank" rel="noreferrer" data-testid="ticket-event-attachment">
              {event.attachment.filename}
            </a>
          ) : null}
        </li>
      ))}
    </ol>
  )
}
