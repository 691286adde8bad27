/**
 * Ingestion: a file arrives (carrier portal, drop folder, upload, REST), is kept under its hash and becomes an
 * invoice waiting to be read. The same bytes arriving again are recognised by their hash and answered with the
 * invoice they already made; nothing is stored twice. Reading is the processing job's work (./process.ts).
 */
import type { Pool } from 'pg'

import { recordEvent } from './events'
import { MAX_INVOICE_FILE_BYTES, sha256, sniffInvoiceFile, storeInvoiceFile } from './files'

export type InvoiceSource = 'portal' | 'drop_folder' | 'upload' | 'rest'

export type IncomingInvoiceFile = {
  data: Uint8Array
  fileName: string
  source: InvoiceSource
  /** Known when the file came from the account's own connector. */
  accountId?: number | null
  actor?: number | null
}

export type IngestOutcome = { invoice: number; duplicate: boolean; status: string; fileType: string; fileSha256: string }

/** A file that cannot become an invoice at all (empty, too large, no name); the caller answers 400/413. */
export class InvoiceFileRefused extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message)
  }
}

/** Keeps one arriving file and makes its invoice (status pending_ingestion), or finds the invoice the same file made. */
export async function ingestInvoiceFile(pool: Pool, file: IncomingInvoiceFile): Promise<IngestOutcome> {
  const fileName = file.fileName.trim().slice(0, 255)
  if (!fileName) throw new InvoiceFileRefused('the file has no name')
  if (file.data.length === 0) throw new InvoiceFileRefused(`${fileName} is empty`)
  if (file.data.length > MAX_INVOICE_FILE_BYTES)
    throw new InvoiceFileRefused(
      `${fileName} is ${file.data.length} bytes; invoices up to ${MAX_INVOICE_FILE_BYTES} bytes are accepted`,
      413,
    )
  const hash = sha256(file.data)
  const fileType = sniffInvoiceFile(file.data, fileName)
  const known = await existing(pool, hash)
  if (known) return { ...known, duplicate: true }
  await storeInvoiceFile(file.data, hash)
  const client = await pool.connect()
  try {
    await client.query('begin')
    const account = file.accountId
      ? (await client.query<{ carrier: number }>(`select carrier_id as carrier from carrier_accounts where id = $1`, [file.accountId]))
          .rows[0]
      : undefined
    const inserted = await client.query<{ id: number }>(
      `insert into carrier_invoices (file_name, file_sha256, file_type, file_size, source, status, account_id, carrier_id, updated_at, created_at)
       values ($1, $2, $3, $4, $5, 'pending_ingestion', $6, $7, now(), now())
       on conflict (file_sha256) do nothing returning id`,
      [fileName, hash, fileType, file.data.length, file.source, account ? file.accountId : null, account?.carrier ?? null],
    )
    const id = inserted.rows[0]?.id
    if (id !== undefined)
      await recordEvent(client, id, {
        kind: 'ingestion',
        to: 'pending_ingestion',
        reason: `received ${fileName} (${fileType}, ${file.data.length} bytes) by ${file.source.replace('_', ' ')}`,
        actor: file.actor ?? null,
        details: { sha256: hash },
      })
    await client.query('commit')
    if (id === undefined) return { ...(await existing(pool, hash))!, duplicate: true }
    return { invoice: id, duplicate: false, status: 'pending_ingestion', fileType, fileSha256: hash }
  } catch (err) {
    await client.query('rollback').catch(() => undefined)
    throw err
  } finally {
    client.release()
  }
}

async function existing(pool: Pool, hash: string): Promise<Omit<IngestOutcome, 'duplicate'> | null> {
  const found = await pool.query<{ id: number; status: string; fileType: string }>(
    `select id, status::text as status, file_type::text as "fileType" from carrier_invoices where file_sha256 = $1`,
    [hash],
  )
  const row = found.rows[0]
  return row ? { invoice: row.id, status: row.status, fileType: row.fileType, fileSha256: hash } : null
}
