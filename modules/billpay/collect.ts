/**
 * Collecting invoices: from each carrier portal with an invoices connector (every file its download step offers),
 * and from the drop folder (INVOICE_DROP_DIR, default ./.data/invoice-drop; a file must have been still for
 * INVOICE_DROP_SETTLE_SECONDS, default 10, and not be named .part/.tmp, so a copy in progress is left alone; it is moved to `processed/` once its
 * invoice exists, or to `refused/` with a `.reason.txt` beside it). Files already seen are recognised by their hash,
 * so a portal offering the same invoices every day makes no new ones. A portal that fails transiently is reported in
 * the summary; the job then fails after everything else was collected (`throwIfTransient`), so it retries with backoff.
 */
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'

import { dbPool } from '../../db/pool'
import { uploadDir } from '../core/uploadDir'
import { ConnectorError, fetchInvoiceFiles } from '../scrape'
import { InvoiceFileRefused, ingestInvoiceFile, type IngestOutcome } from './ingest'

export type CollectedFile = { file: string; invoice?: number; duplicate?: boolean; error?: string }
export type CollectSummary = {
  portal: { connector: number; name: string; files: CollectedFile[]; error?: string; transient?: boolean }[]
  dropFolder: CollectedFile[]
}

export class CollectTransientFailure extends Error {}

/** How long a file must have been still before it is taken (INVOICE_DROP_SETTLE_SECONDS, default 10). */
function settleMs(): number {
  const seconds = Number(process.env.INVOICE_DROP_SETTLE_SECONDS ?? 10)
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 10_000
}

export function invoiceDropDir(): string {
  return process.env.INVOICE_DROP_DIR ?? path.join(path.dirname(uploadDir('invoices', undefined)), 'invoice-drop')
}

/** Collects from every portal and the drop folder; a portal's failure is in the summary. */
export async function collectInvoices(payload: Payload, today: string): Promise<CollectSummary> {
  return { portal: await collectFromPortals(payload, today), dropFolder: await collectDropFolder(payload) }
}

/** For the job: throws CollectTransientFailure when a portal failed in a way worth retrying (after the rest was collected). */
export function throwIfTransient(summary: CollectSummary): void {
  const transient = summary.portal.filter((p) => p.transient)
  if (transient.length) throw new CollectTransientFailure(transient.map((p) => `${p.name}: ${p.error}`).join('; '))
}

/** Every enabled account's invoices connector, run once (a connector may serve several accounts of its carrier). */
export async function collectFromPortals(payload: Payload, today: string): Promise<CollectSummary['portal']> {
  const pool = dbPool(payload)
  const connectors = await pool.query<{ connector: number; name: string; accounts: number[] }>(
    `select c.id as connector, c.name, array_agg(a.id order by a.id) as accounts
       from carrier_accounts a join carrier_connectors c on c.id = a.connector_id
      where coalesce(a.enabled, true) and coalesce(c.enabled, true) and c.fetches = 'invoices'
      group by c.id, c.name order by c.id`,
  )
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 92 * 86_400_000).toISOString().slice(0, 10)
  const results: CollectSummary['portal'] = []
  for (const row of connectors.rows) {
    try {
      const files = await fetchInvoiceFiles(payload, row.connector, { from, to: today })
      const collected: CollectedFile[] = []
      for (const file of files)
        collected.push(
          await ingestOne(pool, {
            data: file.data,
            fileName: file.fileName,
            source: 'portal',
            accountId: row.accounts.length === 1 ? row.accounts[0]! : null,
          }),
        )
      results.push({ connector: row.connector, name: row.name, files: collected })
    } catch (err) {
      const transient = err instanceof ConnectorError ? err.kind === 'transient' : true
      results.push({
        connector: row.connector,
        name: row.name,
        files: [],
        error: err instanceof Error ? err.message : String(err),
        transient,
      })
    }
  }
  return results
}

async function ingestOne(pool: ReturnType<typeof dbPool>, file: Parameters<typeof ingestInvoiceFile>[1]): Promise<CollectedFile> {
  try {
    const outcome: IngestOutcome = await ingestInvoiceFile(pool, file)
    return { file: file.fileName, invoice: outcome.invoice, duplicate: outcome.duplicate }
  } catch (err) {
    if (err instanceof InvoiceFileRefused) return { file: file.fileName, error: err.message }
    throw err
  }
}

/** Every file in the drop folder becomes an invoice (or is recognised as one already there), then moves out of the way. */
export async function collectDropFolder(payload: Payload): Promise<CollectedFile[]> {
  const pool = dbPool(payload)
  const dir = invoiceDropDir()
  await mkdir(dir, { recursive: true })
  const results: CollectedFile[] = []
  for (const name of (await readdir(dir)).sort()) {
    const full = path.join(dir, name)
    if (name.startsWith('.') || /\.(part|tmp|crdownload)$/i.test(name)) continue
    const info = await stat(full)
    // A file still being copied in is left for the next pass: it must have been still for the settle time.
    if (!info.isFile() || Date.now() - info.mtimeMs < settleMs()) continue
    const outcome = await ingestOne(pool, { data: await readFile(full), fileName: name, source: 'drop_folder' })
    const target = path.join(dir, outcome.error ? 'refused' : 'processed')
    await mkdir(target, { recursive: true })
    await rename(full, path.join(target, name))
    if (outcome.error) await writeFile(path.join(target, `${name}.reason.txt`), `${outcome.error}\n`)
    results.push(outcome)
  }
  return results
}
