/**
 * Which status a ticket may move to, and who may move it. Staff (company admins and users) work the ticket; the
 * consultant it is about may comment, answer a question (waiting on consultant → in progress) and reopen a resolved
 * ticket (resolved → in progress). A closed ticket is final.
 */
import { TICKET_STATUS_LABELS, TICKET_STATUSES, type TicketStatus } from './types'

/** Who acts on a ticket: the support staff, or the consultant side (the consultant and their upline). */
export type TicketActor = 'staff' | 'consultant'

/** Every move a status may take, whoever makes it. */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  open: ['in_progress', 'waiting_on_consultant', 'resolved', 'closed'],
  in_progress: ['waiting_on_consultant', 'resolved'],
  waiting_on_consultant: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: [],
}

/** The moves the consultant side may make (answering, reopening). */
const CONSULTANT_MOVES: readonly (readonly [TicketStatus, TicketStatus])[] = [
  ['waiting_on_consultant', 'in_progress'],
  ['resolved', 'in_progress'],
]

/** Whether `value` is a ticket status. */
export function isTicketStatus(value: unknown): value is TicketStatus {
  return typeof value === 'string' && (TICKET_STATUSES as readonly string[]).includes(value)
}

/** The statuses `actor` may move a ticket in `from` to, in the order the transitions list them. */
export function allowedTransitions(from: TicketStatus, actor: TicketActor): TicketStatus[] {
  const all = TICKET_TRANSITIONS[from]
  if (actor === 'staff') return [...all]
  return all.filter((to) => CONSULTANT_MOVES.some(([a, b]) => a === from && b === to))
}

const label = (status: TicketStatus) => TICKET_STATUS_LABELS[status].toLowerCase()
const withArticle = (status: TicketStatus) => `${/^[aeiou]/.test(label(status)) ? 'an' : 'a'} ${label(status)}`

/** Why `actor` may not move a ticket from `from` to `to`, or null when the move is allowed. */
export function transitionProblem(from: TicketStatus, to: TicketStatus, actor: TicketActor): string | null {
  if (from === to) return `the ticket is already ${TICKET_STATUS_LABELS[to].toLowerCase()}`
  if (!TICKET_TRANSITIONS[from].includes(to)) {
    const next = TICKET_TRANSITIONS[from]
    return `${withArticle(from)} ticket cannot become ${TICKET_STATUS_LABELS[to].toLowerCase()} (${
      next.length === 0 ? 'it is final' : `it may become ${next.map((s) => TICKET_STATUS_LABELS[s].toLowerCase()).join(', ')}`
    })`
  }
  if (actor === 'consultant' && !allowedTransitions(from, actor).includes(to))
    return `only support staff may move ${withArticle(from)} ticket to ${TICKET_STATUS_LABELS[to].toLowerCase()}`
  return null
}

/** Why nobody may comment on a ticket in `status`, or null when comments are taken. */
export function commentProblem(status: TicketStatus): string | null {
  return status === 'closed' ? 'the ticket is closed: open a new ticket' : null
}

/** The ticket number shown everywhere: T- and six digits (more when it grows past them). */
export function ticketNumber(sequence: number): string {
  return `T-${String(sequence).padStart(6, '0')}`
}
