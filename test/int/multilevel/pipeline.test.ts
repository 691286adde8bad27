/**
 * A small network worked by hand under the demo's Glow plan (seed/multilevel/data.ts: three ranks, KPIs PV GV L1VC AL,
 * rank rules, unilevel 10 % / 5 %, differential 5 / 10 / 15 %, the seed's "rank X with N referrals → 4 % of their
 * sales" as a rule bonus, an 80 % advance on a fortnight, activity minimum 100), over REST. Orders come in
 * through the orders endpoint; the fortnight's advance pipeline and November's monthly pipeline are run step by step;
 * every KPI, rank and line is asserted to the cent against the figures worked out below.
 *
 *   company (demo root)
 *   └─ A ─┬─ B ─┬─ D
 *         │     └─ E
 *         └─ C ─── F
 *
 * Product SKU-GLOW: VQ 100, VC 80 per unit. November 2026 orders (fortnight 1 = Nov 1–14):
 *   E 2 units on Nov 3, D 3 units on Nov 5 (both in the fortnight); A 1, B 2, F 1 on Nov 20; E returns 1 on Nov 25.
 *   C orders nothing.
 *
 * Fortnight (Nov 1–14): PV D 300, E 200; GV B 500, A 500. Rank rules (first hit): GOLD PV ≥ 100 and GV ≥ 800,
 *   SILVER PV ≥ 100 and GV ≥ 500, BRONZE PV ≥ 100. D, E BRONZE; A, B none (PV 0) and not active (minimum 100).
 *   Differential (BRONZE 5 %, SILVER 10 %, GOLD 15 %): D own 5 % × 240 = 12.00, E own 5 % × 160 = 8.00; the uplines
 *   do not qualify. Unilevel: nobody above qualifies. Advance 80 %: D 9.60, E 6.40.
 *
 * November: PV A 100, B 200, C 0, D 300, E 100 (200 − 100 returned), F 100. VC = 0.8 × PV.
 *   GV D 300, E 100, B 600, F 100, C 100, A 800. L1VC A 160 (B 160 + C 0), B 320, C 80. Active legs A 2, B 2, C 1.
 *   Ranks: A GOLD, B SILVER, D E F BRONZE, C none; C is compressed (PV 0 < 100).
 *   Unilevel (10 %, 5 %): B 160 → A 16.00; D 240 → B 24.00, A 12.00; E 80 → B 8.00, A 4.00; F 80 → (C passed) A 8.00.
 *     A 40.00, B 32.00 = 72.00.
 *   Differential: A own 12.00; B own 16.00, A 5 % 8.00; D own 12.00, B 12.00, A 12.00; E own 4.00, B 4.00, A 4.00;
 *     F own 4.00, (C passed) A 10 % 8.00. A 44.00, B 32.00, D 12.00, E 4.00, F 4.00 = 96.00.
 *   Bonus (SILVER or GOLD with ≥ 2 active legs: 4 % of L1VC): A 6.40, B 12.80 = 19.20; A also the badge "Elite Club".
 *   Advance recovery: D −9.60, E −6.40.
 *   Per member: A 90.40, B 76.80, D 2.40, E −2.40 (carried forward), F 4.00; run total 171.20.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'
import { drainJobs } from '../../support/telecom'

let app: TestApp
let admin: Api
let ops: Api
const member: Record<string, number> = {}

async function created(path: string, body: unknown, api: Api = admin): Promise<number> {
  const res = await api.post(path, body)
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(201)
  return res.body.doc.id
}

/** Queues each step over REST, lets the worker run it, and returns the run's step states. */
async function runSteps(runId: number, steps: string[]): Promise<any[]> {
  for (const step of steps) {
    const queued = await admin.post(`/api/pipeline-runs/${runId}/steps/${step}`, {})
    expect(queued.status, `${step}: ${JSON.stringify(queued.body)}`).toBe(202)
    await drainJobs(app)
    const run = (await admin.get(`/api/pipeline-runs/${runId}?depth=0`)).body
    const state = run.steps.find((s: any) => s.step === step)
    expect(`${step}: ${state.status} ${state.detail}`).toMatch(new RegExp(`^${step}: done`))
  }
  return (await admin.get(`/api/pipeline-runs/${runId}?depth=0`)).body.steps
}

async function kpisOf(cycle: number): Promise<Record<string, Record<string, number>>> {
  const rows = await app.sql.query(
    `select p.code, m.kpis, r.code as rank, m.qualifies from member_cycles m join participants p on p.id = m.participant_id
       left join ranks r on r.id = m.paid_rank_id where m.cycle_id = $1 and p.code like 'ML-%'`,
    [cycle],
  )
  return Object.fromEntries(rows.rows.map((r) => [r.code.slice(3), { ...r.kpis, rank: r.rank, qualifies: r.qualifies }]))
}

async function linesOf(runId: number): Promise<Record<string, Record<string, string>>> {
  const rows = await app.sql.query(
    `select p.code, l.component::text as component, sum(l.amount)::text as total
       from commission_lines l join participants p on p.id = l.payee_id where l.run_id = $1 group by p.code, l.component`,
    [runId],
  )
  const out: Record<string, Record<string, string>> = {}
  for (const r of rows.rows) (out[r.code.slice(3)] ??= {})[r.component] = r.total
  return out
}

let fortnight: number
let march: number
let advanceType: number
let monthlyType: number

beforeAll(async () => {
  app = await startTestApp('multilevel_pipeline')
  admin = await Api.login(app.url, 'admin@northwind.example')
  ops = await Api.login(app.url, 'ops@northwind.example')
  const root = (await app.sql.query(`select id from participants where parent_id is null`)).rows[0].id
  const tree: [string, string | null][] = [
    ['A', null],
    ['B', 'A'],
    ['C', 'A'],
    ['D', 'B'],
    ['E', 'B'],
    ['F', 'C'],
  ]
  for (const [name, parent] of tree)
    member[name] = await created('/api/participants', {
      name: `Consultant ${name}`,
      code: `ML-${name}`,
      kind: 'consultant',
      parent: parent ? member[parent] : root,
      currency: 'USD',
      joinedOn: '2026-06-01',
      bankRoutingNumber: '021000021',
      bankAccountNumber: `44100${name.charCodeAt(0)}`,
      bankAccountType: 'checking',
    })
  // The demo's Glow plan: ranks, KPIs, rank and bonus rules, career plan, compensation plan and pipelines (seed/multilevel).
  const type = async (name: string) =>
    (await admin.get(`/api/pipeline-types?where[name][equals]=${encodeURIComponent(name)}&depth=0`)).body.docs[0].id as number
  monthlyType = await type('Glow monthly settlement')
  advanceType = await type('Glow fortnight advance')
  const fortnights = await admin.post('/api/commission-periods/generate', {
    frequency: 'biweekly',
    cycle: 'advance',
    from: '2026-11-01',
    count: 1,
  })
  expect(fortnights.status, JSON.stringify(fortnights.body)).toBeLessThan(300)
  march = (await app.sql.query(`select id from commission_periods where starts_on = '2026-11-01' and cycle = 'regular'`)).rows[0].id
  fortnight = (await app.sql.query(`select id from commission_periods where starts_on = '2026-11-01' and cycle = 'advance'`)).rows[0].id
  const line = (orderNumber: string, code: string, quantity: number, bookedOn: string, extra: Record<string, unknown> = {}) => ({
    orderNumber,
    line: 1,
    bookedOn,
    consultantCode: `ML-${code}`,
    productCode: 'SKU-GLOW',
    quantity,
    currency: 'USD',
    ...extra,
  })
  const imported = await ops.post('/api/network-orders/import', {
    lines: [
      line('SO-1', 'E', 2, '2026-11-03'),
      line('SO-2', 'D', 3, '2026-11-05'),
      line('SO-3', 'A', 1, '2026-11-20'),
      line('SO-4', 'B', 2, '2026-11-20'),
      line('SO-5', 'F', 1, '2026-11-20'),
      line('RMA-1', 'E', 1, '2026-11-25', { kind: 'return', returnOfOrder: 'SO-1', returnOfLine: 1 }),
    ],
  })
  expect(imported.status, JSON.stringify(imported.body)).toBe(200)
  expect(imported.body, JSON.stringify(imported.body.rejects)).toMatchObject({ read: 6, accepted: 6, rejected: 0 })
})

afterAll(async () => {
  await app?.close()
})

describe('a network plan worked by hand, run step by step over REST', () => {
  it('pays the fortnight’s advance on its own volumes: 80 % of the differential D and E earned', async () => {
    const run = await created('/api/pipeline-runs', { pipelineType: advanceType, cycle: fortnight })
    await runSteps(run, [
      'integrate_network',
      'calculate_indicators',
      'calculate_rank',
      'compress_network',
      'calculate_bonuses',
      'validate_bonuses',
      'review_and_pay',
    ])
    const kpis = await kpisOf(fortnight)
    expect(kpis.D).toMatchObject({ PV: 300, GV: 300, rank: 'BRONZE', qualifies: true })
    expect(kpis.E).toMatchObject({ PV: 200, GV: 200, rank: 'BRONZE', qualifies: true })
    expect(kpis.B).toMatchObject({ PV: 0, GV: 500, rank: null, qualifies: false })
    const commissionRun = (await admin.get(`/api/pipeline-runs/${run}?depth=0`)).body.commissionRun
    expect(await linesOf(commissionRun)).toEqual({ D: { advance: '9.6000' }, E: { advance: '6.4000' } })
  })

  it('settles November: KPIs, ranks, unilevel, differential, bonus and advance recovery to the cent, then pays', async () => {
    const run = await created('/api/pipeline-runs', { pipelineType: monthlyType, cycle: march })
    const refused = await admin.post(`/api/pipeline-runs/${run}/steps/calculate_rank`, {})
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toBe('Calculate rank: run "Calculate indicators" and "Adjust indicators" first')

    const steps = await runSteps(run, [
      'integrate_network',
      'return_indicators',
      'calculate_indicators',
      'adjust_indicators',
      'integrate_indicators',
    ])
    expect(steps.find((s) => s.step === 'return_indicators').detail).toMatch(
      /^1 returns by 1 members take back 100\.0000 of qualifying volume/,
    )
    const kpis = await kpisOf(march)
    expect(kpis).toMatchObject({
      A: { PV: 100, GV: 800, L1VC: 160, AL: 2 },
      B: { PV: 200, GV: 600, L1VC: 320, AL: 2 },
      C: { PV: 0, GV: 100, L1VC: 80, AL: 1 },
      D: { PV: 300, GV: 300, L1VC: 0, AL: 0 },
      E: { PV: 100, GV: 100, L1VC: 0, AL: 0 },
      F: { PV: 100, GV: 100, L1VC: 0, AL: 0 },
    })

    await runSteps(run, ['calculate_rank', 'honorary_rank', 'compress_network'])
    const ranked = await kpisOf(march)
    expect(Object.fromEntries(Object.entries(ranked).map(([k, v]) => [k, [v.rank, v.qualifies]]))).toEqual({
      A: ['GOLD', true],
      B: ['SILVER', true],
      C: [null, false],
      D: ['BRONZE', true],
      E: ['BRONZE', true],
      F: ['BRONZE', true],
    })

    await runSteps(run, ['calculate_bonuses'])
    const commissionRun = (await admin.get(`/api/pipeline-runs/${run}?depth=0`)).body.commissionRun
    expect(await linesOf(commissionRun)).toEqual({
      A: { unilevel: '40.0000', differential: '44.0000', network_bonus: '6.4000' },
      B: { unilevel: '32.0000', differential: '32.0000', network_bonus: '12.8000' },
      D: { differential: '12.0000', advance: '-9.6000' },
      E: { differential: '4.0000', advance: '-6.4000' },
      F: { differential: '4.0000' },
    })
    const total = (await admin.get(`/api/commission-runs/${commissionRun}?depth=0`)).body.total
    expect(total).toBe('171.2000')
    const badges = await app.sql.query(
      `select p.code, a.kind::text, a.badge from network_awards a join participants p on p.id = a.participant_id where a.run_id = $1`,
      [commissionRun],
    )
    expect(badges.rows).toEqual([{ code: 'ML-A', kind: 'badge', badge: 'Elite Club' }])

    await runSteps(run, ['validate_bonuses', 'review_and_pay'])
    const closed = (await admin.get(`/api/pipeline-runs/${run}?depth=0`)).body
    expect(closed.status).toBe('closed')
    const again = await admin.post(`/api/pipeline-runs/${run}/steps/calculate_indicators`, {})
    expect(again.status).toBe(409)
    // The fortnight's batch paid the advances; November pays what is left, and E's advance exceeded its commission.
    const paid = await app.sql.query(
      `select p.code, pay.amount::text as amount from payments pay join participants p on p.id = pay.payee_id
        where pay.batch_id = $1 and p.code like 'ML-%' order by p.code`,
      [closed.paymentBatch],
    )
    expect(paid.rows).toEqual([
      { code: 'ML-A', amount: '90.4000' },
      { code: 'ML-B', amount: '76.8000' },
      { code: 'ML-D', amount: '2.4000' },
      { code: 'ML-F', amount: '4.0000' },
    ])
    const ledger = await admin.get(`/api/payments/ledger/${member.E}`)
    expect(ledger.status).toBe(200)
    expect(ledger.body).toMatchObject({ accrued: '4.00', inPayment: '6.40', carriedForward: '-2.40' })
  })
})
