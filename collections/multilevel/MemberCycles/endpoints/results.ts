import type { Endpoint, PayloadRequest } from 'payload'

import { currentUser, hasRole, participantIdOf } from '../../../../access/core/user'
import { dbPool } from '../../../../db/pool'
import { apiDoc, s } from '../../../../engine/api'
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

const cycleQuery = {
  cycle: { description: 'The cycle (commission period id); default the latest cycle with figures for the member.', schema: s.int() },
}
const participantParam = { participant: { description: 'The member (participant id).', schema: s.int() } }
const rankRef = s.nullable(s.obj({ code: s.str(), name: s.str() }))
const downlineNode = s.obj({
  id: s.int(),
  name: s.str(),
  code: s.nullable(s.str()),
  path: s.str('The member’s path in the network, to expand a tree down to it.'),
  children: s.int('How many direct recruits it has.'),
  rank: s.nullable(s.str('The paid rank’s code in the cycle.')),
  kpis: s.obj({}, 'The KPI values by KPI code (members see only the visible KPIs).'),
})
const memberSummarySchema = s.obj({
  member: s.obj({ id: s.int(), name: s.str(), code: s.nullable(s.str()), path: s.str() }),
  cycle: s.nullable(s.obj({ id: s.int(), label: s.str(), startsOn: s.str(), endsOn: s.str(), status: s.str() })),
  calculatedAt: s.nullable(s.str('When the cycle’s KPIs were last calculated.')),
  kpis: s.arr(s.obj({ code: s.str(), label: s.str(), value: s.str('The KPI value as decimal text.'), visible: s.bool() })),
  rank: s.obj({
    qualified: rankRef,
    paid: rankRef,
    honorary: rankRef,
    graceLeft: s.nullable(s.int()),
    source: s.nullable(s.str()),
  }),
  card: s.anyJson('The rank report card: the next rank up and, per requirement, what the member has and the gap (null when none).'),
  bonuses: s.arr(s.obj({ component: s.str(), description: s.str(), amount: s.money() })),
  bonusTotal: s.money(),
  awards: s.arr(
    s.obj({ kind: s.str(), label: s.str(), points: s.nullable(s.str()), prize: s.nullable(s.str()), badge: s.nullable(s.str()) }),
  ),
  history: s.arr(s.obj({ cycle: s.str(), paid: s.nullable(s.str()), honorary: s.nullable(s.str()), source: s.nullable(s.str()) })),
})
const memberAccess = 'Company staff, finance and auditors for any member; anyone else for members of their own subtree (others answer 404).'

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
  custom: apiDoc({
    summary: 'Read a member’s cycle summary',
    description:
      'One member’s 360° view for a cycle: KPIs, qualified, paid and honorary ranks, the rank report card, bonuses, awards and rank history. Members see only the KPIs marked visible.',
    access: memberAccess,
    params: participantParam,
    query: cycleQuery,
    responses: { 200: { description: 'The member’s summary.', schema: memberSummarySchema } },
  }),
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
  custom: apiDoc({
    summary: 'List a member’s downline',
    description:
      'The member’s direct recruits with their KPIs and paid rank for the cycle, a page at a time by name; with `q`, members anywhere in its subtree whose name or code contains the text (at most 20), each with its path.',
    access: memberAccess,
    params: participantParam,
    query: {
      ...cycleQuery,
      q: { description: 'Search the whole subtree by name or code (at least 2 characters).', schema: s.str() },
      limit: { description: 'Page size, default 50, at most 500.', schema: s.int() },
      offset: { description: 'Rows to skip, default 0.', schema: s.int() },
    },
    responses: {
      200: {
        description: 'A page of direct recruits with their total; with `q`, only `nodes` (the matches).',
        schema: s.obj({ 'total?': s.int('The number of direct recruits (not with q).'), nodes: s.arr(downlineNode) }),
      },
    },
  }),
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
  custom: apiDoc({
    summary: 'Download a member’s individual extract',
    description: 'The member’s figures for the cycle as an Excel workbook.',
    access: memberAccess,
    params: participantParam,
    query: cycleQuery,
    responses: { 200: { description: 'The workbook.', contentType: XLSX } },
  }),
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
  custom: apiDoc({
    summary: 'Download a cycle’s general settlement',
    description: 'Every member’s KPIs and ranks for the cycle and what each is paid by component, as an Excel workbook.',
    access: 'Company staff, finance and auditors.',
    params: { cycle: { description: 'The cycle (commission period id).', schema: s.int() } },
    responses: { 200: { description: 'The workbook.', contentType: XLSX } },
  }),
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
