/**
 * Incident tickets: opening one (numbered T-000001 onwards, put in the first queue taking its type unless a queue is
 * named), moving it through its statuses and commenting on it. Every change is a ticket event (from, to, author,
 * comment, attachment) written in the same transaction as the ticket, so the history is never behind the ticket.
 * The caller holds the transaction (`withTransaction`); the ticket number's advisory lock lasts until it commits.
 */
import type { PoolClient } from 'pg'

import { subtreeSegment } from '../../engine/network'
import {
  allowedTransitions,
  commentProblem,
  ticketNumber,
  transitionProblem,
  TICKET_PRIORITIES,
  TICKET_SOURCES,
  TICKET_STATUS_LABELS,
  TICKET_STATUSES,
  TICKET_TYPE_LABELS,
  TICKET_TYPES,
  type TicketActor,
  type TicketPriority,
  type TicketStatus,
  type TicketType,
} from '../../engine/support'

/** The roles that work tickets. */
export const SUPPORT_STAFF_ROLES = ['company_admin', 'company_user'] as const
/** The roles that read every ticket (staff, finance, auditors). */
const READ_ALL = ['company_admin', 'company_user', 'finance', 'auditor']

export type TicketSource = (typeof TICKET_SOURCES)[number]

/** Who acts: the login, its roles and the participant it belongs to (its subtree is what it sees). */
export type TicketUser = { id: number; name?: string | null; roles: readonly string[]; participantId: number | null }

/** A refusal with the HTTP status it answers and the field it is about. */
export class TicketRefused extends Error {
  constructor(
    message: string,
    readonly status = 400,
    readonly field?: string,
  ) {
    super(message)
  }
}

/** Whether the user works tickets (moves them, opens them for anyone). */
export function isSupportStaff(user: TicketUser): boolean {
  return user.roles.some((role) => (SUPPORT_STAFF_ROLES as readonly string[]).includes(role))
}

/** Whether the user reads every ticket. */
export function readsAllTickets(user: TicketUser): boolean {
  return user.roles.some((role) => READ_ALL.includes(role))
}

/** The side the user acts on, or null when it may only read (finance, auditors, a login without a participant). */
export function actorKind(user: TicketUser): TicketActor | null {
  if (isSupportStaff(user)) return 'staff'
  if (readsAllTickets(user) || user.participantId === null) return null
  return 'consultant'
}

export type TicketRow = {
  id: number
  number: string
  subject: string
  description: string | null
  consultant: { id: number; code: string | null; name: string | null }
  type: TicketType
  typeLabel: string
  queue: { id: number; code: string; name: string } | null
  status: TicketStatus
  statusLabel: string
  priority: TicketPriority
  source: TicketSource
  resolvedAt: string | null
  createdAt: string
  updatedAt: string
}

const TICKET_SELECT = `
  select t.id, t.number, t.subject, t.description, t.type::text as type, t.status::text as status,
         t.priority::text as priority, t.source::text as source, t.resolved_at as "resolvedAt",
         t.created_at as "createdAt", t.updated_at as "updatedAt",
         p.id as "consultantId", p.code as "consultantCode", p.name as "consultantName", p.path as "consultantPath",
         q.id as "queueId", q.code as "queueCode", q.name as "queueName"
    from tickets t join participants p on p.id = t.consultant_id left join ticket_queues q on q.id = t.queue_id`

type RawTicket = {
  id: number
  number: string
  subject: string
  description: string | null
  type: TicketType
  status: TicketStatus
  priority: TicketPriority
  source: TicketSource
  resolvedAt: Date | null
  createdAt: Date
  updatedAt: Date
  consultantId: number
  consultantCode: string | null
  consultantName: string | null
  consultantPath: string | null
  queueId: number | null
  queueCode: string | null
  queueName: string | null
}

function shape(raw: RawTicket): TicketRow {
  return {
    id: raw.id,
    number: raw.number,
    subject: raw.subject,
    description: raw.description,
    consultant: { id: raw.consultantId, code: raw.consultantCode, name: raw.consultantName },
    type: raw.type,
    typeLabel: TICKET_TYPE_LABELS[raw.type],
    queue: raw.queueId === null ? null : { id: raw.queueId, code: raw.queueCode ?? '', name: raw.queueName ?? '' },
    status: raw.status,
    statusLabel: TICKET_STATUS_LABELS[raw.status],
    priority: raw.priority,
    source: raw.source,
    resolvedAt: raw.resolvedAt ? raw.resolvedAt.toISOString() : null,
    createdAt: raw.createdAt.toISOString(),
    updatedAt: raw.updatedAt.toISOString(),
  }
}

const sees = (user: TicketUser, path: string | null) =>
  readsAllTickets(user) || (user.participantId !== null && Boolean(path?.includes(subtreeSegment(user.participantId))))

/**
 * The ticket as `user` may see it (locked for update when `lock`), or a 404 refusal: a ticket outside the user's
 * subtree is answered exactly like one that does not exist.
 */
export async function visibleTicket(client: PoolClient, ticketId: number, user: TicketUser, lock = false): Promise<TicketRow> {
  const found = await client.query<RawTicket>(`${TICKET_SELECT} where t.id = $1${lock ? ' for update of t' : ''}`, [ticketId])
  const raw = found.rows[0]
  if (!raw || !sees(user, raw.consultantPath)) throw new TicketRefused(`ticket ${ticketId} not found`, 404)
  return shape(raw)
}

/**
 * The next `count` ticket numbers. Takes the transaction-long advisory lock `accrue.support.ticket-number`, so two
 * openings (or an opening and a bulk import) never take the same number.
 */
export async function nextTicketNumbers(client: PoolClient, count: number): Promise<string[]> {
  if (count <= 0) return []
  await client.query(`select pg_advisory_xact_lock(hashtext('accrue.support.ticket-number'))`)
  const max = await client.query<{ n: number }>(
    `select coalesce(max(substring(number from 3)::int), 0)::int as n from tickets where number ~ '^T-[0-9]{1,9}$'`,
  )
  const last = max.rows[0]?.n ?? 0
  return Array.from({ length: count }, (_, i) => ticketNumber(last + i + 1))
}

/** The queue a new ticket of `type` goes to: the first (lowest id) queue whose types include it, or null. */
export async function queueForType(client: PoolClient, type: TicketType): Promise<number | null> {
  const found = await client.query<{ id: number }>(
    `select q.id from ticket_queues q where exists (select 1 from ticket_queues_types qt where qt.parent_id = q.id and qt.value::text = $1)
      order by q.id limit 1`,
    [type],
  )
  return found.rows[0]?.id ?? null
}

export type OpenTicketInput = {
  consultant: number
  type: TicketType
  subject: string
  description?: string | null
  priority?: TicketPriority
  queue?: number | null
  source: TicketSource
  user: TicketUser
  attachment?: number | null
}

/** Whether `user` may open a ticket about `consultant` (staff for anyone; anyone else for their own participant). */
export function openProblem(user: TicketUser, consultant: number): string | null {
  if (isSupportStaff(user)) return null
  if (actorKind(user) === null) return 'your role may read tickets but not open them'
  if (user.participantId !== consultant) return 'you may open tickets for yourself only'
  return null
}

/** Checks an opening's values (type, subject, description, priority), each refusal naming its field. */
export function checkOpening(input: Pick<OpenTicketInput, 'type' | 'subject' | 'description' | 'priority'>): void {
  if (!(TICKET_TYPES as readonly string[]).includes(input.type))
    throw new TicketRefused(`type must be one of ${TICKET_TYPES.join(', ')}`, 400, 'type')
  if (input.subject.trim() === '') throw new TicketRefused('subject is empty: say in one line what happened', 400, 'subject')
  if (input.subject.length > 200) throw new TicketRefused('subject is longer than 200 characters', 400, 'subject')
  if ((input.description ?? '').length > 10_000) throw new TicketRefused('description is longer than 10,000 characters', 400, 'description')
  if (input.priority !== undefined && !(TICKET_PRIORITIES as readonly string[]).includes(input.priority))
    throw new TicketRefused(`priority must be one of ${TICKET_PRIORITIES.join(', ')}`, 400, 'priority')
}

/**
 * Opens a ticket: checks who may open it, numbers it, puts it in its queue and writes the "opened" event (to open).
 * Answers the ticket as the history shows it.
 */
export async function openTicket(client: PoolClient, input: OpenTicketInput): Promise<TicketRow> {
  checkOpening(input)
  const problem = openProblem(input.user, input.consultant)
  if (problem) throw new TicketRefused(problem, 403, 'consultant')
  const consultant = await client.query<{ id: number; kind: string }>(`select id, kind::text as kind from participants where id = $1`, [
    input.consultant,
  ])
  if (!consultant.rows[0] || consultant.rows[0].kind === 'operating_company')
    throw new TicketRefused(`consultant ${input.consultant} is not a participant of the network`, 400, 'consultant')
  let queue = input.queue ?? null
  if (queue !== null) {
    const known = await client.query(`select 1 from ticket_queues where id = $1`, [queue])
    if (known.rowCount === 0) throw new TicketRefused(`queue ${queue} does not exist`, 400, 'queue')
  } else queue = await queueForType(client, input.type)
  const [number] = await nextTicketNumbers(client, 1)
  const inserted = await client.query<{ id: number }>(
    `insert into tickets (number, subject, description, consultant_id, type, queue_id, status, priority, source, opened_by_id)
     values ($1, $2, $3, $4, $5, $6, 'open', $7, $8, $9) returning id`,
    [
      number,
      input.subject.trim(),
      input.description?.trim() || null,
      input.consultant,
      input.type,
      queue,
      input.priority ?? 'normal',
      input.source,
      input.user.id,
    ],
  )
  const id = inserted.rows[0]!.id
  await writeEvent(client, {
    ticketId: id,
    consultantId: input.consultant,
    from: null,
    to: 'open',
    authorId: input.user.id,
    comment: input.description?.trim() || null,
    attachment: input.attachment ?? null,
  })
  return visibleTicket(client, id, { ...input.user, roles: [...READ_ALL] })
}

type EventInput = {
  ticketId: number
  consultantId: number
  from: TicketStatus | null
  to: TicketStatus | null
  authorId: number | null
  comment: string | null
  attachment: number | null
}

/** One ticket event (the history is append-only). */
async function writeEvent(client: PoolClient, event: EventInput): Promise<number> {
  const result = await client.query<{ id: number }>(
    `insert into ticket_events (ticket_id, consultant_id, from_status, to_status, author_id, comment, attachment_id)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [event.ticketId, event.consultantId, event.from, event.to, event.authorId, event.comment, event.attachment],
  )
  return result.rows[0]!.id
}

/** Writes the "opened" events of tickets inserted in bulk (the import), in one statement. */
export async function writeOpenedEvents(client: PoolClient, tickets: { id: number; consultantId: number; comment: string | null }[]) {
  if (tickets.length === 0) return
  await client.query(
    `insert into ticket_events (ticket_id, consultant_id, from_status, to_status, author_id, comment)
     select t, c, null, 'open', null, m from unnest($1::int[], $2::int[], $3::varchar[]) as x(t, c, m)`,
    [tickets.map((t) => t.id), tickets.map((t) => t.consultantId), tickets.map((t) => t.comment)],
  )
}

const cleanComment = (comment: string | null | undefined): string | null => {
  const text = (comment ?? '').trim()
  if (text.length > 10_000) throw new TicketRefused('comment is longer than 10,000 characters', 400, 'comment')
  return text === '' ? null : text
}

export type TransitionInput = { ticketId: number; toStatus: string; comment?: string | null; user: TicketUser; attachment?: number | null }

/**
 * Moves a ticket to `toStatus` if the transitions allow it for the user's side (engine/support/transitions), writing
 * the event with from/to, author and comment; resolving stamps resolvedAt, reopening clears it.
 */
export async function transitionTicket(client: PoolClient, input: TransitionInput): Promise<TicketRow> {
  const ticket = await visibleTicket(client, input.ticketId, input.user, true)
  const actor = actorKind(input.user)
  if (actor === null) throw new TicketRefused('your role may read tickets but not change them', 403)
  if (!(TICKET_STATUSES as readonly string[]).includes(input.toStatus))
    throw new TicketRefused(`toStatus must be one of ${TICKET_STATUSES.join(', ')}`, 400, 'toStatus')
  const to = input.toStatus as TicketStatus
  const problem = transitionProblem(ticket.status, to, actor)
  // A move no one may make is a conflict with the ticket's status; one only staff may make is forbidden.
  if (problem) throw new TicketRefused(problem, transitionProblem(ticket.status, to, 'staff') === null ? 403 : 409, 'toStatus')
  const comment = cleanComment(input.comment)
  if (actor === 'consultant' && comment === null)
    throw new TicketRefused('comment is empty: say what you answer or why you reopen the ticket', 400, 'comment')
  await client.query(
    `update tickets set status = $2::enum_tickets_status,
            resolved_at = case when $2::text = 'resolved' then now() when $2::text = 'closed' then resolved_at else null end,
            updated_at = now()
      where id = $1`,
    [ticket.id, to],
  )
  await writeEvent(client, {
    ticketId: ticket.id,
    consultantId: ticket.consultant.id,
    from: ticket.status,
    to,
    authorId: input.user.id,
    comment,
    attachment: input.attachment ?? null,
  })
  return visibleTicket(client, ticket.id, input.user)
}

export type CommentInput = { ticketId: number; comment?: string | null; user: TicketUser; attachment?: number | null }

/** A comment (and/or file) on a ticket, without a status change. */
export async function commentTicket(client: PoolClient, input: CommentInput): Promise<TicketRow> {
  const ticket = await visibleTicket(client, input.ticketId, input.user, true)
  if (actorKind(input.user) === null) throw new TicketRefused('your role may read tickets but not comment on them', 403)
  const problem = commentProblem(ticket.status)
  if (problem) throw new TicketRefused(problem, 409)
  const comment = cleanComment(input.comment)
  if (comment === null && !input.attachment) throw new TicketRefused('comment is empty', 400, 'comment')
  await client.query(`update tickets set updated_at = now() where id = $1`, [ticket.id])
  await writeEvent(client, {
    ticketId: ticket.id,
    consultantId: ticket.consultant.id,
    from: null,
    to: null,
    authorId: input.user.id,
    comment,
    attachment: input.attachment ?? null,
  })
  return visibleTicket(client, ticket.id, input.user)
}

export type TicketEventView = {
  id: number
  at: string
  kind: 'opened' | 'transition' | 'comment'
  fromStatus: TicketStatus | null
  toStatus: TicketStatus | null
  author: { id: number; name: string } | null
  comment: string | null
  attachment: { id: number; filename: string; url: string } | null
}

export type TicketHistory = { ticket: TicketRow; events: TicketEventView[]; allowed: TicketStatus[]; canComment: boolean }

/** A ticket with its events oldest first (author names, attachments), and the moves the user may make now. */
export async function ticketHistory(client: PoolClient, ticketId: number, user: TicketUser): Promise<TicketHistory> {
  const ticket = await visibleTicket(client, ticketId, user)
  const events = await client.query<{
    id: number
    at: Date
    fromStatus: TicketStatus | null
    toStatus: TicketStatus | null
    authorId: number | null
    authorName: string | null
    authorEmail: string | null
    comment: string | null
    attachmentId: number | null
    filename: string | null
  }>(
    `select e.id, e.created_at as at, e.from_status::text as "fromStatus", e.to_status::text as "toStatus",
            u.id as "authorId", u.name as "authorName", u.email as "authorEmail", e.comment,
            a.id as "attachmentId", a.filename
       from ticket_events e left join users u on u.id = e.author_id left join ticket_attachments a on a.id = e.attachment_id
      where e.ticket_id = $1 order by e.created_at, e.id`,
    [ticketId],
  )
  const actor = actorKind(user)
  return {
    ticket,
    events: events.rows.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.toStatus === null ? 'comment' : e.fromStatus === null ? 'opened' : 'transition',
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      author: e.authorId === null ? null : { id: e.authorId, name: e.authorName ?? e.authorEmail ?? `user ${e.authorId}` },
      comment: e.comment,
      attachment:
        e.attachmentId === null
          ? null
          : { id: e.attachmentId, filename: e.filename ?? '', url: `/api/ticket-attachments/file/${encodeURIComponent(e.filename ?? '')}` },
    })),
    allowed: actor === null ? [] : allowedTransitions(ticket.status, actor),
    canComment: actor !== null && commentProblem(ticket.status) === null,
  }
}

/** The tickets `user` sees, newest first (the portal's list). */
export async function listTickets(client: PoolClient, user: TicketUser, limit = 200): Promise<TicketRow[]> {
  const all = readsAllTickets(user)
  if (!all && user.participantId === null) return []
  const found = await client.query<RawTicket>(
    `${TICKET_SELECT} ${all ? '' : 'where strpos(p.path, $2) > 0'} order by t.created_at desc, t.id desc limit $1`,
    all ? [limit] : [limit, subtreeSegment(user.participantId!)],
  )
  return found.rows.map(shape)
}

export type Count<K> = { key: K; label: string; count: number }
export type TicketWidgets = {
  total: number
  byStatus: Count<TicketStatus>[]
  byType: Count<TicketType>[]
  byQueue: (Count<string | null> & { queueId: number | null })[]
}

/**
 * Ticket counts by status, type and queue, over the tickets the user sees (staff and auditors: all; anyone else:
 * their own subtree). Every status and type is listed (0 when none); queues with tickets, plus every queue.
 */
export async function ticketWidgets(client: PoolClient, user: TicketUser): Promise<TicketWidgets> {
  const all = readsAllTickets(user)
  if (!all && user.participantId === null) throw new TicketRefused('your login has no participant: there are no tickets to count', 403)
  const scope = all ? 'true' : 'strpos(p.path, $1) > 0'
  const params = all ? [] : [subtreeSegment(user.participantId!)]
  const rows = await client.query<{ status: TicketStatus; type: TicketType; queueId: number | null; n: number }>(
    `select t.status::text as status, t.type::text as type, t.queue_id as "queueId", count(*)::int as n
       from tickets t join participants p on p.id = t.consultant_id where ${scope} group by 1, 2, 3`,
    params,
  )
  const queues = await client.query<{ id: number; code: string; name: string }>(`select id, code, name from ticket_queues order by id`)
  const sum = (pick: (row: (typeof rows.rows)[number]) => boolean) => rows.rows.filter(pick).reduce((n, row) => n + row.n, 0)
  const byQueue: TicketWidgets['byQueue'] = queues.rows.map((q) => ({
    key: q.code,
    queueId: q.id,
    label: q.name,
    count: sum((row) => row.queueId === q.id),
  }))
  const unqueued = sum((row) => row.queueId === null)
  if (unqueued > 0) byQueue.push({ key: null, queueId: null, label: 'No queue', count: unqueued })
  return {
    total: sum(() => true),
    byStatus: TICKET_STATUSES.map((status) => ({
      key: status,
      label: TICKET_STATUS_LABELS[status],
      count: sum((r) => r.status === status),
    })),
    byType: TICKET_TYPES.map((type) => ({ key: type, label: TICKET_TYPE_LABELS[type], count: sum((r) => r.type === type) })),
    byQueue,
  }
}
