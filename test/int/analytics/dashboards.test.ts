/**
 * Dashboards and xlsx reports over real HTTP on a real PostgreSQL, with the demo data and a small subtree of our own.
 *
 * The subtree (all consultants, under the operating company NW):
 *   ANA-1 (territory US-W, region Pacific; joined this month) — the login ana@analytics.example, role agent
 *     ├─ ANA-2 (no territory: inherits US-W/Pacific; joined this month)
 *     ├─ ANA-3 (suspended; joined last month)
 *     └─ ANA-4 (active, never ordered; joined last month)
 *   ANA-X (outside the subtree, under NW).
 *
 * Order lines (USD): A-1/1 ANA-1 today 100.10; A-2/1 ANA-2 today 200.20; A-3/1 ANA-2 last month 50.00 and its return
 *   R-3/1 of one unit of two, last month −20.00 (a return booked as a negative amount); X-1/1 ANA-X today 999.99.
 *   ANA-1's subtree: this month 100.10 + 200.20 = 300.30; last month 50.00 − 20.00 = 30.00; in all 330.30.
 *   Pacific (ANA-1 and ANA-2): 300.30 + 30.00 = 330.30.
 * Active (status active and an order line in the last 90 days): ANA-1, ANA-2 → 2; inactive ANA-3 (suspended), ANA-4
 *   (no order) → 2. Growth: this month 2 (ANA-1, ANA-2), last month 2 (ANA-3, ANA-4).
 * Points (program ANA-STARS): campaign ANA-C1: ANA-1 earn 100, ANA-2 earn 50, ANA-2 redeem −30, ANA-X earn 1,000;
 *   campaign ANA-C2: ANA-1 expire −20. ANA-1's subtree: C1 earned 100 + 50 = 150, redeemed 30, expired 0; C2 expired 20.
 *   Balances: ANA-1 100 − 20 = 80; ANA-2 50 − 30 = 20.
 * Tickets: ANA-2 open (commissions), ANA-3 resolved (incentives), ANA-X open. ANA-1's subtree: open 1, resolved 1.
 * Incentive orders: OI-1 (ANA-2) processed, coupon CP-1 issued, expires next year → pending; OI-2 (ANA-1) processed,
 *   coupon CP-2 used → not; OI-3 (ANA-1) returned, CP-3 issued → not; OI-4 (ANA-2) processed, CP-4 expired yesterday
 *   → not; OI-X (ANA-X) processed, CP-X issued → pending, but outside the subtree.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { D } from '../../../engine/core/decimal'
import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'

let app: TestApp
let admin: Api
let ops: Api
let ana: Api
const ids: Record<string, number> = {}

const today = new Date().toISOString().slice(0, 10)
const thisMonth = today.slice(0, 7)
const lastMonthDate = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 15)).toISOString().slice(0, 10)
const lastMonth = lastMonthDate.slice(0, 7)
const nextYear = `${Number(today.slice(0, 4)) + 1}-12-31`
const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

/** Sets a grant's roles exactly (creates it, or replaces the roles of the one the seed may have made). */
async function grant(item: string, roles: string[]): Promise<void> {
  const found = await admin.get(`/api/dashboard-grants?where[item][equals]=${item}&depth=0`)
  const existing = found.body.docs[0]
  const res = existing
    ? await admin.patch(`/api/dashboard-grants/${existing.id}`, { roles })
    : await admin.post('/api/dashboard-grants', { item, roles })
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300)
}

async function participant(code: string, parent: number, extra: Record<string, unknown>): Promise<number> {
  const res = await admin.post('/api/participants', { name: `Analytics ${code}`, code, kind: 'consultant', parent, ...extra })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc.id as number
}

/** The workbook's first sheet as header + rows of cell values. */
async function sheetOf(data: Buffer): Promise<{ header: unknown[]; rows: unknown[][]; numFmt: (col: number) => string | undefined }> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(data as never)
  const sheet = book.worksheets[0]!
  const all: unknown[][] = []
  sheet.eachRow((row) => all.push((row.values as unknown[]).slice(1)))
  return { header: all[0]!, rows: all.slice(1), numFmt: (col) => sheet.getRow(2).getCell(col).numFmt }
}

const sumCells = (rows: unknown[][], col: number) => rows.reduce((s: InstanceType<typeof D>, r) => s.plus(String(r[col] ?? 0)), new D(0))

beforeAll(async () => {
  app = await startTestApp('analytics_dashboards')
  ;[admin, ops] = (await Promise.all(['admin@northwind.example', 'ops@northwind.example'].map((e) => Api.login(app.url, e)))) as [Api, Api]
  const root = (await app.sql.query<{ id: number }>(`select id from participants where code = 'NW'`)).rows[0]!.id
  const west = (await app.sql.query<{ id: number }>(`select id from territories where code = 'US-W'`)).rows[0]!.id
  ids.a1 = await participant('ANA-1', root, { territory: west, joinedOn: `${thisMonth}-01` })
  ids.a2 = await participant('ANA-2', ids.a1, { joinedOn: `${thisMonth}-01` })
  ids.a3 = await participant('ANA-3', ids.a1, { joinedOn: lastMonthDate, status: 'suspended' })
  ids.a4 = await participant('ANA-4', ids.a1, { joinedOn: lastMonthDate })
  ids.x = await participant('ANA-X', root, { joinedOn: lastMonthDate })
  const login = await admin.post('/api/users', {
    email: 'ana@analytics.example',
    name: 'Ana Analytics',
    password: 'a-long-enough-password',
    participant: ids.a1,
    roles: ['agent'],
  })
  expect(login.status, JSON.stringify(login.body)).toBe(201)
  ana = await Api.login(app.url, 'ana@analytics.example', 'a-long-enough-password')

  const product = (await app.sql.query<{ id: number }>(`select id from products order by id limit 1`)).rows[0]!.id
  const line = async (number: string, consultant: number, kind: string, day: string, quantity: number, amount: string, returnOf?: number) =>
    (
      await app.sql.query<{ id: number }>(
        `insert into network_orders (order_number, line, kind, booked_on, consultant_id, product_id, quantity, currency, unit_price,
                                     discount, amount, qualifying_volume, commissionable_volume, return_of_id)
         values ($1, 1, $2, $3, $4, $5, $6, 'USD', 0, 0, $7, 0, 0, $8) returning id`,
        [number, kind, day, consultant, product, quantity, amount, returnOf ?? null],
      )
    ).rows[0]!.id
  await line('A-1', ids.a1, 'order', today, 1, '100.10')
  await line('A-2', ids.a2, 'order', today, 2, '200.20')
  const a3 = await line('A-3', ids.a2, 'order', lastMonthDate, 2, '50.00')
  await line('R-3', ids.a2, 'return', lastMonthDate, 1, '-20.00', a3)
  await line('X-1', ids.x, 'order', today, 1, '999.99')

  const program = (
    await app.sql.query<{ id: number }>(
      `insert into loyalty_programs (code, name, unit_name, expiry_policy) values ('ANA-STARS', 'Stars', 'stars', 'never') returning id`,
    )
  ).rows[0]!.id
  const campaign = async (label: string, starts: string, ends: string) =>
    (
      await app.sql.query<{ id: number }>(
        `insert into commission_periods (label, frequency, cycle, starts_on, ends_on) values ($1, 'weekly', 'advance', $2, $3) returning id`,
        [label, starts, ends],
      )
    ).rows[0]!.id
  const c1 = await campaign('ANA-C1', '2031-01-01', '2031-01-07')
  const c2 = await campaign('ANA-C2', '2031-01-08', '2031-01-14')
  for (const [holder, kind, points, source, campaignId] of [
    [ids.a1, 'earn', 100, 'catalog', c1],
    [ids.a2, 'earn', 50, 'catalog', c1],
    [ids.a2, 'redeem', -30, 'redemption', c1],
    [ids.x, 'earn', 1000, 'catalog', c1],
    [ids.a1, 'expire', -20, 'expiry', c2],
  ] as const)
    await app.sql.query(
      `insert into points_movements (program_id, consultant_id, kind, points, booked_on, source, campaign_id) values ($1, $2, $3, $4, $5, $6, $7)`,
      [program, holder, kind, points, today, source, campaignId],
    )

  for (const [number, consultant, type, status] of [
    ['T-ANA-1', ids.a2, 'commissions', 'open'],
    ['T-ANA-2', ids.a3, 'incentives', 'resolved'],
    ['T-ANA-X', ids.x, 'commissions', 'open'],
  ] as const)
    await app.sql.query(`insert into tickets (number, subject, consultant_id, type, status) values ($1, 'Help', $2, $3, $4)`, [
      number,
      consultant,
      type,
      status,
    ])

  for (const [order, consultant, status, coupon, couponStatus, expires] of [
    ['OI-1', ids.a2, 'processed', 'CP-1', 'issued', nextYear],
    ['OI-2', ids.a1, 'processed', 'CP-2', 'used', nextYear],
    ['OI-3', ids.a1, 'returned', 'CP-3', 'issued', nextYear],
    ['OI-4', ids.a2, 'processed', 'CP-4', 'issued', yesterday],
    ['OI-X', ids.x, 'processed', 'CP-X', 'issued', nextYear],
  ] as const) {
    await app.sql.query(
      `insert into order_incentives (order_number, consultant_id, order_date, currency, subtotal, discount, freight, freight_charged,
                                     coupon_discount, credit_used, total, status)
       values ($1, $2, $3, 'USD', 80, 0, 0, 0, 0, 0, 80, $4)`,
      [order, consultant, `${today}T12:00:00Z`, status],
    )
    await app.sql.query(
      `insert into coupons (code, consultant_id, kind, value, currency, expires_on, status, issued_on_order) values ($1, $2, 'amount', 5, 'USD', $3, $4, $5)`,
      [coupon, consultant, expires, couponStatus, order],
    )
  }

  // The agent role: some widgets and the sales report; company users: the sales widget only, no report.
  for (const item of ['widget:sales_by_month', 'widget:sales_by_region', 'widget:network_activity', 'widget:network_growth'])
    await grant(item, ['agent', 'company_user'])
  for (const item of ['widget:points_by_campaign', 'widget:tickets_by_status', 'widget:network_by_region']) await grant(item, ['agent'])
  for (const item of ['widget:network_by_rank', 'widget:tickets_by_type', 'widget:tickets_by_queue']) await grant(item, [])
  for (const item of [
    'report:sales',
    'report:accumulated_points',
    'report:points_per_campaign',
    'report:incentives_pending_orders',
    'report:clients_by_status',
  ])
    await grant(item, ['agent'])
  for (const item of ['report:invoices', 'report:product_invoices']) await grant(item, [])
}, 240_000)

afterAll(async () => app?.close())

describe('widgets', () => {
  it('gives a company admin every widget, without any grant', async () => {
    const res = await admin.get('/api/dashboard-grants/widgets')
    expect(res.status).toBe(200)
    expect(res.body.widgets.map((w: any) => w.key)).toEqual([
      'sales_by_month',
      'sales_by_region',
      'network_activity',
      'network_growth',
      'network_by_rank',
      'network_by_region',
      'points_by_campaign',
      'tickets_by_status',
      'tickets_by_type',
      'tickets_by_queue',
    ])
  })

  it('gives the agent only the granted widgets, with its own subtree figures', async () => {
    const res = await ana.get('/api/dashboard-grants/widgets')
    expect(res.status).toBe(200)
    const byKey = Object.fromEntries(res.body.widgets.map((w: any) => [w.key, w]))
    expect(Object.keys(byKey)).toEqual([
      'sales_by_month',
      'sales_by_region',
      'network_activity',
      'network_growth',
      'network_by_region',
      'points_by_campaign',
      'tickets_by_status',
    ])

    const months = byKey.sales_by_month
    expect(months.rows).toHaveLength(12)
    expect(months.rows[11].month).toBe(thisMonth)
    expect(months.series).toEqual([{ key: 'USD', label: 'USD' }])
    // This month 100.10 + 200.20 = 300.30 (ANA-X's 999.99 is outside); last month 50.00 − 20.00 (the return) = 30.00.
    expect(months.rows.find((r: any) => r.month === thisMonth).USD).toBe('300.30')
    expect(months.rows.find((r: any) => r.month === lastMonth).USD).toBe('30.00')
    expect(months.rows.filter((r: any) => r.USD !== '0.00')).toHaveLength(2)

    // Both ANA-1 (US-W) and ANA-2 (inherits it) are Pacific: 300.30 + 30.00 = 330.30.
    expect(byKey.sales_by_region.rows).toEqual([{ region: 'Pacific', USD: '330.30' }])

    expect(byKey.network_activity.rows).toEqual([
      { state: 'Active', members: 2 },
      { state: 'Inactive', members: 2 },
    ])
    expect(byKey.network_activity.description).toContain('status active AND at least one order line')

    const growth = byKey.network_growth.rows
    expect(growth.find((r: any) => r.month === thisMonth).joined).toBe(2)
    expect(growth.find((r: any) => r.month === lastMonth).joined).toBe(2)
    expect(growth.reduce((n: number, r: any) => n + r.joined, 0)).toBe(4)

    expect(byKey.network_by_region.rows).toEqual([{ region: 'Pacific', active: 2, inactive: 2 }])

    expect(byKey.points_by_campaign.rows).toEqual([
      { campaign: 'ANA-C1', earned: 150, redeemed: 30, expired: 0 },
      { campaign: 'ANA-C2', earned: 0, redeemed: 0, expired: 20 },
    ])

    const status = Object.fromEntries(byKey.tickets_by_status.rows.map((r: any) => [r.status, r.tickets]))
    expect(status).toEqual({ Open: 1, 'In progress': 0, 'Waiting on consultant': 0, Resolved: 1, Closed: 0 })
  })

  it('gives staff every figure, tied to sums written here in SQL', async () => {
    const res = await ops.get('/api/dashboard-grants/widgets/sales_by_month')
    expect(res.status).toBe(200)
    const sql = await app.sql.query<{ total: string }>(
      `select coalesce(sum(amount), 0)::numeric(14,2)::text as total from network_orders where currency = 'USD' and to_char(booked_on, 'YYYY-MM') = $1`,
      [thisMonth],
    )
    expect(res.body.rows.find((r: any) => r.month === thisMonth).USD).toBe(sql.rows[0]!.total)
    // At least ours: 100.10 + 200.20 + 999.99 = 1,300.29.
    expect(new D(sql.rows[0]!.total).gte('1300.29')).toBe(true)

    const points = (await admin.get('/api/dashboard-grants/widgets/points_by_campaign')).body.rows
    // ANA-C1 for everyone: 100 + 50 + 1,000 = 1,150 earned, 30 redeemed.
    expect(points.find((r: any) => r.campaign === 'ANA-C1')).toEqual({ campaign: 'ANA-C1', earned: 1150, redeemed: 30, expired: 0 })
  })

  it('limits a period and refuses a bad one naming the field', async () => {
    const res = await ana.get(`/api/dashboard-grants/widgets/sales_by_month?from=${lastMonth}-01&to=${lastMonth}-28`)
    expect(res.status).toBe(200)
    expect(res.body.rows).toEqual([{ month: lastMonth, USD: '30.00' }])
    const bad = await ana.get('/api/dashboard-grants/widgets/sales_by_month?from=2026-02-30')
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0]).toEqual({ field: 'from', message: 'from: "2026-02-30" is not a calendar day as YYYY-MM-DD' })
  })

  it('refuses a widget not granted (403 naming it), an unknown one (404) and no login (401)', async () => {
    const denied = await ana.get('/api/dashboard-grants/widgets/network_by_rank')
    expect(denied.status).toBe(403)
    expect(denied.body.errors[0].message).toBe('the widget "Consultants by rank" (network_by_rank) is not granted to your roles')
    expect((await ops.get('/api/dashboard-grants/widgets/points_by_campaign')).status).toBe(403)
    expect((await ana.get('/api/dashboard-grants/widgets/nope')).status).toBe(404)
    expect((await new Api(app.url, null).get('/api/dashboard-grants/widgets')).status).toBe(401)
  })
})

describe('reports', () => {
  it('lists what each caller may download', async () => {
    expect((await admin.get('/api/dashboard-grants/reports')).body.reports.map((r: any) => r.key)).toHaveLength(7)
    expect((await ana.get('/api/dashboard-grants/reports')).body.reports.map((r: any) => r.key)).toEqual([
      'sales',
      'accumulated_points',
      'points_per_campaign',
      'incentives_pending_orders',
      'clients_by_status',
    ])
    expect((await ops.get('/api/dashboard-grants/reports')).body.reports).toEqual([])
  })

  it('refuses a report not granted with 403 naming it', async () => {
    const res = await ana.download('/api/dashboard-grants/reports/invoices.xlsx')
    expect(res.status).toBe(403)
    expect(JSON.parse(res.data.toString()).errors[0].message).toBe(
      'the report "Invoice report (orders)" (invoices) is not granted to your roles',
    )
    expect((await ops.download('/api/dashboard-grants/reports/sales.xlsx')).status).toBe(403)
    expect((await ana.download('/api/dashboard-grants/reports/unknown.xlsx')).status).toBe(404)
  })

  it('sales: the agent gets its subtree lines; amounts are numbers with two decimals', async () => {
    const res = await ana.download('/api/dashboard-grants/reports/sales.xlsx')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    const { header, rows, numFmt } = await sheetOf(res.data)
    expect(header.slice(0, 4)).toEqual(['Booked on', 'Order', 'Line', 'Kind'])
    const amount = header.indexOf('Amount')
    expect(rows.map((r) => `${r[1]} ${r[amount]}`).sort()).toEqual(['A-1 100.1', 'A-2 200.2', 'A-3 50', 'R-3 -20'])
    // 100.10 + 200.20 + 50.00 − 20.00 = 330.30
    expect(sumCells(rows, amount).toFixed(2)).toBe('330.30')
    expect(typeof rows[0]![amount]).toBe('number')
    expect(numFmt(amount + 1)).toBe('#,##0.00')
  })

  it('sales, invoices and product invoices for the admin tie to SQL sums', async () => {
    const total = await app.sql.query<{ total: string; lines: number; orders: number }>(
      `select coalesce(sum(amount), 0)::numeric(16,2)::text as total, count(*)::int as lines,
              count(distinct (order_number, consultant_id, currency))::int as orders from network_orders`,
    )
    const expected = total.rows[0]!
    const sales = await sheetOf((await admin.download('/api/dashboard-grants/reports/sales.xlsx')).data)
    expect(sales.rows).toHaveLength(expected.lines)
    expect(sumCells(sales.rows, sales.header.indexOf('Amount')).toFixed(2)).toBe(expected.total)

    const invoices = await sheetOf((await admin.download('/api/dashboard-grants/reports/invoices.xlsx')).data)
    expect(invoices.header).toEqual(['Order', 'Date', 'Kind', 'Consultant code', 'Consultant', 'Customer', 'Lines', 'Currency', 'Total'])
    expect(invoices.rows).toHaveLength(expected.orders)
    expect(sumCells(invoices.rows, 8).toFixed(2)).toBe(expected.total)
    expect(sumCells(invoices.rows, 6).toNumber()).toBe(expected.lines)

    const products = await sheetOf((await admin.download('/api/dashboard-grants/reports/product_invoices.xlsx')).data)
    expect(products.rows).toHaveLength(expected.lines)
    expect(sumCells(products.rows, products.header.indexOf('Amount')).toFixed(2)).toBe(expected.total)
    const a2 = products.rows.find((r) => r[0] === 'A-2')!
    expect(a2[products.header.indexOf('Quantity')]).toBe(2)
  })

  it('accumulated points: balance per holder = sum of movements', async () => {
    const mine = await sheetOf((await ana.download('/api/dashboard-grants/reports/accumulated_points.xlsx')).data)
    const balance = mine.header.indexOf('Balance')
    // ANA-1: 100 − 20 = 80; ANA-2: 50 − 30 = 20.
    expect(mine.rows.map((r) => `${r[0]} ${r[1]} ${r[balance]}`)).toEqual(['ANA-STARS ANA-1 80', 'ANA-STARS ANA-2 20'])
    const all = await sheetOf((await admin.download('/api/dashboard-grants/reports/accumulated_points.xlsx')).data)
    const sql = await app.sql.query<{ total: string }>(`select coalesce(sum(points), 0)::bigint::text as total from points_movements`)
    expect(sumCells(all.rows, balance).toString()).toBe(sql.rows[0]!.total)
  })

  it('points per campaign, pending incentive orders and clients by status, for the agent', async () => {
    const campaigns = await sheetOf((await ana.download('/api/dashboard-grants/reports/points_per_campaign.xlsx')).data)
    expect(campaigns.header).toEqual(['Campaign', 'Starts', 'Ends', 'Earned', 'Redeemed', 'Expired', 'Net'])
    // C1: net 100 + 50 − 30 = 120; C2: −20.
    expect(campaigns.rows).toEqual([
      ['ANA-C1', '2031-01-01', '2031-01-07', 150, 30, 0, 120],
      ['ANA-C2', '2031-01-08', '2031-01-14', 0, 0, 20, -20],
    ])

    const pending = await sheetOf((await ana.download('/api/dashboard-grants/reports/incentives_pending_orders.xlsx')).data)
    expect(pending.rows.map((r) => `${r[0]} ${r[6]}`)).toEqual(['OI-1 CP-1'])
    const allPending = await sheetOf((await admin.download('/api/dashboard-grants/reports/incentives_pending_orders.xlsx')).data)
    expect(allPending.rows.map((r) => r[0]).filter((o) => String(o).startsWith('OI-'))).toEqual(['OI-1', 'OI-X'])

    const clients = await sheetOf((await ana.download('/api/dashboard-grants/reports/clients_by_status.xlsx')).data)
    const activity = clients.header.indexOf('Activity')
    expect(clients.rows.map((r) => `${r[0]} ${r[3]} ${r[activity]}`).sort()).toEqual([
      'ANA-1 active active',
      'ANA-2 active active',
      'ANA-3 suspended inactive',
      'ANA-4 active inactive',
    ])
  })
})
