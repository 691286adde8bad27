/**
 * The points ledger over real HTTP on a real PostgreSQL: earning from orders (catalog points and a points_earn rule),
 * the statement and who may read it, redemption and its refusals, a return taking points back (reversing the
 * redemption its points paid for), a return leaving a debt, a redemption reversed when its own order comes back,
 * expiry exactly once, and the wallet's conversions and refusals.
 *
 * The test's own program LT (12 months) and catalog: LT-CREAM earns 10 a unit, redeems for 120; LT-SERUM earns 25,
 * cannot be redeemed; LT-GIFT earns nothing, redeems for 150. The rule: an order holding both LT-CREAM and LT-SERUM
 * earns a 50-point "Duo bonus". Orders (March 2026):
 *   LT-1 GLW-02 2026-03-02: line 1 LT-CREAM × 3 = 30, line 2 LT-SERUM × 2 = 50, duo bonus 50 → GLW-02 130.
 *   LT-2 GLW-02 for customer "Ana" 2026-03-05: LT-CREAM × 1 = 10 → Ana (through GLW-02) 10.
 *   LT-3 GLW-03 2026-03-10: LT-SERUM × 4 = 100 → GLW-03 100.
 *   Catalog: 30 + 50 + 10 + 100 = 190 in 4 lots; rule: 50 in 1 lot. Lots of 2026-03-02 are usable through 2027-03-02.
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
const ids: Record<string, number> = {}

async function participant(code: string): Promise<number> {
  return (await app.sql.query(`select id from participants where code = $1`, [code])).rows[0].id
}

async function product(code: string, points: number, redeemPoints: number | null): Promise<number> {
  const res = await admin.post('/api/products', {
    code,
    name: code,
    prices: [{ currency: 'USD', consultantPrice: '20.00', publicPrice: '30.00', vatPercent: '0' }],
    volumeSource: 'direct',
    qualifyingVolume: '10',
    commissionableVolume: '8',
    points,
    ...(redeemPoints === null ? {} : { redeemPoints }),
  })
  expect([res.status, JSON.stringify(res.body.errors ?? null)]).toEqual([201, 'null'])
  return res.body.doc.id
}

let nextLine = 0
/** An order (or return) line written as the importer writes it. */
async function orderLine(
  order: string,
  line: number,
  kind: 'order' | 'return',
  day: string,
  consultantCode: string,
  sku: string,
  quantity: number,
  customer: string | null = null,
  returnOf: number | null = null,
): Promise<number> {
  nextLine++
  const row = await app.sql.query(
    `insert into network_orders (order_number, line, kind, booked_on, consultant_id, customer, product_id, quantity, currency, unit_price,
        discount, amount, qualifying_volume, commissionable_volume, return_of_id, natural_key)
     values ($1, $2, $3, $4, $5, $6, $7, $8, 'USD', 20, 0, 20 * $8::numeric, 0, 0, $9, $10) returning id`,
    [order, line, kind, day, await participant(consultantCode), customer, ids[sku], quantity, returnOf, `lt-test:${nextLine}`],
  )
  return row.rows[0].id
}

async function statement(api: Api, query: string) {
  return api.get(`/api/points-movements/statement?program=LT&today=2026-12-06${query}`)
}

async function balanceOf(consultantCode: string, customer: string | null = null, program = 'LT'): Promise<number> {
  const row = await app.sql.query(
    `select coalesce(sum(m.points), 0)::int as b from points_movements m join loyalty_programs p on p.id = m.program_id
      where p.code = $1 and m.consultant_id = $2 and m.customer is not distinct from $3::text`,
    [program, await participant(consultantCode), customer],
  )
  return row.rows[0].b
}

const count = async (table: string) => (await app.sql.query(`select count(*)::int as n from ${table}`)).rows[0].n as number

beforeAll(async () => {
  app = await startTestApp('loyalty_ledger')
  await drainJobs(app)
  admin = await Api.login(app.url, 'admin@northwind.example')
  ops = await Api.login(app.url, 'ops@northwind.example')
  consultant = await Api.login(app.url, 'consultant@glow.example') // GLW-02

  const set = await ops.post('/api/rule-sets', { name: 'LT extra points', purpose: 'points_earn' })
  expect(set.status).toBe(201)
  const version = await ops.post('/api/rule-versions', {
    ruleSet: set.body.doc.id,
    effectiveFrom: '2026-01-01',
    content: decisionTable({
      name: 'Extra points',
      hitPolicy: 'collect',
      inputs: ['products'],
      outputs: ['label', 'points'],
      rows: [['contains($, "LT-CREAM") and contains($, "LT-SERUM")', '"Duo bonus"', '50']],
    }),
    testCases: [{ name: 'duo', inputs: { products: ['LT-CREAM', 'LT-SERUM'] }, expected: [{ label: 'Duo bonus', points: 50 }] }],
  })
  expect([version.status, JSON.stringify(version.body.errors ?? null)]).toEqual([201, 'null'])
  ids.ruleVersion = version.body.doc.id
  expect((await ops.patch(`/api/rule-versions/${ids.ruleVersion}`, { status: 'submitted' })).status).toBe(200)
  expect((await admin.patch(`/api/rule-versions/${ids.ruleVersion}`, { status: 'approved' })).body.doc?.status).toBe('approved')

  const program = await admin.post('/api/loyalty-programs', {
    code: 'LT',
    name: 'Ledger test points',
    unitName: 'points',
    expiryPolicy: 'months',
    expiryMonths: 12,
    earnRules: set.body.doc.id,
  })
  expect([program.status, JSON.stringify(program.body.errors ?? null)]).toEqual([201, 'null'])
  const short = await admin.post('/api/loyalty-programs', {
    code: 'LX',
    name: 'Short-lived points',
    expiryPolicy: 'months',
    expiryMonths: 1,
  })
  expect(short.status).toBe(201)

  ids['LT-CREAM'] = await product('LT-CREAM', 10, 120)
  ids['LT-SERUM'] = await product('LT-SERUM', 25, null)
  ids['LT-GIFT'] = await product('LT-GIFT', 0, 150)

  ids.lt1l1 = await orderLine('LT-1', 1, 'order', '2026-03-02', 'GLW-02', 'LT-CREAM', 3)
  ids.lt1l2 = await orderLine('LT-1', 2, 'order', '2026-03-02', 'GLW-02', 'LT-SERUM', 2)
  ids.lt2l1 = await orderLine('LT-2', 1, 'order', '2026-03-05', 'GLW-02', 'LT-CREAM', 1, 'Ana')
  ids.lt3l1 = await orderLine('LT-3', 1, 'order', '2026-03-10', 'GLW-03', 'LT-SERUM', 4)
}, 240_000)
afterAll(async () => app?.close())

describe('earning', () => {
  it('earns catalog points per line and the rule bonus per order, once', async () => {
    const forbidden = await consultant.post('/api/points-movements/earn', { from: '2026-03-01', to: '2026-03-31', program: 'LT' })
    expect(forbidden.status).toBe(403)
    const bad = await admin.post('/api/points-movements/earn', { from: '2026-03-01', to: '2026-02-31', program: 'LT' })
    expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'to'])

    const run = await admin.post('/api/points-movements/earn', { from: '2026-03-01', to: '2026-03-31', program: 'LT', today: '2026-03-31' })
    expect(run.status).toBe(200)
    // 4 catalog lots, 30 + 50 + 10 + 100 = 190; one duo bonus of 50 (only LT-1 holds both products).
    expect(run.body).toMatchObject({ programs: ['LT'], catalogLots: 4, catalogPoints: 190, ruleLots: 1, rulePoints: 50 })
    const again = await admin.post('/api/points-movements/earn', {
      from: '2026-03-01',
      to: '2026-03-31',
      program: 'LT',
      today: '2026-03-31',
    })
    expect(again.body).toMatchObject({ catalogLots: 0, catalogPoints: 0, ruleLots: 0, rulePoints: 0, returns: 0 })

    const rule = await app.sql.query(
      `select m.points::int as points, m.label, m.rule_version_id as v, m.order_number as "order", m.expires_on::text as "expiresOn"
         from points_movements m join loyalty_programs p on p.id = m.program_id where p.code = 'LT' and m.source = 'rule'`,
    )
    expect(rule.rows).toEqual([{ points: 50, label: 'Duo bonus', v: ids.ruleVersion, order: 'LT-1', expiresOn: '2027-03-02' }])
    expect(await balanceOf('GLW-02')).toBe(130)
    expect(await balanceOf('GLW-02', 'Ana')).toBe(10)
    expect(await balanceOf('GLW-03')).toBe(100)
  })

  it('shows the consultant their statement: balance, lots and what expires when', async () => {
    const res = await statement(consultant, '')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ program: 'LT', balance: 130, spendable: 130 })
    // Three lots of 2026-03-02, 12 months: usable through 2027-03-02.
    expect(res.body.lots.map((l: any) => [l.label, l.remaining, l.expiresOn]).sort()).toEqual([
      ['Duo bonus', 50, '2027-03-02'],
      ['LT-CREAM × 3', 30, '2027-03-02'],
      ['LT-SERUM × 2', 50, '2027-03-02'],
    ])
    expect(res.body.expiring).toEqual([{ expiresOn: '2027-03-02', points: 130 }])
    const customer = await statement(consultant, '&customer=Ana')
    expect([customer.body.balance, customer.body.lots[0].expiresOn]).toEqual([10, '2027-03-05'])
  })

  it('never lets a consultant read another consultant’s statement; staff read anyone’s', async () => {
    const other = await statement(consultant, '&consultant=GLW-03')
    expect([other.status, other.body.errors[0].field]).toEqual([403, 'consultant'])
    const upline = await statement(consultant, `&consultant=${await participant('GLW-01')}`)
    expect(upline.status).toBe(403)
    const staff = await statement(admin, '&consultant=GLW-03')
    expect([staff.status, staff.body.balance]).toEqual([200, 100])
    const wallet = await consultant.get('/api/wallet-entries/balances?consultant=GLW-03')
    expect(wallet.status).toBe(403)
  })
})

describe('redemption', () => {
  it('refuses more points than held, naming the field, and writes nothing', async () => {
    const before = [await count('points_movements'), await count('points_redemptions')]
    const res = await consultant.post('/api/points-redemptions/redeem', { program: 'LT', product: 'LT-GIFT', quantity: 1 })
    // 150 asked, 130 held.
    expect(res.status).toBe(409)
    expect(res.body.errors[0]).toMatchObject({ field: 'quantity' })
    expect(res.body.errors[0].message).toContain('130 held, 150 asked')
    const notRedeemable = await consultant.post('/api/points-redemptions/redeem', { program: 'LT', product: 'LT-SERUM', quantity: 1 })
    expect([notRedeemable.status, notRedeemable.body.errors[0].field]).toEqual([422, 'product'])
    expect([await count('points_movements'), await count('points_redemptions')]).toEqual(before)
  })

  it('redeems a product oldest-expiring first, once per Idempotency-Key', async () => {
    const send = () =>
      fetch(`${app.url}/api/points-redemptions/redeem`, {
        method: 'POST',
        headers: { authorization: `JWT ${consultant.token}`, 'content-type': 'application/json', 'idempotency-key': 'lt-redeem-1' },
        body: JSON.stringify({ program: 'LT', product: 'LT-CREAM', quantity: 1 }),
      }).then(async (r) => ({ status: r.status, replayed: r.headers.get('idempotent-replayed'), body: (await r.json()) as any }))
    const redemptions = await count('points_redemptions')
    const first = await send()
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ points: 120, product: 'LT-CREAM', quantity: 1, replayed: false })
    // The retry gets the first answer back (the API's Idempotency-Key layer, server/idempotency.ts) and redeems nothing more.
    const second = await send()
    expect([second.status, second.replayed, second.body]).toEqual([201, 'true', first.body])
    expect(await count('points_redemptions')).toBe(redemptions + 1)
    ids.redemption1 = first.body.id
    // All three lots end 2027-03-02 and were earned 2026-03-02: catalog lots (lower ids) first, 30 + 50, then 40 of
    // the duo bonus. 130 − 120 = 10 left.
    const taken = await app.sql.query(
      `select l.label, m.points::int as points from points_movements m join points_movements l on l.id = m.lot_id
        where m.redemption_id = $1 order by l.label`,
      [first.body.id],
    )
    expect(taken.rows).toEqual([
      { label: 'Duo bonus', points: -40 },
      { label: 'LT-CREAM × 3', points: -30 },
      { label: 'LT-SERUM × 2', points: -50 },
    ])
    expect(await balanceOf('GLW-02')).toBe(10)
  })
})

describe('returns', () => {
  it('a return takes its points back, reversing the redemption they paid for', async () => {
    // R-1 returns LT-1 line 2 (LT-SERUM × 2) whole: 50 points. Its lot is spent (the redemption took all 50), so the
    // redemption is reversed (+120 back: 30, 50, 40 to their lots) and the 50 come out of the serum lot.
    // GLW-02: 10 + 120 − 50 = 80.
    await orderLine('R-1', 1, 'return', '2026-03-20', 'GLW-02', 'LT-SERUM', 2, null, ids.lt1l2)
    const run = await admin.post('/api/points-movements/earn', { from: '2026-03-01', to: '2026-03-31', program: 'LT', today: '2026-03-31' })
    expect(run.body).toMatchObject({ returns: 1, pointsTakenBack: 50, redemptionsReversed: 1, debts: 0, catalogLots: 0 })
    expect(await balanceOf('GLW-02')).toBe(80)
    const redemption = await app.sql.query(`select status::text, reversed_reason from points_redemptions where id = $1`, [ids.redemption1])
    expect(redemption.rows[0].status).toBe('reversed')
    expect(redemption.rows[0].reversed_reason).toContain('LT-1')
    const again = await admin.post('/api/points-movements/earn', {
      from: '2026-03-01',
      to: '2026-03-31',
      program: 'LT',
      today: '2026-03-31',
    })
    expect(again.body).toMatchObject({ returns: 0, pointsTakenBack: 0, redemptionsReversed: 0 })
    expect(await balanceOf('GLW-02')).toBe(80)
  })

  it('points already converted leave a debt when their order is returned', async () => {
    // GLW-03 converts all 100 points at 0.05 USD: 100 × 0.05 = USD 5.00.
    const rate = await admin.post('/api/conversion-rates', { fromUnit: 'points:LT', toUnit: 'USD', rate: '0.05', validFrom: '2026-01-01' })
    expect(rate.status).toBe(201)
    const convert = await admin.post('/api/wallet-entries/convert', { from: 'points:LT', to: 'USD', points: 100, consultant: 'GLW-03' })
    expect([convert.status, convert.body.amount, convert.body.rate]).toEqual([201, '5.00', '0.05'])
    expect(await balanceOf('GLW-03')).toBe(0)
    const movement = await app.sql.query(`select rate, wallet_entry_id as w, points::int as p from points_movements where id = $1`, [
      convert.body.movements[0],
    ])
    expect(movement.rows[0]).toEqual({ rate: '0.05', w: convert.body.walletEntries[0], p: -100 })
    // R-2 returns 2 of LT-3's 4 serums: 100 × 2 / 4 = 50 points; no lot, redemption or other points to take them
    // from: a debt of 50.
    await orderLine('R-2', 1, 'return', '2026-03-25', 'GLW-03', 'LT-SERUM', 2, null, ids.lt3l1)
    const run = await admin.post('/api/points-movements/earn', { from: '2026-03-01', to: '2026-03-31', program: 'LT', today: '2026-03-31' })
    expect(run.body).toMatchObject({ returns: 1, pointsTakenBack: 50, debts: 1 })
    expect(await balanceOf('GLW-03')).toBe(-50)
    const debt = await app.sql.query(`select kind::text, points::int, label from points_movements where natural_key like 'return:%:debt'`)
    expect(debt.rows).toHaveLength(1)
    expect(debt.rows[0]).toMatchObject({ kind: 'adjust', points: -50 })
    expect(debt.rows[0].label).toContain('debt')
    const statementRes = await statement(admin, '&consultant=GLW-03')
    expect([statementRes.body.balance, statementRes.body.spendable]).toEqual([-50, 0])
  })

  it('a redemption placed on an order that is returned is reversed', async () => {
    // Staff add 100 (GLW-02: 80 + 100 = 180); consultants may not.
    expect(
      (await consultant.post('/api/points-movements/adjust', { program: 'LT', consultant: 'GLW-02', points: 100, reason: 'x' })).status,
    ).toBe(403)
    const adjust = await ops.post('/api/points-movements/adjust', { program: 'LT', consultant: 'GLW-02', points: 100, reason: 'Goodwill' })
    expect(adjust.status).toBe(201)
    expect(await balanceOf('GLW-02')).toBe(180)
    // LT-GIFT (150) ships on order LT-5: 180 − 150 = 30.
    const redeem = await consultant.post('/api/points-redemptions/redeem', {
      program: 'LT',
      product: 'LT-GIFT',
      quantity: 1,
      orderNumber: 'LT-5',
    })
    expect(redeem.status).toBe(201)
    expect(await balanceOf('GLW-02')).toBe(30)
    const line = await orderLine('LT-5', 1, 'order', '2026-04-03', 'GLW-02', 'LT-GIFT', 1)
    await orderLine('R-5', 1, 'return', '2026-04-10', 'GLW-02', 'LT-GIFT', 1, null, line)
    const run = await admin.post('/api/points-movements/earn', { from: '2026-04-01', to: '2026-04-30', program: 'LT', today: '2026-04-30' })
    // LT-GIFT earns nothing: no lot, no take-back; the redemption is reversed: 30 + 150 = 180.
    expect(run.body).toMatchObject({ catalogLots: 0, returns: 0, redemptionsReversed: 1 })
    expect(await balanceOf('GLW-02')).toBe(180)
    const status = await app.sql.query(`select status::text, reversed_reason from points_redemptions where id = $1`, [redeem.body.id])
    expect(status.rows[0]).toEqual({ status: 'reversed', reversed_reason: 'its order LT-5 was returned' })
  })
})

describe('expiry', () => {
  it('posts each lot’s expiry exactly once', async () => {
    // LX (1 month) earns March: LT-1 cream 30 and serum 50 (last day 2026-04-02), Ana 10 (04-05), GLW-03 100 (04-10).
    // R-1 takes the serum's 50 back, R-2 50 of GLW-03's 100. On 2026-05-01: 30 + 10 + 50 = 90 in 3 lots, 3 holders.
    const earn = await admin.post('/api/points-movements/earn', {
      from: '2026-03-01',
      to: '2026-03-31',
      program: 'LX',
      today: '2026-03-31',
    })
    expect(earn.body).toMatchObject({ catalogLots: 4, catalogPoints: 190, returns: 2, pointsTakenBack: 100, debts: 0 })
    const early = await admin.post('/api/points-movements/expire', { today: '2026-04-02' })
    // Nothing ends before 2026-04-02 (LT lots end 2027).
    expect(early.body).toMatchObject({ lots: 0, points: 0 })
    const first = await admin.post('/api/points-movements/expire', { today: '2026-05-01' })
    expect(first.body).toMatchObject({ lots: 3, points: 90, holders: 3 })
    const second = await admin.post('/api/points-movements/expire', { today: '2026-05-01' })
    expect(second.body).toMatchObject({ lots: 0, points: 0 })
    expect(await balanceOf('GLW-02', null, 'LX')).toBe(0)
    expect(await balanceOf('GLW-03', null, 'LX')).toBe(0)
    expect((await consultant.post('/api/points-movements/expire', {})).status).toBe(403)
  })
})

describe('wallet', () => {
  it('refuses a conversion at a missing rate and writes nothing', async () => {
    const before = await count('wallet_entries')
    const res = await admin.post('/api/wallet-entries/convert', { from: 'USD', to: 'GBP', amount: '5.00', consultant: 'GLW-03' })
    expect(res.status).toBe(422)
    expect(res.body.errors[0]).toMatchObject({ field: 'to' })
    expect(res.body.errors[0].message).toContain('no conversion rate from USD to GBP')
    const toPoints = await admin.post('/api/wallet-entries/convert', { from: 'USD', to: 'points:LT', amount: '1.00', consultant: 'GLW-03' })
    expect([toPoints.status, toPoints.body.errors[0].field]).toEqual([422, 'to'])
    expect(await count('wallet_entries')).toBe(before)
  })

  it('converts between currencies at the rate, both sides recorded, and refuses more than held', async () => {
    expect(
      (await admin.post('/api/conversion-rates', { fromUnit: 'USD', toUnit: 'GBP', rate: '0.79', validFrom: '2026-01-01' })).status,
    ).toBe(201)
    const tooMuch = await admin.post('/api/wallet-entries/convert', { from: 'USD', to: 'GBP', amount: '5.01', consultant: 'GLW-03' })
    expect([tooMuch.status, tooMuch.body.errors[0].field]).toEqual([409, 'amount'])
    // USD 5.00 × 0.79 = GBP 3.95.
    const res = await admin.post('/api/wallet-entries/convert', { from: 'USD', to: 'GBP', amount: '5.00', consultant: 'GLW-03' })
    expect([res.status, res.body.amount, res.body.currency]).toEqual([201, '3.95', 'GBP'])
    const pair = await app.sql.query(
      `select id, counterpart_id as c, amount::text, rate from wallet_entries where id = any($1) order by id`,
      [res.body.walletEntries],
    )
    expect(pair.rows).toEqual([
      { id: res.body.walletEntries[0], c: res.body.walletEntries[1], amount: '-5.0000', rate: '0.79' },
      { id: res.body.walletEntries[1], c: res.body.walletEntries[0], amount: '3.9500', rate: '0.79' },
    ])
    const balances = await admin.get('/api/wallet-entries/balances?consultant=GLW-03')
    expect(balances.body.balances).toEqual([
      { currency: 'GBP', balance: '3.95' },
      { currency: 'USD', balance: '0.00' },
    ])
  })

  it('converts credit to whole points at the rate, the change staying in the wallet', async () => {
    // GLW-02 converts 30 points at 0.05: USD 1.50 (180 − 30 = 150 points).
    const out = await consultant.post('/api/wallet-entries/convert', { from: 'points:LT', to: 'USD', points: 30 })
    expect([out.status, out.body.amount]).toEqual([201, '1.50'])
    expect(
      (await admin.post('/api/conversion-rates', { fromUnit: 'USD', toUnit: 'points:LT', rate: '7', validFrom: '2026-01-01' })).status,
    ).toBe(201)
    // USD 1.50 × 7 = 10.5 → 10 points; 10 ÷ 7 = 1.428… → USD 1.43 used, 0.07 left. 150 + 10 = 160 points.
    const back = await consultant.post('/api/wallet-entries/convert', { from: 'USD', to: 'points:LT', amount: '1.50' })
    expect([back.status, back.body.points, back.body.amount]).toEqual([201, 10, '1.43'])
    expect(await balanceOf('GLW-02')).toBe(160)
    const balances = await consultant.get('/api/wallet-entries/balances')
    expect(balances.body.balances).toEqual([{ currency: 'USD', balance: '0.07' }])
    const lot = await app.sql.query(`select source::text, rate, expires_on is not null as dated from points_movements where id = $1`, [
      back.body.movements[0],
    ])
    expect(lot.rows[0]).toEqual({ source: 'conversion', rate: '7', dated: true })
  })

  it('exchanges commission money (wallet credit) for points, recorded as a commission exchange', async () => {
    // GLW-02 converts 100 points to USD 5.00 (160 − 100 = 60 points; wallet 0.07 + 5.00 = 5.07), then exchanges USD 2.00
    // of commission for 2.00 × 7 = 14 points (60 + 14 = 74; wallet 5.07 − 2.00 = 3.07).
    expect(
      (await consultant.post('/api/wallet-entries/convert', { from: 'points', program: 'LT', to: 'USD', points: 100 })).body.amount,
    ).toBe('5.00')
    const res = await consultant.post('/api/wallet-entries/convert', {
      from: 'USD',
      to: 'points:LT',
      amount: '2.00',
      exchange: 'commission',
    })
    expect([res.status, res.body.points, res.body.amount]).toEqual([201, 14, '2.00'])
    expect(await balanceOf('GLW-02')).toBe(74)
    const entry = await app.sql.query(`select kind::text, amount::text, rate from wallet_entries where id = $1`, [
      res.body.walletEntries[0],
    ])
    expect(entry.rows[0]).toEqual({ kind: 'commission_exchange', amount: '-2.0000', rate: '7' })
    expect((await consultant.get('/api/wallet-entries/balances')).body.balances).toEqual([{ currency: 'USD', balance: '3.07' }])
    const zero = await consultant.post('/api/wallet-entries/convert', { from: 'USD', to: 'points:LT', amount: '0' })
    expect([zero.status, zero.body.errors[0].field]).toEqual([422, 'amount'])
  })
})
