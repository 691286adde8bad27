/** What other capabilities use of support: opening tickets, their numbers, queues and the bulk "opened" events. */
export {
  actorKind,
  commentTicket,
  listTickets,
  nextTicketNumbers,
  openTicket,
  queueForType,
  ticketHistory,
  ticketWidgets,
  transitionTicket,
  writeOpenedEvents,
  TicketRefused,
  type TicketEventView,
  type TicketHistory,
  type TicketRow,
  type TicketUser,
  type TicketWidgets,
} from './tickets'
