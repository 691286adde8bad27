/**
 * The rows of one worksheet part (xl/worksheets/*.xml), parsed as it streams out of the zip.
 *
 * exceljs's own streaming worksheet reader is not used: it reads a date cell (`t="d"`, an ISO date, as SheetJS and
 * openpyxl write them) as the number before the first dash (2026), keeps only the last run of an inline rich string,
 * decodes each chunk on its own (a character split across two chunks is garbled), needs a cell reference on every
 * cell and ignores elements written with a namespace prefix (`<x:c>`). Here every cell type of the format is read:
 *
 *   s         shared string (index into the shared strings read in the first pass)
 *   inlineStr inline string: every <t> of <is>, rich runs joined, phonetic hints (<rPh>) left out
 *   str       a formula's text result
 *   b         boolean (1/0)
 *   e         error (#N/A...): its code, or FORMULA_WITHOUT_RESULT for a formula
 *   d         ISO 8601 date/time: a Date at that wall-clock time, read as UTC (an offset is ignored: Excel has none)
 *   n/absent  number; a Date when its number format shows a date
 *
 * A formula without a cached result, or whose result is an error, is FORMULA_WITHOUT_RESULT.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes'

import type { CellValue } from '../../../engine/ingest/cells'
import type { SheetRow } from './header'

/** What a formula cell holds when its cached result is an error (#N/A, #REF!...) or absent. */
export const FORMULA_WITHOUT_RESULT = '#ERROR'

export type WorksheetContext = {
  /** The shared string at `index` (null when there is none). */
  sharedString(index: number): CellValue
  /** The number format of cell style `styleId` (the `s` attribute), if any. */
  numFmt(styleId: number): string | undefined
  date1904: boolean
}

/** Whether an Excel number format shows a date or time (ignoring "quoted text", [colors/locales], \escapes, _padding and *fills). */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false
  return /[ymdhs]/i.test(
    numFmt
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/[\\_*]./g, ''),
  )
}

export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000))
}

/** Trimmed text, or null when nothing is left. */
export function text(value: string): string | null {
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/

/** A `t="d"` value: the wall-clock date and time it states, as UTC; null when it is not an ISO date. */
export function isoCellDate(value: string): Date | null {
  const m = ISO_DATE.exec(value.trim())
  if (!m) return null
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = m
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0'))))
  return date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d) ? date : null
}

/** Column index (0-based) of a cell reference such as "AB12" (or "$AB$12"); null when there is none. */
function columnOf(ref: string | undefined): number | null {
  if (!ref) return null
  let column = 0
  let letters = 0
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32 // upper case
    if (code >= 65 && code <= 90) {
      column = column * 26 + (code - 64)
      letters++
    } else if (ref[i] !== '$') break
  }
  return letters > 0 && letters <= 3 ? column - 1 : null
}

/** Excel's own limit: 16,384 columns (A to XFD). A cell beyond it is dropped (one tiny cell must not become a huge row). */
export const MAX_COLUMNS = 16_384

type Cell = { column: number; type: string; style: number; value: string | null; formula: boolean; inline: string }

function cellValue(cell: Cell, context: WorksheetContext, isDateStyle: (style: number) => boolean): CellValue {
  const { type, value } = cell
  if (type === 'inlineStr') return text(cell.inline)
  if (cell.formula && (value === null || type === 'e')) return FORMULA_WITHOUT_RESULT
  if (value === null) return null
  switch (type) {
    case 's': {
      const index = Number(value)
      return Number.isInteger(index) ? context.sharedString(index) : null
    }
    case 'str':
      return text(value)
    case 'b':
      return value.trim() === '1' || value.trim().toLowerCase() === 'true'
    case 'e':
      return text(value)
    case 'd':
      return isoCellDate(value) ?? text(value)
    default: {
      const number = Number(value.trim())
      if (value.trim() === '' || !Number.isFinite(number)) return text(value)
      if (!isDateStyle(cell.style)) return number
      const date = excelDate(number, context.date1904)
      return Number.isNaN(date.getTime()) ? number : date // past any calendar: the number, for the date rule to refuse
    }
  }
}

/** The local name of an element (`x:c` -> `c`). */
const local = (name: string): string => name.slice(name.indexOf(':') + 1)

/**
 * Parses the worksheet XML arriving in `chunks` and yields its rows as they complete. A row is every <row> element,
 * empty ones included; cells are trimmed, missing cells are null. XML errors reject the iteration.
 */
export async function* worksheetRows(chunks: AsyncIterable<Buffer | string>, context: WorksheetContext): AsyncGenerator<SheetRow> {
  const parser = new SaxesParser()
  const decoder = new TextDecoder('utf-8')
  const done: SheetRow[] = []
  let failure: Error | null = null
  let rowNumber = 0
  let row: CellValue[] | null = null
  let nextColumn = 0
  let cell: Cell | null = null
  let reading: 'v' | 't' | null = null // the element whose text is being collected
  let inInline = false
  let inPhonetic = false
  const dateStyles = new Map<number, boolean>()
  const isDateStyle = (style: number): boolean => {
    let isDate = dateStyles.get(style)
    if (isDate === undefined) dateStyles.set(style, (isDate = isDateFormat(context.numFmt(style))))
    return isDate
  }

  parser.on('error', (error) => {
    failure ??= error
  })
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const attributes = tag.attributes as Record<string, string | undefined> // no closure here: this runs for every element
    switch (local(tag.name)) {
      case 'row': {
        const r = Number(attributes.r)
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1
        row = []
        nextColumn = 0
        break
      }
      case 'c': {
        if (!row) break
        const column = columnOf(attributes.r) ?? nextColumn
        nextColumn = column + 1
        const style = Number(attributes.s ?? 0)
        cell = { column, type: attributes.t ?? 'n', style: Number.isInteger(style) ? style : 0, value: null, formula: false, inline: '' }
        break
      }
      case 'f':
        if (cell) cell.formula = true
        break
      case 'v':
        if (cell) {
          cell.value = ''
          reading = 'v'
        }
        break
      case 'is':
        inInline = cell !== null
        break
      case 'rPh':
        inPhonetic = true
        break
      case 't':
        if (cell && inInline && !inPhonetic) reading = 't'
        break
    }
  })
  const collect = (value: string): void => {
    if (!cell || reading === null) return
    if (reading === 'v') cell.value += value
    else cell.inline += value
  }
  parser.on('text', collect)
  parser.on('cdata', collect)
  parser.on('closetag', (tag: SaxesTagPlain) => {
    switch (local(tag.name)) {
      case 'v':
      case 't':
        reading = null
        break
      case 'is':
        inInline = false
        break
      case 'rPh':
        inPhonetic = false
        break
      case 'c':
        if (row && cell && cell.column < MAX_COLUMNS) row[cell.column] = cellValue(cell, context, isDateStyle)
        cell = null
        break
      case 'row':
        if (row) {
          for (let i = 0; i < row.length; i++) row[i] ??= null
          done.push({ rowNumber, cells: row })
        }
        row = null
        break
    }
  })

  const flush = function* (): Generator<SheetRow> {
    if (failure) throw failure
    while (done.length > 0) yield done.shift()!
  }
  for await (const chunk of chunks) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }))
    yield* flush()
  }
  parser.write(decoder.decode())
  parser.close()
  yield* flush()
}
