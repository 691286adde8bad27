import type { Capability } from '../core/capability'
import { supportHome } from './home'
import { TicketAttachments } from './TicketAttachments'
import { TicketEvents } from './TicketEvents'
import { TicketQueues } from './TicketQueues'
import { Tickets } from './Tickets'

/** Support: incident tickets with their queues, history and attachments. */
export const support: Capability = {
  home: supportHome,
  collections: [Tickets, TicketEvents, TicketQueues, TicketAttachments],
}
