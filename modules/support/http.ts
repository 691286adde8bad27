/**
 * What the ticket endpoints share: the acting user, the uploaded file stored as a ticket attachment (10 MB at most,
 * PDF/PNG/JPEG/CSV/TXT/XLSX), and one transaction per action with refusals turned into `{ errors: [...] }` answers.
 */
import type { PayloadRequest } from 'payload'
import type { PoolClient } from 'pg'

import { participantIdOf, type AccessUser } from '../../access/core/user'
import { dbPool } from '../../db/pool'
import { withTransaction } from '../../db/withTransaction'
import type { Body } from '../core/body'
import { TicketRefused, type TicketUser } from './tickets'

/** The largest attachment a ticket takes. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

/** The logged-in user as the ticket functions see it, or null when nobody (or not a user) is logged in. */
export function ticketUserOf(req: PayloadRequest): TicketUser | null {
  const user = req.user as (AccessUser & { collection?: string; name?: string | null }) | null | undefined
  if (!user || user.collection !== 'users') return null
  return { id: user.id, name: user.name ?? null, roles: user.roles ?? [], participantId: participantIdOf(user) }
}

/** Stores an uploaded file as a ticket attachment of `consultantId`'s ticket; refusals name the `file` field. */
export async function storeTicketAttachment(
  req: PayloadRequest,
  file: NonNullable<Body['file']>,
  consultantId: number,
  userId: number,
): Promise<number> {
  if (file.size > MAX_ATTACHMENT_BYTES) throw new TicketRefused('the attachment is larger than 10 MB', 413, 'file')
  try {
    const doc = await req.payload.create({
      collection: 'ticket-attachments',
      data: { consultant: consultantId, uploadedBy: userId },
      file: { name: file.name, data: file.data, mimetype: file.mimetype, size: file.size },
      overrideAccess: true,
    })
    return doc.id as number
  } catch (err) {
    throw new TicketRefused(
      `the attachment was refused: ${err instanceof Error ? err.message : String(err)} (PDF, PNG, JPEG, CSV, TXT or XLSX)`,
      400,
      'file',
    )
  }
}

/** A refusal as the API answers it: `{ errors: [{ message, field? }] }` with its status. */
export function refusalResponse(err: TicketRefused): Response {
  return Response.json({ errors: [{ message: err.message, ...(err.field ? { field: err.field } : {}) }] }, { status: err.status })
}

/** Runs `work` in one transaction and answers its result as JSON (status `status`); a refusal is its answer. */
export async function ticketAction(req: PayloadRequest, work: (client: PoolClient) => Promise<unknown>, status = 200): Promise<Response> {
  try {
    const result = await withTransaction(dbPool(req.payload), {}, work)
    return Response.json(result, { status })
  } catch (err) {
    if (err instanceof TicketRefused) return refusalResponse(err)
    throw err
  }
}
