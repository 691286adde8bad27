/**
 * The network plan's results over HTTP (collections/multilevel/MemberCycles/endpoints/results.ts): one member's 360°
 * summary, the downline a page at a time, the subtree search, the individual extract and the general settlement, with
 * who may see what. The demo's October 2026 (seed/multilevel/data.ts) is settled first through the "Glow monthly
 * settlement" pipeline over REST, as test/int/multilevel/pipeline.test.ts does.
 *
 * The Glow consultants (seed/network/data.ts) and their October orders (SKU-GLOW: VQ 100, VC 80; SKU-MIST: VQ 25, VC 20):
 *
 *   GLW-01 Valentina 1 GLOW (PV 100)
 *   ├─ GLW-02 Marco (the portal login consultant@glow.example) 2 GLOW + 2 MIST (PV 250, VC 200)
 *   │   ├─ GLW-04 Daniel 3 GLOW (PV 300, VC 240) ─┬─ GLW-07 Gabriela 2 GLOW, 1 returned (PV 100, VC 80)
 *   │   │                                          └─ GLW-08 Hugo 4 MIST (PV 100, VC 80)
 *   │   └─ GLW-05 Emma 1 GLOW (PV 100, VC 80) ──── GLW-09 Isabel 1 GLOW (PV 100, VC 80)
 *   └─ GLW-03 Lucía 2 MIST (PV 50) ── GLW-06 Felipe 1 GLOW ── GLW-10 Jorge 1 MIST (PV 25)
 *
 * GLW-02: GV 250 + 300 + 100 + 100 + 100 + 100 = 950, L1VC 240 + 80 = 320, two active legs → GOLD (PV ≥ 100, GV ≥ 800).
 *   GLW-04: GV 500 → SILVER; GLW-05: GV 200 → BRONZE, its card for SILVER: PV 100 of ≥ 100 met, GV 200 of ≥ 500, gap 300.
 * GLW-02's October bonuses:
 *   unilevel 10 % of level 1 (240 + 80) = 32.00, 5 % of level 2 (80 + 80 + 80) = 12.00 → 44.00;
 *   differential (BRONZE 5, SILVER 10, GOLD 15 %): own 15 % × 200 = 30.00; on GLW-04 (SILVER) 5 % × 240 = 12.00; on
 *   GLW-07 and GLW-08 (BRONZE below a SILVER) 5 % × 80 = 4.00 each; on GLW-05 and GLW-09 (BRONZE) 10 % × 80 = 8.00
 *   each → 66.00; leadership bonus 4 % × L1VC 320 = 12.80; total 122.80.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MONTHLY_STEPS } from '../../../seed/multilevel/data'
import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'
import { drainJobs } from '../../support/telecom'

let app: TestApp
let admin: Api
let consultant: Api
let october: number
let runId: number
const id: Record<string, number> = {}

async function runSteps(run: number, steps: readonly string[]): Promise<void> {
  for (const step of steps) {
    const queued = await admin.post(`/api/pipeline-runs/${run}/steps/${step}`, {})
    expect(queued.status, `${step}: ${JSON.stringify(queued.body)}`).toBe(202)
    await drainJobs(app)
    const state = (await admin.get(`/api/pipeline-runs/${run}?depth=0`)).body.steps.find((s: any) => s.step === step)
    expect(`${step}: ${state.status} ${state.detail}`).toMatch(new RegExp(`^${step}: done`))
  }
}

async function sheets(data: Buffer): Promise<Record<string, Record<string, unknown>[]>> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(data as never)
  const out: Record<string, Record<string, unknown>[]> = {}
  for (const sheet of workbook.worksheets) {
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String)
    const rows: Record<string, unknown>[] = []
    sheet.eachRow((row, n) => {
      if (n === 1) return
      const values = (row.values as unknown[]).slice(1)
      rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])))
    })
    out[sheet.name] = rows
  }
  return out
}

beforeAll(async () => {
  app = await startTestApp('multilevel_results')
  admin = await Api.login(app.url, 'admin@northwind.example')
  consultant = await Api.login(app.url, 'consultant@glow.example')
  for (const row of (await app.sql.query(`select id, code from participants where code like 'GLW-%'`)).rows) id[row.code] = row.id
  october = (await app.sql.query(`select id from commission_periods where starts_on = '2026-10-01' and cycle = 'regular'`)).rows[0].id
  const type = (await admin.get(`/api/pipeline-types?where[name][equals]=${encodeURIComponent('Glow monthly settlement')}&depth=0`)).body
    .docs[0].id
  const created = await admin.post('/api/pipeline-runs', { pipelineType: type, cycle: october })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  runId = created.body.doc.id
  await runSteps(runId, MONTHLY_STEPS)
}, 300_000)

afterAll(async () => {
  await app?.close()
})

describe('a member’s 360° summary', () => {
  it('the consultant reads its own October: KPIs, GOLD, no higher rank, bonuses to the cent and the Elite Club badge', async () => {
    const res = await consultant.get(`/api/member-cycles/summary/${id['GLW-02']}?cycle=${october}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const s = res.body
    expect(s.member).toMatchObject({ id: id['GLW-02'], code: 'GLW-02', name: 'Marco Silva' })
    expect(s.cycle).toMatchObject({ id: october })
    expect(s.calculatedAt).toEqual(expect.any(String))
    const kpis = Object.fromEntries(s.kpis.map((k: any) => [k.code, Number(k.value)]))
    expect(kpis).toMatchObject({ PV: 250, GV: 950, L1VC: 320, AL: 2 })
    // No honorary rank: the career plan records one only above the paid rank.
    expect(s.rank).toMatchObject({ qualified: { code: 'GOLD' }, paid: { code: 'GOLD' }, honorary: null, source: 'rule' })
    expect(s.card).toEqual({ next: null })
    // One row per component and description; in cents by component.
    const cents: Record<string, number> = {}
    for (const b of s.bonuses) cents[b.component] = (cents[b.component] ?? 0) + Math.round(Number(b.amount) * 100)
    expect(cents).toEqual({ unilevel: 4400, differential: 6600, network_bonus: 1280 })
    expect(Number(s.bonusTotal).toFixed(2)).toBe('122.80')
    expect(s.awards).toEqual([expect.objectContaining({ kind: 'badge', badge: 'Elite Club' })])
    expect(s.history[0]).toMatchObject({ paid: 'GOLD', source: 'rule' })
  })

  it('the rank card of a BRONZE member names SILVER and the group volume it lacks', async () => {
    const res = await consultant.get(`/api/member-cycles/summary/${id['GLW-05']}?cycle=${october}`)
    expect(res.status).toBe(200)
    expect(res.body.rank.paid.code).toBe('BRONZE')
    expect(res.body.card).toMatchObject({ next: 'SILVER', nextName: 'Silver', decidedByRules: false })
    expect(res.body.card.lines).toEqual([
      { kpi: 'PV', needs: '>= 100', has: '100', gap: '0', met: true },
      { kpi: 'GV', needs: '>= 500', has: '200', gap: '300', met: false },
    ])
  })

  it('members see only the KPIs marked visible; staff see every one, the hidden ones flagged', async () => {
    const al = (await admin.get(`/api/kpi-definitions?where[code][equals]=AL&depth=0`)).body.docs[0].id
    expect((await admin.patch(`/api/kpi-definitions/${al}`, { visible: false })).status).toBe(200)
    const mine = await consultant.get(`/api/member-cycles/summary/${id['GLW-02']}?cycle=${october}`)
    expect(mine.body.kpis.map((k: any) => k.code)).not.toContain('AL')
    expect(mine.body.kpis.map((k: any) => k.code)).toContain('PV')
    const staff = await admin.get(`/api/member-cycles/summary/${id['GLW-02']}?cycle=${october}`)
    expect(staff.body.kpis.find((k: any) => k.code === 'AL')).toMatchObject({ value: '2', visible: false })
    expect((await admin.patch(`/api/kpi-definitions/${al}`, { visible: true })).status).toBe(200)
  })

  it('a member outside the consultant’s subtree is not found, nor is its downline or extract; a bad cycle is a 400', async () => {
    for (const path of [
      `/api/member-cycles/summary/${id['GLW-03']}`,
      `/api/member-cycles/summary/${id['GLW-01']}`,
      `/api/member-cycles/downline/${id['GLW-03']}`,
      `/api/member-cycles/downline/${id['GLW-06']}?q=Jorge`,
      `/api/member-cycles/extract/${id['GLW-03']}`,
    ]) {
      const res = await consultant.get(path)
      expect(res.status, path).toBe(404)
    }
    expect((await consultant.get(`/api/member-cycles/summary/${id['GLW-02']}?cycle=abc`)).status).toBe(400)
    expect((await new Api(app.url, null).get(`/api/member-cycles/summary/${id['GLW-02']}`)).status).toBe(401)
  })

  it('staff read anyone', async () => {
    const res = await admin.get(`/api/member-cycles/summary/${id['GLW-03']}?cycle=${october}`)
    expect(res.status).toBe(200)
    expect(Object.fromEntries(res.body.kpis.map((k: any) => [k.code, Number(k.value)]))).toMatchObject({ PV: 50 })
    expect(res.body.rank.paid).toBeNull()
  })
})

describe('the downline, a page at a time, and the search', () => {
  it('the consultant’s direct recruits by name, with children counts, paid rank and KPIs', async () => {
    const res = await consultant.get(`/api/member-cycles/downline/${id['GLW-02']}?cycle=${october}`)
    expect(res.status).toBe(200)
    expect(res.body.total).toBe(2)
    expect(res.body.nodes.map((n: any) => [n.code, n.children, n.rank, Number(n.kpis.PV), Number(n.kpis.GV)])).toEqual([
      ['GLW-04', 2, 'SILVER', 300, 500],
      ['GLW-05', 1, 'BRONZE', 100, 200],
    ])
    const page = await consultant.get(`/api/member-cycles/downline/${id['GLW-02']}?cycle=${october}&offset=1&limit=1`)
    expect(page.body).toMatchObject({ total: 2, nodes: [{ code: 'GLW-05' }] })
    const deeper = await consultant.get(`/api/member-cycles/downline/${id['GLW-04']}?cycle=${october}`)
    expect(deeper.body.nodes.map((n: any) => n.code)).toEqual(['GLW-07', 'GLW-08'])
  })

  it('a search finds members anywhere below with the path to expand to, and nobody outside the subtree', async () => {
    const hugo = await consultant.get(`/api/member-cycles/downline/${id['GLW-02']}?cycle=${october}&q=hugo`)
    expect(hugo.status).toBe(200)
    expect(hugo.body.nodes).toHaveLength(1)
    expect(hugo.body.nodes[0]).toMatchObject({ code: 'GLW-08', rank: 'BRONZE' })
    expect(hugo.body.nodes[0].path).toMatch(new RegExp(`/${id['GLW-02']}/${id['GLW-04']}/${id['GLW-08']}/$`))
    const byCode = await consultant.get(`/api/member-cycles/downline/${id['GLW-02']}?q=GLW-`)
    expect(byCode.body.nodes.map((n: any) => n.code).sort()).toEqual(['GLW-04', 'GLW-05', 'GLW-07', 'GLW-08', 'GLW-09'])
    const outside = await consultant.get(`/api/member-cycles/downline/${id['GLW-02']}?q=Luc`)
    expect(outside.body.nodes).toEqual([])
    expect((await consultant.get(`/api/member-cycles/downline/${id['GLW-02']}?q=x`)).status).toBe(400)
  })

  it('staff search the whole network', async () => {
    const res = await admin.get(`/api/member-cycles/downline/${id['GLW-01']}?q=Jorge`)
    expect(res.body.nodes.map((n: any) => n.code)).toEqual(['GLW-10'])
  })
})

describe('the workbooks', () => {
  it('the consultant downloads its own extract: its figures and every line it is paid', async () => {
    const res = await consultant.download(`/api/member-cycles/extract/${id['GLW-02']}?cycle=${october}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    const book = await sheets(res.data)
    const figures = Object.fromEntries(book.Figures!.map((r) => [r.Item, r.Value]))
    expect(figures).toMatchObject({ 'PV · Personal volume': 250, 'Paid rank': 'GOLD', 'Paid this cycle': 122.8 })
    const lines = await app.sql.query(
      `select count(*)::int as n, sum(amount)::text as total from commission_lines where period_id = $1 and payee_id = $2`,
      [october, id['GLW-02']],
    )
    expect(book.Lines).toHaveLength(lines.rows[0].n)
    expect(book.Lines!.reduce((t, r) => t + Math.round(Number(r.Amount) * 100), 0)).toBe(Math.round(Number(lines.rows[0].total) * 100))
  })

  it('the general settlement is for staff only', async () => {
    expect((await consultant.download(`/api/member-cycles/settlement/${october}`)).status).toBe(403)
    expect((await admin.download(`/api/member-cycles/settlement/999999`)).status).toBe(404)
  })

  it('the settlement’s rows tie to member_cycles and to the posted commission lines, member by member', async () => {
    const res = await admin.download(`/api/member-cycles/settlement/${october}`)
    expect(res.status).toBe(200)
    const book = await sheets(res.data)
    const cycles = await app.sql.query(
      `select p.code, m.kpis, pr.code as paid from member_cycles m join participants p on p.id = m.participant_id
         left join ranks pr on pr.id = m.paid_rank_id where m.cycle_id = $1`,
      [october],
    )
    expect(book.Members).toHaveLength(cycles.rows.length)
    const members = new Map(book.Members!.map((r) => [r.Code, r]))
    for (const row of cycles.rows) {
      const sheetRow = members.get(row.code)!
      expect(sheetRow, row.code).toBeDefined()
      expect(sheetRow['PV (Personal volume)'], row.code).toBe(Number(row.kpis.PV ?? 0))
      expect(sheetRow['GV (Group volume)'], row.code).toBe(Number(row.kpis.GV ?? 0))
      expect(sheetRow['Paid rank'] ?? null, row.code).toBe(row.paid)
    }
    const paid = await app.sql.query(
      `select p.code, l.component::text as component, count(*)::int as lines, sum(l.amount)::numeric(14,2)::text as amount
         from commission_lines l join commission_runs r on r.id = l.run_id and r.mode = 'post'
         join participants p on p.id = l.payee_id where l.period_id = $1 group by p.code, l.component`,
      [october],
    )
    expect(paid.rows.length).toBeGreaterThan(0)
    const bonuses = new Map(book.Bonuses!.map((r) => [`${r.Code}|${r.Component}`, r]))
    expect(bonuses.size).toBe(paid.rows.length)
    const perMember = new Map<string, number>()
    for (const row of paid.rows) {
      const sheetRow = bonuses.get(`${row.code}|${row.component}`)!
      expect(sheetRow, `${row.code} ${row.component}`).toBeDefined()
      expect(sheetRow.Lines).toBe(row.lines)
      expect(Number(sheetRow.Amount).toFixed(2)).toBe(row.amount)
      perMember.set(row.code, (perMember.get(row.code) ?? 0) + Math.round(Number(row.amount) * 100))
    }
    for (const [code, cents] of perMember) expect(Math.round(Number(members.get(code)?.Bonuses ?? 0) * 100), code).toBe(cents)
    expect(Number(members.get('GLW-02')!.Bonuses).toFixed(2)).toBe('122.80')
    const run = (await admin.get(`/api/pipeline-runs/${runId}?depth=0`)).body.commissionRun
    const total = (await admin.get(`/api/commission-runs/${run}?depth=0`)).body.total
    expect([...perMember.values()].reduce((a, b) => a + b, 0)).toBe(Math.round(Number(total) * 100))
  })
})
