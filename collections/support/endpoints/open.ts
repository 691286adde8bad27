import type { Endpoint } from 'payload'

import { apiDoc } from '../../../engine/api'
import { dbPool } from '../../../db/pool'
import { bodyOf } from '../../../modules/core/body'
import { errorResponse } from '../../../modules/core/http'
import { refusalResponse, storeTicketAttachment, ticketAction, ticketUserOf } from '../../../modules/support/http'
import { checkOpening, openProblem, openTicket, TicketRefused } from '../../../modules/support/tickets'
import { ticketBody, ticketSchema } from './schemas'

const optionalId = (value: unknown, field: string): number | null => {
  if (value === undefined || value === null || value === '') return null
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new TicketRefused(`${field} must be an id (a whole number above 0)`, 400, field)
  return n
}

/**
 * POST /api/tickets/open — JSON or multipart (`file`): `{ type, subject, description?, priority?, consultant?, queue? }`.
 * A consultant opens a ticket about themselves (consultant defaults to their participant; another is a 403); support
 * staff open one for anyone (consultant required). Answers 201 with the ticket (number, queue, status open).
 */
export const openTicketEndpoint: Endpoint = {
  path: '/open',
  method: 'post',
  custom: apiDoc({
    summary: 'Open a support ticket',
    description:
      'Opens an incident ticket about a consultant, numbered T-000001 onwards and put in the first queue that takes its type unless a queue is named. A consultant opens tickets about themselves; support staff open them for anyone. Also accepts multipart/form-data with the same fields and an optional `file` attachment (10 MB at most: PDF, PNG, JPEG, CSV, TXT or XLSX).',
    access: 'Any logged-in user for their own participant; company admins and company users for any consultant.',
    body: { schema: ticketBody.open },
    responses: {
      201: { description: 'The ticket as opened (status open).', schema: ticketSchema },
      403: { description: 'The consultant is not the caller’s own participant.' },
      413: { description: 'The attachment is larger than 10 MB.' },
    },
  }),
  handler: async (req) => {
    const user = ticketUserOf(req)
    if (!user) return errorResponse(401, 'log in to open tickets')
    const { fields, file } = await bodyOf(req)
    try {
      const consultant = optionalId(fields.consultant, 'consultant') ?? user.participantId
      if (consultant === null) throw new TicketRefused('consultant is empty: name the affected consultant', 400, 'consultant')
      // Who may open it first: a consultant learns nothing about other participants from the answer.
      const problem = openProblem(user, consultant)
      if (problem) throw new TicketRefused(problem, 403, 'consultant')
      const queue = optionalId(fields.queue, 'queue')
      const known = await dbPool(req.payload).query(`select 1 from participants where id = $1`, [consultant])
      if (known.rowCount === 0) throw new TicketRefused(`consultant ${consultant} is not a participant of the network`, 400, 'consultant')
      const input = {
        consultant,
        type: String(fields.type ?? '') as never,
        subject: String(fields.subject ?? ''),
        description: fields.description === undefined || fields.description === null ? null : String(fields.description),
        priority: fields.priority === undefined || fields.priority === '' ? undefined : (String(fields.priority) as never),
        queue,
        // The portal and the admin say where they opened it; any other caller is the API.
        source: (['portal', 'admin'].includes(String(fields.source)) ? fields.source : 'api') as 'portal' | 'admin' | 'api',
        user,
      }
      // Checked before the file is stored: a refused opening leaves no attachment behind.
      checkOpening(input)
      const attachment = file ? await storeTicketAttachment(req, file, consultant, user.id) : null
      return ticketAction(req, (client) => openTicket(client, { ...input, attachment }), 201)
    } catch (err) {
      if (err instanceof TicketRefused) return refusalResponse(err)
      throw err
    }
  },
}
