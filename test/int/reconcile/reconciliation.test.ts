import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { generateReconData, lineKeys } from '../../../seed/reconcile/reconData'
import { DEMO_RECON } from '../../../seed/telecom/data'
import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'
import { drainJobs, importFile } from '../../support/telecom'

const SALE_HEADERS = 'Dealer Code,Sale Date,Carrier,Activation Type,MDN,ICCID,IMEI,Rate Plan,Features,Customer Account'
const RECORD_HEADERS =
  'Activation Date,Activation Type,MDN,ICCID,IMEI,Rate Plan,Features,Customer Account,Dealer Code,Line Status,Deactivation Date,Paid Activation,Paid Features,Paid Spiff'

let app: TestApp
let admin: Api
let finance: Api
const k = (n: number) => lineKeys(700_000 + n)

type Sale = { n: number; dealer: string; date: string; type: string; plan: string; features?: string; keys?: 'all' | 'mdn' }
type Record = {
  n: number
  date: string
  type: string
  plan: string
  features?: string
  paid: string
  paidFeatures?: string
  deact?: string
}

const saleLine = (s: Sale) => {
  const keys = k(s.n)
  const [iccid, imei] = s.keys === 'mdn' ? ['', ''] : [keys.iccid, keys.imei]
  return [s.dealer, s.date, 'TDL', s.type, keys.mdn, iccid, imei, s.plan, s.features ?? '', `T-${s.n}`].join(',')
}
const recordLine = (r: Record) => {
  const keys = k(r.n)
  return [
    r.date,
    r.type,
    keys.mdn,
    keys.iccid,
    keys.imei,
    r.plan,
    r.features ?? '',
    `T-${r.n}`,
    '',
    r.deact ? 'deactivated' : 'active',
    r.deact ?? '',
    r.paid,
    r.paidFeatures ?? '0',
    '0',
  ].join(',')
}
const csv = (header: string, lines: string[]) => Buffer.from([header, ...lines].join('\n') + '\n')

/** One line per class, in Tidal Mobile's September (new 90.00, port-in 140.00, upgrade 40.00, INTL feature 12.00). */
const SALES: Sale[] = [
  { n: 1, dealer: 'DLR-0301', date: '2026-09-05', type: 'new', plan: 'TDL-MAX', features: 'INTL' },
  { n: 2, dealer: 'DLR-0301', date: '2026-09-07', type: 'new', plan: 'TDL-PLUS' },
  { n: 4, dealer: 'DLR-0302', date: '2026-09-09', type: 'new', plan: 'TDL-MAX' },
  { n: 5, dealer: 'DLR-0302', date: '2026-09-10', type: 'port_in', plan: 'TDL-MAX' },
  { n: 6, dealer: 'DLR-0301', date: '2026-09-11', type: 'upgrade', plan: 'TDL-MAX' },
  { n: 6, dealer: 'DLR-0201', date: '2026-09-11', type: 'upgrade', plan: 'TDL-MAX' },
  { n: 7, dealer: 'DLR-0302', date: '2026-09-12', type: 'new', plan: 'TDL-GO' },
  { n: 8, dealer: 'DLR-0201', date: '2026-09-13', type: 'new', plan: 'TDL-PLUS', keys: 'mdn' },
  { n: 9, dealer: 'DLR-0301', date: '2026-09-14', type: 'new', plan: 'TDL-PLUS' },
]
const RECORDS: Record[] = [
  { n: 1, date: '2026-09-06', type: 'new', plan: 'TDL-MAX', features: 'INTL', paid: '90.00', paidFeatures: '12.00' },
  { n: 3, date: '2026-09-08', type: 'port_in', plan: 'TDL-PLUS', paid: '140.00' },
  { n: 4, date: '2026-09-09', type: 'new', plan: 'TDL-PLUS', paid: '90.00' },
  { n: 5, date: '2026-09-10', type: 'port_in', plan: 'TDL-MAX', paid: '130.00' },
  { n: 6, date: '2026-09-12', type: 'upgrade', plan: 'TDL-MAX', paid: '40.00' },
  { n: 7, date: '2026-09-12', type: 'new', plan: 'TDL-GO', paid: '90.00', deact: '2026-10-01' },
  { n: 8, date: '2026-09-15', type: 'new', plan: 'TDL-PLUS', paid: '90.00' },
  { n: 9, date: '2026-09-20', type: 'new', plan: 'TDL-PLUS', paid: '90.00' },
]

async function createRun(api: Api, carrier: string, periodStart: string, periodEnd: string): Promise<number> {
  const carriers = await api.get(`/api/carriers?where[code][equals]=${carrier}`)
  const res = await api.post('/api/reconciliation-runs', { carrier: carriers.body.docs[0].id, periodStart, periodEnd })
  if (res.status !== 201) throw new Error(`run refused: ${res.status} ${JSON.stringify(res.body)}`)
  await drainJobs(app)
  const run = await api.get(`/api/reconciliation-runs/${res.body.doc.id}`)
  if (run.body.status !== 'completed') throw new Error(`run ${res.body.doc.id} ended ${run.body.status}: ${run.body.message}`)
  return res.body.doc.id
}

async function linesOf(runId: number) {
  const rows = await app.sql.query(
    `select l.recon_class::text as class, s.mdn as sale_mdn, r.mdn as record_mdn, p.code as dealer, l.expected::text as expected, l.paid::text as paid
       from reconciliation_lines l
       left join dealer_sales s on s.id = l.sale_id
       left join carrier_records r on r.id = l.carrier_record_id
       left join participants p on p.id = l.dealer_id
      where l.run_id = $1 order by coalesce(s.mdn, r.mdn), l.recon_class::text`,
    [runId],
  )
  return rows.rows.map((row) => [row.class, Number((row.sale_mdn ?? row.record_mdn).slice(-3)), row.dealer, row.expected, row.paid])
}

beforeAll(async () => {
  app = await startTestApp('reconciliation')
  admin = await Api.login(app.url, 'admin@northwind.example')
  finance = await Api.login(app.url, 'finance@northwind.example')
  await drainJobs(app) // the demo's own reconciliation run
  await importFile(app, admin, 'Dealer sales (standard template)', 'tidal-sales.csv', csv(SALE_HEADERS, SALES.map(saleLine)))
  await importFile(
    app,
    admin,
    'Tidal Mobile records (standard template)',
    'tidal-records.csv',
    csv(RECORD_HEADERS, RECORDS.map(recordLine)),
  )
})

afterAll(async () => {
  await app?.close()
})

describe('reconciliation classes', () => {
  let runId: number

  it('classifies every sale and every carrier record, each class to the cent', async () => {
    runId = await createRun(admin, 'TDL', '2026-09-01', '2026-09-30')
    expect(await linesOf(runId)).toEqual([
      ['matched', 1, 'DLR-0301', '102.0000', '102.0000'],
      ['not_with_carrier', 2, 'DLR-0301', '90.0000', '0.0000'],
      ['not_reported', 3, null, '140.0000', '140.0000'],
      ['rate_plan_mismatch', 4, 'DLR-0302', '90.0000', '90.0000'],
      ['amount_mismatch', 5, 'DLR-0302', '140.0000', '130.0000'],
      ['duplicate_claim', 6, 'DLR-0201', '40.0000', '0.0000'],
      ['matched', 6, 'DLR-0301', '40.0000', '40.0000'],
      ['deactivated_in_window', 7, 'DLR-0302', '90.0000', '90.0000'],
      ['matched', 8, 'DLR-0201', '90.0000', '90.0000'],
      ['not_reported', 9, null, '90.0000', '90.0000'],
      ['not_with_carrier', 9, 'DLR-0301', '90.0000', '0.0000'],
    ])
    const run = await admin.get(`/api/reconciliation-runs/${runId}`)
    expect(run.body.status).toBe('completed')
    const summary = run.body.summary
    expect(summary.commissionableSales).toBe(3)
    expect(summary.overpaymentAvoided).toBe('400.0000')
    expect(summary.revenueLeakage).toBe('10.0000')
    expect(summary.unattributedRevenue).toBe('230.0000')
    expect(summary.classes.not_reported).toMatchObject({ sales: 0, carrierRecords: 2, atStake: '230.0000' })
    expect(summary.classes.duplicate_claim).toMatchObject({ sales: 1, carrierRecords: 0, atStake: '40.0000' })
    const discrepancies = await admin.get(`/api/discrepancies?where[run][equals]=${runId}&limit=100&depth=0`)
    expect(discrepancies.body.totalDocs).toBe(8)
  })

  it('discrepancies are worked by finance: owner, status, a comment history that only grows', async () => {
    const found = await finance.get(`/api/discrepancies?where[run][equals]=${runId}&where[reconClass][equals]=amount_mismatch&depth=0`)
    const discrepancy = found.body.docs[0]
    expect(discrepancy).toMatchObject({ status: 'open', expected: '140.0000', paid: '130.0000', atStake: '10.0000' })
    const me = (await finance.get('/api/users/me')).body.user
    const disputed = await finance.patch(`/api/discrepancies/${discrepancy.id}?depth=0`, {
      status: 'disputed',
      owner: me.id,
      comments: [{ text: 'Claimed the 10.00 shortfall from Tidal, case 4471.' }],
    })
    expect(disputed.status).toBe(200)
    expect(disputed.body.doc.comments[0]).toMatchObject({ text: 'Claimed the 10.00 shortfall from Tidal, case 4471.', author: me.id })
    const rewrite = await finance.patch(`/api/discrepancies/${discrepancy.id}`, {
      comments: [{ ...disputed.body.doc.comments[0], text: 'nothing to see' }],
    })
    expect(rewrite.status).toBe(400)
    const auditor = await Api.login(app.url, 'auditor@northwind.example')
    expect((await auditor.patch(`/api/discrepancies/${discrepancy.id}`, { status: 'written_off' })).status).toBe(403)
  })

  it('a partner sees only its dealers\u2019 discrepancies, without the carrier\u2019s amounts', async () => {
    const coastal = await Api.login(app.url, 'admin@coastal.example')
    const res = await coastal.get(`/api/discrepancies?where[run][equals]=${runId}&depth=1`)
    expect(res.status).toBe(200)
    expect(res.body.docs.map((d: { reconClass: string; dealer: { code: string } }) => [d.reconClass, d.dealer.code])).toEqual([
      ['duplicate_claim', 'DLR-0201'],
    ])
    expect(res.body.docs[0].paid).toBeUndefined()
    expect(res.body.docs[0].expected).toBeUndefined()
    expect((await coastal.get('/api/reconciliation-lines')).status).toBe(403)
  })

  it('re-running is idempotent and keeps the work on discrepancies; a corrected carrier file clears what it fixed', async () => {
    const before = await linesOf(runId)
    const rerun = await finance.post(`/api/reconciliation-runs/${runId}/rerun`, {})
    expect(rerun.status).toBe(202)
    await drainJobs(app)
    expect(await linesOf(runId)).toEqual(before)
    const kept = await finance.get(`/api/discrepancies?where[run][equals]=${runId}&where[reconClass][equals]=amount_mismatch&depth=0`)
    expect(kept.body.docs[0]).toMatchObject({ status: 'disputed', clearedByRerun: false })
    expect(kept.body.docs[0].comments).toHaveLength(1)
    expect((await finance.get(`/api/discrepancies?where[run][equals]=${runId}&limit=0`)).body.totalDocs).toBe(8)

    // Tidal sends the corrected payout for line 5: the import updates that record, the re-run clears the discrepancy.
    const corrected = await importFile(
      app,
      admin,
      'Tidal Mobile records (standard template)',
      'tidal-correction.csv',
      csv(RECORD_HEADERS, [recordLine({ ...RECORDS[3]!, paid: '140.00' })]),
    )
    expect(corrected).toMatchObject({ accepted: 1, updated: 1, inserted: 0 })
    expect((await finance.post(`/api/reconciliation-runs/${runId}/rerun`, {})).status).toBe(202)
    await drainJobs(app)
    const cleared = await finance.get(`/api/discrepancies/${kept.body.docs[0].id}?depth=0`)
    expect(cleared.body).toMatchObject({ status: 'resolved', clearedByRerun: true })
    expect(cleared.body.comments.map((c: { text: string }) => c.text)).toEqual([
      'Claimed the 10.00 shortfall from Tidal, case 4471.',
      expect.stringMatching(/^Cleared: the re-run of .* no longer finds this discrepancy\.$/),
    ])
    const run = await finance.get(`/api/reconciliation-runs/${runId}`)
    expect(run.body).toMatchObject({ runCount: 3, status: 'completed' })
    expect(run.body.summary.commissionableSales).toBe(4)
    expect(run.body.summary.revenueLeakage).toBe('0.0000')
  })

  it('a second run for the same carrier and period is refused; one run per period', async () => {
    const carriers = await admin.get('/api/carriers?where[code][equals]=TDL')
    const res = await admin.post('/api/reconciliation-runs', {
      carrier: carriers.body.docs[0].id,
      periodStart: '2026-09-01',
      periodEnd: '2026-09-30',
    })
    expect(res.status).toBe(400)
  })
})

describe('two dealers claiming one carrier line', () => {
  it('the claim dated closest to the activation wins, from either side; a tie goes to the claim reported first', async () => {
    // August: line 21 activated on the 20th, claimed 2 days before (DLR-0302) and 1 day after (DLR-0301); line 22
    // activated on the 20th, claimed 2 days after (DLR-0201, reported first) and 2 days before (DLR-0302, reported later).
    const sales = (list: Sale[]) => csv(SALE_HEADERS, list.map(saleLine))
    await importFile(
      app,
      admin,
      'Dealer sales (standard template)',
      'august-first.csv',
      sales([
        { n: 21, dealer: 'DLR-0302', date: '2026-08-18', type: 'new', plan: 'TDL-PLUS' },
        { n: 21, dealer: 'DLR-0301', date: '2026-08-21', type: 'new', plan: 'TDL-PLUS' },
        { n: 22, dealer: 'DLR-0201', date: '2026-08-22', type: 'new', plan: 'TDL-PLUS' },
      ]),
    )
    await importFile(
      app,
      admin,
      'Dealer sales (standard template)',
      'august-later.csv',
      sales([{ n: 22, dealer: 'DLR-0302', date: '2026-08-18', type: 'new', plan: 'TDL-PLUS' }]),
    )
    await importFile(
      app,
      admin,
      'Tidal Mobile records (standard template)',
      'august-records.csv',
      csv(RECORD_HEADERS, [
        recordLine({ n: 21, date: '2026-08-20', type: 'new', plan: 'TDL-PLUS', paid: '90.00' }),
        recordLine({ n: 22, date: '2026-08-20', type: 'new', plan: 'TDL-PLUS', paid: '90.00' }),
      ]),
    )
    const runId = await createRun(admin, 'TDL', '2026-08-01', '2026-08-31')
    const lines = (await linesOf(runId)).filter(([, n]) => n === 21 || n === 22)
    expect(lines).toEqual([
      ['duplicate_claim', 21, 'DLR-0302', '90.0000', '0.0000'],
      ['matched', 21, 'DLR-0301', '90.0000', '90.0000'],
      ['duplicate_claim', 22, 'DLR-0302', '90.0000', '0.0000'],
      ['matched', 22, 'DLR-0201', '90.0000', '90.0000'],
    ])

    const saleId = async (n: number, dealer: string) =>
      (
        await app.sql.query(`select s.id from dealer_sales s join participants p on p.id = s.dealer_id where s.mdn = $1 and p.code = $2`, [
          k(n).mdn,
          dealer,
        ])
      ).rows[0].id as number
    const found = await finance.get(
      `/api/discrepancies?where[run][equals]=${runId}&where[reconClass][equals]=duplicate_claim&depth=0&sort=id`,
    )
    const details = found.body.docs.map((d: { sale: number; detail: string }) => [d.sale, d.detail])
    expect(details).toEqual([
      [
        await saleId(21, 'DLR-0302'),
        `The carrier activated this line on 2026-08-20 and more than one sale claims it; the claim dated closest to that day wins. ` +
          `Winning claim: sale #${await saleId(21, 'DLR-0301')}, dated 2026-08-21 (1 day after). This claim is dated 2026-08-18 (2 days before).`,
      ],
      [
        await saleId(22, 'DLR-0302'),
        `The carrier activated this line on 2026-08-20 and more than one sale claims it; the claim dated closest to that day wins. ` +
          `Winning claim: sale #${await saleId(22, 'DLR-0201')}, dated 2026-08-22 (2 days after). This claim is dated 2026-08-18 (2 days before). ` +
          'Both are as close to that day, so the claim reported first (then the lower sale number) won.',
      ],
    ])
  })
})

describe('the demo reconciliation', () => {
  it('finds exactly the lines planted in every class of the demo data', async () => {
    const generator = generateReconData({
      carrierId: 0,
      dealerIds: DEMO_RECON.dealers.map((_, i) => i + 1),
      planIds: [1, 2, 3],
      featureSets: DEMO_RECON.featureSets,
      periodStart: DEMO_RECON.periodStart,
      days: DEMO_RECON.days,
      records: DEMO_RECON.records,
      toleranceDays: 3,
      priceOf: () => '100.0000',
    })
    let next = generator.next()
    while (!next.done) next = generator.next()
    const planted = next.value
    const runs = await admin.get(`/api/reconciliation-runs?where[title][like]=VTX&depth=0`)
    const summary = runs.body.docs[0].summary
    for (const [reconClass, count] of Object.entries(planted)) {
      const found = reconClass === 'not_reported' ? summary.classes[reconClass].carrierRecords : summary.classes[reconClass].sales
      expect([reconClass, found]).toEqual([reconClass, count])
      expect(count).toBeGreaterThan(0)
    }
  })
})
