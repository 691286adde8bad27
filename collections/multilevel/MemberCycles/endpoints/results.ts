import type { Endpoint, PayloadRequest } from 'payload'

import { currentUser, hasRole, participantIdOf } from '../../../../access/core/user'
import { dbPool } from '../../../../db/pool'
import { isInSubtree, READ_ALL_ROLES } from '../../../../engine/network'
import { errorResponse } from '../../../../modules/core/http'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import {
  downlineChildren,
  extractWorkbook,
  memberSummary,
  searchDownline,
  settlementWorkbook,
} from '../../../../modules/multilevel/results'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * Who asks about member `id`: staff see everyone; anyone else only members of their own subtree (themselves
 * included). A Response when refused; a member outside the subtree is a 404, as if it did not exist.
 */
async function admit(req: PayloadRequest, name = 'participant'): Promise<{ id: number; staff: boolean } | Response> {
  const user = currentUser(req)
  if (!user) return errorResponse(401, 'log in first')
  const id = routeId(req, name)
  if (id === null) return badRouteId(req, name)
  const staff = hasRole(user, ...READ_ALL_ROLES)
  if (staff) return { id, staff }
  const own = participantIdOf(user)
  const found = await dbPool(req.payload).query<{ path: string }>(`select path from participants where id = $1`, [id])
  if (own === null || !found.rows[0] || !isInSubtree(found.rows[0].path, own)) return errorResponse(404, `participant ${id} not found`)
  return { id, staff }
}

function cycleParam(req: PayloadRequest): number | null | Response {
  const raw = (req.query as Record<string, unknown> | undefined)?.cycle
  if (raw === undefined || raw === '') return null
  return typeof raw === 'string' && /^[1-9]\d{0,9}$/.test(raw)
    ? Number(raw)
    : errorResponse(400, `cycle must be a period id, not "${String(raw).slice(0, 40)}"`)
}

/**
 * `GET /api/member-cycles/summary/:participant?cycle=` — one member's 360° view for a cycle (default: the latest with
 * figures): KPIs, ranks, the rank report card, bonuses, awards and rank history. Members see the KPIs marked visible.
 */
export const memberSummaryEndpoint: Endpoint = {
  path: '/summary/:participant',
  method: 'get',
  handler: async (req) => {
    const who = await admit(req)
    if (who instanceof Response) return who
    const cycle = cycleParam(req)
    if (cycle instanceof Response) return cycle
    const summary = await memberSummary(dbPool(req.payload), who.id, { cycleId: cycle, visibleOnly: !who.staff })
    return summary ? Response.json(summary) : errorResponse(404, `participant ${who.id} not found`)
  },
}

/**
 * `GET /api/member-cycles/downline/:participant?cycle=&offset=&limit=` — the member's direct recruits with their KPIs
 * and paid rank (a page, 50 by default, at most 500); with `q=text`, members anywhere in its subtree whose name or
 * code contains the text (at most 20), each with its path, so a tree expands down to them.
 */
export const downlineEndpoint: Endpoint = {
  path: '/downline/:participant',
  method: 'get',
  handler: async (req) => {
    const who = await admit(req)
    if (who instanceof Response) return who
    const cycle = cycleParam(req)
    if (cycle instanceof Response) return cycle
    const query = req.query as Record<string, unknown>
    const pool = dbPool(req.payload)
    if (typeof query.q === 'string' && query.q.trim() !== '') {
      if (query.q.trim().length < 2) return errorResponse(400, 'search for at least 2 characters')
      return Response.json({ nodes: await searchDownline(pool, who.id, cycle, query.q.trim(), 20, !who.staff) })
    }
    const limit = Math.min(500, Math.max(1, Number(query.limit ?? 50) || 50))
    const offset = Math.max(0, Number(query.offset ?? 0) || 0)
    return Response.json(await downlineChildren(pool, who.id, cycle, { limit, offset }, !who.staff))
  },
}

/** `GET /api/member-cycles/extract/:participant?cycle=` — the member's individual extract (xlsx). */
export const extractEndpoint: Endpoint = {
  path: '/extract/:participant',
  method: 'get',
  handler: async (req) => {
    const who = await admit(req)
    if (who instanceof Response) return who
    const cycle = cycleParam(req)
    if (cycle instanceof Response) return cycle
    const data = await extractWorkbook(dbPool(req.payload), who.id, cycle, !who.staff)
    return new Response(new Uint8Array(data), {
      headers: { 'content-type': XLSX, 'content-disposition': `attachment; filename="extract-${who.id}.xlsx"` },
    })
  },
}

/** `GET /api/member-cycles/settlement/:cycle` — the general settlement of a cycle (xlsx), for staff. */
export const settlementEndpoint: Endpoint = {
  path: '/settlement/:cycle',
  method: 'get',
  handler: async (req) => {
    const user = currentUser(req)
    if (!user) return errorResponse(401, 'log in first')
    if (!hasRole(user, ...READ_ALL_ROLES)) return errorResponse(403, 'only company staff export the general settlement')
    const id = routeId(req, 'cycle')
    if (id === null) return badRouteId(req, 'cycle')
    const exists = await dbPool(req.payload).query(`select 1 from commission_periods where id = $1`, [id])
    if (exists.rowCount === 0) return errorResponse(404, `cycle ${id} not found`)
    const data = await settlementWorkbook(dbPool(req.payload), id)
    return new Response(new Uint8Array(data), {
      headers: { 'content-type': XLSX, 'content-disposition': `attachment; filename="settlement-${id}.xlsx"` },
    })
  },
}
