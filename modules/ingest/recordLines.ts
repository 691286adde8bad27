/**
 * Lines an integrator sends as JSON records (the orders and point-of-sale endpoints), read exactly as an imported
 * file's rows: each record's fields must be the source's and plain values, the source's reader turns it into a fact
 * or reasons by field, and the same line sent twice in one call is kept once (twice with other values: refused).
 * The caller writes `items` with the source's writer and adds the writer's refusals.
 */
import { SOURCE_FIELDS, type CellValue, type ImportSource, type RowContext, type RowResult } from '../../engine/ingest'
import type { Cells } from '../../engine/ingest/rows'
import type { Provenance } from './factWriters'

export type RecordReject = { index: number; field: string | null; reason: string }

export type RecordLines<T> = {
  items: { row: T; provenance: Provenance }[]
  rejects: RecordReject[]
  /** Lines read into facts (duplicates of an earlier line of the call included). */
  accepted: number
  /** Lines that repeat an earlier line of the call with the same values (written once). */
  duplicates: number
}

/** A JSON value as a cell; objects and arrays are not cells. */
function cellOf(value: unknown): CellValue | undefined | false {
  if (value === undefined || value === null) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  return false
}

export function readRecordLines<T>(
  lines: readonly unknown[],
  source: {
    source: ImportSource
    what: string
    read: (cells: Cells, ctx: RowContext) => RowResult<T>
    keyOf: (row: T) => string
    sameLine: string
  },
  ctx: RowContext,
): RecordLines<T> {
  const fieldNames = new Set(SOURCE_FIELDS[source.source].map((field) => field.name))
  const result: RecordLines<T> = { items: [], rejects: [], accepted: 0, duplicates: 0 }
  const seen = new Map<string, { index: number; signature: string }>()
  lines.forEach((line, index) => {
    if (typeof line !== 'object' || line === null || Array.isArray(line)) {
      result.rejects.push({ index, field: null, reason: 'is not an object of fields' })
      return
    }
    const record = line as Record<string, unknown>
    const shapeErrors: RecordReject[] = []
    for (const [field, value] of Object.entries(record)) {
      if (!fieldNames.has(field)) shapeErrors.push({ index, field, reason: `is not a field of ${source.what}` })
      else if (cellOf(value) === false) shapeErrors.push({ index, field, reason: 'must be text, a number or null' })
    }
    if (shapeErrors.length > 0) {
      result.rejects.push(...shapeErrors)
      return
    }
    const read = source.read((field) => {
      const cell = cellOf(record[field])
      return cell === false ? null : cell
    }, ctx)
    if (!read.ok) {
      result.rejects.push(...read.errors.map((error) => ({ index, field: error.column, reason: error.reason })))
      return
    }
    const key = source.keyOf(read.row)
    const signature = JSON.stringify(read.row)
    const earlier = seen.get(key)
    if (earlier && earlier.signature !== signature) {
      result.rejects.push({
        index,
        field: null,
        reason: `the same ${source.sameLine} as index ${earlier.index} with different values; keep one of them`,
      })
      return
    }
    result.accepted++
    if (earlier) {
      result.duplicates++
      return
    }
    seen.set(key, { index, signature })
    result.items.push({ row: read.row, provenance: { importId: null, sourceRow: index + 1, naturalKey: key } })
  })
  return result
}

/** Adds a writer's refusals (by source row) to the call's rejects, in line order; returns how many lines they were. */
export function addWriterRefusals(
  rejects: RecordReject[],
  refused: readonly { sourceRow: number; errors: readonly { column: string; reason: string }[] }[],
): number {
  for (const line of refused)
    rejects.push(...line.errors.map((error) => ({ index: line.sourceRow - 1, field: error.column, reason: error.reason })))
  rejects.sort((a, b) => a.index - b.index)
  return refused.length
}
