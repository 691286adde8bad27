/**
 * Incident tickets uploaded in bulk: one row is one incident, known by the file's reference. The affected consultant
 * must be known (an unknown code rejects the row, naming the column and the code); the queue is the row's or, when
 * blank, the first queue taking the type (the writer's choice).
 */
import { TICKET_PRIORITIES, TICKET_TYPES, type TicketPriority, type TicketType } from '../support'
import { RowReader, type Cells, type RowContext, type RowResult } from './rows'
import { SOURCE_FIELDS } from './fields'

export type TicketRow = {
  reference: string
  consultantId: number
  type: TicketType
  subject: string
  description: string | null
  priority: TicketPriority
  queueId: number | null
}

/** Spellings of the types a person types into a sheet. */
const TYPE_ALIASES: Record<string, TicketType> = {
  'network management': 'network_management',
  network: 'network_management',
  'activation / deactivation': 'activation',
  'activation/deactivation': 'activation',
  deactivation: 'activation',
  commission: 'commissions',
  incentive: 'incentives',
}

/** One ticket row, or every reason it cannot be one (each naming the file's column). */
export function readTicket(cells: Cells, ctx: RowContext): RowResult<TicketRow> {
  const reader = new RowReader(SOURCE_FIELDS.tickets, cells, ctx)
  const reference = reader.text('reference')
  const consultantId = reader.resolve('consultantCode', 'consultant', (code) => ctx.lookups.consultantId?.(code) ?? null)
  const type = reader.choice('type', TICKET_TYPES, TYPE_ALIASES)
  const subject = reader.text('subject')
  const description = reader.optionalText('description')
  const priority = reader.choice('priority', TICKET_PRIORITIES, {}) ?? 'normal'
  const queueCode = reader.optionalText('queueCode')
  const queueId = queueCode === null ? null : reader.resolve('queueCode', 'queue', (code) => ctx.lookups.ticketQueueId?.(code) ?? null)
  if (reader.errors.length > 0 || reference === null || consultantId === null || type === null || subject === null)
    return { ok: false, errors: reader.errors }
  return { ok: true, row: { reference, consultantId, type, subject, description, priority, queueId } }
}

/** A bulk ticket is known by its reference (case-insensitive): uploaded again, it is the same incident. */
export function ticketKey(row: Pick<TicketRow, 'reference'>): string {
  return `ticket|${row.reference.trim().toUpperCase()}`
}
