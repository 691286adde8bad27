/**
 * What the rebates endpoints share: the acting user as the claim actions see it, a body read as JSON or multipart
 * (with its file stored as a rebate attachment), and one transaction per action with refusals turned into answers.
 */
import type { PayloadRequest } from 'payload'

import { dbPool } from '../../db/pool'
import { withTransaction } from '../../db/withTransaction'
import { bodyOf, type Body } from '../core/body'
import { errorResponse } from '../core/http'
import { ClaimActionRefused, type Actor } from './claimActions'
import { ClaimInputError } from './claims'

export { bodyOf, type Body }

/** The logged-in user with its participant's path, or null. */
export async function actorOf(req: PayloadRequest): Promise<(Actor & { participantId: number | null }) | null> {
  const user = req.user as { id: number; roles?: string[] | null; participant?: number | { id: number } | null; collection?: string } | null
  if (!user || user.collection !== 'users') return null
  const participantId = user.participant == null ? null : typeof user.participant === 'object' ? user.participant.id : user.participant
  const path =
    participantId === null
      ? null
      : ((await dbPool(req.payload).query<{ path: string }>(`select path from participants where id = $1`, [participantId])).rows[0]
          ?.path ?? null)
  return { id: user.id, roles: user.roles ?? [], participantPath: path, participantId }
}

/** Stores a dispute's file, readable like the partner's claims. */
export async function storeAttachment(
  req: PayloadRequest,
  file: NonNullable<Body['file']>,
  partnerId: number,
  userId: number,
): Promise<number> {
  if (file.size > 10 * 1024 * 1024) throw new ClaimActionRefused('the attachment is larger than 10 MB', 413)
  try {
    const doc = await req.payload.create({
      collection: 'rebate-attachments',
      data: { partner: partnerId, uploadedBy: userId },
      file: { name: file.name, data: file.data, mimetype: file.mimetype, size: file.size },
      overrideAccess: true,
    })
    return doc.id as number
  } catch (err) {
    throw new ClaimActionRefused(
      `the attachment was refused: ${err instanceof Error ? err.message : String(err)} (PDF, PNG, JPEG, CSV, TXT or XLSX)`,
      400,
    )
  }
}

/** Runs an action in one transaction; a refusal or bad input is an answer with its status, anything else a 500. */
export async function inTransaction(
  req: PayloadRequest,
  lock: string | undefined,
  work: (client: import('pg').PoolClient) => Promise<unknown>,
): Promise<Response> {
  try {
    const result = await withTransaction(dbPool(req.payload), { lock }, work)
    return Response.json(result)
  } catch (err) {
    if (err instanceof ClaimActionRefused) return errorResponse(err.status, err.message)
    if (err instanceof ClaimInputError) return errorResponse(400, err.message)
    throw err
  }
}

export const today = () => new Date().toISOString().slice(0, 10)
