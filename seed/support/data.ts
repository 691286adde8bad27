import type { TicketPriority, TicketStatus, TicketType } from '../../engine/support'

/** The support desk's queues: a new ticket goes to the first queue (in this order) that takes its type. */
export const TICKET_QUEUES: { code: string; name: string; types: TicketType[] }[] = [
  { code: 'NETWORK', name: 'Network desk', types: ['network_management', 'activation'] },
  { code: 'MONEY', name: 'Commissions and incentives desk', types: ['commissions', 'incentives'] },
]

/** The standard bulk-upload mapping's name (its columns are the template's). */
export const TICKET_MAPPING_NAME = 'Incident tickets (standard layout)'

/**
 * Demo tickets, numbered T-000001 … T-000004 in this order, each followed through its steps (status and comment, by
 * the login named). Ends: waiting on consultant, resolved, open, closed; queues MONEY, NETWORK, NETWORK, MONEY.
 */
export const DEMO_TICKETS: {
  consultant: string
  openedBy: string
  source: 'portal' | 'admin'
  type: TicketType
  priority: TicketPriority
  subject: string
  description: string
  steps: { by: string; to: TicketStatus | null; comment: string }[]
}[] = [
  {
    consultant: 'GLW-02',
    openedBy: 'consultant@glow.example',
    source: 'portal',
    type: 'commissions',
    priority: 'high',
    subject: 'Fast-start bonus missing from my October statement',
    description: 'My October statement shows no fast-start bonus although two recruits ordered in their first month.',
    steps: [
      { by: 'ops@northwind.example', to: 'in_progress', comment: 'Looking into the October run.' },
      { by: 'ops@northwind.example', to: 'waiting_on_consultant', comment: 'Which order numbers did your recruits place?' },
    ],
  },
  {
    consultant: 'GLW-04',
    openedBy: 'ops@northwind.example',
    source: 'admin',
    type: 'network_management',
    priority: 'normal',
    subject: 'Move GLW-07 under GLW-05',
    description: 'Sponsor correction requested by the upline by phone.',
    steps: [
      { by: 'ops@northwind.example', to: 'in_progress', comment: 'Checking the sponsor agreement.' },
      { by: 'admin@northwind.example', to: 'resolved', comment: 'Moved; the November run uses the new sponsor.' },
    ],
  },
  {
    consultant: 'SUM-PAC-AG1',
    openedBy: 'leo.park@summit.example',
    source: 'portal',
    type: 'activation',
    priority: 'normal',
    subject: 'Reactivate my account after parental leave',
    description: 'I am back from leave and want to sell again from December.',
    steps: [],
  },
  {
    consultant: 'GLW-05',
    openedBy: 'ops@northwind.example',
    source: 'admin',
    type: 'incentives',
    priority: 'low',
    subject: 'Trip points not credited',
    description: 'The spring trip challenge points are not on the points statement.',
    steps: [
      { by: 'ops@northwind.example', to: 'resolved', comment: 'Credited by hand; the challenge rule was fixed.' },
      { by: 'ops@northwind.example', to: 'closed', comment: 'Confirmed by the consultant.' },
    ],
  },
]
