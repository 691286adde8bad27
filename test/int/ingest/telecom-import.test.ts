import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lineKeys } from '../../../seed/reconcile/reconData'
import { startTestApp, type TestApp } from '../../support/app'
import { Api, fieldErrorOf } from '../../support/http'
import { importFile, mappingId, readXlsx, xlsx } from '../../support/telecom'

const DEALER_SALES = 'Dealer sales (standard template)'
const VERTEX_EXPORT = 'Vertex Wireless portal export'
const HEADERS = [
  'Dealer Code',
  'Sale Date',
  'Carrier',
  'Activation Type',
  'MDN',
  'ICCID',
  'IMEI',
  'Rate Plan',
  'Features',
  'Customer Account',
]

let app: TestApp
let admin: Api
const key = (n: number) => lineKeys(900_000 + n)

function saleRow(n: number, overrides: Partial<Record<(typeof HEADERS)[number], unknown>> = {}): unknown[] {
  const k = key(n)
  const row: Record<string, unknown> = {
    'Dealer Code': 'DLR-0101',
    'Sale Date': '2026-09-14',
    Carrier: 'VTX',
    'Activation Type': 'new',
    MDN: k.mdn,
    ICCID: k.iccid,
    IMEI: k.imei,
    'Rate Plan': 'VTX-UNL-5G',
    Features: 'HOTSPOT',
    'Customer Account': `ACC-${n}`,
    ...overrides,
  }
  return HEADERS.map((header) => row[header])
}

async function salesOf(importId: number) {
  const rows = await app.sql.query(
    `select source_row::int as row, sale_date::text as date, mdn, iccid, imei, features, activation_type::text as type from dealer_sales where import_id = $1 order by source_row`,
    [importId],
  )
  return rows.rows
}

beforeAll(async () => {
  app = await startTestApp('telecom_import')
  admin = await Api.login(app.url, 'admin@northwind.example')
})

afterAll(async () => {
  await app?.close()
})

describe('dealer sales template and import', () => {
  it('the template has the mapping headers, a note per header, text-formatted identifiers and drop-downs from the catalog', async () => {
    const res = await admin.download(`/api/import-mappings/${await mappingId(admin, DEALER_SALES)}/template`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    const { sheet, rows } = await readXlsx(res.data)
    expect(rows[0]).toEqual(HEADERS)
    expect(String(sheet.getCell('F1').note ? JSON.stringify(sheet.getCell('F1').note) : '')).toContain('Format the column as Text')
    expect(sheet.getColumn(6).numFmt).toBe('@')
    const validation = sheet.getCell('A2').dataValidation
    expect(validation?.type).toBe('list')
    expect(String(validation?.formulae?.[0])).toMatch(/^Lists!\$A\$2:\$A\$\d+$/)
  })

  it('a filled-in template imports every row, with identifiers kept as text and dates as days', async () => {
    const template = await admin.download(`/api/import-mappings/${await mappingId(admin, DEALER_SALES)}/template`)
    const { sheet } = await readXlsx(template.data)
    const workbook = sheet.workbook
    sheet.getRow(2).values = saleRow(1, { 'Sale Date': new Date(Date.UTC(2026, 8, 3)) }) as never
    sheet.getRow(3).values = saleRow(2, { 'Activation Type': 'Port In', Features: 'intl, hotspot' }) as never
    const filled = Buffer.from(await workbook.xlsx.writeBuffer())
    const result = await importFile(app, admin, DEALER_SALES, 'filled-template.xlsx', filled)
    expect(result).toMatchObject({ status: 'completed', rowsRead: 2, accepted: 2, rejected: 0, inserted: 2 })
    expect(await salesOf(result.id)).toEqual([
      { row: 2, date: '2026-09-03', mdn: key(1).mdn, iccid: key(1).iccid, imei: key(1).imei, features: 'HOTSPOT', type: 'new' },
      { row: 3, date: '2026-09-14', mdn: key(2).mdn, iccid: key(2).iccid, imei: key(2).imei, features: 'HOTSPOT,INTL', type: 'port_in' },
    ])
  })

  it('Excel serial dates, numbers for short ids, trailing spaces, blank rows, a title line and a two-row merged header are all read', async () => {
    const file = await xlsx(
      [
        ['September sales report — Bay Mobile'],
        ['Dealer Code', 'Sale Date', 'Carrier', 'Activation Type', 'Line keys', null, null, 'Rate Plan', 'Features', 'Customer Account'],
        [null, null, null, null, 'MDN', 'ICCID', 'IMEI', null, null, null],
        saleRow(10, { 'Sale Date': 46279, 'Dealer Code': 'DLR-0101   ', 'Rate Plan': ' vtx-ess ' }),
        [],
        saleRow(11, { 'Sale Date': '09/15/2026', MDN: Number(key(11).mdn) }),
        [null, '  ', null],
        saleRow(12, { IMEI: Number(key(12).imei) }),
      ],
      {
        build: (sheet) =>
          ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:G2', 'H2:H3', 'I2:I3', 'J2:J3'].forEach((range) => sheet.mergeCells(range)),
      },
    )
    const result = await importFile(app, admin, DEALER_SALES, 'messy.xlsx', file)
    expect(result).toMatchObject({ status: 'completed', rowsRead: 3, accepted: 3, rejected: 0, blankRows: 2 })
    const rows = await salesOf(result.id)
    expect(rows.map((r) => [r.row, r.date, r.mdn, r.imei])).toEqual([
      [4, '2026-09-14', key(10).mdn, key(10).imei],
      [6, '2026-09-15', key(11).mdn, key(11).imei],
      [8, '2026-09-14', key(12).mdn, key(12).imei],
    ])
  })

  it('rejects each bad row with its row number and the column at fault, accepts the rest, and accepted + rejected = read', async () => {
    const iccidAsNumber = Number(key(23).iccid)
    const file = await xlsx([
      HEADERS,
      saleRow(20),
      saleRow(21, { 'Sale Date': '2026-02-30' }),
      saleRow(22, { 'Rate Plan': 'NOPE-PLAN' }),
      saleRow(23, { ICCID: iccidAsNumber }),
      saleRow(24, { 'Dealer Code': 'DLR-9999' }),
      saleRow(25, { 'Sale Date': '2099-01-01' }),
      saleRow(26),
    ])
    const result = await importFile(app, admin, DEALER_SALES, 'with-errors.xlsx', file)
    expect(result).toMatchObject({ status: 'completed', rowsRead: 7, accepted: 2, rejected: 5 })
    expect(result.accepted + result.rejected).toBe(result.rowsRead)
    const rejects = await app.sql.query(
      `select row_number::int as row, reasons from import_rejects where import_id = $1 order by row_number`,
      [result.id],
    )
    expect(rejects.rows.map((r) => r.row)).toEqual([3, 4, 5, 6, 7])
    expect(rejects.rows[0].reasons).toBe('Sale Date: "2026-02-30" is not a real date')
    expect(rejects.rows[1].reasons).toBe(
      `Rate Plan: unknown rate plan "NOPE-PLAN" for this carrier: add it to the mapping's value translations`,
    )
    expect(rejects.rows[2].reasons).toMatch(/^ICCID: arrived as a number .* lost digits/)
    expect(rejects.rows[3].reasons).toBe(`Dealer Code: unknown dealer "DLR-9999": add it to the mapping's value translations`)
    expect(rejects.rows[4].reasons).toBe('Sale Date: 2099-01-01 is in the future')

    // The rejects workbook: the original columns plus Errors; fixed and imported again, every row goes in.
    const download = await admin.download(`/api/imports/${result.id}/rejects`)
    expect(download.status).toBe(200)
    const { sheet, rows } = await readXlsx(download.data)
    expect(rows[0]).toEqual([...HEADERS, 'Errors', 'Source Row'])
    expect(rows.length).toBe(6)
    expect(rows[1]!.slice(-2)).toEqual(['Sale Date: "2026-02-30" is not a real date', 3])
    sheet.getCell('B2').value = '2026-09-20'
    sheet.getCell('H3').value = 'VTX-ESS'
    sheet.getCell('F4').value = key(23).iccid
    sheet.getCell('A5').value = 'DLR-0102'
    sheet.getCell('B6').value = '2026-09-21'
    const fixed = Buffer.from(await sheet.workbook.xlsx.writeBuffer())
    const again = await importFile(app, admin, DEALER_SALES, 'with-errors-fixed.xlsx', fixed)
    expect(again).toMatchObject({ status: 'completed', rowsRead: 5, accepted: 5, rejected: 0, inserted: 5 })
  })

  it('re-importing the same file or an overlapping one creates no duplicates, and says so', async () => {
    const first = await xlsx([HEADERS, saleRow(30), saleRow(31), saleRow(32)])
    const one = await importFile(app, admin, DEALER_SALES, 'batch-1.xlsx', first)
    expect(one).toMatchObject({ inserted: 3, duplicates: 0 })
    const same = await importFile(app, admin, DEALER_SALES, 'batch-1-again.xlsx', first)
    expect(same).toMatchObject({ status: 'completed', rowsRead: 3, accepted: 3, inserted: 0, duplicates: 3, duplicateOf: one.id })
    expect(same.message).toContain(`imported before (import #${one.id})`)
    const overlapping = await xlsx([HEADERS, saleRow(32), saleRow(33), saleRow(33)])
    const three = await importFile(app, admin, DEALER_SALES, 'batch-2.xlsx', overlapping)
    expect(three).toMatchObject({ rowsRead: 3, accepted: 3, inserted: 1, duplicates: 2, duplicateOf: null })
    const count = await app.sql.query(`select count(*)::int as n from dealer_sales where iccid = any($1)`, [
      [30, 31, 32, 33].map((n) => key(n).iccid),
    ])
    expect(count.rows[0].n).toBe(4)
  })
})

describe('carrier files and bad files', () => {
  it("a carrier's own layout: ';'-separated CSV with a BOM, comma decimals, DD.MM.YYYY dates and a preamble", async () => {
    const k = key(40)
    const k2 = key(41)
    const csv =
      '\uFEFFVertex Wireless — dealer commission export\r\nGenerated 01.10.2026\r\n\r\n' +
      'ACT_DATE;ACT_TYPE;MDN;SIM_ICCID;DEVICE_IMEI;PLAN_CODE;FEATURES;ACCOUNT_NO;AGENT_CODE;STATUS;DEACT_DATE;ACT_COMM;FEAT_COMM;SPIFF\r\n' +
      `14.09.2026;NEW;${k.mdn};${k.iccid};${k.imei};VTX-UNL-5G;HOTSPOT;A-1;DLR-0101;active;;1.150,00;20,00;0\r\n` +
      ';;;;;;;;;;;;;\r\n' +
      `15.09.2026;Port In;${k2.mdn};${k2.iccid};${k2.imei};VTX-UNL-5G;;A-2;DLR-0102;deactivated;25.09.2026;175,5;;50,00 \r\n`
    const result = await importFile(app, admin, VERTEX_EXPORT, 'vertex-export.csv', Buffer.from(csv, 'utf8'))
    expect(result).toMatchObject({ status: 'completed', rowsRead: 2, accepted: 2, rejected: 0, blankRows: 1 })
    const rows = await app.sql.query(
      `select activation_date::text as date, activation_type::text as type, line_status::text as status, deactivation_date::text as deact,
              paid_activation::text as act, paid_features::text as feat, paid_spiff::text as spiff, paid_total::text as total
         from carrier_records where import_id = $1 order by source_row`,
      [result.id],
    )
    expect(rows.rows).toEqual([
      {
        date: '2026-09-14',
        type: 'new',
        status: 'active',
        deact: null,
        act: '1150.0000',
        feat: '20.0000',
        spiff: '0.0000',
        total: '1170.0000',
      },
      {
        date: '2026-09-15',
        type: 'port_in',
        status: 'deactivated',
        deact: '2026-09-25',
        act: '175.5000',
        feat: '0.0000',
        spiff: '50.0000',
        total: '225.5000',
      },
    ])
  })

  it('a file with the wrong columns fails up front listing expected and found headers, and writes nothing', async () => {
    const before = (await app.sql.query(`select count(*)::int as n from dealer_sales`)).rows[0].n
    const unrelated = await importFile(
      app,
      admin,
      DEALER_SALES,
      'wrong-columns.xlsx',
      await xlsx([
        ['Store', 'When', 'Phone'],
        ['DLR-0101', '2026-09-01', '2025550100'],
      ]),
    )
    expect(unrelated.status).toBe('failed')
    expect(unrelated.message).toContain('"Dealer Code", "Sale Date", "Carrier"')
    expect(unrelated.message).toContain('contains "Store", "When", "Phone"')
    const renamed = HEADERS.map((header) => (header === 'Rate Plan' ? 'Plan' : header))
    const missing = await importFile(app, admin, DEALER_SALES, 'renamed-column.xlsx', await xlsx([renamed, saleRow(60)]))
    expect(missing.status).toBe('failed')
    expect(missing.message).toContain(`Expected: ${HEADERS.join(', ')}. Missing: Rate Plan. Found (row 1): ${renamed.join(', ')}.`)
    expect((await app.sql.query(`select count(*)::int as n from dealer_sales`)).rows[0].n).toBe(before)
  })

  it('refuses a PDF or an old .xls at upload with a clear error, and a truncated workbook leaves nothing half-imported', async () => {
    const mapping = await mappingId(admin, DEALER_SALES)
    const pdf = await admin.upload(
      '/api/imports',
      { mapping },
      { name: 'invoice.pdf', data: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n') },
    )
    expect(pdf.status).toBe(400)
    expect(fieldErrorOf(pdf.body)).toEqual({
      path: 'file',
      message: '"invoice.pdf" is a PDF document, not a spreadsheet. Export the report as .xlsx (Excel Workbook) or .csv and upload that.',
    })
    const xls = await admin.upload(
      '/api/imports',
      { mapping },
      { name: 'old.xls', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]) },
    )
    expect(xls.status).toBe(400)
    expect(JSON.stringify(xls.body)).toContain('save as .xlsx')

    const before = (await app.sql.query(`select count(*)::int as n from dealer_sales`)).rows[0].n
    const rows = [HEADERS, ...Array.from({ length: 3000 }, (_, i) => saleRow(5000 + i))]
    const good = await xlsx(rows)
    const truncated = await importFile(app, admin, DEALER_SALES, 'truncated.xlsx', good.subarray(0, Math.floor(good.length * 0.6)))
    expect(truncated.status).toBe('failed')
    expect(truncated.message).toMatch(/Nothing was imported\.$/)
    expect((await app.sql.query(`select count(*)::int as n from dealer_sales`)).rows[0].n).toBe(before)
  })

  it('imports are staff-only over REST, and a partner reads only its own dealers\u2019 sales', async () => {
    const partner = await Api.login(app.url, 'admin@coastal.example')
    const mapping = await mappingId(admin, DEALER_SALES)
    const upload = await partner.upload('/api/imports', { mapping }, { name: 'x.csv', data: Buffer.from('a,b\n1,2\n') })
    expect(upload.status).toBe(403)
    expect((await partner.get('/api/imports')).status).toBe(403)
    expect((await partner.get('/api/carrier-records')).status).toBe(403)
    // The downloads of an import and a mapping answer a partner like a missing one: 404, not 403 and not the file.
    const anyImport = (await app.sql.query(`select id from imports order by id limit 1`)).rows[0].id as number
    expect((await partner.download(`/api/imports/${anyImport}/rejects`)).status).toBe(404)
    expect((await partner.download(`/api/import-mappings/${mapping}/template`)).status).toBe(404)
    const sales = await partner.get('/api/dealer-sales?limit=1000&depth=1')
    expect(sales.status).toBe(200)
    const dealers = new Set(sales.body.docs.map((doc: { dealer: { code: string } }) => doc.dealer.code))
    expect([...dealers].sort()).toEqual(['DLR-0201'])
    const staff = await admin.get('/api/dealer-sales?limit=1&depth=0')
    expect(staff.body.totalDocs).toBeGreaterThan(sales.body.totalDocs)
  })
})
