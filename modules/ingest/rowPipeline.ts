/**
 * The one way a file's rows become facts and rejections, shared by the import (which writes them) and the mapping
 * preview (which only shows them): open the sheet under the mapping's layout, check its columns, read every row
 * with the mapping's formats and value translations, set aside duplicate lines, and tell a footer from a bad row.
 */
import { createHash } from 'node:crypto'
import type { PoolClient } from 'pg'

import { choiceKey, normalizeHeader, type CellValue } from '../../engine/ingest/cells'
import { targetField, type ImportSource, type MappingColumn } from '../../engine/ingest/fields'
import {
  billingLineKey,
  carrierRecordKey,
  dealerSaleKey,
  describeErrors,
  doesNotFitHeader,
  networkOrderKey,
  readBillingLine,
  readCarrierRecord,
  readDealerSale,
  readNetworkOrder,
  type Cells,
  type RowContext,
  type RowError,
  type RowResult,
} from '../../engine/ingest/rows'
import { posLineKey, readPosLine } from '../../engine/ingest/posLines'
import { readTicket, ticketKey } from '../../engine/ingest/tickets'
import { ValueMap, type ValueTranslation } from '../../engine/ingest/valueMaps'
import { loadLookups, type ImportLookups } from './lookups'
import { openSheet, type OpenedSheet } from './readers'

/** A problem with the file as a whole (wrong columns, not readable): the import fails and nothing is written. */
export class ImportFileError extends Error {}

export type MappingDoc = {
  name: string
  source: ImportSource
  carrier?: number | null
  partner?: number | null
  sheetName?: string | null
  headerRow?: number | null
  firstDataRow?: number | null
  csvDelimiter?: 'auto' | ',' | ';' | '\t' | '|' | null
  decimalSeparator: '.' | ','
  dateFormats: string
  columns: MappingColumn[]
  valueMaps?: ValueTranslation[] | null
}

/** How each source's rows are read and keyed, and the table its facts go to. */
export const SOURCES: Record<
  ImportSource,
  { read: (cells: Cells, ctx: RowContext) => RowResult<any>; keyOf: (row: any) => string; table: string }
> = {
  dealer_sales: { read: readDealerSale, keyOf: dealerSaleKey, table: 'dealer_sales' },
  carrier_records: { read: readCarrierRecord, keyOf: carrierRecordKey, table: 'carrier_records' },
  billing_lines: { read: readBillingLine, keyOf: billingLineKey, table: 'billing_lines' },
  network_orders: { read: readNetworkOrder, keyOf: networkOrderKey, table: 'network_orders' },
  pos_lines: { read: readPosLine, keyOf: posLineKey, table: 'pos_lines' },
  tickets: { read: readTicket, keyOf: ticketKey, table: 'tickets' },
}

/** A footer is a few lines; more lines that do not fit the header are rejected rows. */
export const MAX_FOOTER_LINES = 10

/** An accepted row, with its cells (a later step that refuses it hands them to the rejects workbook). */
export type Fact = { rowNumber: number; key: string; row: any; cells: PlainCell[] }
export type UnknownValue = { field: string; column: string; value: string }
export type Rejected = { rowNumber: number; cells: PlainCell[]; reasons: string; errors: RowError[]; unknown: UnknownValue[] }
export type Footer = { rowNumber: number; text: string }

/** What a pass over the rows hands over, in file order, batch by batch. */
export type RowSink = {
  fact(fact: Fact): void | Promise<void>
  rejected(rejected: Rejected): void | Promise<void>
  /** An accepted row identical to an earlier one of the same file. */
  repeated?(rowNumber: number): void
}

export type RowCounts = { rowsRead: number; accepted: number; rejected: number; repeated: number; blankRows: number; footerRows: number }

/** The distinct unknown values of a file, with how many rows each spoils (bounded: a file of garbage stays small). */
export class UnknownValues {
  private readonly seen = new Map<string, UnknownValue & { rows: number; firstRow: number }>()
  private more = 0
  static readonly LIMIT = 200

  add(rowNumber: number, values: readonly UnknownValue[]): void {
    for (const value of values) {
      const key = `${value.field}|${choiceKey(value.value)}`
      const known = this.seen.get(key)
      if (known) known.rows++
      else if (this.seen.size < UnknownValues.LIMIT) this.seen.set(key, { ...value, rows: 1, firstRow: rowNumber })
      else this.more++
    }
  }

  list(): (UnknownValue & { rows: number; firstRow: number })[] {
    return [...this.seen.values()]
  }

  /** One sentence for the import's message, or null when every value was known. */
  sentence(): string | null {
    const list = this.list()
    if (list.length === 0) return null
    const shown = list
      .slice(0, 8)
      .map((v) => `${v.column} "${v.value}" (${v.rows} ${v.rows === 1 ? 'row' : 'rows'})`)
      .join(', ')
    const rest = list.length - 8 + this.more > 0 ? ` and ${list.length - 8 + this.more} more` : ''
    return `Values the mapping does not know: ${shown}${rest}. If the file means something Accrue knows, add a value translation to the mapping and import the rejected rows again.`
  }
}

export type OpenedImport = {
  sheet: OpenedSheet
  ctx: RowContext
  lookups: ImportLookups
  columnOfField: Map<string, number>
  /** Things the user should know about the file that are not errors (optional columns missing). */
  notes: string[]
}

/**
 * Opens the file under the mapping and checks its columns: a required column missing (or none of the mapping's
 * columns found) is an ImportFileError naming what was expected and what was found.
 */
export async function openImport(
  client: PoolClient,
  mapping: MappingDoc,
  file: { path: string; format: 'xlsx' | 'csv'; name: string },
): Promise<OpenedImport> {
  const expectedHeaders = mapping.columns.map((column) => column.header)
  const sheet = await openSheet(file.path, {
    format: file.format,
    sheetName: file.format === 'xlsx' ? mapping.sheetName || null : null,
    headerRow: mapping.headerRow ?? null,
    firstDataRow: mapping.firstDataRow ?? null,
    expectedHeaders,
    csvDelimiter: mapping.csvDelimiter ?? 'auto',
    fileName: file.name,
  })
  try {
    const requiredMissing = mapping.columns.filter(
      (column) => sheet.missingHeaders.includes(column.header) && targetField(mapping.source, column.field)?.required,
    )
    const missing = sheet.missingHeaders
    if (requiredMissing.length > 0 || missing.length === expectedHeaders.length) {
      throw new ImportFileError(
        `The file's columns do not match the mapping "${mapping.name}". Expected: ${expectedHeaders.join(', ')}. ` +
          `Missing: ${missing.join(', ')}. Found (row ${sheet.headerRowNumber}): ${sheet.headers.filter((h) => h !== '').join(', ') || 'nothing'}.`,
      )
    }
    const notes = missing.length > 0 ? [`Optional columns not in the file, left empty: ${missing.join(', ')}.`] : []
    const columnOfField = new Map<string, number>()
    const headerOfField = new Map<string, string>()
    for (const column of mapping.columns) {
      headerOfField.set(column.field, column.header)
      const index = sheet.columnOf.get(normalizeHeader(column.header))
      if (index !== undefined) columnOfField.set(column.field, index)
    }
    const lookups = await loadLookups(client)
    const ctx: RowContext = {
      formats: {
        decimalSeparator: mapping.decimalSeparator,
        dateFormats: mapping.dateFormats
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean),
      },
      lookups,
      fixedCarrierId: mapping.carrier ?? null,
      fixedCarrierCode: mapping.carrier == null ? null : lookups.codeOf.carrier(mapping.carrier),
      fixedPartnerId: mapping.partner ?? null,
      values: new ValueMap(mapping.valueMaps ?? []),
      headerOf: (field) => headerOfField.get(field) ?? field,
      asOf: new Date().toISOString().slice(0, 10),
    }
    return { sheet, ctx, lookups, columnOfField, notes }
  } catch (error) {
    await sheet.close()
    throw error
  }
}

/**
 * Reads every row of an opened import into `sink`, in file order. A row that reads is a fact unless it repeats an
 * earlier line of the file (same natural key): identical, it is counted as repeated; different, it is rejected
 * naming the earlier row. A rejected row that does not fit the header at all (doesNotFitHeader: a total, a row
 * count, "End of report") is held back: if only such rows follow to the end of the file they are the footer, skipped
 * and counted apart; if a data row follows, they were rejections after all. `afterRow` runs after each row (batching,
 * progress). Closes the sheet.
 */
export async function readRows(
  opened: OpenedImport,
  source: ImportSource,
  sink: RowSink,
  unknown: UnknownValues,
  afterRow?: (counts: RowCounts) => Promise<void>,
): Promise<{ counts: RowCounts; footers: Footer[] }> {
  const { sheet, ctx, columnOfField } = opened
  const { read, keyOf } = SOURCES[source]
  const counts: RowCounts = { rowsRead: 0, accepted: 0, rejected: 0, repeated: 0, blankRows: 0, footerRows: 0 }
  const seen = new Map<string, { rowNumber: number; signature: string }>()
  let held: Rejected[] = []
  let overflow = false // more rows that do not fit than a footer has: rejected until a data row comes
  const width = sheet.headers.length // cells past the last header have no column: not kept with a rejection
  const reject = async (rejected: Rejected) => {
    counts.rejected++
    unknown.add(rejected.rowNumber, rejected.unknown)
    await sink.rejected(rejected)
  }
  const isMapped = (field: string) => columnOfField.has(field)
  try {
    for await (const { rowNumber, cells } of sheet.rows) {
      counts.rowsRead++
      const get = (field: string): CellValue | undefined => {
        const index = columnOfField.get(field)
        return index === undefined ? undefined : cells[index]
      }
      const result = read(get, ctx)
      const footerLike = !result.ok && doesNotFitHeader(source, result.errors, get, isMapped, ctx.headerOf)
      if (!footerLike) {
        for (const rejected of held) await reject(rejected) // a data row follows: they were not the footer
        held = []
        overflow = false
      }
      if (!result.ok) {
        const rejected: Rejected = {
          rowNumber,
          cells: cells.slice(0, width).map(plainCell),
          reasons: describeErrors(result.errors),
          errors: result.errors,
          unknown: result.errors.flatMap((e) => (e.unknown ? [{ field: e.unknown.field, column: e.column, value: e.unknown.value }] : [])),
        }
        if (footerLike && !overflow) held.push(rejected)
        else await reject(rejected)
        if (held.length > MAX_FOOTER_LINES) {
          for (const row of held) await reject(row) // too long for a footer: rows that do not fit are rejections
          held = []
          overflow = true
        }
      } else {
        const key = keyOf(result.row)
        const signature = createHash('sha1').update(JSON.stringify(result.row)).digest('base64')
        const earlier = seen.get(key)
        if (earlier && earlier.signature !== signature) {
          await reject({
            rowNumber,
            cells: cells.slice(0, width).map(plainCell),
            reasons: `the same line as row ${earlier.rowNumber} (same keys and date) with different values; keep one of them`,
            errors: [],
            unknown: [],
          })
        } else if (earlier) {
          counts.accepted++
          counts.repeated++
          sink.repeated?.(rowNumber)
        } else {
          seen.set(key, { rowNumber, signature })
          counts.accepted++
          await sink.fact({ rowNumber, key, row: result.row, cells: cells.slice(0, width).map(plainCell) })
        }
      }
      await afterRow?.(counts)
    }
  } finally {
    // The reader holds the file until its rows are read to the end; a failure before that must release it.
    await sheet.close()
  }
  if (counts.accepted === 0 && counts.rejected === 0) {
    for (const row of held) await reject(row) // nothing but rows that do not fit: no data, so no footer either
    held = []
  }
  counts.blankRows = sheet.stats.blankRows
  counts.footerRows = held.length
  counts.rowsRead -= held.length
  return { counts, footers: held.map((row) => ({ rowNumber: row.rowNumber, text: footerText(row.cells) })) }
}

/** A footer line as the message quotes it: its non-empty cells. */
function footerText(cells: readonly PlainCell[]): string {
  const text = cells
    .filter((cell) => cell !== null && cell !== '')
    .map(String)
    .join(' ')
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

/** The footer lines of a file in one sentence, or null when there were none. */
export function footerSentence(footers: readonly Footer[]): string | null {
  if (footers.length === 0) return null
  const shown = footers
    .slice(0, 5)
    .map((f) => `row ${f.rowNumber} "${f.text}"`)
    .join(', ')
  const rest = footers.length > 5 ? ` and ${footers.length - 5} more` : ''
  const lines = footers.length === 1 ? '1 line' : `${footers.length} lines`
  return `Skipped ${lines} after the data that ${footers.length === 1 ? 'is' : 'are'} not data (a footer: totals, counts or notes), not counted as rows: ${shown}${rest}.`
}

export type PlainCell = string | number | boolean | null

/** A cell as JSON keeps it: dates as ISO strings. */
export function plainCell(cell: CellValue): PlainCell {
  return cell instanceof Date ? cell.toISOString() : cell
}
