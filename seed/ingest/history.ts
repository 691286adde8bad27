import type { PoolClient } from 'pg'

import { writeRejections, type Rejection } from '../../modules/ingest'

/** One file of the demo's history as the import machinery records a finished import. */
export type HistoryImport = {
  mapping: string
  source: 'dealer_sales' | 'carrier_records' | 'billing_lines'
  filename: string
  /** When the file came in (the import's created, started and finished times). */
  at: string
}

export type ImportOutcome = { accepted: number; inserted: number; updated: number; rejections: Rejection[] }

/**
 * Records a history import as the import job leaves one: completed, with its counts, message and rejected rows. The
 * facts themselves are written by the caller with this import as their provenance (`startImport`, then the fact
 * writers, then `finishImport`), so every row traces to its file and row number as imported rows do.
 */
export async function startImport(client: PoolClient, file: HistoryImport): Promise<number> {
  const mapping = await client.query<{ id: number }>(`select id from import_mappings where name = $1`, [file.mapping])
  if (!mapping.rows[0]) throw new Error(`the demo has no import mapping "${file.mapping}"`)
  const inserted = await client.query<{ id: number }>(
    `insert into imports (mapping_id, source, status, format, filename, mime_type, filesize, started_at, created_at, updated_at)
     values ($1, $2, 'running', 'csv', $3, 'text/csv', 0, $4, $4, $4) returning id`,
    [mapping.rows[0].id, file.source, file.filename, file.at],
  )
  return inserted.rows[0]!.id
}

export async function finishImport(client: PoolClient, importId: number, outcome: ImportOutcome): Promise<void> {
  await writeRejections(client, importId, outcome.rejections)
  const rejected = outcome.rejections.length
  const read = outcome.accepted + rejected
  const message =
    `${read} rows read: ${outcome.accepted} accepted (${outcome.inserted} new, ${outcome.updated} updated, 0 already present), ${rejected} rejected.` +
    (rejected > 0 ? ' Download the rejected rows, fix them and import that file.' : '')
  await client.query(
    `update imports set status = 'completed', finished_at = started_at + interval '4 seconds', message = $2, rows_read = $3, accepted = $4,
            rejected = $5, inserted = $6, updated = $7, duplicates = 0, blank_rows = 0, footer_rows = 0 where id = $1`,
    [importId, message, read, outcome.accepted, rejected, outcome.inserted, outcome.updated],
  )
}
