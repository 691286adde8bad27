import { parseParams, type CollectionSlug, type PayloadRequest, type Where } from 'payload'

import { CursorError, decodeCursor, pageLimit } from '../../../engine/api/cursor'
import { errorResponse } from '../../core/http'

/** What a paging or export request asks for, read from its query the way Payload's REST reads a list's. */
export type PagingQuery = { slug: CollectionSlug; where: Where | undefined; after: number; query: Record<string, unknown> }

/** The collection the endpoint was called on (`/api/<slug>/keyset`), its `where` (qs or JSON) and the `after` cursor. */
export function pagingQuery(req: PayloadRequest): PagingQuery | Response {
  const slug = req.routeParams?.collection
  if (typeof slug !== 'string' || !(slug in req.payload.collections)) return errorResponse(404, 'no such collection')
  // Payload parsed the query string with qs (`where[status][equals]=paid`), as for its own list.
  const query = parseParams({ ...(req.query as Record<string, unknown>) }) as Record<string, unknown>
  const where = query.where
  if (where !== undefined && (where === null || typeof where !== 'object' || Array.isArray(where)))
    return errorResponse(400, 'where must be a filter: where[field][operator]=value')
  const rawAfter = req.query?.after
  let after = 0
  if (rawAfter !== undefined && rawAfter !== '') {
    if (typeof rawAfter !== 'string') return errorResponse(400, new CursorError('after').message)
    try {
      after = decodeCursor(rawAfter, 'after')
    } catch (err) {
      if (err instanceof CursorError) return errorResponse(400, err.message)
      throw err
    }
  }
  return { slug: slug as CollectionSlug, where: where as Where | undefined, after, query }
}

/** The rows after the cursor, in id order, within the client's filter. */
export function afterWhere(where: Where | undefined, after: number): Where {
  const next: Where = { id: { greater_than: after } }
  return where && Object.keys(where).length > 0 ? { and: [where, next] } : next
}

/** `limit` of a paging request: 1..max, `fallback` when absent; the 400 naming it otherwise. */
export function limitOf(req: PayloadRequest, fallback: number, max: number): number | Response {
  const limit = pageLimit(req.query?.limit, fallback, max)
  return limit ?? errorResponse(400, `limit must be a whole number from 1 to ${max}; got "${String(req.query?.limit).slice(0, 40)}"`)
}
