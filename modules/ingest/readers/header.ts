/**
 * From a stream of raw rows to an opened sheet: find the header row, map the expected headers to
 * columns, then hand out the data rows (blank rows skipped and counted, short rows padded with null).
 *
 * Merged header cells: a merge keeps its text only in its top-left cell and the others arrive empty
 * (exceljs's streaming reader does not report merges at all: the <mergeCells> list comes after the
 * rows in the file). So a header cell borrows from the row above only when that yields an expected
 * header: an empty cell takes the text above it (a title merged down over two rows), and a
 * sub-header under a group title merged across columns ("Activation" over "Date" | "Type") becomes
 * "Activation Date" when that is what the mapping expects.
 */
import { normalizeHeader, parseText, type CellValue } from '../../../engine/ingest/cells'
import { SpreadsheetError } from './errors'

export type SheetLayout = {
  format: 'xlsx' | 'csv'
  /** xlsx: which worksheet (matched without regard to case); default the first visible one. */
  sheetName?: string | null
  /** 1-based; when absent, the header row is detected in the first HEADER_SCAN_ROWS rows. */
  headerRow?: number | null
  /** 1-based; default (and at the earliest) the row after the header row. */
  firstDataRow?: number | null
  /** The header names the mapping expects, as written in the mapping. */
  expectedHeaders: string[]
  /** CSV only; default 'auto'. */
  csvDelimiter?: 'auto' | ',' | ';' | '\t' | '|'
  /** The file's name as the user knows it, for messages (the path on disk is not it). */
  fileName?: string | null
}

/** One row: `rowNumber` is the row a user sees in Excel (for a CSV, the 1-based record number). */
export type SheetRow = { rowNumber: number; cells: CellValue[] }

export type OpenedSheet = {
  headerRowNumber: number
  /** The header texts as found (trimmed, original case); index = column index. */
  headers: string[]
  /** normalizeHeader(expected header) -> column index, for the expected headers found. */
  columnOf: Map<string, number>
  /** Expected headers not found (as spelled in the layout). */
  missingHeaders: string[]
  /** Data rows after the header; blank rows are skipped and counted in `stats`. Iterable once. */
  rows: AsyncIterable<SheetRow>
  /** Filled in as rows are consumed. */
  stats: { blankRows: number }
  /** Releases the file. Needed only when `rows` is not iterated to its end (or broken out of). */
  close(): Promise<void>
}

/**
 * Every row of one sheet in order, blank ones included (an .xlsx may skip rows that hold nothing).
 * Cells are trimmed; an empty cell is null. `next` resolves null at the end.
 */
export type RowSource = {
  next(): Promise<SheetRow | null>
  close(): Promise<void>
}

/** How many rows from the top are searched for the header row. */
export const HEADER_SCAN_ROWS = 30

const isBlankRow = (cells: readonly CellValue[]): boolean =>
  cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''))

function headerText(cell: CellValue | undefined): string {
  const text = parseText(cell ?? null)
  return text.ok ? text.value : ''
}

/** The header texts of `row`, borrowing from `above` where that makes an expected header match. */
function effectiveHeaders(row: readonly CellValue[], above: readonly CellValue[] | undefined, expected: ReadonlySet<string>): string[] {
  const headers: string[] = []
  const width = Math.max(row.length, above?.length ?? 0)
  let group = '' // the nearest title at or left of the column in the row above
  for (let c = 0; c < width; c++) {
    let text = headerText(row[c])
    const up = above ? headerText(above[c]) : ''
    if (up !== '') group = up
    if (text === '' && up !== '' && expected.has(normalizeHeader(up))) text = up
    else if (text !== '' && group !== '' && !expected.has(normalizeHeader(text)) && expected.has(normalizeHeader(`${group} ${text}`))) {
      text = `${group} ${text}`
    }
    headers.push(text)
  }
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop()
  return headers
}

function matchHeaders(headers: readonly string[], expectedHeaders: readonly string[]) {
  const columnOf = new Map<string, number>()
  const missingHeaders: string[] = []
  const normalized = headers.map(normalizeHeader)
  for (const header of expectedHeaders) {
    const key = normalizeHeader(header)
    if (columnOf.has(key) || missingHeaders.some((m) => normalizeHeader(m) === key)) continue
    const column = normalized.indexOf(key)
    if (column >= 0) columnOf.set(key, column)
    else missingHeaders.push(header)
  }
  return { columnOf, missingHeaders }
}

const list = (texts: readonly string[], max = 12): string => {
  const shown = texts
    .slice(0, max)
    .map((t) => JSON.stringify(t))
    .join(', ')
  return texts.length > max ? `${shown}, ...` : shown
}

function checkLayout(layout: SheetLayout): void {
  const bad = (message: string) => new SpreadsheetError('INVALID_LAYOUT', message)
  const { headerRow, firstDataRow } = layout
  if (headerRow != null && !(Number.isInteger(headerRow) && headerRow >= 1))
    throw bad(`The header row must be a row number (1 or more), not ${headerRow}.`)
  if (firstDataRow != null && !(Number.isInteger(firstDataRow) && firstDataRow >= 1)) {
    throw bad(`The first data row must be a row number (1 or more), not ${firstDataRow}.`)
  }
  if (headerRow != null && firstDataRow != null && firstDataRow <= headerRow) {
    throw bad(`The first data row (${firstDataRow}) must come after the header row (${headerRow}).`)
  }
  if (headerRow == null && layout.expectedHeaders.length === 0) throw bad('Without expected headers, the header row must be given.')
}

/** Reads the top of `source`, finds the header, and returns the opened sheet (closing `source` on failure). */
export async function openRows(source: RowSource, layout: SheetLayout): Promise<OpenedSheet> {
  const buffer: SheetRow[] = []
  let header: { rowNumber: number; headers: string[] }
  try {
    checkLayout(layout)
    const scanTo = layout.headerRow ?? HEADER_SCAN_ROWS
    for (let row = await source.next(); row !== null; row = await source.next()) {
      buffer.push(row)
      if (row.rowNumber >= scanTo) break
    }
    header = findHeader(buffer, layout, scanTo)
  } catch (error) {
    await source.close()
    throw error
  }

  const { columnOf, missingHeaders } = matchHeaders(header.headers, layout.expectedHeaders)
  const firstDataRow = Math.max(layout.firstDataRow ?? 0, header.rowNumber + 1) // never the header or above it
  const width = header.headers.length
  const stats = { blankRows: 0 }
  let started = false

  async function* dataRows(): AsyncGenerator<SheetRow> {
    let expectedNext = firstDataRow
    const take = (row: SheetRow): SheetRow | null => {
      if (row.rowNumber < firstDataRow) return null
      stats.blankRows += Math.max(0, row.rowNumber - expectedNext) // rows absent from an .xlsx are blank
      expectedNext = row.rowNumber + 1
      if (isBlankRow(row.cells)) {
        stats.blankRows++
        return null
      }
      const cells = Array.from({ length: Math.max(width, row.cells.length) }, (_, i) => row.cells[i] ?? null)
      return { rowNumber: row.rowNumber, cells }
    }
    try {
      const buffered = buffer.splice(0)
      for (const row of buffered) {
        const data = take(row)
        if (data) yield data
      }
      for (let row = await source.next(); row !== null; row = await source.next()) {
        const data = take(row)
        if (data) yield data
      }
    } finally {
      await source.close()
    }
  }

  return {
    headerRowNumber: header.rowNumber,
    headers: header.headers,
    columnOf,
    missingHeaders,
    stats,
    rows: {
      [Symbol.asyncIterator]() {
        if (started) throw new Error('The rows of an opened sheet can be read only once')
        started = true
        return dataRows()
      },
    },
    close: () => source.close(),
  }
}

function findHeader(buffer: readonly SheetRow[], layout: SheetLayout, scanTo: number): { rowNumber: number; headers: string[] } {
  const expected = new Set(layout.expectedHeaders.map(normalizeHeader))
  const byNumber = new Map(buffer.map((row) => [row.rowNumber, row.cells]))
  const candidates =
    layout.headerRow != null
      ? [layout.headerRow]
      : buffer.filter((r) => r.rowNumber <= scanTo && !isBlankRow(r.cells)).map((r) => r.rowNumber)

  let best: { rowNumber: number; headers: string[]; score: number } | null = null
  for (const rowNumber of candidates) {
    const headers = effectiveHeaders(byNumber.get(rowNumber) ?? [], byNumber.get(rowNumber - 1), expected)
    const score = new Set(headers.map(normalizeHeader).filter((h) => expected.has(h))).size
    if (best === null || score > best.score) best = { rowNumber, headers, score }
  }
  if (best !== null && (best.score > 0 || expected.size === 0)) return best

  const wanted = `expected columns ${list(layout.expectedHeaders)}`
  if (layout.headerRow != null) {
    const cells = (byNumber.get(layout.headerRow) ?? []).map(headerText).filter(Boolean)
    const found = cells.length > 0 ? `it contains ${list(cells)}` : 'it is empty'
    throw new SpreadsheetError('NO_HEADER', `Row ${layout.headerRow} should hold the column headers (${wanted}), but ${found}.`)
  }
  const first = buffer.find((r) => !isBlankRow(r.cells))
  const found = first
    ? `the first non-empty row (row ${first.rowNumber}) contains ${list(first.cells.map(headerText).filter(Boolean))}`
    : 'the sheet is empty'
  throw new SpreadsheetError('NO_HEADER', `No header row found in the first ${scanTo} rows (${wanted}); ${found}.`)
}
