/**
 * Referral rewards and goal progress over real HTTP on a real PostgreSQL.
 *
 * GLW-05 and GLW-08 (joined 2026-03-01) are referred by GLW-02 (consultant@glow.example). The demo's October orders:
 * GL-1005 GLW-05 SKU-GLOW × 1 = 50.00; GL-1008 GLW-08 SKU-MIST × 4 = 4 × 12.50 = 50.00. The test adds in November:
 * REF-1 GLW-05 SKU-GLOW × 3 = 150.00 and its return of 1 unit (−50.00) → 100.00 net; REF-2 GLW-08 SKU-MIST × 1 = 12.50.
 * The program REF's referral rules (collect): continuity >= 2 → 50 points "Referral continuity";
 * campaignOrderAmount >= 100 → 10 USD "Referral sales".
 * November: GLW-05 continuity 2 (Oct 50.00, Nov 100.00), amount 100.00 → 50 points + 10.00 USD;
 *           GLW-08 continuity 2 (Oct 50.00, Nov 12.50), amount 12.50 → 50 points. GLW-02 earns 100 points, 10.00 USD.
 * October:  continuity 1 for both (nothing in September), amounts 50.00 → nothing.
 *
 * Goal "Convention" (2026-03-01 … 2026-11-30) for GLW-02: earn 100 points (100: met), sell 150.00 (GL-1002 SKU-GLOW ×
 * 2 = 100.00 + GL-1011 SKU-MIST × 2 = 25.00 → 125.00: not met), refer 2 members joined in the period (GLW-05, GLW-08: met), training (manual) → 2 of 4 = 50 %;
 * ticked → 3 of 4 = 75 %.
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
let november = 0
let goalId = 0

async function participant(code: string): Promise<number> {
  return (await app.sql.query(`select id from participants where code = $1`, [code])).rows[0].id
}

async function campaign(startsOn: string): Promise<number> {
  return (await app.sql.query(`select id from commission_periods where cycle = 'regular' and starts_on = $1`, [startsOn])).rows[0].id
}

const rewardCounts = async () => ({
  points: (await app.sql.query(`select count(*)::int as n from points_movements where source = 'referral'`)).rows[0].n,
  wallet: (await app.sql.query(`select count(*)::int as n from wallet_entries where kind = 'referral'`)).rows[0].n,
})

beforeAll(async () => {
  app = await startTestApp('loyalty_referrals')
  await drainJobs(app)
  admin = await Api.login(app.url, 'admin@northwind.example')
  ops = await Api.login(app.url, 'ops@northwind.example')
  consultant = await Api.login(app.url, 'consultant@glow.example') // GLW-02

  const set = await ops.post('/api/rule-sets', { name: 'REF referral rewards', purpose: 'referral_reward' })
  expect(set.status, JSON.stringify(set.body)).toBe(201)
  const version = await ops.post('/api/rule-versions', {
    ruleSet: set.body.doc.id,
    effectiveFrom: '2026-01-01',
    content: decisionTable({
      name: 'Referral rewards',
      hitPolicy: 'collect',
      inputs: ['continuity', 'campaignOrderAmount'],
      outputs: ['label', 'points', 'amount'],
      rows: [
        ['>= 2', '', '"Referral continuity"', '50', ''],
        ['', '>= 100', '"Referral sales"', '', '10'],
      ],
    }),
    testCases: [
      {
        name: 'two in a row',
        inputs: { continuity: 2, campaignOrderAmount: 50 },
        expected: [{ label: 'Referral continuity', points: 50 }],
      },
    ],
  })
  expect([version.status, JSON.stringify(version.body.errors ?? null)]).toEqual([201, 'null'])
  expect((await ops.patch(`/api/rule-versions/${version.body.doc.id}`, { status: 'submitted' })).status).toBe(200)
  expect((await admin.patch(`/api/rule-versions/${version.body.doc.id}`, { status: 'approved' })).body.doc?.status).toBe('approved')
  const program = await admin.post('/api/loyalty-programs', {
    code: 'REF',
    name: 'Referral test points',
    expiryPolicy: 'months',
    expiryMonths: 12,
    referralRules: set.body.doc.id,
  })
  expect([program.status, JSON.stringify(program.body.errors ?? null)]).toEqual([201, 'null'])

  const referrer = await participant('GLW-02')
  for (const code of ['GLW-05', 'GLW-08']) {
    const res = await admin.patch(`/api/participants/${await participant(code)}`, { referredBy: referrer })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }
  const lines = await ops.post('/api/network-orders/import', {
    lines: [
      {
        orderNumber: 'REF-1',
        line: 1,
        bookedOn: '2026-11-10',
        consultantCode: 'GLW-05',
        productCode: 'SKU-GLOW',
        quantity: 3,
        currency: 'USD',
      },
      {
        orderNumber: 'REF-1R',
        line: 1,
        kind: 'return',
        bookedOn: '2026-11-20',
        consultantCode: 'GLW-05',
        productCode: 'SKU-GLOW',
        quantity: 1,
        currency: 'USD',
        returnOfOrder: 'REF-1',
      },
      {
        orderNumber: 'REF-2',
        line: 1,
        bookedOn: '2026-11-12',
        consultantCode: 'GLW-08',
        productCode: 'SKU-MIST',
        quantity: 1,
        currency: 'USD',
      },
    ],
  })
  expect([lines.status, lines.body.rejected, JSON.stringify(lines.body.rejects)]).toEqual([200, 0, '[]'])
  november = await campaign('2026-11-01')
}, 240_000)
afterAll(async () => app?.close())

describe('the premise', () => {
  it('orders less returns per campaign are as worked by hand', async () => {
    const rows = await app.sql.query(
      `select p.code, to_char(o.booked_on, 'YYYY-MM') as month, sum(o.amount)::text as amount from network_orders o
         join participants p on p.id = o.consultant_id where p.code in ('GLW-05', 'GLW-08') group by 1, 2 order by 1, 2`,
    )
    expect(rows.rows).toEqual([
      { code: 'GLW-05', month: '2026-10', amount: '50.0000' },
      { code: 'GLW-05', month: '2026-11', amount: '100.0000' }, // 150.00 − 50.00
      { code: 'GLW-08', month: '2026-10', amount: '50.0000' },
      { code: 'GLW-08', month: '2026-11', amount: '12.5000' },
    ])
  })
})

describe('POST /api/loyalty-programs/referrals', () => {
  it('only staff run it, and only for a campaign that has ended', async () => {
    expect((await consultant.post('/api/loyalty-programs/referrals', { period: november })).status).toBe(403)
    const running = await ops.post('/api/loyalty-programs/referrals', { period: await campaign('2026-12-01') })
    expect([running.status, running.body.errors[0].field]).toEqual([409, 'period'])
    const unknown = await ops.post('/api/loyalty-programs/referrals', { period: 'no such period' })
    expect([unknown.status, unknown.body.errors[0].field]).toEqual([422, 'period'])
  })

  it('October: continuity 1 and 50.00 per member → nothing', async () => {
    const res = await ops.post('/api/loyalty-programs/referrals', { period: await campaign('2026-10-01') })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ referrals: 2, rewards: [], failures: [] })
  })

  it('November: posts each reward once per referral and campaign, however often it runs', async () => {
    const first = await ops.post('/api/loyalty-programs/referrals', { period: november })
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    const lines = (body: any) =>
      body.rewards
        .map((r: any) => [r.newMember, r.label, r.points, r.amount, r.posted])
        .sort((a: any, b: any) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`))
    expect(lines(first.body)).toEqual([
      ['GLW-05', 'Referral continuity', 50, null, true],
      ['GLW-05', 'Referral sales', null, '10.00', true],
      ['GLW-08', 'Referral continuity', 50, null, true],
    ])
    expect(await rewardCounts()).toEqual({ points: 2, wallet: 1 })
    const second = await ops.post('/api/loyalty-programs/referrals', { period: november })
    expect(lines(second.body)).toEqual([
      ['GLW-05', 'Referral continuity', 50, null, false],
      ['GLW-05', 'Referral sales', null, '10.00', false],
      ['GLW-08', 'Referral continuity', 50, null, false],
    ])
    expect(await rewardCounts()).toEqual({ points: 2, wallet: 1 })
    const movements = await app.sql.query(
      `select r.code as member, m.points::int, m.campaign_id as campaign, m.consultant_id as referrer, m.booked_on::text as booked
         from points_movements m join participants r on r.id = m.referral_id where m.source = 'referral' order by r.code`,
    )
    const glw02 = await participant('GLW-02')
    expect(movements.rows).toEqual([
      { member: 'GLW-05', points: 50, campaign: november, referrer: glw02, booked: '2026-11-30' },
      { member: 'GLW-08', points: 50, campaign: november, referrer: glw02, booked: '2026-11-30' },
    ])
  })

  it('the referrer sees what each referral earned', async () => {
    const res = await consultant.get('/api/loyalty-programs/referrals/mine')
    expect(res.status).toBe(200)
    expect(res.body.docs.map((d: any) => [d.code, d.points, d.credit])).toEqual([
      ['GLW-05', 50, [{ currency: 'USD', amount: '10.00' }]],
      ['GLW-08', 50, []],
    ])
    const other = await ops.get('/api/loyalty-programs/referrals/mine')
    expect(other.body.docs).toEqual([])
  })
})

describe('goal progress', () => {
  beforeAll(async () => {
    const goal = await admin.post('/api/loyalty-goals', {
      name: 'Convention',
      award: 'convention',
      startsOn: '2026-03-01',
      endsOn: '2026-11-30',
      checklist: [
        { label: 'Earn 100 points', metric: 'points_earned', target: '100' },
        { label: 'Sell 150.00', metric: 'sales_amount', target: '150' },
        { label: 'Refer 2 members', metric: 'referrals', target: '2' },
        { label: 'Product training', metric: 'manual' },
      ],
    })
    expect(goal.status, JSON.stringify(goal.body)).toBe(201)
    goalId = goal.body.doc.id
  })

  it('measures each item and gives the percentage met: 2 of 4 = 50 %, then 3 of 4 = 75 % once training is ticked', async () => {
    const res = await consultant.get(`/api/loyalty-goals/progress?goal=${goalId}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const [progress] = res.body.docs
    expect(progress.items.map((i: any) => [i.label, i.measured, i.met])).toEqual([
      ['Earn 100 points', '100', true], // 2 × 50 referral points
      ['Sell 150.00', '125.0000', false], // GL-1002 2 × 50.00 + GL-1011 2 × 12.50 = 125.00
      ['Refer 2 members', '2', true],
      ['Product training', null, false],
    ])
    expect([progress.met, progress.total, progress.percent]).toEqual([2, 4, 50])

    expect((await consultant.post(`/api/loyalty-goals/${goalId}/check`, { consultant: 'GLW-02', item: 'Product training' })).status).toBe(
      403,
    )
    const measured = await ops.post(`/api/loyalty-goals/${goalId}/check`, { consultant: 'GLW-02', item: 'Sell 150.00' })
    expect([measured.status, measured.body.errors[0].field]).toEqual([422, 'item'])
    const ticked = await ops.post(`/api/loyalty-goals/${goalId}/check`, { consultant: 'GLW-02', item: 'Product training', note: 'Passed' })
    expect(ticked.status, JSON.stringify(ticked.body)).toBe(200)
    expect([ticked.body.met, ticked.body.percent]).toEqual([3, 75])
    expect(ticked.body.items[3]).toMatchObject({ met: true, note: 'Passed' })
  })

  it('a consultant sees their own network only; staff see anyone', async () => {
    expect((await consultant.get(`/api/loyalty-goals/progress?consultant=GLW-05&goal=${goalId}`)).status).toBe(200)
    const other = await consultant.get(`/api/loyalty-goals/progress?consultant=GLW-03&goal=${goalId}`)
    expect([other.status, other.body.errors[0].field]).toEqual([403, 'consultant'])
    const staff = await ops.get(`/api/loyalty-goals/progress?consultant=GLW-03&goal=${goalId}`)
    // GLW-03: no points, GL-1003 SKU-MIST × 2 = 25.00, no referrals, not ticked → 0 %
    expect([staff.status, staff.body.docs[0].percent]).toEqual([200, 0])
  })
})
