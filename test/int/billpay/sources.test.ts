import fs from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { D } from '../../../engine/core/decimal'
import { createCarrierPortal } from '../../../demo/carrier-portal/app'
import { DEMO_PORTAL } from '../../../demo/carrier-portal/demoAccount'
import { BILLPAY_ACCOUNTS, scaledSpec } from '../../../seed/billpay/data'
import { invoiceTotals, renderInvoicePdf, type InvoiceSpec } from '../../../seed/billpay/invoicePdf'
import { accountSpecs, seedBillpayHistory } from '../../../seed/billpay/write'
import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'
import { drainJobs } from '../../support/telecom'

/**
 * Where carrier invoices come from, over real HTTP: the NorthTel billing portal (the carrier-portal stand-in driven by
 * the seeded invoices connector in Chromium), the drop folder, and REST uploads of a hand-made MetroFiber CSV and
 * hand-made NorthTel EDI 811 files. Expected figures are the specs the PDFs were rendered from and the literals worked
 * out by hand in the fixtures' unit tests (test/unit/billpay/csvInvoice.test.ts, x12Invoice.test.ts), never the system's.
 */
let app: TestApp
let admin: Api
let portal: Server
let portalUrl: string
let dropDir: string
const today = new Date().toISOString().slice(0, 10)
const northtel = BILLPAY_ACCOUNTS.find((a) => a.carrier === 'NTL')!
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/billpay', name))

/** The portal's two invoices: this month's, and the same bill 2.5× as large under another number. */
const usual = accountSpecs(northtel, today).current
const large = scaledSpec(usual, '2.5', `${usual.invoiceNumber}-X`)
const portalPdfs = new Map<string, Buffer>()

const control = (body: unknown) =>
  fetch(`${portalUrl}/__control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

beforeAll(async () => {
  process.env.INVOICES_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-invoices-'))
  dropDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-invoice-drop-'))
  process.env.INVOICE_DROP_DIR = dropDir
  process.env.INVOICE_DROP_SETTLE_SECONDS = '0'
  app = await startTestApp('billpay_sources')
  await seedBillpayHistory(app.payload, today)
  admin = await Api.login(app.url, 'admin@northwind.example')
  for (const spec of [usual, large]) portalPdfs.set(spec.invoiceNumber, await renderInvoicePdf(spec))
  const server = createCarrierPortal({
    username: DEMO_PORTAL.username,
    password: DEMO_PORTAL.password,
    totpSecret: DEMO_PORTAL.totpSecret,
    rows: { count: 20, from: '2026-10-01', days: 5 },
    invoices: [usual, large].map((spec) => ({
      fileName: `${spec.invoiceNumber}.pdf`,
      data: portalPdfs.get(spec.invoiceNumber)!,
      issued: spec.statementDate,
      amount: invoiceTotals(spec).totalDue,
    })),
  })
  portal = await new Promise<Server>((resolve) => {
    const s = server.listen(0, () => resolve(s))
  })
  portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`
  const connectors = await admin.get(
    `/api/carrier-connectors?depth=0&where[name][equals]=${encodeURIComponent('NorthTel billing portal (invoices)')}`,
  )
  const patched = await admin.patch(`/api/carrier-connectors/${connectors.body.docs[0].id}`, { loginUrl: `${portalUrl}/login` })
  if (patched.status !== 200) throw new Error(`connector not repointed: ${patched.status} ${JSON.stringify(patched.body)}`)
}, 240_000)
afterAll(async () => {
  await app?.close()
  await new Promise((resolve) => portal?.close(resolve))
  delete process.env.INVOICE_DROP_DIR
})

async function collect() {
  const res = await admin.post('/api/carrier-invoices/collect', {})
  expect(res.status).toBe(200)
  return res.body as {
    portal: {
      connector: number
      name: string
      files: { file: string; invoice?: number; duplicate?: boolean; error?: string }[]
      error?: string
      transient?: boolean
    }[]
    dropFolder: { file: string; invoice?: number; duplicate?: boolean; error?: string }[]
  }
}

async function review(id: number) {
  const res = await admin.get(`/api/carrier-invoices/${id}/review`)
  expect(res.status).toBe(200)
  return res.body
}

async function invoiceCount(): Promise<number> {
  return (await app.sql.query(`select count(*)::int as n from carrier_invoices`)).rows[0].n
}

async function upload(fileName: string, data: Buffer) {
  const res = await admin.post('/api/carrier-invoices/upload', { fileName, contentBase64: data.toString('base64') })
  await drainJobs(app)
  return res
}

async function created(pathName: string, data: Record<string, unknown>): Promise<number> {
  const res = await admin.post(`${pathName}?depth=0`, data)
  if (res.status !== 201) throw new Error(`${pathName} refused: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc.id
}

async function carrierId(code: string): Promise<number> {
  return (await admin.get(`/api/carriers?depth=0&where[code][equals]=${code}`)).body.docs[0].id
}

/** The header figures as the review shows them, amounts normalized to two decimals (the column's scale is not the point). */
function headerOf(invoice: Record<string, string | null>) {
  const money = (v: string | null | undefined) => (v === null || v === undefined ? null : new D(v).toFixed(2))
  return {
    accountNumber: invoice.accountNumber,
    invoiceNumber: invoice.invoiceNumber,
    statementDate: invoice.statementDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    previousBalance: money(invoice.previousBalance),
    payments: money(invoice.payments),
    newCharges: money(invoice.newCharges),
    taxes: money(invoice.taxes),
    totalDue: money(invoice.totalDue),
  }
}

/** The review's lines as [lineNo, service, description, charge type, amount]. */
const linesOf = (lines: any[]) => lines.map((l) => [l.lineNo, l.serviceId, l.description, l.chargeType, new D(l.amount).toFixed(2)])

/** The six-month average of the specs' totals and the history check's message for `total` (engine/billpay/checks.ts wording). */
function historyMessage(history: InvoiceSpec[], total: string): string {
  const average = history.reduce((s, spec) => s.plus(invoiceTotals(spec).totalDue), new D(0)).div(history.length)
  const ratio = new D(total).div(average).toDecimalPlaces(2).toFixed(2)
  return `the total due ${new D(total).toFixed(2)} is ${ratio}× the account's six-month average ${average.toFixed(2)} (allowed between 1/3 and 3×)`
}

describe('bill payment sources: the carrier portal', () => {
  it('collects both invoices of the billing page through the seeded connector; they are read from their specs', async () => {
    const before = await invoiceCount()
    const summary = await collect()
    expect(summary.portal).toHaveLength(1)
    const run = summary.portal[0]!
    expect(run.name).toBe('NorthTel billing portal (invoices)')
    expect(run.error).toBeUndefined()
    expect(run.files.map((f) => [f.file, f.duplicate, f.error])).toEqual([
      [`${usual.invoiceNumber}.pdf`, false, undefined],
      [`${large.invoiceNumber}.pdf`, false, undefined],
    ])
    expect(await invoiceCount()).toBe(before + 2)
    const account = (await admin.get(`/api/carrier-accounts?depth=0&where[accountNumber][equals]=${northtel.accountNumber}`)).body.docs[0]
      .id
    const arrived = await app.sql.query(
      `select source::text as source, account_id as account from carrier_invoices where id = any($1::int[]) order by id`,
      [run.files.map((f) => f.invoice)],
    )
    expect(arrived.rows).toEqual([
      { source: 'portal', account },
      { source: 'portal', account },
    ])

    await drainJobs(app)
    const [first, second] = await Promise.all(run.files.map((f) => review(f.invoice!)))
    const { history } = accountSpecs(northtel, today)
    // The usual bill: within 3× the history's average and under NorthTel HQ's 60000 auto-pay limit.
    expect(first.invoice).toMatchObject({ invoiceNumber: usual.invoiceNumber, status: 'pending_payment', source: 'portal', checks: [] })
    expect(new D(first.invoice.totalDue).eq(invoiceTotals(usual).totalDue)).toBe(true)
    expect(first.lines).toHaveLength(usual.lines.length)
    // 2.5× the usual bill is above 3× the six months' average of the rendered history: a person looks at it.
    expect(second.invoice).toMatchObject({ invoiceNumber: large.invoiceNumber, status: 'approval_needed' })
    expect(new D(second.invoice.totalDue).eq(invoiceTotals(large).totalDue)).toBe(true)
    expect(second.invoice.checks).toEqual([{ check: 'history', message: historyMessage(history, invoiceTotals(large).totalDue) }])
  })

  it('collects again without making anything new: the same two invoices are answered as duplicates', async () => {
    const before = await invoiceCount()
    const ids = (await app.sql.query(`select id from carrier_invoices where source = 'portal' order by id`)).rows.map((r) => r.id)
    const summary = await collect()
    expect(summary.portal[0]!.files.map((f) => [f.invoice, f.duplicate])).toEqual(ids.map((id) => [id, true]))
    await drainJobs(app)
    expect(await invoiceCount()).toBe(before)
  })

  it('reports a portal answering 503 as a transient failure of the connector, losing nothing', async () => {
    const before = await invoiceCount()
    expect((await control({ failNext: { status: 503, times: 50 } })).status).toBe(200)
    try {
      const summary = await collect()
      expect(summary.portal).toHaveLength(1)
      expect(summary.portal[0]).toMatchObject({ name: 'NorthTel billing portal (invoices)', files: [], transient: true })
      expect(summary.portal[0]!.error).toMatch(/503/)
    } finally {
      await control({ failNext: { status: 503, times: 0 } })
    }
    await drainJobs(app)
    expect(await invoiceCount()).toBe(before)
    const again = await collect()
    expect(again.portal[0]!.error).toBeUndefined()
    expect(again.portal[0]!.files.map((f) => f.duplicate)).toEqual([true, true])
    expect(await invoiceCount()).toBe(before)
  })
})

describe('bill payment sources: the drop folder', () => {
  it('turns a PDF and a text file into invoices (moved to processed/) and refuses an empty file with its reason', async () => {
    const spec = accountSpecs(
      BILLPAY_ACCOUNTS.find((a) => a.carrier === 'SKW')!,
      today,
    ).current
    const pdfName = `${spec.invoiceNumber}.pdf`
    const written = {
      [pdfName]: await renderInvoicePdf(spec),
      'empty.pdf': Buffer.alloc(0),
      'readme.txt': Buffer.from('Please pay the attached invoice before the due date.\n'),
    }
    for (const [name, data] of Object.entries(written)) fs.writeFileSync(path.join(dropDir, name), data)
    const before = await invoiceCount()
    const summary = await collect()
    const byName = new Map(summary.dropFolder.map((f) => [f.file, f]))
    expect([...byName.keys()].sort()).toEqual(Object.keys(written).sort())
    expect(byName.get(pdfName)).toMatchObject({ duplicate: false, invoice: expect.any(Number) })
    expect(byName.get('readme.txt')).toMatchObject({ duplicate: false, invoice: expect.any(Number) })
    expect(byName.get('empty.pdf')).toEqual({ file: 'empty.pdf', error: 'empty.pdf is empty' })
    const accepted = summary.dropFolder.filter((f) => f.invoice !== undefined).length
    const refused = summary.dropFolder.filter((f) => f.error !== undefined).length
    expect([accepted, refused]).toEqual([2, 1])
    expect(accepted + refused).toBe(Object.keys(written).length)
    expect(await invoiceCount()).toBe(before + 2)

    expect(fs.readdirSync(dropDir).sort()).toEqual(['processed', 'refused'])
    expect(fs.readdirSync(path.join(dropDir, 'processed')).sort()).toEqual([pdfName, 'readme.txt'].sort())
    expect(fs.readFileSync(path.join(dropDir, 'processed', pdfName)).equals(written[pdfName]!)).toBe(true)
    expect(fs.readdirSync(path.join(dropDir, 'refused')).sort()).toEqual(['empty.pdf', 'empty.pdf.reason.txt'])
    expect(fs.readFileSync(path.join(dropDir, 'refused', 'empty.pdf.reason.txt'), 'utf8')).toBe('empty.pdf is empty\n')

    await drainJobs(app)
    const pdf = await review(byName.get(pdfName)!.invoice!)
    expect(pdf.invoice).toMatchObject({
      invoiceNumber: spec.invoiceNumber,
      status: 'pending_payment',
      source: 'drop_folder',
      carrier: 'SKW',
    })
    expect(new D(pdf.invoice.totalDue).eq(invoiceTotals(spec).totalDue)).toBe(true)
    const text = await review(byName.get('readme.txt')!.invoice!)
    expect(text.invoice).toMatchObject({ status: 'approval_needed', source: 'drop_folder', fileType: 'unknown' })
    expect(text.invoice.problems).toEqual([{ where: 'file', message: 'the file is neither a PDF, a CSV nor an EDI X12 interchange' }])

    const again = await collect()
    expect(again.dropFolder).toEqual([])
  })
})

describe('bill payment sources: a hand-made MetroFiber CSV', () => {
  const csv = fixture('metrofiber-2026-11.csv')
  let account: number
  const inventory = new Map<string, number>()
  let csvInvoice: number
  let secondCsv: number

  it('reads the export uploaded over REST; the FEATURE and CREDIT charges no GL rule covers send it to a person', async () => {
    account = await created('/api/carrier-accounts', {
      name: 'MetroFiber — Oak Brook office',
      carrier: await carrierId('MFB'),
      accountNumber: 'MF-204417',
      currency: 'USD',
      defaultCostCentre: 'CC-400',
      location: 'OAK',
      paymentMethod: 'provider',
    })
    for (const [serviceId, kind] of [
      ['3125550140', 'line'],
      ['3125550141', 'line'],
      ['3125550142', 'line'],
      ['3125550143', 'line'],
      ['MF/DIA/000871', 'circuit'],
      ['MF/WAVE/004410', 'circuit'],
    ] as const)
      inventory.set(
        serviceId,
        await created('/api/service-inventory', { serviceId, kind, department: 'IT', costCentre: 'CC-400', account }),
      )

    const res = await upload('metrofiber-2026-11.csv', csv)
    expect(res.status).toBe(201)
    csvInvoice = res.body.invoice
    const body = await review(csvInvoice)
    expect(body.invoice).toMatchObject({ fileType: 'csv', source: 'rest', accountId: account, carrier: 'MFB', problems: [] })
    expect(headerOf(body.invoice)).toEqual({
      accountNumber: 'MF-204417',
      invoiceNumber: 'MF2611-88120',
      statementDate: '2026-11-30',
      dueDate: '2026-12-28',
      currency: 'USD',
      previousBalance: '3612.07',
      payments: '3500.00',
      newCharges: '3503.98',
      taxes: '287.41',
      totalDue: '3903.46',
    })
    expect(linesOf(body.lines)).toEqual([
      [1, '3125550140', 'Business Line - Monthly', 'MRC', '42.00'],
      [2, '3125550140', 'Long Distance Usage', 'USAGE', '3.17'],
      [3, '3125550141', 'Business Line - Monthly', 'MRC', '42.00'],
      [4, '3125550141', 'Call Forwarding, Remote', 'FEATURE', '4.50'],
      [5, '3125550142', 'Business Line - Monthly', 'MRC', '42.00'],
      [6, '3125550142', 'Directory Assistance', 'USAGE', '2.49'],
      [7, 'MF/DIA/000871', 'Dedicated Internet 1G', 'MRC', '1234.50'],
      [8, 'MF/DIA/000871', 'Static IP Block /29', 'MRC', '25.00'],
      [9, 'MF/WAVE/004410', 'Wavelength 10G Chicago - Oak Brook', 'MRC', '2150.00'],
      [10, 'MF/WAVE/004410', 'Outage Credit 11/14', 'CREDIT', '-120.00'],
      [11, null, 'Account Maintenance Fee', 'OCC', '15.00'],
      [12, '3125550143', 'Business Line - Monthly', 'MRC', '42.00'],
      [13, '3125550143', 'Voicemail', 'FEATURE', '6.95'],
      [14, '3125550143', 'Long Distance Usage', 'USAGE', '11.38'],
      [15, null, 'Paper Bill Fee', 'OCC', '2.99'],
    ])
    // The seeded GL rule set knows MRC, LOOP, USAGE, OCC, SURCHARGE, CRD and TAX; "anything else goes to a person".
    expect(body.invoice.status).toBe('approval_needed')
    expect(body.invoice.checks).toEqual([
      { check: 'allocation', message: 'line 4: no GL rule covers this charge (FEATURE, IT: "Call Forwarding, Remote")' },
      { check: 'allocation', message: 'line 10: no GL rule covers this charge (CREDIT, IT: "Outage Credit 11/14")' },
      { check: 'allocation', message: 'line 13: no GL rule covers this charge (FEATURE, IT: "Voicemail")' },
    ])
    expect(
      body.lines.map((l: any) => [Number(l.lineNo), l.allocations.map((a: any) => a.glCode)]).filter(([, g]: any) => g.length === 0),
    ).toEqual([
      [4, []],
      [10, []],
      [13, []],
    ])
  })

  it('once the reviewer codes those three lines every check holds (MFB auto-pays up to 150000 anywhere) and it is approved', async () => {
    const corrected = await admin.post(`/api/carrier-invoices/${csvInvoice}/correct`, {
      lines: [
        { lineNo: 4, glCode: '6410' },
        { lineNo: 10, glCode: '6420' },
        { lineNo: 13, glCode: '6410' },
      ],
      note: 'features and outage credits',
    })
    expect(corrected.status).toBe(200)
    expect(corrected.body.invoice.checks).toEqual([])
    const allocated = await app.sql.query(
      `select sum(amount)::text as total, count(distinct line_no)::int as lines from invoice_allocations where invoice_id = $1`,
      [csvInvoice],
    )
    // 3,503.98 new charges + 287.41 taxes, every one of the 15 lines allocated.
    expect(new D(allocated.rows[0].total).eq('3791.39')).toBe(true)
    expect(allocated.rows[0].lines).toBe(15)
    const approved = await admin.post(`/api/carrier-invoices/${csvInvoice}/approve`, {})
    expect(approved.status).toBe(200)
    expect(approved.body.invoice.status).toBe('pending_payment')
  })

  it('names a service that is no longer in the inventory when the next export bills it', async () => {
    const removed = await admin.delete(`/api/service-inventory/${inventory.get('3125550142')}`)
    expect(removed.status).toBe(200)
    const copy = Buffer.from(csv.toString('utf8').replaceAll('MF2611-88120', 'MF2611-88121'), 'utf8')
    const res = await upload('metrofiber-2026-11-b.csv', copy)
    expect(res.status).toBe(201)
    const body = await review(res.body.invoice)
    expect(body.invoice).toMatchObject({ invoiceNumber: 'MF2611-88121', status: 'approval_needed', accountId: account })
    expect(body.invoice.checks).toEqual([
      { check: 'allocation', message: 'line 4: no GL rule covers this charge (FEATURE, IT: "Call Forwarding, Remote")' },
      { check: 'allocation', message: 'line 5: service 3125550142 is not in the inventory of lines and circuits' },
      { check: 'allocation', message: 'line 6: service 3125550142 is not in the inventory of lines and circuits' },
      { check: 'allocation', message: 'line 10: no GL rule covers this charge (CREDIT, IT: "Outage Credit 11/14")' },
      { check: 'allocation', message: 'line 13: no GL rule covers this charge (FEATURE, IT: "Voicemail")' },
    ])
    secondCsv = res.body.invoice
  })

  // A REST client sends back the line as the review showed it: lineNo is a JSON number there (it once came as a string).
  it('takes a correction of a line as the review shows it (its lineNo sent back as is)', async () => {
    const body = await review(secondCsv)
    const line = body.lines.find((l: any) => l.description === 'Call Forwarding, Remote')
    expect(typeof line.lineNo).toBe('number')
    const corrected = await admin.post(`/api/carrier-invoices/${secondCsv}/correct`, { lines: [{ lineNo: line.lineNo, glCode: '6410' }] })
    expect(corrected.status).toBe(200)
  })
})

describe('bill payment sources: hand-made NorthTel EDI 811 files', () => {
  let edi: number

  it('keeps an 811 whose SE01 is wrong, arriving before its account exists, for a person with both reasons', async () => {
    const res = await upload('northtel-bad-count.811', fixture('northtel-bad-count.811'))
    expect(res.status).toBe(201)
    const body = await review(res.body.invoice)
    expect(body.invoice).toMatchObject({
      fileType: 'x12_811',
      status: 'approval_needed',
      invoiceNumber: 'NT-2026-11-0042',
      accountId: null,
    })
    expect(body.invoice.problems).toEqual([{ where: 'segment 43 (SE)', message: 'SE01 says 42 segments, the set has 43' }])
    expect(body.invoice.checks).toEqual([
      { check: 'parse', message: '1 part(s) of the file could not be read (see the problems)' },
      {
        check: 'account',
        message: 'no carrier account has the number 8005550199: set the account up, then process the invoice again',
      },
    ])
  })

  it('reads the 811 into the hand-worked figures on a new NorthTel account; the CREDIT line waits for a GL code', async () => {
    const account = await created('/api/carrier-accounts', {
      name: 'NorthTel — branch lines',
      carrier: await carrierId('NTL'),
      accountNumber: '8005550199',
      currency: 'USD',
      defaultCostCentre: 'CC-100',
      paymentMethod: 'provider',
    })
    for (const [serviceId, kind] of [
      ['6125550101', 'line'],
      ['6125550102', 'line'],
      ['6125550103', 'line'],
      ['12.HCGS.123456..NT', 'circuit'],
    ] as const)
      await created('/api/service-inventory', { serviceId, kind, department: 'Branch', costCentre: 'CC-200', account })
    const res = await upload('northtel-2026-11.811', fixture('northtel-2026-11.811'))
    expect(res.status).toBe(201)
    edi = res.body.invoice
    const body = await review(edi)
    expect(body.invoice).toMatchObject({ fileType: 'x12_811', source: 'rest', accountId: account, carrier: 'NTL', problems: [] })
    expect(headerOf(body.invoice)).toEqual({
      accountNumber: '8005550199',
      invoiceNumber: 'NT-2026-11-0042',
      statementDate: '2026-12-01',
      dueDate: '2026-12-21',
      currency: 'USD',
      previousBalance: '698.45',
      payments: '650.00',
      newCharges: '670.85',
      taxes: '51.25',
      totalDue: '770.55',
    })
    expect(linesOf(body.lines)).toEqual([
      [1, null, 'ACCOUNT MAINTENANCE FEE', 'OCC', '25.00'],
      [2, '6125550101', 'BUSINESS LINE MONTHLY', 'MRC', '45.00'],
      [3, '6125550101', 'LONG DISTANCE 37 MIN', 'USAGE', '1.85'],
      [4, '6125550102', 'BUSINESS LINE MONTHLY', 'MRC', '45.00'],
      [5, '6125550102', 'PROMOTIONAL CREDIT', 'CREDIT', '-10.00'],
      [6, '12.HCGS.123456..NT', 'DEDICATED FIBER ACCESS 100M', 'MRC', '389.00'],
      [7, '12.HCGS.123456..NT', 'INSTALLATION', 'OCC', '150.00'],
      [8, '6125550103', 'VOICEMAIL BOX', 'MRC', '25.00'],
    ])
    expect(body.invoice.status).toBe('approval_needed')
    expect(body.invoice.checks).toEqual([
      { check: 'allocation', message: 'line 5: no GL rule covers this charge (CREDIT, Branch: "PROMOTIONAL CREDIT")' },
    ])
  })

  it('coded, it still needs a person: the NTL row of the auto-pay limits is for HQ and this account has no location', async () => {
    const corrected = await admin.post(`/api/carrier-invoices/${edi}/correct`, { lines: [{ lineNo: 5, glCode: '6410' }] })
    expect(corrected.status).toBe(200)
    expect(corrected.body.invoice.status).toBe('approval_needed')
    expect(corrected.body.invoice.checks).toEqual([
      {
        check: 'limit',
        message: expect.stringMatching(/^no row of Invoice auto-pay limits v\d+ covers NTL at no location: a person approves it$/),
      },
    ])
    const allocated = await app.sql.query(`select sum(amount)::text as total from invoice_allocations where invoice_id = $1`, [edi])
    // 670.85 new charges + 51.25 taxes.
    expect(new D(allocated.rows[0].total).eq('722.10')).toBe(true)
    const approved = await admin.post(`/api/carrier-invoices/${edi}/approve`, { note: 'branch account, no site yet' })
    expect(approved.status).toBe(200)
    expect(approved.body.invoice.status).toBe('pending_payment')
  })
})

describe('bill payment sources: the original file', () => {
  it('is served byte for byte with its content type, for a PDF, a CSV and an 811', async () => {
    const cases: [string, Buffer, RegExp][] = [
      [`${usual.invoiceNumber}.pdf`, portalPdfs.get(usual.invoiceNumber)!, /^application\/pdf$/],
      ['metrofiber-2026-11.csv', fixture('metrofiber-2026-11.csv'), /^text\/csv\b/],
      ['northtel-2026-11.811', fixture('northtel-2026-11.811'), /^(text\/plain|application\/edi-x12)\b/],
    ]
    for (const [fileName, data, type] of cases) {
      const row = await app.sql.query(`select id from carrier_invoices where file_name = $1`, [fileName])
      expect(row.rowCount).toBe(1)
      const file = await admin.download(`/api/carrier-invoices/${row.rows[0].id}/file`)
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toMatch(type)
      expect(file.data.equals(data)).toBe(true)
    }
  })
})
