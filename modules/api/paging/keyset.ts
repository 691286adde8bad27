import type { PayloadRequest } from 'payload'

import { encodeCursor } from '../../../engine/api/cursor'
import { errorResponse } from '../../core/http'
import { afterWhere, limitOf, pagingQuery } from './request'

export const KEYSET_DEFAULT_LIMIT = 100
export const KEYSET_MAX_LIMIT = 5_000
const MAX_DEPTH = 2

/**
 * GET /api/<slug>/keyset?after=<cursor>&limit=&where[...]=&depth= — one page in id order after the cursor, read
 * through the Local API as the caller (row-level and field-level read access, afterRead hooks), without Payload's
 * count query. Deep pages cost the same as the first: the database seeks to `id > after` on the primary key.
 */
export async function keysetPage(req: PayloadRequest): Promise<Response> {
  const paging = pagingQuery(req)
  if (paging instanceof Response) return paging
  const limit = limitOf(req, KEYSET_DEFAULT_LIMIT, KEYSET_MAX_LIMIT)
  if (limit instanceof Response) return limit
  const depth = paging.query.depth === undefined ? 0 : Number(paging.query.depth)
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_DEPTH) return errorResponse(400, `depth must be 0 to ${MAX_DEPTH}`)
  const found = await req.payload.find({
    collection: paging.slug,
    where: afterWhere(paging.where, paging.after),
    sort: 'id',
    limit: limit + 1,
    pagination: false,
    depth,
    overrideAccess: false,
    user: req.user,
    req,
  })
  const docs = found.docs.slice(0, limit)
  const last = docs[docs.length - 1] as { id: number } | undefined
  const nextCursor = found.docs.length > limit && last ? encodeCursor(last.id) : null
  return Response.json({ docs, nextCursor, limit })
}
