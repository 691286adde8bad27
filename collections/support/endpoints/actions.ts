import type { Endpoint, PayloadRequest } from 'payload'

import { apiDoc } from '../../../engine/api'
import { dbPool } from '../../../db/pool'
import { bodyOf } from '../../../modules/core/body'
import { errorResponse } from '../../../modules/core/http'
import { badRouteId, routeId } from '../../../modules/core/routeId'
import { refusalResponse, storeTicketAttachment, ticketAction, ticketUserOf } from '../../../modules/support/http'
import {
  commentTicket,
  ticketHistory,
  ticketWidgets,
  transitionTicket,
  visibleTicket,
  TicketRefused,
  type TicketUser,
} from '../../../modules/support/tickets'
import { ticketBody, ticketHistorySchema, ticketSchema, ticketWidgetsSchema } from './schemas'

/** The ticket's consultant when the user sees the ticket (so a file is stored only for a ticket the user may touch). */
async function consultantOfVisible(req: PayloadRequest, ticketId: number, user: TicketUser): Promise<number> {
  const client = await dbPool(req.payload).connect()
  try {
    return (await visibleTicket(client, ticketId, user)).consultant.id
  } finally {
    client.release()
  }
}

/** Reads the body, stores its file (if any) on the ticket, and runs `act` in one transaction. */
async function withBody(
  req: PayloadRequest,
  act: (input: {
    ticketId: number
    user: TicketUser
    fields: Record<string, unknown>
    attachment: number | null
  }) => (client: import('pg').PoolClient) => Promise<unknown>,
): Promise<Response> {
  const ticketId = routeId(req)
  if (ticketId === null) return badRouteId(req)
  const user = ticketUserOf(req)
  if (!user) return errorResponse(401, 'log in to work on tickets')
  try {
    const { fields, file } = await bodyOf(req)
    const consultant = await consultantOfVisible(req, ticketId, user)
    const attachment = file ? await storeTicketAttachment(req, file, consultant, user.id) : null
    return await ticketAction(req, act({ ticketId, user, fields, attachment }))
  } catch (err) {
    if (err instanceof TicketRefused) return refusalResponse(err)
    throw err
  }
}

const text = (value: unknown): string | null => (value === undefined || value === null ? null : String(value))

/**
 * POST /api/tickets/:id/transition — `{ toStatus, comment }` (JSON or multipart with `file`). Staff move a ticket
 * along its transitions; the consultant side may answer (waiting on consultant → in progress) and reopen (resolved →
 * in progress), with a comment. Answers the ticket; 403 for a move only staff make, 409 for one nobody makes now.
 */
export const transitionTicketEndpoint: Endpoint = {
  path: '/:id/transition',
  method: 'post',
  custom: apiDoc({
    summary: 'Move a ticket to another status',
    description:
      'Staff move a ticket along its transitions; the consultant side may answer (waiting on consultant → in progress) and reopen (resolved → in progress), with a comment. Each move is a ticket event.',
    access: 'Company admins and company users; the consultant side for its own subtree’s tickets. Finance and auditors only read.',
    body: { schema: ticketBody.transition },
    responses: {
      200: { description: 'The ticket after the move.', schema: ticketSchema },
      403: { description: 'The caller may only read tickets, or the move is one only staff make.' },
      409: { description: 'Nobody may make this move from the ticket’s current status.' },
      413: { description: 'The attachment is larger than 10 MB.' },
    },
  }),
  handler: (req) =>
    withBody(
      req,
      ({ ticketId, user, fields, attachment }) =>
        (client) =>
          transitionTicket(client, { ticketId, user, toStatus: String(fields.toStatus ?? ''), comment: text(fields.comment), attachment }),
    ),
}

/** POST /api/tickets/:id/comment — `{ comment }` (JSON or multipart with `file`): an event without a status change. */
export const commentTicketEndpoint: Endpoint = {
  path: '/:id/comment',
  method: 'post',
  custom: apiDoc({
    summary: 'Comment on a ticket',
    description: 'Adds a comment (and optionally a file) to the ticket’s history without changing its status.',
    access: 'Company admins and company users; the consultant side for its own subtree’s tickets. Finance and auditors only read.',
    body: { schema: ticketBody.comment },
    responses: {
      200: { description: 'The ticket.', schema: ticketSchema },
      403: { description: 'The caller may only read tickets.' },
      409: { description: 'The ticket takes no comments in its current status (closed).' },
      413: { description: 'The attachment is larger than 10 MB.' },
    },
  }),
  handler: (req) =>
    withBody(
      req,
      ({ ticketId, user, fields, attachment }) =>
        (client) =>
          commentTicket(client, { ticketId, user, comment: text(fields.comment), attachment }),
    ),
}

/**
 * GET /api/tickets/:id/history — `{ ticket, events, allowed, canComment }`: every event oldest first with its author's
 * name, and the statuses the caller may move the ticket to now. A ticket outside the caller's subtree is a 404.
 */
export const ticketHistoryEndpoint: Endpoint = {
  path: '/:id/history',
  method: 'get',
  custom: apiDoc({
    summary: 'Read a ticket’s history',
    description:
      'The ticket with every event oldest first (author names, attachments), the statuses the caller may move it to now, and whether the caller may comment. A ticket outside the caller’s subtree answers 404.',
    access: 'Company staff, finance and auditors for every ticket; anyone else for its own subtree’s tickets.',
    responses: { 200: { description: 'The ticket and its history.', schema: ticketHistorySchema } },
  }),
  handler: async (req) => {
    const ticketId = routeId(req)
    if (ticketId === null) return badRouteId(req)
    const user = ticketUserOf(req)
    if (!user) return errorResponse(401, 'log in to read tickets')
    return ticketAction(req, (client) => ticketHistory(client, ticketId, user))
  },
}

/**
 * GET /api/tickets/widgets — `{ total, byStatus, byType, byQueue }` (each `[{ key, label, count }]`), over the tickets the
 * caller sees: staff, finance and auditors all; anyone else their own subtree.
 */
export const ticketWidgetsEndpoint: Endpoint = {
  path: '/widgets',
  method: 'get',
  custom: apiDoc({
    summary: 'Count tickets by status, type and queue',
    description: 'Ticket counts over the tickets the caller sees, for the dashboard widgets.',
    access: 'Company staff, finance and auditors count every ticket; anyone else its own subtree’s.',
    responses: {
      200: { description: 'The counts.', schema: ticketWidgetsSchema },
      403: { description: 'The login has no participant, so there are no tickets to count.' },
    },
  }),
  handler: async (req) => {
    const user = ticketUserOf(req)
    if (!user) return errorResponse(401, 'log in to read tickets')
    return ticketAction(req, (client) => ticketWidgets(client, user))
  },
}
