/**
 * The network plan refuses what it cannot pay correctly, naming what to fix, and a failed step changes nothing: a rank
 * rule reading a KPI that is switched off or does not exist, a bonus granting money without a currency, a cycle in the
 * network, a KPI switched off after its rule was approved. Manual changes are audited and applied once however often
 * a step re-runs; a schedule refreshes the open cycle. Uses the demo's Glow plan and its October orders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'
import { decisionTable } from '../../support/rules'
import { drainJobs } from '../../support/telecom'

let app: TestApp
let admin: Api
let ops: Api
let october: number
let runId: number
const id: Record<string, number> = {}

async function step(step: string): Promise<{ status: string; detail: string }> {
  const queued = await admin.post(`/api/pipeline-runs/${runId}/steps/${step}`, {})
  expect(queued.status, JSON.stringify(queued.body)).toBe(202)
  await drainJobs(app)
  const run = (await admin.get(`/api/pipeline-runs/${runId}?depth=0`)).body
  return run.steps.find((s: { step: string }) => s.step === step)
}

async function kpi(code: string, participant: string): Promise<number> {
  const row = await app.sql.query(`select (kpis ->> $1)::numeric as v from member_cycles where cycle_id = $2 and participant_id = $3`, [
    code,
    october,
    id[participant],
  ])
  return Number(row.rows[0].v)
}

beforeAll(async () => {
  app = await startTestApp('multilevel_bad_input')
  admin = await Api.login(app.url, 'admin@northwind.example')
  ops = await Api.login(app.url, 'ops@northwind.example')
  for (const row of (await app.sql.query(`select id, code from participants where code like 'GLW-%'`)).rows) id[row.code] = row.id
  for (const row of (await app.sql.query(`select id, code from kpi_definitions`)).rows) id[`kpi:${row.code}`] = row.id
  for (const row of (await app.sql.query(`select id, code from ranks`)).rows) id[`rank:${row.code}`] = row.id
  october = (await app.sql.query(`select id from commission_periods where label = 'Oct 2026'`)).rows[0].id
  const type = (await admin.get(`/api/pipeline-types?where[name][equals]=${encodeURIComponent('Glow monthly settlement')}&depth=0`)).body
    .docs[0].id
  const run = await admin.post('/api/pipeline-runs', { pipelineType: type, cycle: october })
  expect(run.status, JSON.stringify(run.body)).toBe(201)
  runId = run.body.doc.id
})

afterAll(async () => {
  await app?.close()
})

describe('network rules that cannot be paid are refused when saved', () => {
  it('refuses a rank rule reading a KPI that is switched off, or that does not exist', async () => {
    const off = await admin.post('/api/kpi-definitions', {
      code: 'TV',
      label: 'Total volume',
      measure: 'total_volume',
      basis: 'qualifying',
      scope: 'period',
      enabled: false,
    })
    expect(off.status, JSON.stringify(off.body)).toBe(201)
    const set = await ops.post('/api/rule-sets', { name: 'Ranks by total volume', purpose: 'rank_qualification' })
    const content = (field: string) =>
      decisionTable({ hitPolicy: 'first', inputs: [field], outputs: ['rankCode'], rows: [['>= 1000', '"GOLD"']] })
    const disabled = await ops.post('/api/rule-versions', {
      ruleSet: set.body.doc.id,
      effectiveFrom: '2026-01-01',
      content: content('kpi.TV'),
    })
    expect(disabled.status).toBe(400)
    expect(disabled.body.errors[0].data.errors[0]).toMatchObject({
      path: 'content',
      message: expect.stringContaining('KPI "TV", which is switched off'),
    })
    const unknown = await ops.post('/api/rule-versions', {
      ruleSet: set.body.doc.id,
      effectiveFrom: '2026-01-01',
      content: content('kpi.NOPE'),
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors[0].data.errors[0].message).toMatch(/KPI "NOPE", which is not a KPI definition \(enabled KPIs: .*GV.*\)/)
  })

  it('refuses a bonus row that grants money without a currency, naming the table and row', async () => {
    const set = await ops.post('/api/rule-sets', { name: 'Bonus without currency', purpose: 'network_bonus' })
    const content = decisionTable({
      name: 'Bonuses',
      inputs: ['rank'],
      outputs: ['label', 'kind', 'amount', 'currency'],
      rows: [
        ['"GOLD"', '"Gold car"', '"prize"', '', ''],
        ['"SILVER"', '"Silver bonus"', '"money"', '50', ''],
      ],
    })
    const res = await ops.post('/api/rule-versions', { ruleSet: set.body.doc.id, effectiveFrom: '2026-01-01', content })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].message).toBe(
      'row 2 of "Bonuses" grants money without a currency: set its currency (e.g. "USD")',
    )
  })
})

describe('a step that fails changes nothing and says why', () => {
  it('refuses to integrate a network with a cycle, naming the members, and the step can run again once it is mended', async () => {
    const client = await app.sql.connect()
    try {
      // The participant hooks refuse a cycle; a direct database edit is how one would get in.
      await client.query(`update participants set parent_id = $1 where id = $2`, [id['GLW-04'], id['GLW-01']])
      const failed = await step('integrate_network')
      expect(failed.status).toBe('failed')
      expect(failed.detail).toMatch(/“Valentina Ortiz” → .*“Daniel Costa”.* form a cycle/)
      const run = (await admin.get(`/api/pipeline-runs/${runId}?depth=0`)).body
      expect(run.status).toBe('failed')
      expect(run.message).toMatch(/^Integrate network failed and changed nothing: the network is not one tree/)
    } finally {
      await client.query(`update participants set parent_id = (select id from participants where code = 'NW') where id = $1`, [
        id['GLW-01'],
      ])
      client.release()
    }
    expect((await step('integrate_network')).status).toBe('done')
    expect((await step('calculate_indicators')).status).toBe('done')
  })

  it('applies audited KPI adjustments once, however often the step runs', async () => {
    const gv = await kpi('GV', 'GLW-02')
    const adjustment = await admin.post('/api/kpi-adjustments', {
      cycle: october,
      participant: id['GLW-02'],
      kpi: id['kpi:GV'],
      delta: '250',
      reason: 'Order GL-0999 booked late by the ERP',
    })
    expect(adjustment.status, JSON.stringify(adjustment.body)).toBe(201)
    expect(adjustment.body.doc.createdBy).toBeTruthy()
    expect((await step('adjust_indicators')).detail).toBe('1 adjustments applied to 1 members')
    expect(await kpi('GV', 'GLW-02')).toBe(gv + 250)
    await step('adjust_indicators')
    expect(await kpi('GV', 'GLW-02')).toBe(gv + 250)
    const audit = await app.sql.query(
      `select count(*)::int as n from audit_events where collection_slug = 'kpi-adjustments' and document_id = $1 and actor_label like '%admin@northwind.example%'`,
      [String(adjustment.body.doc.id)],
    )
    expect(audit.rows[0].n).toBeGreaterThan(0)
  })

  it('fails the rank step when a KPI its approved rule reads was switched off since, and leaves the ranks as they were', async () => {
    const off = await admin.patch(`/api/kpi-definitions/${id['kpi:GV']}`, { enabled: false })
    expect(off.status).toBe(200)
    const failed = await step('calculate_rank')
    expect(failed.status).toBe('failed')
    expect(failed.detail).toContain('the rule reads KPI "GV", which is switched off')
    const ranked = await app.sql.query(`select count(*)::int as n from member_cycles where cycle_id = $1 and rank_source is not null`, [
      october,
    ])
    expect(ranked.rows[0].n).toBe(0)
    expect((await admin.patch(`/api/kpi-definitions/${id['kpi:GV']}`, { enabled: true })).status).toBe(200)
  })

  it('pays a manual promotion whatever the rules say, with its reason on record', async () => {
    const promotion = await admin.post('/api/rank-promotions', {
      cycle: october,
      participant: id['GLW-10'],
      rank: id['rank:GOLD'],
      reason: 'Leadership programme graduate',
    })
    expect(promotion.status, JSON.stringify(promotion.body)).toBe(201)
    expect((await step('calculate_rank')).status).toBe('done')
    const row = await app.sql.query(
      `select r.code, m.rank_source::text as source from member_cycles m join ranks r on r.id = m.paid_rank_id where m.cycle_id = $1 and m.participant_id = $2`,
      [october, id['GLW-10']],
    )
    expect(row.rows[0]).toEqual({ code: 'GOLD', source: 'manual' })
  })
})

describe('figures that change after bonuses were calculated', () => {
  it('fail the bonus run waiting for approval, and a closed cycle refuses orders booked in it', async () => {
    expect((await step('compress_network')).status).toBe('done')
    expect((await step('calculate_bonuses')).status).toBe('done')
    const bonusRun = (await admin.get(`/api/pipeline-runs/${runId}?depth=0`)).body.commissionRun
    expect((await admin.get(`/api/commission-runs/${bonusRun}?depth=0`)).body.status).toBe('awaiting_approval')
    expect((await step('calculate_indicators')).status).toBe('done')
    const stale = (await admin.get(`/api/commission-runs/${bonusRun}?depth=0`)).body
    expect(stale.status).toBe('failed')
    expect(stale.message).toBe(
      'The network figures changed after this run ("Calculate indicators" ran again): run "Calculate bonuses" again.',
    )
    const steps = (await admin.get(`/api/pipeline-runs/${runId}?depth=0`)).body.steps
    expect(steps.find((s: { step: string }) => s.step === 'calculate_bonuses').status).toBe('pending')

    for (const again of ['adjust_indicators', 'calculate_rank', 'compress_network', 'calculate_bonuses', 'validate_bonuses'])
      expect(`${again} ${(await step(again)).status}`).toBe(`${again} done`)
    const late = await ops.post('/api/network-orders/import', {
      lines: [
        {
          orderNumber: 'GL-LATE',
          line: 1,
          bookedOn: '2026-10-30',
          consultantCode: 'GLW-05',
          productCode: 'SKU-GLOW',
          quantity: 1,
          currency: 'USD',
        },
      ],
    })
    expect(late.status).toBe(200)
    expect(late.body.rejects).toEqual([
      { index: 0, field: 'bookedOn', reason: '2026-10-30 is in Oct 2026, which is closed: book corrections in an open cycle' },
    ])
  })
})

describe('schedules start pipelines', () => {
  it('a daily pipeline refreshes the open cycle that contains today', async () => {
    const type = (await admin.get(`/api/pipeline-types?where[name][equals]=${encodeURIComponent('Glow daily KPI refresh')}&depth=0`)).body
      .docs[0].id
    await app.payload.jobs.queue({ task: 'runPipeline', input: { pipelineType: type } })
    await drainJobs(app)
    const today = new Date().toISOString().slice(0, 10)
    const runs = await app.sql.query(
      `select r.steps from pipeline_runs r join commission_periods p on p.id = r.cycle_id where r.pipeline_type_id = $1 and p.starts_on <= $2::date and p.ends_on >= $2::date`,
      [type, today],
    )
    expect(runs.rows).toHaveLength(1)
    expect(runs.rows[0].steps.map((s: { step: string; status: string }) => `${s.step} ${s.status}`)).toEqual([
      'integrate_network done',
      'calculate_indicators done',
      'calculate_rank done',
    ])
  })
})
