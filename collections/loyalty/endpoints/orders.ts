import type { Endpoint, PayloadRequest } from 'payload'

import { currentUser, hasRole, participantIdOf } from '../../../access/core/user'
import { dbPool } from '../../../db/pool'
import { apiDoc, s } from '../../../engine/api'
import { LOYALTY_JOB_LOCK } from '../../../modules/loyalty/earn'
import { withTransaction } from '../../../db/withTransaction'
import { isInSubtree, NETWORK_EDITOR_ROLES, READ_ALL_ROLES } from '../../../engine/network'
import { bodyOf } from '../../../modules/core/body'
import { errorResponse } from '../../../modules/core/http'
import { refusalResponse } from '../../../modules/loyalty/errors'
import { isDay, readOrderRequest, refusal } from '../../../modules/loyalty/orderInput'
import { checkoutOrder, evaluateOrder, returnOrder } from '../../../modules/loyalty/orders'

/** The caller as the loyalty endpoints see it: id, roles, participant and its path. */
export type LoyaltyCaller = { id: number; roles: string[]; participantId: number | null; path: string | null }

/** The logged-in user with their participant's path, or null. */
export async function loyaltyCaller(req: PayloadRequest): Promise<LoyaltyCaller | null> {
  const user = currentUser(req)
  if (!user || (req.user as { collection?: string } | null)?.collection !== 'users') return null
  const participantId = participantIdOf(user)
  const path =
    participantId === null
      ? null
      : ((await dbPool(req.payload).query<{ path: string }>(`select path from participants where id = $1`, [participantId])).rows[0]
          ?.path ?? null)
  return { id: user.id, roles: user.roles ?? [], participantId, path }
}

/** Company admins and users: they act on anyone's orders, coupons, referrals and goals. */
export function isStaffWriter(caller: LoyaltyCaller): boolean {
  return hasRole({ id: caller.id, roles: caller.roles }, 'company_admin', 'company_user')
}

/** Staff who read everything (company admins and users, finance, auditors). */
export function isStaffReader(caller: LoyaltyCaller): boolean {
  return hasRole({ id: caller.id, roles: caller.roles }, ...READ_ALL_ROLES)
}

/** A manager of the participant at `path`: a network editor whose own participant is strictly above it. */
export function managesPath(caller: LoyaltyCaller, path: string | null, participantId: number): boolean {
  if (caller.participantId === null || caller.participantId === participantId) return false
  return hasRole({ id: caller.id, roles: caller.roles }, ...NETWORK_EDITOR_ROLES) && isInSubtree(path, caller.participantId)
}

/** Today, as the server sees it (UTC). */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10)

/** The work in one transaction; a loyalty refusal becomes `{ errors: [{ message, field }] }` with its status. */
export async function loyaltyTransaction(
  req: PayloadRequest,
  work: Parameters<typeof withTransaction>[2],
  lock?: string,
): Promise<Response> {
  try {
    const result = await withTransaction(dbPool(req.payload), lock ? { lock } : {}, work)
    return Response.json(result)
  } catch (err) {
    const answer = refusalResponse(err)
    if (answer) return answer
    throw err
  }
}

/** Reads the order body and checks the caller may act on its consultant: staff anyone's, a consultant their own. */
async function orderFor(req: PayloadRequest, caller: LoyaltyCaller, write: boolean) {
  const { fields } = await bodyOf(req)
  const order = readOrderRequest(fields)
  if (write ? isStaffWriter(caller) : isStaffReader(caller)) return order
  const found = await dbPool(req.payload).query<{ id: number }>(`select id from participants where code = $1`, [order.consultant])
  const consultantId = found.rows[0]?.id
  if (consultantId === undefined || consultantId !== caller.participantId)
    throw refusal(
      403,
      'consultant',
      `you may ${write ? 'check out' : 'evaluate'} only your own orders (consultant ${order.consultant} is not you)`,
    )
  // A consultant's own order is dated today and priced by the price list: only staff (the order system) set either, so
  // an expired coupon, expired points or a made-up price cannot be brought back by the body.
  return { ...order, orderDate: todayUtc(), items: order.items.map((item) => ({ ...item, unitPrice: null })) }
}

const orderBody = s.obj({
  orderNumber: s.str('At most 64 characters.'),
  consultant: s.str('The consultant’s code.'),
  'customer?': s.str(),
  orderDate: s.day('A consultant’s own order is always dated today.'),
  currency: s.str('ISO 4217 code.'),
  'freight?': s.money('Default "0".'),
  items: s.arr(
    s.obj({
      product: s.str('The product’s SKU.'),
      quantity: s.int(),
      'unitPrice?': s.money('Default the price list’s; only staff (the order system) set it.'),
      'redeem?': s.bool('Pay this item with points.'),
    }),
  ),
  'coupon?': s.str('A coupon code to use.'),
  'useCredit?': s.money('Account credit to spend on the order.'),
})
const evaluationFields = {
  orderNumber: s.str(),
  consultant: s.obj({ id: s.int(), code: s.str() }),
  customer: s.nullable(s.str()),
  orderDate: s.day(),
  currency: s.str(),
  lines: s.arr(
    s.obj({
      sku: s.str(),
      quantity: s.int(),
      unitPrice: s.money(),
      amount: s.money(),
      kind: s.oneOf(['product', 'gift', 'redeemed']),
      'points?': s.int(),
      'label?': s.str(),
    }),
  ),
  subtotal: s.money('Products charged in money, before incentives.'),
  discount: s.money(),
  freight: s.money(),
  freightCharged: s.money(),
  couponDiscount: s.money(),
  creditUsed: s.money(),
  pointsRedeemed: s.int(),
  total: s.money(),
  applied: s.arr(
    s.obj({ kind: s.str(), label: s.str(), figures: s.obj({}), why: s.anyJson('The rule version and row, the coupon or the request.') }),
    'Every incentive that applies and why.',
  ),
  ruleVersion: s.nullable(s.obj({ id: s.int(), label: s.str() })),
  coupon: s.nullable(s.obj({ code: s.str(), usable: s.bool(), 'reason?': s.str('Why the coupon cannot be used.') })),
  points: s.obj({ program: s.nullable(s.str()), available: s.int(), redeeming: s.int(), enough: s.bool() }),
  credit: s.obj({ available: s.money(), using: s.money() }),
}
const returnSchema = s.obj({
  orderNumber: s.str(),
  returnedLines: s.int(),
  couponsVoided: s.arr(s.str()),
  couponsKept: s.arr(s.str(), 'Coupons it issued that were already used.'),
  creditNotesReversed: s.arr(s.str()),
  creditNotesKept: s.arr(s.str(), 'Credit notes already spent.'),
  creditRefunded: s.money(),
  incentivePointsTakenBack: s.int(),
  incentivePointsKept: s.int('Incentive points already spent.'),
})
const orderAccess = 'Company staff for any order; a consultant for their own orders (dated today, priced by the price list).'

/**
 * POST /api/order-incentives/evaluate — the order system asks before it charges: the order body
 * `{ orderNumber, consultant, customer?, orderDate, currency, freight, items: [{ product, quantity, unitPrice?, redeem? }],
 * coupon?, useCredit? }`. Answers what applies and why (`applied[]`, each naming the rule version and row), the lines
 * (gifts included), subtotal, discount, freight charged, coupon discount, credit used and total, whether the coupon is
 * usable (and why not), and the points and credit available. Writes nothing.
 */
export const evaluateOrderEndpoint: Endpoint = {
  path: '/evaluate',
  method: 'post',
  custom: apiDoc({
    summary: 'Evaluate an order’s incentives',
    description:
      'The order system asks before it charges: what incentives apply and why (each naming the rule version and row), the priced lines with gifts, the discounts, freight, coupon, credit and total, and the points and credit available. Writes nothing.',
    access: 'Company staff, finance and auditors for any order; a consultant for their own orders.',
    body: { schema: orderBody },
    responses: {
      200: { description: 'The evaluation.', schema: s.obj(evaluationFields) },
      403: { description: 'Another consultant’s order.' },
      422: { description: 'A field of the order cannot be read; the error names it.' },
    },
  }),
  handler: async (req) => {
    const caller = await loyaltyCaller(req)
    if (!caller) return errorResponse(401, 'log in to evaluate an order')
    try {
      const order = await orderFor(req, caller, false)
      const client = await dbPool(req.payload).connect()
      try {
        await client.query('begin read only')
        return Response.json(await evaluateOrder(client, order))
      } finally {
        await client.query('rollback').catch(() => undefined)
        client.release()
      }
    } catch (err) {
      const answer = refusalResponse(err)
      if (answer) return answer
      throw err
    }
  },
}

/**
 * POST /api/order-incentives/checkout — the same body: applies the incentives in one transaction (coupon used once,
 * products paid with points, credit spent, coupons and credit notes issued, points posted, lines written to the network
 * orders, catalog points earned). Answers the evaluation as applied plus `orderIncentive`, `couponsIssued` and
 * `creditNotes`. Refusals (nothing written): 409 `orderNumber` (already checked out), 409 `coupon` (unknown, used on
 * order X, expired on D, another consultant's, other currency), 409 `useCredit`/`items.N.redeem`, 422 naming the field,
 * 403 `consultant` (another consultant's order).
 */
export const checkoutOrderEndpoint: Endpoint = {
  path: '/checkout',
  method: 'post',
  custom: apiDoc({
    summary: 'Check out an order’s incentives',
    description:
      'Applies the incentives in one transaction: the coupon used once, products paid with points, credit spent, coupons and credit notes issued, points posted, the lines written to the network orders and the day’s catalog points earned. An order number is checked out once.',
    access: orderAccess,
    idempotent: true,
    body: { schema: orderBody },
    responses: {
      200: {
        description: 'The evaluation as applied, with the order incentive and what it issued.',
        schema: s.obj({
          ...evaluationFields,
          orderIncentive: s.int(),
          couponsIssued: s.arr(s.obj({ id: s.int(), code: s.str(), kind: s.str(), value: s.str(), expiresOn: s.day() })),
          creditNotes: s.arr(s.obj({ amount: s.money(), expiresOn: s.day() })),
        }),
      },
      403: { description: 'Another consultant’s order.' },
      409: {
        description:
          'The order was already checked out, the coupon cannot be used (unknown, used, expired, another consultant’s, other currency), or not enough credit or points.',
      },
      422: { description: 'A field of the order cannot be read; the error names it.' },
    },
  }),
  handler: async (req) => {
    const caller = await loyaltyCaller(req)
    if (!caller) return errorResponse(401, 'log in to check out an order')
    try {
      const order = await orderFor(req, caller, true)
      // Under the earn/expiry lock: a checkout earns its day's points, which an expiry or earn run must not race.
      return loyaltyTransaction(req, (client) => checkoutOrder(client, order, { id: caller.id }, todayUtc()), LOYALTY_JOB_LOCK)
    } catch (err) {
      const answer = refusalResponse(err)
      if (answer) return answer
      throw err
    }
  },
}

/** The return's work for `orderNumber` (or, when no order has that number and it is numeric, the order incentive's id). */
async function returnHandler(req: PayloadRequest, key: string, fields: Record<string, unknown>): Promise<Response> {
  const caller = await loyaltyCaller(req)
  if (!caller) return errorResponse(401, 'log in to return an order')
  const returnDate =
    fields.returnDate === undefined || fields.returnDate === null || fields.returnDate === '' ? todayUtc() : fields.returnDate
  if (!isDay(returnDate))
    return Response.json({ errors: [{ message: 'returnDate must be a day (YYYY-MM-DD)', field: 'returnDate' }] }, { status: 422 })
  if (!key) return Response.json({ errors: [{ message: 'orderNumber is required', field: 'orderNumber' }] }, { status: 422 })
  const found = await dbPool(req.payload).query<{ id: number; path: string; orderNumber: string }>(
    `select p.id, p.path, oi.order_number as "orderNumber" from order_incentives oi join participants p on p.id = oi.consultant_id
      where oi.order_number = $1 or ($2::int is not null and oi.id = $2::int) order by (oi.order_number = $1) desc limit 1`,
    [key, /^\d{1,9}$/.test(key) ? Number(key) : null],
  )
  const owner = found.rows[0]
  if (!isStaffWriter(caller) && (!owner || !managesPath(caller, owner.path, owner.id)))
    return Response.json(
      { errors: [{ message: 'only staff or the consultant’s managers return an order', field: 'orderNumber' }] },
      { status: 403 },
    )
  const orderNumber = owner?.orderNumber ?? key
  return loyaltyTransaction(req, (client) => returnOrder(client, orderNumber, { id: caller.id }, returnDate), LOYALTY_JOB_LOCK)
}

/**
 * POST /api/order-incentives/return — `{ orderNumber, returnDate? }` (default today): staff, or a manager above the
 * order's consultant, return a checked-out order: every line returned, unused coupons it issued voided, its credit
 * notes withdrawn while unspent, the credit it used given back, its incentive points taken back, the catalog points
 * taken back by the ledger's earn run. Answers what was done; 404/409 naming `orderNumber` otherwise.
 */
export const returnOrderEndpoint: Endpoint = {
  path: '/return',
  method: 'post',
  custom: apiDoc({
    summary: 'Return a checked-out order',
    description:
      'Returns every line of a checked-out order: unused coupons it issued are voided, its credit notes withdrawn while unspent, the credit it used given back and its incentive points taken back (the catalog points by the next earn run).',
    access: 'Company admins and company users, or a manager above the order’s consultant.',
    idempotent: true,
    body: {
      schema: s.obj({ orderNumber: s.str(), 'returnDate?': s.day('Default today.') }),
    },
    responses: {
      200: { description: 'What the return did.', schema: returnSchema },
      409: { description: 'The order was already returned.' },
    },
  }),
  handler: async (req) => {
    const { fields } = await bodyOf(req)
    return returnHandler(req, String(fields.orderNumber ?? '').trim(), fields)
  },
}

/**
 * POST /api/order-incentives/:id/return — the same by the order incentive's id. (An order number in the path, as in
 * `/api/order-incentives/SO-1/return`, is refused by the API's id guard (server/queryGuard.ts) unless it is numeric:
 * use POST /api/order-incentives/return with `orderNumber` in the body.)
 */
export const returnOrderByIdEndpoint: Endpoint = {
  path: '/:orderNumber/return',
  method: 'post',
  custom: apiDoc({
    summary: 'Return a checked-out order by its id',
    description: 'The same as POST /api/order-incentives/return, with the order incentive’s id (or a numeric order number) in the path.',
    access: 'Company admins and company users, or a manager above the order’s consultant.',
    idempotent: true,
    params: { orderNumber: { description: 'The order incentive’s id, or a numeric order number.', schema: s.str() } },
    body: { required: false, schema: s.obj({ 'returnDate?': s.day('Default today.') }) },
    responses: {
      200: { description: 'What the return did.', schema: returnSchema },
      409: { description: 'The order was already returned.' },
    },
  }),
  handler: async (req) => {
    const { fields } = await bodyOf(req)
    return returnHandler(req, decodeURIComponent(String(req.routeParams?.orderNumber ?? '')).trim(), fields)
  },
}

/** The order incentives endpoints. */
export const orderIncentiveEndpoints: Endpoint[] = [
  evaluateOrderEndpoint,
  checkoutOrderEndpoint,
  returnOrderEndpoint,
  returnOrderByIdEndpoint,
]
