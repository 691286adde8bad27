/**
 * Incentives on orders over real HTTP on a real PostgreSQL: the order system asks what an order gets (and why) before it
 * charges, then checks it out; a coupon is used once (a second use is refused naming the order that used it, an
 * expired one naming the day), a rule issues a coupon and a credit note, gives a gift, waives freight and grants
 * points; a refusal leaves nothing behind; a consultant acts only on their own orders and sees only their coupons; a
 * return voids what it can.
 *
 * Demo catalog: SKU-GLOW 50.00 (consultant price, USD), SKU-MIST 12.50. GLW-02 (consultant@glow.example) is on the
 * test's VIP list. The test's program INC earns 10 points per SKU-GLOW (catalog); SKU-MIST can be paid with 30 points.
 * Its incentive rules (collect):
 *   row 1 orderAmount >= 150               → freight_waived "Free shipping from 150"
 *   row 2 quantities["SKU-GLOW"] >= 3      → gift SKU-MIST × 1 "Three serums: a free mist"
 *   row 3 "VIP" in lists                   → discount_percent 10 "VIP 10 % off"
 *   row 4 orderAmount >= 100               → coupon_amount 20, valid 30 days "20 USD for your next order"
 *   row 5 orderAmount >= 200               → credit_note 5, valid 60 days "Thank-you credit"
 *   row 6 orderAmount >= 100               → points 40 "Incentive stars"
 *
 * INC-1 (GLW-02, 2026-11-20): 4 × SKU-GLOW = 200.00, freight 15.00, staff coupon STAFF (20.00):
 *   rows 1–6 fire; discount 10 % × 200.00 = 20.00; freight 15.00 → 0.00; coupon 20.00;
 *   total 200.00 − 20.00 + 0.00 − 20.00 = 160.00. Issues a 20.00 coupon expiring 2026-11-20 + 30 = 2026-12-20 and a
 *   5.00 credit note expiring 2026-11-20 + 60 = 2027-01-19 (10 days to Nov 30, 31 to Dec 31, 19 in January).
 *   Points: 40 incentive + 4 × 10 catalog = 80.
 * INC-3 (GLW-02, 2026-11-25): 1 × SKU-GLOW = 50.00 and 1 × SKU-MIST paid with 30 points, freight 10.00, INC-1's
 *   coupon, useCredit 5: row 3 only: discount 10 % × 50.00 = 5.00; coupon 20.00; credit 5.00 (the credit note);
 *   total 50.00 − 5.00 + 10.00 − 20.00 − 5.00 = 30.00. The 30 points come from INC-1's incentive lot (both INC-1 lots
 *   expire on the same day; the incentive lot was posted first). Catalog points 1 × 10 = 10.
 * Return of INC-1: what is left of its incentive lot (40 − 30 = 10) goes back, the 30 spent stay spent; the ledger takes
 *   back its catalog 40. Balance 40 + 40 − 30 + 10 − 10 − 40 = 10.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'
import { decisionTable } from '../../support/rules'
import { drainJobs } from '../../support/telecom'

let app: TestApp
let admin: Api
let ops: Api
let consultant: Api
let staffCoupon = ''
let ruleCoupon = ''
let versionId = 0

const TABLES = ['order_incentives', 'network_orders', 'wallet_entries', 'points_movements', 'points_redemptions', 'coupons']
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const table of TABLES) out[table] = (await app.sql.query(`select count(*)::int as n from ${table}`)).rows[0].n
  out.usedCoupons = (await app.sql.query(`select count(*)::int as n from coupons where status = 'used'`)).rows[0].n
  return out
}

async function participant(code: string): Promise<number> {
  return (await app.sql.query(`select id from participants where code = $1`, [code])).rows[0].id
}

const order = (overrides: Record<string, unknown> = {}) => ({
  orderNumber: 'INC-1',
  consultant: 'GLW-02',
  orderDate: '2026-11-20',
  currency: 'USD',
  freight: '15.00',
  items: [{ product: 'SKU-GLOW', quantity: 4 }],
  ...overrides,
})

beforeAll(async () => {
  app = await startTestApp('loyalty_orders')
  await drainJobs(app)
  admin = await Api.login(app.url, 'admin@northwind.example')
  ops = await Api.login(app.url, 'ops@northwind.example')
  consultant = await Api.login(app.url, 'consultant@glow.example') // GLW-02

  const set = await ops.post('/api/rule-sets', { name: 'INC incentives', purpose: 'order_incentive' })
  expect(set.status, JSON.stringify(set.body)).toBe(201)
  const version = await ops.post('/api/rule-versions', {
    ruleSet: set.body.doc.id,
    effectiveFrom: '2026-01-01',
    content: decisionTable({
      name: 'Incentives',
      hitPolicy: 'collect',
      inputs: ['orderAmount', 'quantities["SKU-GLOW"]', 'lists'],
      outputs: ['label', 'kind', 'product', 'quantity', 'amount', 'percent', 'points', 'validDays'],
      rows: [
        ['>= 150', '', '', '"Free shipping from 150"', '"freight_waived"', '', '', '', '', '', ''],
        ['', '>= 3', '', '"Three serums: a free mist"', '"gift"', '"SKU-MIST"', '1', '', '', '', ''],
        ['', '', 'contains($, "VIP")', '"VIP 10 % off"', '"discount_percent"', '', '', '', '10', '', ''],
        ['>= 100', '', '', '"20 USD for your next order"', '"coupon_amount"', '', '', '20', '', '', '30'],
        ['>= 200', '', '', '"Thank-you credit"', '"credit_note"', '', '', '5', '', '', '60'],
        ['>= 100', '', '', '"Incentive stars"', '"points"', '', '', '', '', '40', ''],
      ],
    }),
    testCases: [
      {
        name: 'a VIP order of 50',
        inputs: { orderAmount: 50, quantities: { 'SKU-GLOW': 1 }, lists: ['VIP'] },
        expected: [{ label: 'VIP 10 % off', kind: 'discount_percent', percent: 10 }],
      },
    ],
  })
  expect([version.status, JSON.stringify(version.body.errors ?? null)]).toEqual([201, 'null'])
  versionId = version.body.doc.id
  expect((await ops.patch(`/api/rule-versions/${versionId}`, { status: 'submitted' })).status).toBe(200)
  expect((await admin.patch(`/api/rule-versions/${versionId}`, { status: 'approved' })).body.doc?.status).toBe('approved')

  const program = await admin.post('/api/loyalty-programs', {
    code: 'INC',
    name: 'Incentive test points',
    expiryPolicy: 'months',
    expiryMonths: 12,
    incentiveRules: set.body.doc.id,
  })
  expect([program.status, JSON.stringify(program.body.errors ?? null)]).toEqual([201, 'null'])
  const glow = (await app.sql.query(`select id from products where code = 'SKU-GLOW'`)).rows[0].id
  expect((await admin.patch(`/api/products/${glow}`, { points: 10 })).status).toBe(200)
  const mist = (await app.sql.query(`select id from products where code = 'SKU-MIST'`)).rows[0].id
  expect((await admin.patch(`/api/products/${mist}`, { redeemPoints: 30 })).status).toBe(200)
  const vip = await admin.post('/api/customer-lists', { code: 'VIP', name: 'VIP consultants', consultants: [await participant('GLW-02')] })
  expect(vip.status, JSON.stringify(vip.body)).toBe(201)

  const issued = await ops.post('/api/coupons/issue', {
    consultant: 'GLW-02',
    kind: 'amount',
    value: '20',
    currency: 'USD',
    expiresOn: '2026-12-31',
    label: 'Welcome back',
  })
  expect(issued.status, JSON.stringify(issued.body)).toBe(201)
  expect(issued.body.doc).toMatchObject({ kind: 'amount', value: '20.00', currency: 'USD', expiresOn: '2026-12-31', status: 'issued' })
  staffCoupon = issued.body.doc.code
}, 240_000)
afterAll(async () => app?.close())

describe('POST /api/order-incentives/evaluate', () => {
  it('says what applies and why, the totals and whether the coupon is usable, writing nothing', async () => {
    const before = await counts()
    const res = await consultant.post('/api/order-incentives/evaluate', order({ coupon: staffCoupon }))
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    // A consultant's own order is dated today whatever the body says (only the order system, staff, dates orders).
    expect(res.body.orderDate).toBe(new Date().toISOString().slice(0, 10))
    expect(res.body).toMatchObject({
      subtotal: '200.00',
      discount: '20.00',
      freight: '15.00',
      freightCharged: '0.00',
      couponDiscount: '20.00',
      creditUsed: '0.00',
      total: '160.00',
      coupon: { code: staffCoupon, usable: true, kind: 'amount', value: '20' },
      ruleVersion: { id: versionId, label: 'INC incentives v1' },
    })
    expect(res.body.input).toMatchObject({ consultant: 'GLW-02', lists: ['VIP'], orderAmount: 200, quantities: { 'SKU-GLOW': 4 } })
    expect(res.body.applied.map((a: any) => [a.kind, a.label, a.why.row ?? null])).toEqual([
      ['freight_waived', 'Free shipping from 150', 1],
      ['gift', 'Three serums: a free mist', 2],
      ['discount_percent', 'VIP 10 % off', 3],
      ['coupon_amount', '20 USD for your next order', 4],
      ['credit_note', 'Thank-you credit', 5],
      ['points', 'Incentive stars', 6],
      ['coupon_used', 'Welcome back', null],
    ])
    expect(res.body.applied[2].why).toMatchObject({ ruleVersion: versionId, version: 'INC incentives v1', table: 'Incentives' })
    expect(res.body.lines).toEqual([
      { sku: 'SKU-GLOW', quantity: 4, unitPrice: '50', amount: '200.00', kind: 'product' },
      { sku: 'SKU-MIST', quantity: 1, unitPrice: '0.00', amount: '0.00', kind: 'gift', label: 'Three serums: a free mist' },
    ])
    expect(await counts()).toEqual(before)
  })

  it('says why a coupon cannot be used, and refuses another consultant’s order', async () => {
    const unknown = await consultant.post('/api/order-incentives/evaluate', order({ coupon: 'CP-NOPE' }))
    expect(unknown.body.coupon).toEqual({ code: 'CP-NOPE', usable: false, reason: 'unknown coupon "CP-NOPE"' })
    expect(unknown.body.total).toBe('180.00') // 200.00 − 20.00 + 0.00, no coupon
    const other = await consultant.post('/api/order-incentives/evaluate', order({ consultant: 'GLW-03' }))
    expect(other.status).toBe(403)
    expect(other.body.errors[0]).toMatchObject({ field: 'consultant' })
    const bad = await consultant.post('/api/order-incentives/evaluate', order({ items: [{ product: 'SKU-GLOW', quantity: 0 }] }))
    expect([bad.status, bad.body.errors[0].field]).toEqual([422, 'items.0.quantity'])
  })
})

describe('POST /api/order-incentives/checkout', () => {
  it('refuses another consultant’s order and writes nothing', async () => {
    const before = await counts()
    const res = await consultant.post('/api/order-incentives/checkout', order({ consultant: 'GLW-03', orderNumber: 'INC-X' }))
    expect(res.status).toBe(403)
    expect(res.body.errors[0].field).toBe('consultant')
    expect(await counts()).toEqual(before)
  })

  it('a refusal late in the checkout (more credit than held) leaves the coupon unused and nothing written', async () => {
    const before = await counts()
    const res = await consultant.post('/api/order-incentives/checkout', order({ coupon: staffCoupon, useCredit: '1000' }))
    expect(res.status, JSON.stringify(res.body)).toBe(409)
    expect(res.body.errors[0]).toMatchObject({ field: 'useCredit' })
    expect(await counts()).toEqual(before)
    const coupon = await app.sql.query(`select status::text from coupons where code = $1`, [staffCoupon])
    expect(coupon.rows[0].status).toBe('issued')
    // no points held yet: a product paid with points is refused, naming the item
    const noPoints = await consultant.post(
      '/api/order-incentives/checkout',
      order({
        coupon: staffCoupon,
        items: [
          { product: 'SKU-GLOW', quantity: 4 },
          { product: 'SKU-MIST', quantity: 1, redeem: true },
        ],
      }),
    )
    expect([noPoints.status, noPoints.body.errors[0].field]).toEqual([409, 'items.1.redeem'])
    expect(noPoints.body.errors[0].message).toMatch(/not enough points: 0 held, 30 asked/)
    expect(await counts()).toEqual(before)
  })

  it('checks out: the coupon used, a coupon and a credit note issued, the gift and freight given, the points posted', async () => {
    const before = await counts()
    // Placed by the order system (staff): it dates and prices the order; a consultant's own order is dated today.
    const res = await ops.post('/api/order-incentives/checkout', order({ coupon: staffCoupon }))
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ total: '160.00', discount: '20.00', freightCharged: '0.00', couponDiscount: '20.00' })
    expect(res.body.couponsIssued).toHaveLength(1)
    expect(res.body.couponsIssued[0]).toMatchObject({ kind: 'amount', value: '20.00', expiresOn: '2026-12-20' })
    expect(res.body.creditNotes).toEqual([{ amount: '5.00', expiresOn: '2027-01-19' }])
    ruleCoupon = res.body.couponsIssued[0].code

    const used = await app.sql.query(`select status::text, used_on_order from coupons where code = $1`, [staffCoupon])
    expect(used.rows[0]).toEqual({ status: 'used', used_on_order: 'INC-1' })
    const lines = await app.sql.query(
      `select o.line::int, p.code, o.quantity::int, o.unit_price::text as price from network_orders o join products p on p.id = o.product_id
        where o.order_number = 'INC-1' order by o.line`,
    )
    expect(lines.rows).toEqual([
      { line: 1, code: 'SKU-GLOW', quantity: 4, price: '50.0000' },
      { line: 2, code: 'SKU-MIST', quantity: 1, price: '0.0000' },
    ])
    const points = await app.sql.query(
      `select m.source::text, m.points::int from points_movements m join loyalty_programs p on p.id = m.program_id
        where p.code = 'INC' and m.order_number = 'INC-1' order by m.source`,
    )
    // catalog 4 × 10 = 40; incentive 40
    expect(points.rows).toEqual([
      { source: 'catalog', points: 40 },
      { source: 'incentive', points: 40 },
    ])
    const wallet = await app.sql.query(
      `select kind::text, amount::text, to_char(expires_on, 'YYYY-MM-DD') as e from wallet_entries where order_number = 'INC-1'`,
    )
    expect(wallet.rows).toEqual([{ kind: 'credit_note', amount: '5.0000', e: '2027-01-19' }])
    const recorded = await app.sql.query(
      `select total::text, status::text, rule_version_id from order_incentives where order_number = 'INC-1'`,
    )
    expect(recorded.rows[0]).toEqual({ total: '160.0000', status: 'processed', rule_version_id: versionId })
    const after = await counts()
    expect(after.order_incentives! - before.order_incentives!).toBe(1)
    expect(after.coupons! - before.coupons!).toBe(1)
    expect(after.usedCoupons! - before.usedCoupons!).toBe(1)
  })

  it('refuses the same order number twice and a coupon used twice, naming the order it was used on', async () => {
    const before = await counts()
    const again = await consultant.post('/api/order-incentives/checkout', order())
    expect([again.status, again.body.errors[0].field]).toEqual([409, 'orderNumber'])
    const twice = await consultant.post('/api/order-incentives/checkout', order({ orderNumber: 'INC-2', coupon: staffCoupon }))
    expect(twice.status).toBe(409)
    expect(twice.body.errors[0]).toEqual({ field: 'coupon', message: `coupon ${staffCoupon} was already used on order INC-1` })
    expect(await counts()).toEqual(before)
  })

  it('refuses an expired coupon naming the day', async () => {
    const issued = await ops.post('/api/coupons/issue', {
      consultant: 'GLW-02',
      kind: 'percent',
      value: '15',
      currency: 'USD',
      validDays: 30,
    })
    expect(issued.status).toBe(201)
    await app.sql.query(`update coupons set expires_on = '2026-11-10' where code = $1`, [issued.body.doc.code])
    const before = await counts()
    const res = await consultant.post(
      '/api/order-incentives/checkout',
      order({ orderNumber: 'INC-2', orderDate: '2026-11-21', coupon: issued.body.doc.code }),
    )
    expect(res.status).toBe(409)
    expect(res.body.errors[0]).toEqual({ field: 'coupon', message: `coupon ${issued.body.doc.code} expired on 2026-11-10` })
    expect(await counts()).toEqual(before)
  })

  it('uses the coupon the rule issued and the credit note on the next order', async () => {
    const res = await ops.post(
      '/api/order-incentives/checkout',
      order({
        orderNumber: 'INC-3',
        orderDate: '2026-11-25',
        freight: '10.00',
        items: [
          { product: 'SKU-GLOW', quantity: 1 },
          { product: 'SKU-MIST', quantity: 1, redeem: true },
        ],
        coupon: ruleCoupon,
        useCredit: '5',
      }),
    )
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    // 50.00 − 5.00 + 10.00 − 20.00 − 5.00 = 30.00
    expect(res.body).toMatchObject({
      subtotal: '50.00',
      discount: '5.00',
      freightCharged: '10.00',
      couponDiscount: '20.00',
      creditUsed: '5.00',
      total: '30.00',
    })
    expect(res.body.couponsIssued).toEqual([])
    // 40 catalog + 40 incentive spendable on 2026-11-25; the mist costs 30
    expect(res.body.points).toEqual({ program: 'INC', available: 80, redeeming: 30, enough: true })
    const redemption = await app.sql.query(
      `select points::int, quantity::int, status::text from points_redemptions where order_number = 'INC-3'`,
    )
    expect(redemption.rows).toEqual([{ points: 30, quantity: 1, status: 'placed' }])
    const lines = await app.sql.query(
      `select p.code, o.unit_price::text as price from network_orders o join products p on p.id = o.product_id
        where o.order_number = 'INC-3' order by o.line`,
    )
    expect(lines.rows).toEqual([
      { code: 'SKU-GLOW', price: '50.0000' },
      { code: 'SKU-MIST', price: '0.0000' },
    ])
    const wallet = await app.sql.query(`select coalesce(sum(amount), 0)::text as b from wallet_entries where consultant_id = $1`, [
      await participant('GLW-02'),
    ])
    expect(wallet.rows[0].b).toBe('0.0000') // 5.00 − 5.00
  })
})

describe('coupons', () => {
  it('a consultant sees only their own coupons', async () => {
    const theirs = await ops.post('/api/coupons/issue', {
      consultant: 'GLW-03',
      kind: 'amount',
      value: '7.5',
      currency: 'USD',
      validDays: 10,
    })
    expect(theirs.status).toBe(201)
    const mine = await consultant.get('/api/coupons/mine')
    expect(mine.status).toBe(200)
    const codes = mine.body.docs.map((c: any) => c.code)
    expect(codes).toContain(staffCoupon)
    expect(codes).toContain(ruleCoupon)
    expect(codes).not.toContain(theirs.body.doc.code)
    expect(mine.body.docs.find((c: any) => c.code === staffCoupon)).toMatchObject({ status: 'used', usedOnOrder: 'INC-1', usable: false })
    const listed = await consultant.get(`/api/coupons?where[code][equals]=${theirs.body.doc.code}`)
    expect(listed.body.docs).toEqual([])
    expect(
      (await consultant.post('/api/coupons/issue', { consultant: 'GLW-02', kind: 'amount', value: '5', currency: 'USD', validDays: 5 }))
        .status,
    ).toBe(403)
    const bad = await ops.post('/api/coupons/issue', { consultant: 'GLW-02', kind: 'gift', value: '5', currency: 'USD', validDays: 5 })
    expect([bad.status, bad.body.errors[0].field]).toEqual([422, 'kind'])
  })
})

describe('POST /api/order-incentives/return', () => {
  it('only staff or a manager above the consultant return an order', async () => {
    const res = await consultant.post('/api/order-incentives/return', { orderNumber: 'INC-1', returnDate: '2026-11-28' })
    expect([res.status, res.body.errors[0].field]).toEqual([403, 'orderNumber'])
  })

  it('returns every line, keeps the coupon already used and the credit note already spent, and takes the points back', async () => {
    const res = await admin.post('/api/order-incentives/return', { orderNumber: 'INC-1', returnDate: '2026-11-28' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({
      orderNumber: 'INC-1',
      returnedLines: 2,
      couponsVoided: [],
      couponsKept: [ruleCoupon],
      creditNotesReversed: [],
      creditNotesKept: ['5.00'],
      creditRefunded: '0.00',
      incentivePointsTakenBack: 10,
      incentivePointsKept: 30,
    })
    const returns = await app.sql.query(`select count(*)::int as n from network_orders where order_number = 'INC-1' and kind = 'return'`)
    expect(returns.rows[0].n).toBe(2)
    const status = await app.sql.query(`select status::text from order_incentives where order_number = 'INC-1'`)
    expect(status.rows[0].status).toBe('returned')
    // 40 + 40 − 30 (mist) + 10 (INC-3) − 10 (incentive left) − 40 (catalog) = 10
    const balance = await app.sql.query(
      `select coalesce(sum(m.points), 0)::int as b from points_movements m join loyalty_programs p on p.id = m.program_id
        where p.code = 'INC' and m.consultant_id = $1 and m.customer is null`,
      [await participant('GLW-02')],
    )
    expect(balance.rows[0].b).toBe(10)
    const id = (await app.sql.query(`select id from order_incentives where order_number = 'INC-1'`)).rows[0].id
    const again = await admin.post(`/api/order-incentives/${id}/return`, { returnDate: '2026-11-28' })
    expect([again.status, again.body.errors[0].field]).toEqual([409, 'orderNumber'])
  })
})
