/**
 * The import benchmark: a `rows`-row .xlsx of valid dealer sales in the layout of the demo mapping "Dealer sales
 * (standard template)", written with exceljs's streaming writer (not timed). Timed: the upload through the Local
 * API (the upload hook, the stored file, the queued job) plus `runImport` (what the job does). The floor is reading
 * the same workbook with exceljs's streaming reader and nothing else.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Payload } from 'payload'
import type pg from 'pg'

import { luhnValid } from '../../engine/ingest/cells'
import { standardColumns } from '../../engine/ingest/fields'
import { ACTIVATION_TYPES } from '../../engine/telecom/vocabulary'
import { jobProgress } from '../../jobs/progress'
import { runImport } from '../../modules/ingest/runImport'
import { startBenchDatabase } from './database'
import { combineChecks, formatSeconds, peakRssMb, progress, result, timed, type BenchResult } from './report'
import { instrument, label, record, type Statement } from './statements'

export type ImportOptions = { rows: number; settings: Record<string, string> }

const MAPPING = 'Dealer sales (standard template)'
const CARRIER = 'VTX'
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export async function benchImport(options: ImportOptions): Promise<BenchResult> {
  const db = await startBenchDatabase(options.settings)
  try {
    return await run(db.payload, db.pool, db.dataDir, options)
  } finally {
    progress('stopping the database and deleting its folder')
    await db.close()
  }
}

async function run(payload: Payload, pool: pg.Pool, dataDir: string, options: ImportOptions): Promise<BenchResult> {
  const mapping = (await pool.query<{ id: number }>(`select id from import_mappings where name = $1`, [MAPPING])).rows[0]
  if (!mapping) throw new Error(`the demo data has no mapping "${MAPPING}"`)
  const dealers = (
    await pool.query<{ code: string }>(`select code from participants where kind = 'dealer' and code is not null order by code`)
  ).rows.map((r) => r.code)
  const plans = (
    await pool.query<{ code: string }>(
      `select p.code from rate_plans p join carriers c on c.id = p.carrier_id where c.code = $1 order by p.code`,
      [CARRIER],
    )
  ).rows.map((r) => r.code)
  if (dealers.length === 0 || plans.length === 0) throw new Error('the demo data has no dealers or no plans for the carrier')

  const file = path.join(dataDir, `dealer-sales-${options.rows}.xlsx`)
  const written = await timed(() => writeWorkbook(file, options.rows, dealers, plans))
  const size = fs.statSync(file).size
  progress(
    `wrote ${file} (${(size / 1024 / 1024).toFixed(1)} MB, ${options.rows} rows) in ${formatSeconds(written.seconds)} (not timed); peak RSS so far ${peakRssMb()} MB`,
  )

  const floor = await timed(() => readWorkbook(file))
  progress(
    `floor (exceljs streaming reader, all rows): ${formatSeconds(floor.seconds)}, ${floor.value} rows incl. header; peak RSS so far ${peakRssMb()} MB`,
  )

  await instrument(pool)
  progress('uploading through the Local API and running the import (timed)')
  const measured = await record(() =>
    timed(async () => {
      const upload = await timed(async () => {
        const data = fs.readFileSync(file)
        return payload.create({
          collection: 'imports',
          data: { mapping: mapping.id },
          file: { data, mimetype: XLSX_MIME, name: path.basename(file), size: data.length },
        })
      })
      const importId = upload.value.id as number
      progress(`  upload (hook, stored file, queued job): ${formatSeconds(upload.seconds)}; import ${importId}`)
      const job = await timed(() => runImport(payload, importId, jobProgress(payload, (upload.value.job as number | null) ?? 0)))
      progress(`  runImport: ${formatSeconds(job.seconds)}; ${JSON.stringify(job.value)}`)
      return importId
    }),
  )
  const seconds = measured.value.seconds
  const importId = measured.value.value
  progress(`import: ${formatSeconds(seconds)} (${Math.round(options.rows / seconds)} rows/s); peak RSS so far ${peakRssMb()} MB`)
  printSqlTime(measured.statements, seconds)

  const checks = await checkImport(pool, importId, options.rows)
  progress(`checks: ${checks}`)
  return result({ workload: 'import', rows: options.rows, seconds, floorSeconds: floor.seconds, checks })
}

function withLuhn(body: string): string {
  for (let digit = 0; digit < 10; digit++) if (luhnValid(body + digit)) return body + digit
  throw new Error('unreachable')
}

/** Row i of the file: valid, with identifiers no other row (and no demo row) has. */
function rowValues(i: number, dealers: readonly string[], plans: readonly string[]): Record<string, unknown> {
  const n = String(i).padStart(12, '0')
  return {
    dealerCode: dealers[i % dealers.length]!,
    saleDate: new Date(Date.UTC(2026, 5, 1 + (i % 30))),
    carrierCode: CARRIER,
    activationType: ACTIVATION_TYPES[i % ACTIVATION_TYPES.length]!,
    mdn: String(3_000_000_000 + i),
    iccid: `8991${String(i).padStart(15, '0')}`,
    imei: withLuhn(`86${n}`),
    ratePlanCode: plans[i % plans.length]!,
    features: i % 3 === 0 ? 'HOTSPOT' : '',
    customerAccount: `BA${i}`,
  }
}

/** The workbook as Excel would save it: shared strings, styles, dates as date-formatted serial numbers. */
async function writeWorkbook(file: string, rows: number, dealers: readonly string[], plans: readonly string[]): Promise<void> {
  const columns = standardColumns('dealer_sales', false)
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true })
  const sheet = workbook.addWorksheet('Dealer sales')
  sheet.addRow(columns.map((column) => column.header)).commit()
  const dateColumn = columns.findIndex((column) => column.field === 'saleDate') + 1
  for (let i = 0; i < rows; i++) {
    const values = rowValues(i, dealers, plans)
    const row = sheet.addRow(columns.map((column) => values[column.field] ?? null))
    row.getCell(dateColumn).numFmt = 'yyyy-mm-dd'
    row.commit()
  }
  sheet.commit()
  await workbook.commit()
}

/** Every row of the workbook through exceljs's streaming reader, nothing else; returns the row count. */
async function readWorkbook(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  })
  let rows = 0
  for await (const worksheet of reader) {
    for await (const _row of worksheet) rows++
  }
  return rows
}

async function checkImport(pool: pg.Pool, importId: number, rows: number): Promise<string> {
  const doc = (
    await pool.query<{ status: string; accepted: number; rejected: number; rowsRead: number; message: string | null }>(
      `select status::text as status, accepted::int as accepted, rejected::int as rejected, rows_read::int as "rowsRead", message from imports where id = $1`,
      [importId],
    )
  ).rows[0]
  if (!doc) return `import ${importId} not found`
  const stored = (await pool.query<{ n: number }>(`select count(*)::int as n from dealer_sales where import_id = $1`, [importId])).rows[0]!
    .n
  const checks = [
    doc.status === 'completed' ? 'ok' : `status ${doc.status} (${doc.message ?? 'no message'})`,
    doc.accepted === rows ? 'ok' : `accepted: expected ${rows}, got ${doc.accepted}`,
    doc.rejected === 0 ? 'ok' : `rejected: expected 0, got ${doc.rejected}`,
    stored === rows ? 'ok' : `dealer_sales of the import: expected ${rows}, got ${stored}`,
  ]
  if (doc.rejected > 0) {
    const sample = await pool.query<{ row: number; reasons: string }>(
      `select row_number::int as row, reasons from import_rejects where import_id = $1 order by row_number limit 3`,
      [importId],
    )
    for (const reject of sample.rows) progress(`  rejected row ${reject.row}: ${reject.reasons}`)
  }
  return combineChecks(...checks)
}

/** Where the import's time went: SQL statements grouped by kind, and the rest (reading, parsing, Payload). */
function printSqlTime(statements: readonly Statement[], seconds: number): void {
  const groups = new Map<string, { count: number; ms: number }>()
  for (const statement of statements) {
    const name = label(statement.sql)
    const group = groups.get(name) ?? { count: 0, ms: 0 }
    group.count++
    group.ms += statement.ms
    groups.set(name, group)
  }
  const total = [...groups.values()].reduce((sum, group) => sum + group.ms, 0)
  progress(
    `SQL time ${(total / 1000).toFixed(3)} s of ${seconds.toFixed(3)} s (${statements.length} statements); the rest is reading, parsing and Payload:`,
  )
  for (const [name, group] of [...groups].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) {
    progress(`${group.ms.toFixed(1).padStart(9)} ms  ${String(group.count).padStart(4)}x  ${name}`)
  }
}
