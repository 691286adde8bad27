import { stringify } from 'csv-stringify/sync'
import { combineQueries, executeAccess, validateQueryPaths, type PayloadRequest, type Where } from 'payload'

import { errorResponse } from '../../core/http'
import { exportColumns, needsDocumentWalk, readableCopy, type ExportColumn } from './columns'
import { afterWhere, pagingQuery } from './request'
import { pageReader } from './rows'

/**
 * Rows read per query: enough to amortize a round trip and the query's planning, small enough that a page dies
 * young (pages of 5,000 were promoted out of the young generation and made garbage collection a third of the CPU).
 */
export const EXPORT_PAGE = 2_000
export const EXPORT_FORMATS = ['csv', 'ndjson'] as const
type Format = (typeof EXPORT_FORMATS)[number]

/**
 * GET /api/<slug>/export?format=csv|ndjson&where[...]= — the whole filtered collection as a download, streamed page
 * by page in id order (keyset: `id > last` on the primary key), so memory stays flat whatever the row count.
 *
 * The caller's row-level read access and filter are combined exactly as Payload's find operation combines them
 * (`executeAccess` + `combineQueries`, the filter's paths checked by `validateQueryPaths`) and run by Payload's
 * database adapter (`rows.ts`). What is skipped is the afterRead pass over every field of every row, the cost that
 * made a million-row export take minutes; its one effect that matters here, field-level read access and hidden
 * fields, is applied by `exportColumns` / `readableCopy` (a column the caller may not read is left out; nested ones
 * are removed row by row).
 */
export async function exportCollection(req: PayloadRequest): Promise<Response> {
  const paging = pagingQuery(req)
  if (paging instanceof Response) return paging
  const format = (req.query?.format ?? 'csv') as string
  if (!EXPORT_FORMATS.includes(format as Format))
    return errorResponse(400, `format must be csv or ndjson; got "${String(format).slice(0, 40)}"`)
  const collection = req.payload.collections[paging.slug]!.config
  // Forbidden (403) when the caller may read nothing, as Payload's own list answers.
  const access = await executeAccess({ req, disableErrors: false }, collection.access.read)
  if (paging.where) await validateQueryPaths({ collectionConfig: collection, overrideAccess: false, req, where: paging.where })
  let where: Where = combineQueries(paging.where ?? {}, access)
  if (collection.trash) where = combineQueries(where, { deletedAt: { exists: false } })
  const columns = await exportColumns(collection, req)
  const walk = needsDocumentWalk(columns)
  const read = pageReader(req, collection, columns)

  let after = paging.after
  let first = true
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    // One page per pull: the stream asks for the next only when the client has taken the last (backpressure).
    async pull(controller) {
      try {
        const page = await read(afterWhere(where, after), EXPORT_PAGE)
        const docs = walk ? await Promise.all(page.map((doc) => readableCopy(doc, columns, req))) : page
        const text = format === 'csv' ? csvChunk(docs, columns, first) : ndjsonChunk(docs, columns)
        first = false
        if (text) controller.enqueue(encoder.encode(text))
        if (page.length < EXPORT_PAGE) controller.close()
        else after = page[page.length - 1]!.id as number
      } catch (err) {
        req.payload.logger.error({ err, msg: `export of ${paging.slug} failed after id ${after}` })
        controller.error(err)
      }
    },
  })
  const day = new Date().toISOString().slice(0, 10)
  return new Response(body, {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="${paging.slug}-${day}.${format}"`,
      'cache-control': 'no-store',
    },
  })
}

/** A cell: text as is, numbers and booleans as written, relationships as their id, objects and arrays as JSON. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString()
  return JSON.stringify(value)
}

/** RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break, quotes doubled. The header row once. */
function csvChunk(docs: Record<string, unknown>[], columns: ExportColumn[], header: boolean): string {
  const rows = docs.map((doc) => columns.map((c) => cell(doc[c.name])))
  if (header) rows.unshift(columns.map((c) => c.name))
  return rows.length === 0 ? '' : stringify(rows, { record_delimiter: 'windows' })
}

/** One JSON object a line, with the same keys as the CSV's columns (absent when the caller may not read the field). */
function ndjsonChunk(docs: Record<string, unknown>[], columns: ExportColumn[]): string {
  let text = ''
  for (const doc of docs) {
    const row: Record<string, unknown> = {}
    for (const { name } of columns) if (name in doc) row[name] = doc[name] ?? null
    text += `${JSON.stringify(row)}\n`
  }
  return text
}
