import { extractText, getDocumentProxy } from 'unpdf'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { componentTotals, periodId, planId, runPeriod } from '../../support/commission'
import { Api, fieldErrorOf } from '../../support/http'
import { drainJobs, importFile } from '../../support/telecom'

let app: TestApp
let admin: Api
let finance: Api
let plan: number
let october: number
let november: number

/** The demo plan's upfront table (seed/commission.ts), restated as the plan document states it. */
function expectedUpfront(plan: string, type: string, tier: string | null, features: string[]): string {
  if (type === 'feature_add')
    return (features.reduce((sum, f) => sum + ({ HOTSPOT: 500, INTL: 400, PROT: 300 } as Record<string, number>)[f]!, 0) / 100).toFixed(2)
  // New activations: the plan's rebate (gold dealers $70 on Unlimited 5G), else $20; Vertex port-ins $55.
  const rebate: Record<string, number> = {
    'VTX-UNL-5G': tier === 'gold' ? 7000 : 6000,
    'VTX-ESS': 4000,
    'VTX-PRE-35': 1500,
    'VTX-BIZ': 8000,
  }
  let cents = type === 'port_in' ? 5500 : (rebate[plan] ?? 2000)
  cents += features.reduce((sum, f) => sum + ({ HOTSPOT: 500, INTL: 400, PROT: 300 } as Record<string, number>)[f]!, 0)
  if (plan === 'VTX-UNL-5G' && type === 'new') cents += 1000
  return (cents / 100).toFixed(2)
}

beforeAll(async () => {
  app = await startTestApp('commission_flow')
  admin = await Api.login(app.url, 'admin@northwind.example')
  finance = await Api.login(app.url, 'finance@northwind.example')
  await drainJobs(app) // the demo's reconciliation of Vertex, October 2026
  plan = await planId(admin, 'Telecom dealer plan')
  october = await periodId(admin, 'Oct 2026')
  november = await periodId(admin, 'Nov 2026')
})

afterAll(async () => {
  await app?.close()
})

describe('plan versions', () => {
  it('refuses overlapping and gapped tiers with a message on the tier, and only a company admin approves', async () => {
    const draft = {
      plan,
      effectiveFrom: '2027-01-01',
      components: [
        {
          blockType: 'volume_bonus',
          metric: 'count',
          method: 'marginal',
          activationTypes: ['new'],
          tiers: [
            { from: '0', to: '10', rate: '1' },
            { from: '8', to: null, rate: '2' },
          ],
        },
      ],
    }
    const overlapping = await admin.post('/api/plan-versions', draft)
    expect(overlapping.status).toBe(400)
    expect(fieldErrorOf(overlapping.body)).toEqual({
      path: 'components.0.tiers.1.from',
      message: 'Volume bonus: tier 2 overlaps tier 1: it starts at 8 but tier 1 runs to 10',
    })
    const gapped = await admin.post('/api/plan-versions', {
      ...draft,
      components: [
        {
          ...draft.components[0],
          tiers: [
            { from: '0', to: '10', rate: '1' },
            { from: '12', to: null, rate: '2' },
          ],
        },
      ],
    })
    expect(fieldErrorOf(gapped.body)?.message).toBe('Volume bonus: gap between tier 1 and tier 2: nothing covers 10 to 12')
    const good = await admin.post('/api/plan-versions', {
      ...draft,
      components: [
        {
          ...draft.components[0],
          tiers: [
            { from: '0', to: '10', rate: '1' },
            { from: '10', to: null, rate: '2' },
          ],
        },
      ],
    })
    expect(good.status).toBe(201)
    expect(good.body.doc).toMatchObject({ version: 2, status: 'draft', title: 'Telecom dealer plan v2 from 2027-01-01' })
    const byFinance = await finance.patch(`/api/plan-versions/${good.body.doc.id}`, { status: 'approved' })
    expect(byFinance.status).toBe(403)
    const approved = await admin.patch(`/api/plan-versions/${good.body.doc.id}`, { status: 'approved' })
    expect(approved.status).toBe(200)
    const frozen = await admin.patch(`/api/plan-versions/${good.body.doc.id}`, { notes: 'changed' })
    expect(fieldErrorOf(frozen.body)?.message).toMatch(/approved and can no longer be changed/)
  })
})

describe('a period run, from verified facts to the ledger', () => {
  let runId: number

  it('refuses a period whose data is not reconciled, naming the carrier, and posts nothing', async () => {
    const sales =
      'Dealer Code,Sale Date,Carrier,Activation Type,MDN,ICCID,IMEI,Rate Plan,Features,Customer Account\nDLR-0301,2026-09-05,TDL,new,3125550101,,,TDL-MAX,,T-1\n'
    await importFile(app, admin, 'Dealer sales (standard template)', 'tidal-september.csv', Buffer.from(sales))
    const run = await runPeriod(app, admin, plan, await periodId(admin, 'Sep 2026'))
    expect(run.status).toBe('failed')
    expect(run.message).toBe(
      "The run failed and changed nothing: the period's data is not reconciled yet: TDL has 1 sales in the period but no reconciliation covers it. Run (or finish) the reconciliation of 2026-09-01 – 2026-09-30 first",
    )
    expect((await app.sql.query('select count(*)::int as n from commission_lines where run_id = $1', [run.id])).rows[0].n).toBe(0)
  })

  it('previews October without posting a line', async () => {
    const preview = await runPeriod(app, finance, plan, october, 'preview')
    expect(preview.status).toBe('previewed')
    expect(preview.message).toMatch(/^Preview: would post \d+ lines, USD [\d,]+\.\d\d for \d+ payees\.$/)
    expect(preview.summary.lineCount).toBeGreaterThan(100)
    expect((await app.sql.query('select count(*)::int as n from commission_lines where run_id = $1', [preview.id])).rows[0].n).toBe(0)
    runId = (await runPeriod(app, finance, plan, october)).id
    const posted = (await admin.get(`/api/commission-runs/${runId}`)).body
    expect(posted.status).toBe('awaiting_approval')
    expect(posted.total).toBe(preview.total)
    expect(posted.steps.map((s: { step: string; status: string }) => `${s.step}:${s.status}`)).toEqual([
      'collect:done',
      'calculate:done',
      'adjust:done',
      'validate:done',
      'approve:waiting',
    ])
  })

  it('pays one upfront line per verified activation, priced by the most specific row of the plan', async () => {
    const rows = await app.sql.query(
      `select l.amount::text as amount, rp.code as plan, s.activation_type::text as type, p.dealer_tier::text as tier, coalesce(s.features, '') as features
         from commission_lines l join dealer_sales s on s.id = l.sale_id join rate_plans rp on rp.id = s.rate_plan_id join participants p on p.id = l.payee_id
        where l.run_id = $1 and l.component = 'upfront'`,
      [runId],
    )
    const matched = await app.sql.query(
      `select count(*)::int as n from reconciliation_lines rl join dealer_sales s on s.id = rl.sale_id
        where rl.recon_class = 'matched' and s.activation_type in ('new', 'port_in', 'feature_add')`,
    )
    expect(rows.rows.length).toBe(matched.rows[0].n)
    for (const row of rows.rows) {
      expect(`${row.plan} ${row.type} ${row.tier} ${row.features}: ${row.amount}`).toBe(
        `${row.plan} ${row.type} ${row.tier} ${row.features}: ${expectedUpfront(row.plan, row.type, row.tier, row.features ? row.features.split(',') : [])}00`,
      )
    }
  })

  it('pays each verified upgrade and downgrade the difference between the new and the old plan’s rebates', async () => {
    const rows = await app.sql.query(
      `select l.amount::text as amount, rp.code as plan, old.code as old_plan, p.dealer_tier::text as tier, s.activation_type::text as type
         from commission_lines l join dealer_sales s on s.id = l.sale_id join rate_plans rp on rp.id = s.rate_plan_id join participants p on p.id = l.payee_id
         join lateral (select r.code from dealer_sales e join rate_plans r on r.id = e.rate_plan_id where e.mdn = s.mdn and e.sale_date < s.sale_date order by e.sale_date desc limit 1) old on true
        where l.run_id = $1 and l.component = 'plan_change'`,
      [runId],
    )
    const changes = (
      await app.sql.query(
        `select count(*)::int as n from reconciliation_lines rl join dealer_sales s on s.id = rl.sale_id where rl.recon_class = 'matched' and s.activation_type in ('upgrade', 'downgrade')`,
      )
    ).rows[0].n
    // Plan-to-plan moves with the same rebate pay nothing and post no line.
    const cents = (plan: string, tier: string) =>
      Math.round(Number(expectedUpfront(plan, 'new', tier, [])) * 100) - (plan === 'VTX-UNL-5G' ? 1000 : 0)
    const nonZero = rows.rows.filter((row) => cents(row.plan, row.tier) !== cents(row.old_plan, row.tier))
    expect(rows.rows.length).toBe(nonZero.length)
    expect(rows.rows.length).toBeGreaterThan(0)
    expect(rows.rows.length).toBeLessThanOrEqual(changes)
    expect(rows.rows.some((row) => row.amount.startsWith('-'))).toBe(true)
    for (const row of rows.rows)
      expect(`${row.old_plan} → ${row.plan} (${row.tier}): ${row.amount}`).toBe(
        `${row.old_plan} → ${row.plan} (${row.tier}): ${((cents(row.plan, row.tier) - cents(row.old_plan, row.tier)) / 100).toFixed(2)}00`,
      )
  })

  it('answers "why this amount" for a line, with the rule, its inputs and the source rows', async () => {
    const line = (
      await app.sql.query(`select id from commission_lines where run_id = $1 and component = 'upfront' order by id limit 1`, [runId])
    ).rows[0]
    const why = await admin.get(`/api/commission-lines/${line.id}/why`)
    expect(why.status).toBe(200)
    expect(why.body.rule.planVersionTitle).toBe('Telecom dealer plan v1 from 2026-01-01')
    expect(why.body.rule.inputs).toMatchObject({ activationType: expect.any(String), ratePlanId: expect.any(Number) })
    expect(why.body.sources.map((s: { collection: string }) => s.collection)).toEqual(['dealer-sales', 'carrier-records'])
    expect(why.body.sentence).toMatch(
      /^Upfront \(rebate, features, spiff\) of \d+\.\d{4} USD to .+ for Oct 2026, by Telecom dealer plan v1 from 2026-01-01 \(.*rebate \d+\.\d{4}.*\)\.$/,
    )
    const coastal = await Api.login(app.url, 'admin@coastal.example')
    const other = (
      await app.sql.query(
        `select l.id from commission_lines l join participants p on p.id = l.payee_id where l.run_id = $1 and p.code = 'DLR-0101' limit 1`,
        [runId],
      )
    ).rows[0]
    expect((await coastal.get(`/api/commission-lines/${other.id}/why`)).status).toBe(404)
  })

  it('pays overrides up three levels, compressing over nobody and never the operating company', async () => {
    const overrides = await app.sql.query(
      `select p.code as payee, f.code as below, sum(l.amount)::text as amount from commission_lines l join participants p on p.id = l.payee_id join participants f on f.id = l.from_participant_id
        where l.run_id = $1 and l.component = 'override' and f.code = 'DLR-0101' group by 1, 2 order by 1`,
      [runId],
    )
    const own = (
      await app.sql.query(
        `select sum(amount)::text as s from commission_lines l join participants p on p.id = l.payee_id where run_id = $1 and p.code = 'DLR-0101' and component <> 'override' and component <> 'note'`,
        [runId],
      )
    ).rows[0].s
    const pct = (rate: number) => ((Math.round(Number(own) * 100) * rate) / 100 / 100).toFixed(2)
    expect(overrides.rows.map((r) => [r.payee, r.amount])).toEqual(
      [
        ['SUM', `${pct(3)}00`],
        ['SUM-PAC', `${pct(5)}00`],
      ].sort(),
    )
  })

  it('carries a credit note into the re-run, and re-running replaces the lines exactly', async () => {
    const dealer = (await admin.get('/api/participants?where[code][equals]=DLR-0201&depth=0')).body.docs[0].id
    const note = await finance.post('/api/commission-notes', {
      participant: dealer,
      period: october,
      plan,
      amount: '25.00',
      reason: 'Missed spiff on September order 1182',
    })
    expect(note.status).toBe(201)
    const before = await componentTotals(app, runId)
    const rerun = await finance.post(`/api/commission-runs/${runId}/rerun`, {})
    expect(rerun.status).toBe(202)
    await drainJobs(app)
    const after = await componentTotals(app, runId)
    expect(after.filter(([c]) => c !== 'note' && c !== 'override')).toEqual(before.filter(([c]) => c !== 'note' && c !== 'override'))
    expect(after.find(([c]) => c === 'note')).toEqual(['note', 1, '25.0000'])
  })

  it('generates a branded PDF and an xlsx per payee whose totals tie to the lines and the run', async () => {
    expect((await finance.post(`/api/commission-runs/${runId}/statements`, {})).status).toBe(202)
    await drainJobs(app)
    const statements = (await finance.get(`/api/commission-statements?where[run][equals]=${runId}&limit=100&depth=1`)).body.docs
    const run = (await finance.get(`/api/commission-runs/${runId}`)).body
    const cents = (s: string) => BigInt(s.replace('.', '').replace(/^(-?)0+(?=\d)/, '$1'))
    expect(statements.reduce((sum: bigint, s: { total: string }) => sum + cents(s.total), 0n)).toBe(cents(run.total))
    const bay = statements.find((s: { participant: { code: string } }) => s.participant.code === 'DLR-0101')
    const lines = (
      await app.sql.query(
        `select sum(amount)::text as s, count(*)::int as n from commission_lines l join participants p on p.id = l.payee_id where run_id = $1 and p.code = 'DLR-0101'`,
        [runId],
      )
    ).rows[0]
    expect(bay).toMatchObject({ total: lines.s, lineCount: lines.n })
    const pdf = await finance.download(`/api/commission-statements/${bay.id}/pdf`)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.data)), { mergePages: true })
    const shown = `USD ${Number(lines.s).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
    expect(text).toContain('Bay Mobile Store')
    expect(text).toContain('Summit Wireless')
    expect(text).toContain(shown)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await finance.download(`/api/commission-statements/${bay.id}/xlsx`)).data as never)
    expect(book.worksheets.map((w) => w.name)).toEqual(['Statement', 'Summary'])
    const summit = await Api.login(app.url, 'admin@summit.example')
    const seen = (await summit.get(`/api/commission-statements?where[run][equals]=${runId}&limit=100&depth=1`)).body.docs.map(
      (s: { participant: { code: string } }) => s.participant.code,
    )
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((code: string) => code.startsWith('SUM') || code === 'DLR-0101' || code === 'DLR-0102')).toBe(true)
    const harbor = statements.find((s: { participant: { code: string } }) => s.participant.code === 'DLR-0201')
    expect((await summit.download(`/api/commission-statements/${harbor.id}/pdf`)).status).toBe(404)
  })

  it('approves, locks, and then refuses every change to the locked period', async () => {
    expect((await finance.post(`/api/commission-runs/${runId}/lock`, {})).body.errors[0].message).toBe(
      `run ${runId}: only an approved run can be locked (this one is awaiting approval)`,
    )
    const line = (await app.sql.query(`select id from commission_lines where run_id = $1 order by id limit 1`, [runId])).rows[0].id
    const early = await finance.post('/api/commission-holds', { target: 'line', line, reason: 'disputed activation' })
    expect(fieldErrorOf(early.body)).toEqual({
      path: 'line',
      message: `line ${line} belongs to a run that is not locked; its lines are replaced when the period is run again, so hold or correct the sale or the participant instead`,
    })
    expect((await finance.post(`/api/commission-runs/${runId}/approve`, {})).status).toBe(200)
    expect((await admin.post(`/api/commission-runs/${runId}/lock`, {})).status).toBe(200)
    expect((await admin.get(`/api/commission-periods/${october}`)).body.status).toBe('locked')
    expect((await finance.post(`/api/commission-runs/${runId}/rerun`, {})).status).toBe(409)
    expect((await admin.post('/api/commission-runs', { plan, period: october, mode: 'post' })).status).toBe(400)
    const dealer = (await admin.get('/api/participants?where[code][equals]=DLR-0201&depth=0')).body.docs[0].id
    const late = await finance.post('/api/commission-notes', {
      participant: dealer,
      period: october,
      plan,
      amount: '-5.00',
      reason: 'late correction',
    })
    expect(fieldErrorOf(late.body)?.message).toBe('period Oct 2026 is locked; post the note in an open period')
  })

  it('pays positive unheld balances once, carries the held one forward, exports NACHA and CSV, and the ledger balances', async () => {
    const heldCode = (
      await app.sql.query(
        `select p.code from commission_lines l join participants p on p.id = l.payee_id where l.run_id = $1 and p.kind = 'dealer' and p.code <> 'DLR-0101'
        group by p.code having sum(l.amount) > 0 order by sum(l.amount) desc limit 1`,
        [runId],
      )
    ).rows[0].code as string
    const valley = (await admin.get(`/api/participants?where[code][equals]=${heldCode}&depth=0`)).body.docs[0].id
    const hold = await finance.post('/api/commission-holds', { target: 'participant', participant: valley, reason: 'W-9 missing' })
    expect(hold.status).toBe(201)
    const batch = await finance.post('/api/payment-batches', { period: october, effectiveDate: '2026-11-27' })
    expect(batch.status).toBe(201)
    await drainJobs(app)
    const ready = (await finance.get(`/api/payment-batches/${batch.body.doc.id}`)).body
    expect(ready.status).toBe('ready')
    const paidPayees = (
      await app.sql.query(`select p.code from payments pay join participants p on p.id = pay.payee_id where batch_id = $1`, [ready.id])
    ).rows.map((r) => r.code)
    expect(paidPayees).toContain('DLR-0101')
    expect(paidPayees).not.toContain(heldCode)
    const payable = (
      await app.sql.query(
        `select coalesce(sum(t), 0)::text as s from (select sum(l.amount) as t from commission_lines l join participants p on p.id = l.payee_id
         where l.run_id = $1 and p.code <> $2 group by l.payee_id having sum(l.amount) > 0 and sum(l.amount) >= max(p.minimum_payout)) x`,
        [runId, heldCode],
      )
    ).rows[0].s
    expect(ready.total).toBe(payable)
    const nacha = (await finance.download(`/api/payment-batches/${ready.id}/nacha`)).data.toString('ascii').split('\n')
    expect(nacha.every((record) => record.length === 94)).toBe(true)
    expect(nacha.length % 10).toBe(0)
    const credit = BigInt(nacha.find((r) => r.startsWith('9'))!.slice(43, 55))
    expect(credit).toBe(BigInt(payable.replace('.', '').slice(0, -2)))
    const csv = (await finance.download(`/api/payment-batches/${ready.id}/csv`)).data.toString('utf8')
    expect(csv.split('\r\n').filter(Boolean).length).toBe(paidPayees.length + 1)
    expect((await finance.post(`/api/payment-batches/${ready.id}/mark-paid`, {})).status).toBe(200)
    expect((await finance.post(`/api/payment-batches/${ready.id}/mark-paid`, {})).status).toBe(409)

    const bay = (await admin.get('/api/participants?where[code][equals]=DLR-0101&depth=0')).body.docs[0].id
    const bayLedger = (await finance.get(`/api/payments/ledger/${bay}`)).body
    expect(bayLedger).toMatchObject({ balances: true, inPayment: '0.00', held: '0.00', carriedForward: '0.00' })
    expect(bayLedger.paid).toBe(bayLedger.accrued)
    const valleyLedger = (await finance.get(`/api/payments/ledger/${valley}`)).body
    expect(valleyLedger).toMatchObject({ balances: true, paid: '0.00', carriedForward: '0.00' })
    expect(valleyLedger.held).toBe(valleyLedger.accrued)
    expect(Number(valleyLedger.held)).toBeGreaterThan(0)

    expect((await finance.patch(`/api/commission-holds/${hold.body.doc.id}`, { status: 'released' })).status).toBe(200)
    const next = await finance.post('/api/payment-batches', { period: october, effectiveDate: '2026-12-04' })
    await drainJobs(app)
    const second = (
      await app.sql.query(
        `select p.code, pay.amount::text as amount from payments pay join participants p on p.id = pay.payee_id where batch_id = $1`,
        [next.body.doc.id],
      )
    ).rows
    expect(second).toEqual([{ code: heldCode, amount: `${valleyLedger.held}00` }])
    const summit = await Api.login(app.url, 'admin@summit.example')
    expect(
      (
        await summit.get(
          `/api/payments/ledger/${(await admin.get('/api/participants?where[code][equals]=DLR-0201&depth=0')).body.docs[0].id}`,
        )
      ).status,
    ).toBe(404)
  })

  it('takes a chargeback and pays residuals in November for lines verified in October', async () => {
    const paid = (
      await app.sql.query(
        `select l.sale_id, l.amount::text as amount, l.carrier_record_id, cr.activation_date::text as activated from commission_lines l join carrier_records cr on cr.id = l.carrier_record_id
        where l.run_id = $1 and l.component = 'upfront' and l.amount > 0 order by l.id limit 1`,
        [runId],
      )
    ).rows[0]
    // The carrier's November file reports the line deactivated within its window.
    await app.sql.query(`update carrier_records set line_status = 'deactivated', deactivation_date = date '2026-11-10' where id = $1`, [
      paid.carrier_record_id,
    ])
    const run = await runPeriod(app, finance, plan, november)
    expect(run.status).toBe('awaiting_approval')
    const chargebacks = (
      await app.sql.query(`select sale_id, amount::text as amount from commission_lines where run_id = $1 and component = 'chargeback'`, [
        run.id,
      ])
    ).rows
    expect(chargebacks).toEqual([{ sale_id: paid.sale_id, amount: `-${paid.amount}` }])
    const residual = (
      await app.sql.query(
        `select rp.monthly_charge::text as mrc, l.amount::text as amount from commission_lines l join dealer_sales s on s.id = l.sale_id join rate_plans rp on rp.id = s.rate_plan_id
        where l.run_id = $1 and l.component = 'residual'`,
        [run.id],
      )
    ).rows
    expect(residual.length).toBeGreaterThan(0)
    for (const row of residual) expect(row.amount).toBe(`${((Math.round(Number(row.mrc) * 100) * 3) / 100 / 100).toFixed(2)}00`)
    expect(residual.some((row) => row.amount === '0.0000')).toBe(false)
    const deactivated = (
      await app.sql.query(`select count(*)::int as n from commission_lines where run_id = $1 and component = 'residual' and sale_id = $2`, [
        run.id,
        paid.sale_id,
      ])
    ).rows[0].n
    expect(deactivated).toBe(0)
  })
})

describe('a missing rate', () => {
  it('refuses the run with what to add, and posts nothing', async () => {
    const thin = await admin.post('/api/compensation-plans', { name: 'Thin plan', currency: 'USD' })
    const version = await admin.post('/api/plan-versions', {
      plan: thin.body.doc.id,
      effectiveFrom: '2026-01-01',
      status: 'approved',
      components: [
        {
          blockType: 'upfront',
          rows: [
            {
              payout: 'rebate',
              ratePlan: (await admin.get('/api/rate-plans?where[code][equals]=VTX-ESS&depth=0')).body.docs[0].id,
              amount: '40.00',
            },
          ],
        },
      ],
    })
    expect(version.status).toBe(201)
    const run = await runPeriod(app, finance, thin.body.doc.id, november)
    expect(run.status).toBe('awaiting_approval') // November has no verified sales: nothing to price
    const dec = await runPeriod(app, finance, thin.body.doc.id, await periodId(admin, 'Oct 2026'), 'preview')
    expect(dec.status).toBe('failed')
    expect(dec.message).toMatch(
      /^The run failed and changed nothing: the plan version cannot price every verified sale; fix the plan and run again: no rebate row applies to VTX VTX-[A-Z0-9-]+, [a-z -]+, (gold|silver|standard) tier: add one \(an explicit 0 is allowed\) \(\d+ rows\)/,
    )
    expect((await app.sql.query('select count(*)::int as n from commission_lines where run_id = $1', [dec.id])).rows[0].n).toBe(0)
  })
})
