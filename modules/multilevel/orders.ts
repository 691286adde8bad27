/**
 * Network orders and returns from integrators: the orders endpoint's service. Every line goes through the import's
 * reader (engine/ingest `readNetworkOrder`) and writer (modules/ingest `writeNetworkOrders`), so a line sent here and
 * the same line in a file are checked, keyed and stored alike.
 */
import type { Payload } from 'payload'
import type { PoolClient } from 'pg'

import { networkOrderKey, readNetworkOrder, type RowContext } from '../../engine/ingest'
import { dbPool } from '../../db/pool'
import { withTransaction } from '../../db/withTransaction'
import { addWriterRefusals, loadLookups, readRecordLines, writeNetworkOrders, type RecordReject } from '../ingest'

/** Lines one call of the orders endpoint takes. */
export const MAX_ORDER_LINES = 10_000

export type OrderLineReject = RecordReject
export type OrderLinesResult = {
  read: number
  accepted: number
  rejected: number
  inserted: number
  updated: number
  unchanged: number
  rejects: OrderLineReject[]
}

/**
 * The orders endpoint's work: every line through the import's reader and writer, in one transaction under the
 * import's lock for this source (so a file import and a call never interleave). Dates are YYYY-MM-DD, numbers JSON
 * numbers or decimal text with a point. Each rejection names the line (0-based index) and the field.
 */
export async function importOrderLines(payload: Payload, lines: readonly unknown[], asOf: string): Promise<OrderLinesResult> {
  return withTransaction(dbPool(payload), { lock: 'accrue.import.network_orders' }, async (client) => {
    const { accepted, written, rejects } = await writeOrderLines(client, lines, asOf)
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

/**
 * Order lines through the import's reader and writer in the caller's transaction (the orders endpoint, an incentives
 * checkout): what was accepted, what the writer did, and every rejection naming the line (0-based) and the field.
 */
export async function writeOrderLines(
  client: PoolClient,
  lines: readonly unknown[],
  asOf: string,
): Promise<{ accepted: number; written: Awaited<ReturnType<typeof writeNetworkOrders>>; rejects: OrderLineReject[] }> {
  const lookups = await loadLookups(client)
  const ctx: RowContext = {
    formats: { dateFormats: ['YYYY-MM-DD'], decimalSeparator: '.' },
    lookups,
    fixedCarrierId: null,
    headerOf: (field) => field,
    asOf,
  }
  const read = readRecordLines(
    lines,
    {
      source: 'network_orders',
      what: 'a network order line',
      read: readNetworkOrder,
      keyOf: networkOrderKey,
      sameLine: 'line (same order, line and kind)',
    },
    ctx,
  )
  const written = await writeNetworkOrders(client, read.items)
  const rejects = read.rejects
  const accepted = read.accepted - addWriterRefusals(rejects, written.rejected)
  return { accepted, written, rejects }
}
