import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { Api, fieldErrorOf } from '../../support/http'
import { drainJobs, mappingId, type ImportDoc } from '../../support/telecom'
import { workbookWithPadding } from '../../support/zip'

/**
 * Issue 12, item 11 (workbooks): a small upload that unpacks to hundreds of megabytes is refused with a message naming
 * the file, the part and the limit, whether its zip declares the size (refused at upload, nothing stored) or lies
 * about it (the import job counts what really inflates and stops), and the server's memory does not grow anywhere near
 * the expanded size. A CSV line without end is refused the same way.
 */
const DEALER_SALES = 'Dealer sales (standard template)'
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
const MB = 1024 * 1024

let app: TestApp
let admin: Api
const savedEnv = { ...process.env }

const importCount = async () => Number((await app.sql.query(`select count(*) from imports`)).rows[0].count)

/** Uploads, runs the job, and returns the import with the highest RSS this process reached meanwhile. */
async function importMeasured(name: string, data: Buffer): Promise<{ doc: ImportDoc; rssGrowth: number }> {
  const created = await admin.upload('/api/imports', { mapping: await mappingId(admin, DEALER_SALES) }, { name, data })
  if (created.status !== 201) throw new Error(`upload of ${name} refused: ${created.status} ${JSON.stringify(created.body)}`)
  const baseline = process.memoryUsage().rss
  let peak = baseline
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 5)
  try {
    await drainJobs(app)
  } finally {
    clearInterval(sampler)
  }
  peak = Math.max(peak, process.memoryUsage().rss)
  const doc = (await admin.get(`/api/imports/${created.body.doc.id}?depth=0`)).body as ImportDoc
  return { doc, rssGrowth: peak - baseline }
}

beforeAll(async () => {
  app = await startTestApp('security_ingest')
  admin = await Api.login(app.url, 'admin@northwind.example')
})
afterEach(() => {
  for (const name of ['ACCRUE_IMPORT_MAX_PART_MB', 'ACCRUE_IMPORT_MAX_EXPANDED_MB', 'ACCRUE_IMPORT_MAX_RATIO']) {
    if (savedEnv[name] === undefined) delete process.env[name]
    else process.env[name] = savedEnv[name]
  }
})
afterAll(async () => {
  await app?.close()
})

describe('a workbook that expands past the limits', () => {
  it('is refused at upload when its zip declares it: a 300 MB sheet in a few hundred KB, named with the limit and what to do, nothing stored', async () => {
    const bomb = await workbookWithPadding([HEADERS], { megabytes: 300 })
    expect(bomb.length).toBeLessThan(1 * MB)
    const before = await importCount()
    const res = await admin.upload('/api/imports', { mapping: await mappingId(admin, DEALER_SALES) }, { name: 'bomb.xlsx', data: bomb })
    expect(res.status).toBe(400)
    const error = fieldErrorOf(res.body)
    expect(error?.path).toBe('file')
    expect(error?.message).toMatch(
      /^The Excel file "bomb\.xlsx" is refused: xl\/worksheets\/sheet1\.xml expands to more than 200 MB \(it declares 300 MB from \d+ KB\)\. Split the data into smaller files \(for example a month each\) and import them one by one, or ask an administrator to raise ACCRUE_IMPORT_MAX_PART_MB\.$/,
    )
    expect(await importCount()).toBe(before)
  }, 60_000)

  it('is stopped while it streams when its zip lies about the size: the import fails naming the part, and memory stays far below the expansion', async () => {
    const liar = await workbookWithPadding([HEADERS], { megabytes: 300, declaredSheetSize: 2_000 })
    const { doc, rssGrowth } = await importMeasured('liar.xlsx', liar)
    expect(doc.status).toBe('failed')
    expect(doc.message).toMatch(
      /^The Excel file "liar(-\d+)?\.xlsx" is refused: xl\/worksheets\/sheet1\.xml expands more than 200 times \(10 MB from \d+ KB so far\)\. /,
    )
    expect(doc.message).toMatch(/ask an administrator to raise ACCRUE_IMPORT_MAX_RATIO\. Nothing was imported\.$/)
    expect(doc.rowsRead).toBe(0)
    // 300 MB expanded; the read stops at about 10 MB. A generous bound for everything else the job allocates.
    expect(rssGrowth).toBeLessThan(120 * MB)
  }, 120_000)

  it('the limits come from the environment: a part past ACCRUE_IMPORT_MAX_PART_MB is refused at upload, or while streaming when it lies', async () => {
    process.env.ACCRUE_IMPORT_MAX_PART_MB = '2'
    const mapping = await mappingId(admin, DEALER_SALES)
    const honest = await admin.upload(
      '/api/imports',
      { mapping },
      { name: 'three-mb.xlsx', data: await workbookWithPadding([HEADERS], { megabytes: 3 }) },
    )
    expect(honest.status).toBe(400)
    expect(fieldErrorOf(honest.body)?.message).toMatch(
      /^The Excel file "three-mb\.xlsx" is refused: xl\/worksheets\/sheet1\.xml expands to more than 2 MB \(it declares 3 MB from \d+ KB\)\./,
    )

    const { doc } = await importMeasured(
      'three-mb-lying.xlsx',
      await workbookWithPadding([HEADERS], { megabytes: 3, declaredSheetSize: 2_000 }),
    )
    expect(doc.status).toBe('failed')
    expect(doc.message).toMatch(
      /^The Excel file "three-mb-lying(-\d+)?\.xlsx" is refused: xl\/worksheets\/sheet1\.xml expands to more than 2 MB\. .*ACCRUE_IMPORT_MAX_PART_MB\. Nothing was imported\.$/,
    )
  }, 60_000)

  it('a workbook built the same way within the limits imports (the refusals above are about size, not the file)', async () => {
    const row = ['DLR-0101', '2026-09-14', 'VTX', 'new', '2025550199', '89910000000000000019', '', 'VTX-UNL', '', 'BA-1']
    const { doc } = await importMeasured('padded.xlsx', await workbookWithPadding([HEADERS, row], { megabytes: 1 }))
    expect(doc.message).not.toMatch(/refused/)
    expect(doc.status).toBe('completed')
    // The row; the padded line after it fits no column of the header, so it is the file's footer (read, then skipped).
    expect([doc.rowsRead, doc.footerRows]).toEqual([1, 1])
  }, 60_000)
})

describe('a CSV line without end', () => {
  it('is refused naming the line, before the parser gathers it', async () => {
    const csv = Buffer.concat([Buffer.from(`${HEADERS.join(',')}\n`), Buffer.alloc(5 * MB, ',')])
    const created = await admin.upload('/api/imports', { mapping: await mappingId(admin, DEALER_SALES) }, { name: 'commas.csv', data: csv })
    expect(created.status).toBe(201)
    await drainJobs(app)
    const doc = (await admin.get(`/api/imports/${created.body.doc.id}?depth=0`)).body as ImportDoc
    expect(doc.status).toBe('failed')
    expect(doc.message).toMatch(
      /^The CSV file "commas(-\d+)?\.csv" is refused: line 2 is longer than 4 MB without a line break, which no real row is\. .*Nothing was imported\.$/,
    )
  }, 60_000)
})
