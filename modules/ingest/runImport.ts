import path from 'node:path'
import type { Payload } from 'payload'
import type { PoolClient } from 'pg'

import type { ImportSource } from '../../engine/ingest/fields'
import {
  writeBillingLines,
  writeCarrierRecords,
  writeDealerSales,
  writeRejections,
  type Provenance,
  type Rejection,
  type WriteCounts,
} from './factWriters'
import { describeErrors, type RowError } from '../../engine/ingest/rows'
import { writePosLines } from './posLines'
import { writeTickets } from './tickets'
import { writeNetworkOrders } from './networkOrders'
import { footerSentence, ImportFileError, openImport, readRows, UnknownValues, type MappingDoc, type RowCounts } from './rowPipeline'
import { estimateRows } from './rowEstimate'
import { SpreadsheetError } from './readers'
import { dbPool } from '../../db/pool'
import { withTransaction } from '../../db/withTransaction'
import type { OnProgress } from '../core/progress'
import { emitEventSql } from '../api'

export { ImportFileError } from './rowPipeline'

/**
 * How each source's facts are written. A writer that settles more than a row alone says (network orders: volumes by
 * rule, the order a return returns) may refuse rows: they go to the rejections like the reader's.
 */
const WRITERS: Record<
  ImportSource,
  (
    client: PoolClient,
    rows: { row: any; provenance: Provenance }[],
    headerOf: (field: string) => string,
  ) => Promise<WriteCounts & { rejected?: { sourceRow: number; errors: RowError[] }[] }>
> = {
  dealer_sales: writeDealerSales,
  carrier_records: writeCarrierRecords,
  billing_lines: writeBillingLines,
  network_orders: writeNetworkOrders,
  pos_lines: writePosLines,
  tickets: writeTickets,
}

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
  footerRows: number
}

type ImportDoc = {
  id: number
  filename: string
  mapping: number
  source: ImportSource
  format: 'xlsx' | 'csv'
  job?: number | null
  duplicateOf?: number | null
}

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
  // Always registered; the `!` is for compiles that see Payload's types without this project's generated ones.
  const staticDir = payload.collections.imports!.config.upload.staticDir as string
  await pool.query(`update imports set status = 'running', started_at = now(), message = null where id = $1`, [importId])

  return withTransaction(
    pool,
    {
      // One import per source at a time, so two uploads of overlapping files cannot interleave their upserts.
      lock: `accrue.import.${doc.source}`,
      onFailure: async (err) => {
        const reason =
          err instanceof ImportFileError || err instanceof SpreadsheetError ? err.message : `the import failed: ${(err as Error).message}`
        const message = `${reason} Nothing was imported.`
        await withTransaction(pool, {}, async (failed) => {
          await failed.query(`update imports set status = 'failed', finished_at = now(), message = $2 where id = $1`, [importId, message])
          await emitEventSql(failed, 'import.failed', `imports/${importId}`, {
            importId,
            status: 'failed',
            filename: doc.filename,
            source: doc.source,
            message,
          })
        })
      },
    },
    async (client) => {
      const notes: string[] = []
      const counts = await importRows(client, doc, mapping, path.join(staticDir, doc.filename), notes, onProgress)
      const message = [outcomeMessage(counts, doc), ...notes].join(' ')
      await client.query(
        `update imports set status = 'completed', finished_at = now(), message = $2, rows_read = $3, accepted = $4, rejected = $5,
                inserted = $6, updated = $7, duplicates = $8, blank_rows = $9, footer_rows = $10 where id = $1`,
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
          counts.footerRows,
        ],
      )
      await emitEventSql(client, 'import.completed', `imports/${importId}`, {
        importId,
        status: 'completed',
        filename: doc.filename,
        source: doc.source,
        rowsRead: counts.rowsRead,
        accepted: counts.accepted,
        rejected: counts.rejected,
        inserted: counts.inserted,
        updated: counts.updated,
        duplicates: counts.duplicates,
      })
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
  const opened = await openImport(client, { ...mapping, source: doc.source }, { path: filePath, format: doc.format, name: doc.filename })
  notes.push(...opened.notes)
  const { sheet } = opened
  let dataRowsEstimate: number | undefined
  try {
    await client.query(`update imports set headers = $2 where id = $1`, [doc.id, JSON.stringify(sheet.headers)])
    const estimated = await estimateRows(filePath, doc.format)
    dataRowsEstimate = estimated === null ? undefined : Math.max(0, estimated - sheet.headerRowNumber)
  } catch (error) {
    await sheet.close() // the rows are not read: release the file
    throw error
  }
  const written = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 }
  let facts: { row: any; provenance: Provenance; cells: unknown[] }[] = []
  let rejections: Rejection[] = []
  const write = WRITERS[doc.source]

  // Batches are written while the next one is read: the database and the parser work at the same time, and at
  // most one batch waits in memory. A failed write surfaces at the next flush (or the last), never unhandled.
  let writing: Promise<void> = Promise.resolve()
  const writeBatch = async (batchFacts: typeof facts, batchRejections: Rejection[]) => {
    const counts = await write(client, batchFacts, opened.ctx.headerOf)
    written.inserted += counts.inserted
    written.updated += counts.updated
    written.unchanged += counts.unchanged
    const refused = counts.rejected ?? []
    written.rejected += refused.length
    const cellsOf = new Map(batchFacts.map((fact) => [fact.provenance.sourceRow, fact.cells]))
    const later: Rejection[] = refused.map(({ sourceRow, errors }) => ({
      rowNumber: sourceRow,
      cells: cellsOf.get(sourceRow) ?? [],
      reasons: describeErrors(errors),
    }))
    await writeRejections(
      client,
      doc.id,
      [...batchRejections, ...later].sort((a, b) => a.rowNumber - b.rowNumber),
    )
  }
  const flush = async (counts: RowCounts) => {
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

  const unknown = new UnknownValues()
  const { counts, footers } = await readRows(
    opened,
    doc.source,
    {
      fact: (fact) => {
        facts.push({ row: fact.row, provenance: { importId: doc.id, sourceRow: fact.rowNumber, naturalKey: fact.key }, cells: fact.cells })
      },
      rejected: (rejected) => {
        rejections.push(rejected)
      },
    },
    unknown,
    async (counts) => {
      if (facts.length + rejections.length >= BATCH) await flush(counts)
    },
  )
  await flush(counts)
  await writing
  for (const sentence of [footerSentence(footers), unknown.sentence()]) if (sentence) notes.push(sentence)
  return {
    rowsRead: counts.rowsRead,
    accepted: counts.accepted - written.rejected,
    rejected: counts.rejected + written.rejected,
    inserted: written.inserted,
    updated: written.updated,
    duplicates: written.unchanged + counts.repeated,
    blankRows: counts.blankRows,
    footerRows: counts.footerRows,
  }
}
