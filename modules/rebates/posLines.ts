/**
 * Point-of-sale lines from integrators: the POS endpoint's service. Every line goes through the import's reader
 * (engine/ingest `readPosLine`) and writer (modules/ingest `writePosLines`, which accrues), so a line sent here and
 * the same line in a file or the drop folder are checked, keyed, deduplicated and accrued alike.
 */
import type { Payload } from 'payload'

import { posLineKey, readPosLine, SOURCE_FIELDS, type CellValue, type PosLineRow, type RowContext } from '../../engine/ingest'
import { dbPool } from '../../db/pool'
import { withTransaction } from '../../db/withTransaction'
import { loadLookups, writePosLines, type Provenance } from '../ingest'

/** Lines one call takes. */
export const MAX_POS_LINES = 10_000

export type PosLineReject = { index: number; field: string | null; reason: string }
export type PosLinesResult = {
  read: number
  accepted: number
  rejected: number
  inserted: number
  duplicates: number
  accruals: number
  rejects: PosLineReject[]
}

const FIELD_NAMES = new Set(SOURCE_FIELDS.pos_lines.map((field) => field.name))

function cellOf(value: unknown): CellValue | undefined | false {
  if (value === undefined || value === null) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  return false
}

/**
 * The POS endpoint's work, in one transaction under the import's lock for this source. `partnerId`: the partner
 * every line belongs to (a partner's own login), or null when each line names its partner (staff).
 */
export async function importPosLineRecords(
  payload: Payload,
  lines: readonly unknown[],
  asOf: string,
  partnerId: number | null,
): Promise<PosLinesResult> {
  return withTransaction(dbPool(payload), { lock: 'accrue.import.pos_lines' }, async (client) => {
    const lookups = await loadLookups(client)
    const ctx: RowContext = {
      formats: { dateFormats: ['YYYY-MM-DD'], decimalSeparator: '.' },
      lookups,
      fixedCarrierId: null,
      fixedPartnerId: partnerId,
      headerOf: (field) => field,
      asOf,
    }
    const rejects: PosLineReject[] = []
    const items: { row: PosLineRow; provenance: Provenance }[] = []
    const seen = new Map<string, { index: number; signature: string }>()
    let accepted = 0
    let duplicates = 0
    lines.forEach((line, index) => {
      if (typeof line !== 'object' || line === null || Array.isArray(line)) {
        rejects.push({ index, field: null, reason: 'is not an object of fields' })
        return
      }
      const record = line as Record<string, unknown>
      const shapeErrors: PosLineReject[] = []
      for (const [field, value] of Object.entries(record)) {
        if (!FIELD_NAMES.has(field)) shapeErrors.push({ index, field, reason: 'is not a field of a point-of-sale line' })
        else if (cellOf(value) === false) shapeErrors.push({ index, field, reason: 'must be text, a number or null' })
      }
      if (shapeErrors.length > 0) {
        rejects.push(...shapeErrors)
        return
      }
      const result = readPosLine((field) => {
        const cell = cellOf(record[field])
        return cell === false ? null : cell
      }, ctx)
      if (!result.ok) {
        rejects.push(...result.errors.map((error) => ({ index, field: error.column, reason: error.reason })))
        return
      }
      const key = posLineKey(result.row)
      const signature = JSON.stringify(result.row)
      const earlier = seen.get(key)
      if (earlier && earlier.signature !== signature) {
        rejects.push({
          index,
          field: null,
          reason: `the same invoice line as index ${earlier.index} with different values; keep one of them`,
        })
        return
      }
      accepted++
      if (earlier) {
        duplicates++
        return
      }
      seen.set(key, { index, signature })
      items.push({ row: result.row, provenance: { importId: null, sourceRow: index + 1, naturalKey: key } })
    })
    const written = await writePosLines(client, items, (field) => field)
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
      duplicates: duplicates + written.unchanged,
      accruals: written.accruals,
      rejects,
    }
  })
}
