/**
 * Network orders and returns from integrators: the orders endpoint's service. Every line goes through the import's
 * reader (engine/ingest `readNetworkOrder`) and writer (modules/ingest `writeNetworkOrders`), so a line sent here and
 * the same line in a file are checked, keyed and stored alike.
 */
import type { Payload } from 'payload'

import { networkOrderKey, readNetworkOrder, SOURCE_FIELDS, type CellValue, type RowContext } from '../../engine/ingest'
import { dbPool } from '../../db/pool'
import { withTransaction } from '../../db/withTransaction'
import { loadLookups, writeNetworkOrders, type OrderItem } from '../ingest'

/** Lines one call of the orders endpoint takes. */
export const MAX_ORDER_LINES = 10_000

export type OrderLineReject = { index: number; field: string | null; reason: string }
export type OrderLinesResult = {
  read: number
  accepted: number
  rejected: number
  inserted: number
  updated: number
  unchanged: number
  rejects: OrderLineReject[]
}

const FIELD_NAMES = new Set(SOURCE_FIELDS.network_orders.map((field) => field.name))

/** A JSON value as a cell; objects and arrays are not cells. */
function cellOf(value: unknown): CellValue | undefined | false {
  if (value === undefined || value === null) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  return false
}

/**
 * The orders endpoint's work: every line through the import's reader and writer, in one transaction under the
 * import's lock for this source (so a file import and a call never interleave). Dates are YYYY-MM-DD, numbers JSON
 * numbers or decimal text with a point. Each rejection names the line (0-based index) and the field.
 */
export async function importOrderLines(payload: Payload, lines: readonly unknown[], asOf: string): Promise<OrderLinesResult> {
  return withTransaction(dbPool(payload), { lock: 'accrue.import.network_orders' }, async (client) => {
    const lookups = await loadLookups(client)
    const ctx: RowContext = {
      formats: { dateFormats: ['YYYY-MM-DD'], decimalSeparator: '.' },
      lookups,
      fixedCarrierId: null,
      headerOf: (field) => field,
      asOf,
    }
    const rejects: OrderLineReject[] = []
    const items: OrderItem[] = []
    const seen = new Map<string, { index: number; signature: string }>()
    let accepted = 0
    lines.forEach((line, index) => {
      if (typeof line !== 'object' || line === null || Array.isArray(line)) {
        rejects.push({ index, field: null, reason: 'is not an object of fields' })
        return
      }
      const record = line as Record<string, unknown>
      const shapeErrors: OrderLineReject[] = []
      for (const [field, value] of Object.entries(record)) {
        if (!FIELD_NAMES.has(field)) shapeErrors.push({ index, field, reason: 'is not a field of a network order line' })
        else if (cellOf(value) === false) shapeErrors.push({ index, field, reason: 'must be text, a number or null' })
      }
      if (shapeErrors.length > 0) {
        rejects.push(...shapeErrors)
        return
      }
      const result = readNetworkOrder((field) => {
        const cell = cellOf(record[field])
        return cell === false ? null : cell
      }, ctx)
      if (!result.ok) {
        rejects.push(...result.errors.map((error) => ({ index, field: error.column, reason: error.reason })))
        return
      }
      const key = networkOrderKey(result.row)
      const signature = JSON.stringify(result.row)
      const earlier = seen.get(key)
      if (earlier && earlier.signature !== signature) {
        rejects.push({
          index,
          field: null,
          reason: `the same line as index ${earlier.index} (same order, line and kind) with different values; keep one of them`,
        })
        return
      }
      accepted++
      if (earlier) return // the same line twice: written once
      seen.set(key, { index, signature })
      items.push({ row: result.row, provenance: { importId: null, sourceRow: index + 1, naturalKey: key } })
    })
    const written = await writeNetworkOrders(client, items)
    for (const refused of written.rejected) {
      rejects.push(...refused.errors.map((error) => ({ index: refused.sourceRow - 1, field: error.column, reason: error.reason })))
    }
    rejects.sort((a, b) => a.index - b.index)
    accepted -= written.rejected.length
    return {
      read: lines.length,
      accepted,
      rejected: lines.length - accepted,
      inserted: written.inserted,
      updated: written.updated,
      unchanged: written.unchanged,
      rejects,
    }
  })
}
