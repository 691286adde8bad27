import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lineKeys } from '../../../seed/reconcile/reconData'
import { startTestApp, type TestApp } from '../../support/app'
import { Api, fieldErrorOf } from '../../support/http'
import { drainJobs, importFile } from '../../support/telecom'

/**
 * A carrier's own vocabulary as data (value translations on a mapping), carriers named by name, a fixed carrier that
 * refuses another carrier's rows, footers under the data, and the mapping preview that writes nothing.
 */
let app: TestApp
let admin: Api
const key = (n: number) => lineKeys(960_000 + n)
const HINT = ": add it to the mapping's value translations"

/** Tidal's own export: its codes for activation types, statuses, plans and features, none of them built in. */
const TIDAL_HEADERS = 'ACTDT;TXN;MSISDN;SIM;PLAN;ADDONS;STAT;DISCDT;COMM'
const tidalLine = (n: number, txn: string, plan: string, addons: string, stat: string, disc = '', comm = '90,00') =>
  [`2026-07-${String(10 + n).padStart(2, '0')}`, txn, key(n).mdn, key(n).iccid, plan, addons, stat, disc, comm].join(';')
const TIDAL_FILE = Buffer.from(
  [
    TIDAL_HEADERS,
    tidalLine(1, 'GA', 'MAX5G', 'IDD', 'A'),
    tidalLine(2, 'PI', 'PLUS', '', 'A', '', '140,00'),
    tidalLine(3, 'GA', 'MAX5G', '', 'C', '2026-07-30'),
    tidalLine(4, 'GA', 'PLUS', 'IDD', 'A'),
  ].join('\n') + '\n',
)

async function carrierId(code: string): Promise<number> {
  return (await admin.get(`/api/carriers?where[code][equals]=${code}&depth=0`)).body.docs[0].id
}

async function createMapping(body: Record<string, unknown>): Promise<number> {
  const res = await admin.post('/api/import-mappings', body)
  if (res.status !== 201) throw new Error(`mapping refused: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc.id
}

const TIDAL_COLUMNS = [
  { field: 'activationDate', header: 'ACTDT' },
  { field: 'activationType', header: 'TXN' },
  { field: 'mdn', header: 'MSISDN' },
  { field: 'iccid', header: 'SIM' },
  { field: 'ratePlanCode', header: 'PLAN' },
  { field: 'features', header: 'ADDONS' },
  { field: 'lineStatus', header: 'STAT' },
  { field: 'deactivationDate', header: 'DISCDT' },
  { field: 'paidActivation', header: 'COMM' },
]

beforeAll(async () => {
  app = await startTestApp('ingest_translations')
  admin = await Api.login(app.url, 'admin@northwind.example')
})

afterAll(async () => {
  await app?.close()
})

describe("a carrier's own codes, configured as value translations", () => {
  let mapping: number

  it('without translations, every unknown value is rejected naming the column and the value, and listed in the rejects workbook', async () => {
    mapping = await createMapping({
      name: 'Tidal raw export',
      source: 'carrier_records',
      carrier: await carrierId('TDL'),
      csvDelimiter: ';',
      decimalSeparator: ',',
      dateFormats: 'YYYY-MM-DD',
      columns: TIDAL_COLUMNS,
    })
    const result = await importFile(app, admin, 'Tidal raw export', 'tidal-july.csv', TIDAL_FILE)
    expect(result).toMatchObject({ status: 'completed', rowsRead: 4, accepted: 0, rejected: 4 })
    const rejects = await app.sql.query(
      `select row_number::int as row, reasons from import_rejects where import_id = $1 order by row_number`,
      [result.id],
    )
    expect(rejects.rows[0]).toEqual({
      row: 2,
      reasons:
        `TXN: "GA" is not one of: new, upgrade, downgrade, port_in, feature_add${HINT}; ` +
        `PLAN: unknown rate plan "MAX5G" for this carrier${HINT}; ` +
        `STAT: "A" is not one of: active, suspended, deactivated${HINT}`,
    })
    expect(result.message).toContain('Values the mapping does not know: ')
    expect(result.message).toContain('TXN "GA" (3 rows)')

    const workbook = await admin.download(`/api/imports/${result.id}/rejects`)
    expect(workbook.status).toBe(200)
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(workbook.data as never)
    const unknown = book.getWorksheet('Unknown values')!
    const listed = unknown
      .getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[]).slice(1, 5))
    expect(listed).toEqual(
      expect.arrayContaining([
        ['TXN', 'activationType', 'GA', 3],
        ['TXN', 'activationType', 'PI', 1],
        ['PLAN', 'ratePlanCode', 'MAX5G', 2],
        ['PLAN', 'ratePlanCode', 'PLUS', 2],
        ['STAT', 'lineStatus', 'A', 3],
        ['STAT', 'lineStatus', 'C', 1],
      ]),
    )
    expect(listed).toHaveLength(6) // ADDONS is not checked against a list: "IDD" is not "unknown"
  })

  it('a translation to nothing Accrue knows, or a value translated twice, is refused naming the row', async () => {
    const bad = await admin.patch(`/api/import-mappings/${mapping}`, {
      valueMaps: [{ field: 'activationType', value: 'GA', means: 'gross' }],
    })
    expect(bad.status).toBe(400)
    expect(fieldErrorOf(bad.body)).toEqual({
      path: 'valueMaps',
      message: 'value translation 1: Activation Type "GA" must mean one of new, upgrade, downgrade, port_in, feature_add, not "gross"',
    })
    const twice = await admin.patch(`/api/import-mappings/${mapping}`, {
      valueMaps: [
        { field: 'lineStatus', value: 'A', means: 'active' },
        { field: 'lineStatus', value: ' a ', means: 'suspended' },
      ],
    })
    expect(fieldErrorOf(twice.body)).toEqual({
      path: 'valueMaps',
      message: 'value translation 2: Line Status " a " is already translated in row 1',
    })
  })

  it('with the translations added in the mapping, the rejected rows import as the carrier meant them', async () => {
    const saved = await admin.patch(`/api/import-mappings/${mapping}`, {
      valueMaps: [
        { field: 'activationType', value: 'GA', means: 'new' },
        { field: 'activationType', value: 'PI', means: 'port_in' },
        { field: 'lineStatus', value: 'A', means: 'active' },
        { field: 'lineStatus', value: 'C', means: 'deactivated' },
        { field: 'ratePlanCode', value: 'MAX5G', means: 'TDL-MAX' },
        { field: 'ratePlanCode', value: 'PLUS', means: 'TDL-PLUS' },
        { field: 'features', value: 'IDD', means: 'INTL' },
      ],
    })
    expect(saved.status).toBe(200)
    const result = await importFile(app, admin, 'Tidal raw export', 'tidal-july-again.csv', Buffer.from(TIDAL_FILE.toString() + '\n'))
    expect(result).toMatchObject({ status: 'completed', rowsRead: 4, accepted: 4, rejected: 0, inserted: 4 })
    const stored = await app.sql.query(
      `select r.mdn, r.activation_type::text as type, p.code as plan, r.features, r.line_status::text as status, r.paid_total::text as paid
         from carrier_records r join rate_plans p on p.id = r.rate_plan_id where r.import_id = $1 order by r.activation_date`,
      [result.id],
    )
    expect(stored.rows).toEqual([
      { mdn: key(1).mdn, type: 'new', plan: 'TDL-MAX', features: 'INTL', status: 'active', paid: '90.0000' },
      { mdn: key(2).mdn, type: 'port_in', plan: 'TDL-PLUS', features: '', status: 'active', paid: '140.0000' },
      { mdn: key(3).mdn, type: 'new', plan: 'TDL-MAX', features: '', status: 'deactivated', paid: '90.0000' },
      { mdn: key(4).mdn, type: 'new', plan: 'TDL-PLUS', features: 'INTL', status: 'active', paid: '90.0000' },
    ])
  })
})

describe('the carrier column', () => {
  const HEADERS = 'Dealer Code,Sale Date,Carrier,Activation Type,MDN,ICCID,IMEI,Rate Plan,Features,Customer Account'
  const sale = (n: number, carrier: string, plan: string) =>
    ['DLR-0301', '2026-07-20', carrier, 'new', key(n).mdn, key(n).iccid, '', plan, '', `C-${n}`].join(',')

  it("matches a carrier's name as well as its code", async () => {
    const file = Buffer.from([HEADERS, sale(11, 'Tidal Mobile', 'TDL-PLUS'), sale(12, 'vertex wireless', 'VTX-ESS')].join('\n'))
    const result = await importFile(app, admin, 'Dealer sales (standard template)', 'by-name.csv', file)
    expect(result).toMatchObject({ accepted: 2, rejected: 0 })
    const carriers = await app.sql.query(
      `select c.code from dealer_sales s join carriers c on c.id = s.carrier_id where s.import_id = $1 order by s.source_row`,
      [result.id],
    )
    expect(carriers.rows.map((row) => row.code)).toEqual(['TDL', 'VTX'])
  })

  it("a mapping that fixes the carrier rejects a row naming another carrier instead of moving it to the mapping's", async () => {
    await createMapping({
      name: 'Tidal-only dealer sales',
      source: 'dealer_sales',
      carrier: await carrierId('TDL'),
      dateFormats: 'YYYY-MM-DD',
      columns: HEADERS.split(',').map((header, i) => ({
        field: [
          'dealerCode',
          'saleDate',
          'carrierCode',
          'activationType',
          'mdn',
          'iccid',
          'imei',
          'ratePlanCode',
          'features',
          'customerAccount',
        ][i],
        header,
      })),
      valueMaps: [{ field: 'carrierCode', value: 'Tidal', means: 'TDL' }],
    })
    const file = Buffer.from([HEADERS, sale(13, 'Tidal', 'TDL-PLUS'), sale(14, '', 'TDL-GO'), sale(15, 'VTX', 'TDL-PLUS')].join('\n'))
    const result = await importFile(app, admin, 'Tidal-only dealer sales', 'tidal-only.csv', file)
    expect(result).toMatchObject({ rowsRead: 3, accepted: 2, rejected: 1 })
    const reasons = await app.sql.query(`select row_number::int as row, reasons from import_rejects where import_id = $1`, [result.id])
    expect(reasons.rows).toEqual([
      { row: 4, reasons: `Carrier: "VTX" is another carrier than this mapping's (TDL); import its rows with that carrier's mapping` },
    ])
  })
})

describe('footers', () => {
  const HEADERS = 'Dealer Code,Sale Date,Carrier,Activation Type,MDN,ICCID,IMEI,Rate Plan,Features,Customer Account'
  const sale = (n: number) => ['DLR-0302', '2026-07-21', 'TDL', 'new', key(n).mdn, key(n).iccid, '', 'TDL-PLUS', '', `F-${n}`].join(',')

  it('lines after the data that do not fit the header are skipped and counted apart; the same line mid-file is a rejection', async () => {
    const file = Buffer.from(
      [HEADERS, sale(21), 'Subtotal,,,,,,,,,1', sale(22), sale(23), '', 'Total rows: 3,,,,,,,,,', 'End of report'].join('\n') + '\n',
    )
    const result = await importFile(app, admin, 'Dealer sales (standard template)', 'with-footer.csv', file)
    expect(result).toMatchObject({ status: 'completed', rowsRead: 4, accepted: 3, rejected: 1, blankRows: 1, footerRows: 2 })
    const rejects = await app.sql.query(`select row_number::int as row from import_rejects where import_id = $1`, [result.id])
    expect(rejects.rows).toEqual([{ row: 3 }])
    expect(result.message).toContain(
      'Skipped 2 lines after the data that are not data (a footer: totals, counts or notes), not counted as rows: row 7 "Total rows: 3", row 8 "End of report".',
    )
  })

  it('more lines that do not fit than a footer has are rejections, all of them', async () => {
    const junk = Array.from({ length: 14 }, (_, i) => `Note ${i + 1},,,,,,,,,`)
    const file = Buffer.from([HEADERS, sale(26), ...junk].join('\n'))
    const result = await importFile(app, admin, 'Dealer sales (standard template)', 'long-notes.csv', file)
    expect(result).toMatchObject({ rowsRead: 15, accepted: 1, rejected: 14, footerRows: 0 })
  })

  it('a bad data row at the end is still a rejection, not a footer', async () => {
    const file = Buffer.from(
      [HEADERS, sale(24), ['DLR-0302', '2026-07-21', 'TDL', 'new', key(25).mdn, '', '', 'TDL-NOPE', '', ''].join(',')].join('\n'),
    )
    const result = await importFile(app, admin, 'Dealer sales (standard template)', 'bad-last-row.csv', file)
    expect(result).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1, footerRows: 0 })
  })
})

describe('the mapping preview', () => {
  const HEADERS = 'Dealer Code,Sale Date,Carrier,Activation Type,MDN,ICCID,IMEI,Rate Plan,Features,Customer Account'
  const sale = (n: number, dealer = 'DLR-0101', plan = 'VTX-UNL-5G') =>
    [dealer, '2026-07-22', 'VTX', 'new', key(n).mdn, key(n).iccid, '', plan, 'hotspot', `P-${n}`].join(',')
  const tables = async () =>
    (
      await app.sql.query(
        `select (select count(*) from dealer_sales)::int as sales, (select count(*) from imports)::int as imports,
                (select count(*) from import_rejects)::int as rejects`,
      )
    ).rows[0]

  async function preview(api: Api, mapping: string, name: string, data: Buffer) {
    const id = (await api.get(`/api/import-mappings?where[name][equals]=${encodeURIComponent(mapping)}&depth=0`)).body.docs[0]?.id ?? 1
    return api.upload(`/api/import-mappings/${id}/preview`, {}, { name, data })
  }

  it('shows the header, the rows as they would be stored, every reason and the counts, and writes nothing', async () => {
    // Line 31 is already imported: the preview counts it as such.
    await importFile(app, admin, 'Dealer sales (standard template)', 'before-preview.csv', Buffer.from([HEADERS, sale(31)].join('\n')))
    const before = await tables()
    const rows = [
      sale(31),
      sale(32),
      sale(33, 'DLR-9999'),
      sale(34, 'DLR-0101', 'VTX-NOPE'),
      sale(32),
      ...Array.from({ length: 60 }, (_, i) => sale(100 + i)),
    ]
    const file = Buffer.from(['Sales export, July', HEADERS, ...rows, 'Rows: 65'].join('\n'))
    const res = await preview(admin, 'Dealer sales (standard template)', 'july.csv', file)
    expect(res.status).toBe(200)
    expect(res.body.written).toBe(false)
    expect(res.body.header).toEqual({ rowNumber: 2, headers: HEADERS.split(','), missing: [] })
    expect(res.body.counts).toEqual({
      rowsRead: 65,
      accepted: 63,
      new: 61,
      alreadyImported: 1,
      repeatedInFile: 1,
      rejected: 2,
      blankRows: 0,
      footerRows: 1,
    })
    expect(res.body.rows).toHaveLength(50)
    expect(res.body.rows[0]).toEqual({
      rowNumber: 3,
      stored: expect.objectContaining({
        dealerCode: 'DLR-0101',
        carrierCode: 'VTX',
        ratePlanCode: 'VTX-UNL-5G',
        saleDate: '2026-07-22',
        activationType: 'new',
        mdn: key(31).mdn,
        iccid: key(31).iccid,
        features: 'HOTSPOT',
        customerAccount: 'P-31',
      }),
    })
    expect(res.body.rejected).toEqual([
      { rowNumber: 5, reasons: `Dealer Code: unknown dealer "DLR-9999"${HINT}` },
      { rowNumber: 6, reasons: `Rate Plan: unknown rate plan "VTX-NOPE" for this carrier${HINT}` },
    ])
    expect(res.body.reasons).toEqual([
      { column: 'Dealer Code', reason: `unknown dealer "DLR-9999"${HINT}`, rows: 1 },
      { column: 'Rate Plan', reason: `unknown rate plan "VTX-NOPE" for this carrier${HINT}`, rows: 1 },
    ])
    expect(res.body.footers).toEqual([{ rowNumber: 68, text: 'Rows: 65' }])
    expect(await tables()).toEqual(before)
  })

  it('takes a file of several megabytes, like an import (not the 1 MB limit of other requests)', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => sale(1_000 + i))
    const file = Buffer.from([HEADERS, ...rows].join('\n'))
    expect(file.length).toBeGreaterThan(2 * 1024 * 1024)
    const res = await preview(admin, 'Dealer sales (standard template)', 'big.csv', file)
    expect(res.status).toBe(200)
    expect(res.body.counts).toMatchObject({ rowsRead: 30_000, accepted: 30_000, new: 30_000 })
  })

  it('a file that cannot be read answers 422 with the reason; only the people who import may preview', async () => {
    const wrong = await preview(admin, 'Dealer sales (standard template)', 'wrong.csv', Buffer.from('a,b,c\n1,2,3\n'))
    expect(wrong.status).toBe(422)
    expect(wrong.body.errors[0].message).toMatch(/^No header row found in the first 30 rows/)
    const pdf = await preview(admin, 'Dealer sales (standard template)', 'x.pdf', Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n'))
    expect(pdf.status).toBe(422)
    const auditor = await Api.login(app.url, 'auditor@northwind.example')
    expect((await preview(auditor, 'Dealer sales (standard template)', 'july.csv', Buffer.from(HEADERS))).status).toBe(403)
    const missing = await admin.upload('/api/import-mappings/999999/preview', {}, { name: 'a.csv', data: Buffer.from(HEADERS) })
    expect(missing.status).toBe(404)
    await drainJobs(app)
  })
})
