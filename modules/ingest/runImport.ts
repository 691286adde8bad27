import { createHash } from 'node:crypto'
import path from 'node:path'
import type { Payload } from 'payload'
import type { PoolClient } from 'pg'

import { normalizeHeader, type CellValue } from '../../engine/ingest/cells'
import { targetField, type ImportSource, type MappingColumn } from '../../engine/ingest/fields'
import {
  billingLineKey,
  carrierRecordKey,
  dealerSaleKey,
  describeErrors,
  readBillingLine,
  readCarrierRecord,
  readDealerSale,
  type Cells,
  type RowContext,
  type RowResult,
} from '../../engine/ingest/rows'
import {
  writeBillingLines,
  writeCarrierRecords,
  writeDealerSales,
  writeRejections,
  type Provenance,
  type Rejection,
  type WriteCounts,
} from './factWriters'
import { loadLookups } from './lookups'
import { estimateRows } from './rowEstimate'

type SourceIO = {
  read: (cells: Cells, ctx: RowContext) => RowResult<any>
  write: (client: PoolClient, rows: { row: any; provenance: Provenance }[]) => Promise<WriteCounts>
  keyOf: (row: any) => string
}

/** How each source's rows are read, keyed and written. */
const SOURCES: Record<ImportSource, SourceIO> = {
  dealer_sales: { read: readDealerSale, write: writeDealerSales, keyOf: dealerSaleKey },
  carrier_records: { read: readCarrierRecord, write: writeCarrierRecords, keyOf: carrierRecordKey },
  billing_lines: { read: readBillingLine, write: writeBillingLines, keyOf: billingLineKey },
}
import { openSheet, SpreadsheetError } from './readers'
import { dbPool } from '../../db/pool'
import { withTransaction } from '../../db/withTransaction'
import type { OnProgress } from '../core/progress'

/** Rows written per statement. */
const BATCH = 5_000

export type ImportCounts = {
  rowsRead: number
  accepted: number
  rejected: number
  inserted: number
  updated: number
  duplicates: number
  blankRows: number
}

/** A problem with the file as a whole (wrong columns, not readable): the import fails and nothing is written. */
export class ImportFileError extends Error {}

type ImportDoc = {
  id: number
  filename: string
  mapping: number
  source: ImportSource
  format: 'xlsx' | 'csv'
  job?: number | null
  duplicateOf?: number | null
}
type MappingDoc = {
  name: string
  carrier?: number | null
  sheetName?: string | null
  headerRow?: number | null
  firstDataRow?: number | null
  csvDelimiter?: 'auto' | ',' | ';' | '\t' | '|' | null
  decimalSeparator: '.' | ','
  dateFormats: string
  columns: MappingColumn[]
}

const today = () => new Date().toISOString().slice(0, 10)

/**
 * Imports one uploaded file: reads it as a stream, turns each row into a fact or a rejection with reasons, writes
 * facts in bulk (upsert by natural key) and rejections, and records the counts, all in one transaction, so a file
 * that fails half-way leaves nothing behind. Progress is handed to `onProgress` (outside the transaction) as rows
 * are read; the job task hands one that writes its job row.
 */
export async function runImport(payload: Payload, importId: number, onProgress: OnProgress): Promise<ImportCounts> {
  const pool = dbPool(payload)
  const doc = (await payload.findByID({ collection: 'imports', id: importId, depth: 0 })) as unknown as ImportDoc
  const mapping = (await payload.findByID({ collection: 'import-mappings', id: doc.mapping, depth: 0 })) as unknown as MappingDoc
  const staticDir = payload.collections.imports.config.upload.staticDir as string
  await pool.query(`update imports set status = 'running', started_at = now(), message = null where id = $1`, [importId])

  return withTransaction(
    pool,
    {
      // One import per source at a time, so two uploads of overlapping files cannot interleave their upserts.
      lock: `accrue.import.${doc.source}`,
      onFailure: async (err) => {
        const reason =
          err instanceof ImportFileError || err instanceof SpreadsheetError ? err.message : `the import failed: ${(err as Error).message}`
        await pool.query(`update imports set status = 'failed', finished_at = now(), message = $2 where id = $1`, [
          importId,
          `${reason} Nothing was imported.`,
        ])
      },
    },
    async (client) => {
      const notes: string[] = []
      const counts = await importRows(client, doc, mapping, path.join(staticDir, doc.filename), notes, onProgress)
      const message = [outcomeMessage(counts, doc), ...notes].join(' ')
      await client.query(
        `update imports set status = 'completed', finished_at = now(), message = $2, rows_read = $3, accepted = $4, rejected = $5,
                inserted = $6, updated = $7, duplicates = $8, blank_rows = $9 where id = $1`,
        [
          importId,
          message,
          counts.rowsRead,
          counts.accepted,
          counts.rejected,
          counts.inserted,
          counts.updated,
          counts.duplicates,
          counts.blankRows,
        ],
      )
      return counts
    },
  )
}

function outcomeMessage(counts: ImportCounts, doc: ImportDoc): string {
  const parts = [
    `${counts.rowsRead} rows read: ${counts.accepted} accepted (${counts.inserted} new, ${counts.updated} updated, ${counts.duplicates} already present), ${counts.rejected} rejected.`,
  ]
  if (doc.duplicateOf) parts.push(`This file was imported before (import #${doc.duplicateOf}); rows already present were not duplicated.`)
  else if (counts.duplicates > 0)
    parts.push(
      `${counts.duplicates} rows were already imported (from an overlapping file or repeated in this one) and were not duplicated.`,
    )
  if (counts.rejected > 0) parts.push('Download the rejected rows, fix them and import that file.')
  return parts.join(' ')
}

async function importRows(
  client: PoolClient,
  doc: ImportDoc,
  mapping: MappingDoc,
  filePath: string,
  notes: string[],
  onProgress: OnProgress,
): Promise<ImportCounts> {
  const expectedHeaders = mapping.columns.map((column) => column.header)
  const sheet = await openSheet(filePath, {
    format: doc.format,
    sheetName: doc.format === 'xlsx' ? mapping.sheetName || null : null,
    headerRow: mapping.headerRow ?? null,
    firstDataRow: mapping.firstDataRow ?? null,
    expectedHeaders,
    csvDelimiter: mapping.csvDelimiter ?? 'auto',
    fileName: doc.filename,
  })
  try {
    const requiredMissing = mapping.columns.filter(
      (column) => sheet.missingHeaders.includes(column.header) && targetField(doc.source, column.field)?.required,
    )
    const missing = sheet.missingHeaders
    if (requiredMissing.length > 0 || missing.length === expectedHeaders.length) {
      throw new ImportFileError(
        `The file's columns do not match the mapping "${mapping.name}". Expected: ${expectedHeaders.join(', ')}. ` +
          `Missing: ${missing.join(', ')}. Found (row ${sheet.headerRowNumber}): ${sheet.headers.filter((h) => h !== '').join(', ') || 'nothing'}.`,
      )
    }
    if (missing.length > 0) notes.push(`Optional columns not in the file, left empty: ${missing.join(', ')}.`)
    await client.query(`update imports set headers = $2 where id = $1`, [doc.id, JSON.stringify(sheet.headers)])
    const estimated = await estimateRows(filePath, doc.format)
    const dataRowsEstimate = estimated === null ? undefined : Math.max(0, estimated - sheet.headerRowNumber)

    const columnOfField = new Map<string, number>()
    const headerOfField = new Map<string, string>()
    for (const column of mapping.columns) {
      headerOfField.set(column.field, column.header)
      const index = sheet.columnOf.get(normalizeHeader(column.header))
      if (index !== undefined) columnOfField.set(column.field, index)
    }
    const ctx: RowContext = {
      formats: {
        decimalSeparator: mapping.decimalSeparator,
        dateFormats: mapping.dateFormats
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean),
      },
      lookups: await loadLookups(client),
      fixedCarrierId: mapping.carrier ?? null,
      headerOf: (field) => headerOfField.get(field) ?? field,
      asOf: today(),
    }

    const counts: ImportCounts = { rowsRead: 0, accepted: 0, rejected: 0, inserted: 0, updated: 0, duplicates: 0, blankRows: 0 }
    const seen = new Map<string, { rowNumber: number; signature: string }>()
    let facts: { row: any; provenance: Provenance }[] = []
    let rejections: Rejection[] = []
    const { write, read, keyOf } = SOURCES[doc.source]

    // Batches are written while the next one is read: the database and the parser work at the same time, and at
    // most one batch waits in memory. A failed write surfaces at the next flush (or the last), never unhandled.
    let writing: Promise<void> = Promise.resolve()
    const writeBatch = async (batchFacts: typeof facts, batchRejections: Rejection[]) => {
      const written: WriteCounts = await write(client, batchFacts)
      counts.inserted += written.inserted
      counts.updated += written.updated
      counts.duplicates += written.unchanged
      await writeRejections(client, doc.id, batchRejections)
    }
    const flush = async () => {
      await writing
      writing = writeBatch(facts, rejections)
      writing.catch(() => undefined)
      facts = []
      rejections = []
      await onProgress({
        done: counts.rowsRead,
        total: dataRowsEstimate === undefined ? undefined : Math.max(dataRowsEstimate, counts.rowsRead),
        label: 'importing rows',
        counts: { read: counts.rowsRead, accepted: counts.accepted, rejected: counts.rejected },
      })
    }

    for await (const { rowNumber, cells } of sheet.rows) {
      counts.rowsRead++
      const get = (field: string): CellValue | undefined => {
        const index = columnOfField.get(field)
        return index === undefined ? undefined : cells[index]
      }
      const result = read(get, ctx as RowContext)
      if (!result.ok) {
        counts.rejected++
        rejections.push({ rowNumber, cells: cells.map(plainCell), reasons: describeErrors(result.errors) })
      } else {
        const key = keyOf(result.row as never)
        const signature = createHash('sha1').update(JSON.stringify(result.row)).digest('base64')
        const earlier = seen.get(key)
        if (earlier && earlier.signature !== signature) {
          counts.rejected++
          rejections.push({
            rowNumber,
            cells: cells.map(plainCell),
            reasons: `the same line as row ${earlier.rowNumber} (same keys and date) with different values; keep one of them`,
          })
        } else if (earlier) {
          counts.accepted++
          counts.duplicates++
        } else {
          seen.set(key, { rowNumber, signature })
          counts.accepted++
          facts.push({ row: result.row, provenance: { importId: doc.id, sourceRow: rowNumber, naturalKey: key } })
        }
      }
      if (facts.length + rejections.length >= BATCH) await flush()
    }
    await flush()
    await writing
    counts.blankRows = sheet.stats.blankRows
    return counts
  } finally {
    // The reader holds the file until its rows are read to the end; a failure before that must release it.
    await sheet.close()
  }
}

/** A cell as JSON keeps it: dates as ISO strings. */
function plainCell(cell: CellValue): string | number | boolean | null {
  return cell instanceof Date ? cell.toISOString() : cell
}
