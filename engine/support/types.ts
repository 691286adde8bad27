/** Incident tickets' vocabulary: types, statuses, priorities and the transitions a status may take. */

export const TICKET_TYPES = ['network_management', 'activation', 'commissions', 'incentives'] as const
export type TicketType = (typeof TICKET_TYPES)[number]

export const TICKET_TYPE_LABELS: Record<TicketType, string> = {
  network_management: 'Network management',
  activation: 'Activation / deactivation',
  commissions: 'Commissions',
  incentives: 'Incentives',
}

export const TICKET_STATUSES = ['open', 'in_progress', 'waiting_on_consultant', 'resolved', 'closed'] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  waiting_on_consultant: 'Waiting on consultant',
  resolved: 'Resolved',
  closed: 'Closed',
}

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export type TicketPriority = (typeof TICKET_PRIORITIES)[number]

export const TICKET_SOURCES = ['portal', 'admin', 'bulk', 'api'] as const
