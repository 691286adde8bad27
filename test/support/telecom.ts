import ExcelJS from 'exceljs'

import { startWorker } from '../../jobs/runWorker'
import type { TestApp } from './app'
import type { Api } from './http'

/** Runs every queued job (imports, reconciliations) to the end with a real worker. */
export async function drainJobs(app: TestApp): Promise<void> {
  const worker = startWorker(app.payload, { exitWhenIdle: true, pollMs: 50 })
  await worker.done
}

export async function mappingId(api: Api, name: string): Promise<number> {
  const res = await api.get(`/api/import-mappings?where[name][equals]=${encodeURIComponent(name)}&depth=0`)
  const id = res.body?.docs?.[0]?.id
  if (!id) throw new Error(`mapping "${name}" not found: ${JSON.stringify(res.body)}`)
  return id
}

export type ImportDoc = {
  id: number
  status: string
  message: string | null
  rowsRead: number
  accepted: number
  rejected: number
  inserted: number
  updated: number
  duplicates: number
  blankRows: number
  footerRows: number
  duplicateOf: number | null
}

/** Uploads a file over REST with a mapping, runs the queued import job, and returns the import as REST shows it. */
export async function importFile(app: TestApp, api: Api, mapping: string, name: string, data: Buffer): Promise<ImportDoc> {
  const created = await api.upload('/api/imports', { mapping: await mappingId(api, mapping) }, { name, data })
  if (created.status !== 201) throw new Error(`upload of ${name} refused: ${created.status} ${JSON.stringify(created.body)}`)
  await drainJobs(app)
  const doc = await api.get(`/api/imports/${created.body.doc.id}?depth=0`)
  return doc.body as ImportDoc
}

/** Builds a real .xlsx in memory: rows of cells under a header, optional rows above it. */
export async function xlsx(
  rows: unknown[][],
  options: { sheetName?: string; build?: (sheet: ExcelJS.Worksheet) => void } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Data')
  for (const row of rows) sheet.addRow(row)
  options.build?.(sheet)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Reads a downloaded workbook's first sheet as arrays of cell values. */
export async function readXlsx(data: Buffer): Promise<{ sheet: ExcelJS.Worksheet; rows: unknown[][] }> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(data as never)
  const sheet = workbook.worksheets[0]!
  const rows: unknown[][] = []
  sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)))
  return { sheet, rows }
}
