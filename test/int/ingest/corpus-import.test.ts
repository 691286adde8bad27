/**
 * Workbooks from other producers import end to end over REST: openpyxl's (absolute part names in its relationships,
 * the data on a second sheet after "Notes") and SheetJS's (ISO date cells), each stored as the rows it was written
 * from (test/fixtures/ingest/corpus/rows.json). The unit test test/unit/ingest/corpus.test.ts reads every producer.
 */
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'
import { importFile, mappingId } from '../../support/telecom'

const DEALER_SALES = 'Dealer sales (standard template)'
const CORPUS = path.resolve(import.meta.dirname, '../../fixtures/ingest/corpus')
const SOURCE = JSON.parse(fs.readFileSync(path.join(CORPUS, 'rows.json'), 'utf8')) as { rows: Record<string, string>[] }

let app: TestApp
let admin: Api

/** The sales an import stored, as the file's columns (codes looked up, dates as days). */
async function storedSales(importId: number): Promise<Record<string, string>[]> {
  const result = await app.sql.query(
    `select d.code as "Dealer Code", s.sale_date::text as "Sale Date", c.code as "Carrier",
            s.activation_type::text as "Activation Type", s.mdn as "MDN", s.iccid as "ICCID", s.imei as "IMEI",
            p.code as "Rate Plan", coalesce(s.features, '') as "Features", s.customer_account as "Customer Account"
       from dealer_sales s
       join participants d on d.id = s.dealer_id
       join carriers c on c.id = s.carrier_id
       join rate_plans p on p.id = s.rate_plan_id
      where s.import_id = $1
      order by s.source_row`,
    [importId],
  )
  return result.rows
}

beforeAll(async () => {
  app = await startTestApp('corpus_import')
  admin = await Api.login(app.url, 'admin@northwind.example')
  // The corpus keeps its rows on the sheet "Activations", after a notes sheet in some files.
  const res = await admin.patch(`/api/import-mappings/${await mappingId(admin, DEALER_SALES)}`, { sheetName: 'Activations' })
  expect(res.status).toBe(200)
})

afterAll(async () => {
  await app?.close()
})

describe('workbooks written by other programs import like Excel files', () => {
  it.each(['openpyxl-absolute-parts.xlsx', 'sheetjs-date-cells.xlsx'])('%s: every row is accepted and stored as written', async (file) => {
    // Each file carries the same sales: start from none, so that each one's rows are stored, not skipped as duplicates.
    await app.sql.query(`delete from dealer_sales where iccid = any($1)`, [SOURCE.rows.map((row) => row.ICCID)])
    const result = await importFile(app, admin, DEALER_SALES, file, fs.readFileSync(path.join(CORPUS, file)))
    expect(result).toMatchObject({ status: 'completed', rowsRead: 7, accepted: 7, rejected: 0, inserted: 7 })
    expect(await storedSales(result.id)).toEqual(SOURCE.rows)
  })
})
