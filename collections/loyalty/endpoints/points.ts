/**
 * The points endpoints: a holder's statement, redemption, staff adjustments, and running the earn and expiry jobs
 * now. Who may act for whom: a consultant for their own points (and their customers'), company staff
 * (company_admin, company_user) for anyone named in the request, and partners' managers read their subtree.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import type { PoolClient } from 'pg'

import type { AccessUser } from '../../../access/core/user'
import { currentUser, hasRole, participantIdOf } from '../../../access/core/user'
import { dbPool } from '../../../db/pool'
import { withTransaction } from '../../../db/withTransaction'
import { apiDoc, s } from '../../../engine/api'
import { isCalendarDay } from '../../../engine/core/calendarDate'
import { READ_ALL_ROLES, subtreeSegment } from '../../../engine/network'
import { bodyOf } from '../../../modules/core/body'
import { errorResponse } from '../../../modules/core/http'
import { earnFromOrders, LOYALTY_JOB_LOCK } from '../../../modules/loyalty/earn'
import { LoyaltyRefusal, refusalResponse } from '../../../modules/loyalty/errors'
import { expirePoints } from '../../../modules/loyalty/expire'
import { expiryOf, holderStatement, postEarn, programOf, redeemProduct, spendPoints, type Holder } from '../../../modules/loyalty/ledger'

const STAFF = ['company_admin', 'company_user'] as const

const MANAGERS = ['partner_admin', 'partner_user', 'territory_owner_admin', 'territory_owner_user', 'agent_manager'] as const

/** Today's calendar day (UTC). */
export const todayOf = () => new Date().toISOString().slice(0, 10)

/** True for "YYYY-MM-DD" naming a real day. */
export function isDay(text: unknown): text is string {
  const match = typeof text === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null
  return match !== null && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))
}

/** Company staff who act for anyone. */
export const isLoyaltyStaff = (user: AccessUser | null) => hasRole(user, ...STAFF)

/**
 * The consultant a request acts for: the one named (id or code) when the user may — staff for anyone, read-all roles
 * and partners' managers (reading) within their reach —, else the user's own participant. Refusals are LoyaltyRefusals.
 */
export async function consultantFor(req: PayloadRequest, named: unknown, mode: 'read' | 'write'): Promise<number> {
  const user = currentUser(req)
  if (!user) throw new LoyaltyRefusal('log in to use points and the wallet', 403)
  const own = participantIdOf(user)
  const text = named === undefined || named === null ? '' : String(named).trim()
  if (!text) {
    if (own === null) throw new LoyaltyRefusal('consultant: your login is not a consultant: name the consultant', 400, 'consultant')
    return own
  }
  const row = (
    await dbPool(req.payload).query<{ id: number; path: string | null }>(
      `select id, path from participants where ${/^\d{1,9}$/.test(text) ? 'id = $1::int' : 'code = $1'}`,
      [/^\d{1,9}$/.test(text) ? Number(text) : text],
    )
  ).rows[0]
  if (!row) throw new LoyaltyRefusal(`consultant: no consultant "${text}"`, 404, 'consultant')
  if (row.id === own || isLoyaltyStaff(user)) return row.id
  if (mode === 'read' && hasRole(user, ...READ_ALL_ROLES)) return row.id
  if (mode === 'read' && own !== null && hasRole(user, ...MANAGERS) && row.path?.includes(subtreeSegment(own))) return row.id
  throw new LoyaltyRefusal(
    `consultant: you may not ${mode === 'read' ? 'read' : 'act on'} the points of consultant ${text}`,
    403,
    'consultant',
  )
}

/** The customer named in a request: null for the consultant's own points. */
export function customerOf(value: unknown): string | null {
  const text = value === undefined || value === null ? '' : String(value).trim()
  return text === '' ? null : text
}

/** Runs `work` in one transaction; refusals answer with their status and field, anything else is thrown (500). */
export async function inLoyaltyTransaction(
  req: PayloadRequest,
  work: (client: PoolClient) => Promise<unknown>,
  status = 200,
  lock?: string,
): Promise<Response> {
  try {
    const result = await withTransaction(dbPool(req.payload), { lock }, work)
    return Response.json(result, { status })
  } catch (err) {
    const answer = refusalResponse(err)
    if (answer) return answer
    // Two requests racing with one Idempotency-Key for different redemptions: the unique key refuses the second.
    const pgError = err as { code?: string; constraint?: string }
    if (pgError.code === '23505' && String(pgError.constraint ?? '').includes('request_key'))
      return Response.json(
        { errors: [{ message: 'Idempotency-Key: this key is being used by another redemption', field: 'Idempotency-Key' }] },
        { status: 409 },
      )
    throw err
  }
}

const readAccess =
  'A consultant for their own points (and their customers’); company staff, finance and auditors for anyone; partners’ managers for their subtree.'
const writeAccess = 'A consultant for their own points (and their customers’); company admins and company users for anyone.'
const staffAccess = 'Company admins and company users.'
const holderFields = {
  'consultant?': s.str('The consultant (id or code); default the caller’s own participant.'),
  'customer?': s.str('A customer of the consultant, whose points are kept apart; default the consultant’s own points.'),
}

async function guarded(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run()
  } catch (err) {
    const answer = refusalResponse(err)
    if (answer) return answer
    throw err
  }
}

/** GET /api/points-movements/statement?program=CODE[&consultant=ID|CODE][&customer=X][&today=YYYY-MM-DD] */
export const pointsStatement: Endpoint = {
  path: '/statement',
  method: 'get',
  custom: apiDoc({
    summary: 'Read a points statement',
    description:
      'A points holder’s statement on a day: the balance, the points spendable, each lot with what is left of it and when it expires, the points expiring by day, and the 100 most recent movements.',
    access: readAccess,
    query: {
      program: { description: 'The loyalty program (code or id).', schema: s.str(), required: true },
      consultant: { description: 'The consultant (id or code); default the caller’s own participant.', schema: s.str() },
      customer: { description: 'A customer of the consultant; default the consultant’s own points.', schema: s.str() },
      today: { description: 'The day of the statement, YYYY-MM-DD; default today.', schema: s.day() },
    },
    responses: {
      200: {
        description: 'The statement.',
        schema: s.obj({
          program: s.str(),
          unitName: s.str('What the program calls its points.'),
          consultant: s.int(),
          customer: s.nullable(s.str()),
          today: s.day(),
          balance: s.int(),
          spendable: s.int(),
          lots: s.arr(
            s.obj({
              id: s.int(),
              kind: s.str(),
              label: s.nullable(s.str()),
              earnedOn: s.day(),
              expiresOn: s.nullable(s.day()),
              points: s.int(),
              remaining: s.int(),
              expired: s.bool(),
            }),
          ),
          expiring: s.arr(s.obj({ expiresOn: s.day(), points: s.int() })),
          movements: s.arr(
            s.obj({
              id: s.int(),
              bookedOn: s.day(),
              kind: s.str(),
              source: s.str(),
              points: s.int('Positive when earned, negative when spent or expired.'),
              label: s.nullable(s.str()),
            }),
          ),
        }),
      },
    },
  }),
  handler: (req) =>
    guarded(async () => {
      if (!req.user) return errorResponse(401, 'log in to read a points statement')
      const consultantId = await consultantFor(req, req.query.consultant, 'read')
      const today = req.query.today === undefined ? todayOf() : String(req.query.today)
      if (!isDay(today)) return errorResponse(400, 'today: a calendar day as YYYY-MM-DD')
      const pool = dbPool(req.payload)
      const program = await programOf(pool, String(req.query.program ?? ''))
      const holder: Holder = { programId: program.id, consultantId, customer: customerOf(req.query.customer) }
      const statement = await holderStatement(pool, holder, today)
      return Response.json({
        program: program.code,
        unitName: program.unitName,
        consultant: consultantId,
        customer: holder.customer,
        today,
        ...statement,
      })
    }),
}

/** POST /api/points-redemptions/redeem {program, product (SKU or id), quantity, orderNumber?, consultant?, customer?} + Idempotency-Key */
export const redeemEndpoint: Endpoint = {
  path: '/redeem',
  method: 'post',
  custom: apiDoc({
    summary: 'Redeem points for a product',
    description:
      'Pays a catalog product with points, oldest-expiring first. With an Idempotency-Key header the same key answers the first redemption (replayed true) instead of redeeming twice.',
    access: writeAccess,
    idempotent: true,
    body: {
      schema: s.obj({
        program: s.str('The loyalty program (code or id).'),
        product: s.str('The product’s SKU or id.'),
        'quantity?': s.int('Default 1.'),
        'orderNumber?': s.str(),
        ...holderFields,
      }),
    },
    responses: {
      201: {
        description: 'The redemption.',
        schema: s.obj({
          id: s.int(),
          points: s.int('The points spent.'),
          product: s.str(),
          quantity: s.int(),
          movements: s.arr(s.int(), 'The points movements written.'),
          replayed: s.bool('True when the Idempotency-Key answered an earlier redemption.'),
        }),
      },
      409: { description: 'Not enough points, or the Idempotency-Key is being used by another redemption.' },
      422: { description: 'The product cannot be redeemed for points.' },
    },
  }),
  handler: (req) =>
    guarded(async () => {
      const user = currentUser(req)
      if (!user) return errorResponse(401, 'log in to redeem points')
      const { fields } = await bodyOf(req)
      const consultantId = await consultantFor(req, fields.consultant, 'write')
      const quantity = fields.quantity === undefined ? 1 : Number(fields.quantity)
      if (!Number.isSafeInteger(quantity) || quantity < 1) throw new LoyaltyRefusal('quantity: a whole number ≥ 1', 400, 'quantity')
      const productText = String(fields.product ?? '').trim()
      if (!productText) throw new LoyaltyRefusal('product: give the product SKU or id', 400, 'product')
      const pool = dbPool(req.payload)
      const product = (
        await pool.query<{ id: number }>(`select id from products where code = $1 or ($2::int is not null and id = $2::int)`, [
          productText,
          /^\d{1,9}$/.test(productText) ? Number(productText) : null,
        ])
      ).rows[0]
      if (!product) throw new LoyaltyRefusal(`product: no product "${productText}"`, 404, 'product')
      const orderNumber = customerOf(fields.orderNumber)
      const requestKey = customerOf(req.headers.get('idempotency-key'))
      if (requestKey !== null && requestKey.length > 200)
        throw new LoyaltyRefusal('Idempotency-Key: at most 200 characters', 400, 'Idempotency-Key')
      const today = todayOf()
      return inLoyaltyTransaction(
        req,
        async (client) => {
          const program = await programOf(client, String(fields.program ?? ''))
          const holder: Holder = { programId: program.id, consultantId, customer: customerOf(fields.customer) }
          return redeemProduct(client, holder, product.id, quantity, orderNumber, user.id, requestKey, today)
        },
        201,
      )
    }),
}

/** POST /api/points-movements/adjust {program, consultant, customer?, points (+/-), reason} — company staff only. */
export const adjustEndpoint: Endpoint = {
  path: '/adjust',
  method: 'post',
  custom: apiDoc({
    summary: 'Adjust a holder’s points',
    description:
      'Staff add points (a lot expiring under the program’s policy) or take points away (oldest-expiring first), with the reason kept on the movement.',
    access: staffAccess,
    idempotent: true,
    body: {
      schema: s.obj({
        program: s.str('The loyalty program (code or id).'),
        consultant: s.str('The consultant (id or code).'),
        'customer?': s.str(),
        points: s.int('Positive to add, negative to take away; not 0.'),
        reason: s.str(),
      }),
    },
    responses: {
      201: {
        description: 'The movements written; an addition says when it expires, a deduction which lots it took from.',
        schema: s.obj({
          points: s.int(),
          movements: s.arr(s.nullable(s.int())),
          'expiresOn?': s.nullable(s.day()),
          'lots?': s.arr(s.obj({ lotId: s.int(), points: s.int() })),
        }),
      },
      409: { description: 'Not enough points to take away.' },
    },
  }),
  handler: (req) =>
    guarded(async () => {
      const user = currentUser(req)
      if (!user) return errorResponse(401, 'log in to adjust points')
      if (!isLoyaltyStaff(user)) return errorResponse(403, 'only company admins and company users adjust points')
      const { fields } = await bodyOf(req)
      if (fields.consultant === undefined || fields.consultant === null || fields.consultant === '')
        throw new LoyaltyRefusal('consultant: name the consultant whose points change', 400, 'consultant')
      const consultantId = await consultantFor(req, fields.consultant, 'write')
      const points = Number(fields.points)
      if (!Number.isSafeInteger(points) || points === 0)
        throw new LoyaltyRefusal('points: a whole number of points, positive or negative, not 0', 400, 'points')
      const reason = String(fields.reason ?? '').trim()
      if (!reason) throw new LoyaltyRefusal('reason: say why the points change', 400, 'reason')
      const today = todayOf()
      return inLoyaltyTransaction(
        req,
        async (client) => {
          const program = await programOf(client, String(fields.program ?? ''))
          const holder: Holder = { programId: program.id, consultantId, customer: customerOf(fields.customer) }
          if (points > 0) {
            const { expiresOn, campaignId } = await expiryOf(client, program, today)
            const id = await postEarn(client, {
              holder,
              kind: 'adjust',
              source: 'adjustment',
              points,
              bookedOn: today,
              expiresOn,
              campaignId,
              label: reason,
              createdBy: user.id,
            })
            return { points, movements: [id], expiresOn }
          }
          const spend = await spendPoints(client, holder, -points, 'adjust', 'adjustment', { today, label: reason, createdBy: user.id })
          return { points, movements: spend.movements, lots: spend.lots }
        },
        201,
      )
    }),
}

/** POST /api/points-movements/expire {today?} — company staff: runs the expiry job now. */
export const expireEndpoint: Endpoint = {
  path: '/expire',
  method: 'post',
  custom: apiDoc({
    summary: 'Run the points expiry now',
    description: 'Expires every lot whose expiry day has passed, as the nightly job does.',
    access: staffAccess,
    idempotent: true,
    body: { required: false, schema: s.obj({ 'today?': s.day('The day to expire on; default today.') }) },
    responses: {
      200: {
        description: 'What expired.',
        schema: s.obj({ today: s.day(), lots: s.int(), points: s.int(), holders: s.int() }),
      },
    },
  }),
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'log in to run the expiry job')
    if (!isLoyaltyStaff(currentUser(req))) return errorResponse(403, 'only company admins and company users run the expiry job')
    const { fields } = await bodyOf(req)
    const today = fields.today === undefined ? todayOf() : fields.today
    if (!isDay(today)) return errorResponse(400, 'today: a calendar day as YYYY-MM-DD')
    return inLoyaltyTransaction(req, (client) => expirePoints(client, today), 200, LOYALTY_JOB_LOCK)
  },
}

/** POST /api/points-movements/earn {from, to, program?, today?} — company staff: earns (and takes back) the orders of [from, to] now. */
export const earnEndpoint: Endpoint = {
  path: '/earn',
  method: 'post',
  custom: apiDoc({
    summary: 'Run the points earning now',
    description:
      'Earns the points of the network orders booked in a date range (catalog points and the earn rules’ points) and takes back the points of returns, as the nightly job does; a second run earns nothing twice.',
    access: staffAccess,
    idempotent: true,
    body: {
      schema: s.obj({
        from: s.day(),
        to: s.day(),
        'program?': s.str('Only this program (code or id); default every active program.'),
        'today?': s.day('Default today.'),
      }),
    },
    responses: {
      200: {
        description: 'What was earned and taken back.',
        schema: s.obj({
          programs: s.arr(s.str()),
          catalogLots: s.int(),
          catalogPoints: s.int(),
          ruleLots: s.int(),
          rulePoints: s.int(),
          ruleEvaluations: s.int(),
          returns: s.int(),
          pointsTakenBack: s.int(),
          redemptionsReversed: s.int(),
          debts: s.int(),
        }),
      },
    },
  }),
  handler: (req) =>
    guarded(async () => {
      if (!req.user) return errorResponse(401, 'log in to run the earn job')
      if (!isLoyaltyStaff(currentUser(req))) return errorResponse(403, 'only company admins and company users run the earn job')
      const { fields } = await bodyOf(req)
      if (!isDay(fields.from)) throw new LoyaltyRefusal('from: a calendar day as YYYY-MM-DD', 400, 'from')
      if (!isDay(fields.to)) throw new LoyaltyRefusal('to: a calendar day as YYYY-MM-DD', 400, 'to')
      if (fields.to < fields.from) throw new LoyaltyRefusal('to: before from', 400, 'to')
      const today = fields.today === undefined ? todayOf() : fields.today
      if (!isDay(today)) throw new LoyaltyRefusal('today: a calendar day as YYYY-MM-DD', 400, 'today')
      const from = fields.from
      const to = fields.to
      return inLoyaltyTransaction(
        req,
        async (client) => {
          const programId = fields.program ? (await programOf(client, String(fields.program))).id : null
          return earnFromOrders(client, { from, to, today, programId })
        },
        200,
        LOYALTY_JOB_LOCK,
      )
    }),
}
