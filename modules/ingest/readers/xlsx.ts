/**
 * Rows of one worksheet of an .xlsx, streamed with exceljs's WorkbookReader (the workbook is never
 * loaded whole: memory holds the shared strings and the styles, not the rows).
 *
 * What exceljs's streaming reader does, and what this file adds:
 * - It parses the zip in file order. Excel (and exceljs's writer) store the worksheets before the
 *   shared strings they need, so exceljs copies each worksheet to a temp file and parses it once the
 *   whole zip is read; on a failure or an early stop those temp files and their descriptors stay
 *   until the process exits. Here a first pass reads the workbook parts and a second pass parses the
 *   chosen worksheet straight from the zip (see openXlsxRows): no temp files at all.
 * - A broken zip (truncated, damaged deflate data) leaves it waiting forever on an entry; the error
 *   is only emitted on its internal unzip stream. So the pipe into that stream is watched and its
 *   errors reject the read, and the end-of-archive record is checked before reading.
 * - Date-formatted numbers come as Date only when styles are read ('cache'); formula results are
 *   numbers even with a date format, so they are converted here. It drops the error code of a
 *   formula whose cached result is an error (and such a result cannot be told from a missing one):
 *   those cells arrive as FORMULA_WITHOUT_RESULT. A formula returning TRUE/FALSE arrives as 1/0.
 * - Merges are not reported (see header.ts for how merged header cells are handled).
 * - It unpacks whatever the zip holds. Here the sizes the zip declares are checked before reading, and what each
 *   part really inflates to is counted as it streams: past the limits of expansion.ts the read stops with a
 *   TOO_LARGE error naming the part (a small file that unpacks to hundreds of megabytes never gets that far).
 */
import fs from 'node:fs'
import type { Transform, TransformCallback } from 'node:stream'

import ExcelJS from 'exceljs'

import type { CellValue } from '../../../engine/ingest/cells'
import { asCorrupt, SpreadsheetError } from './errors'
import { checkDeclaredExpansion, ExpansionMeter, expansionLimits, type ExpansionLimits, zipPartsOfFile } from './expansion'
import type { RowSource, SheetRow } from './header'

/** Reader options that keep memory low: rows are emitted, hyperlinks ignored (the cell text is kept). */
export const XLSX_READER_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  styles: 'cache',
  entries: 'ignore',
} as const

/** What a formula cell holds when its cached result is an error (#N/A, #REF!...) or absent. */
export const FORMULA_WITHOUT_RESULT = '#ERROR'

const WHAT = 'The Excel file'

// The parts of exceljs's streaming reader used here (its published types describe the in-memory workbook).
type ExcelCell = { value: unknown; numFmt?: string }
type ExcelRow = { number: number; eachCell(options: { includeEmpty: boolean }, visit: (cell: ExcelCell, column: number) => void): void }
type ExcelWorksheet = AsyncIterable<ExcelRow> & { name: string }
type ExcelSheetModel = { name: string; state?: string; rId?: string }
type ExcelWorkbook = AsyncIterable<ExcelWorksheet> & {
  model?: { sheets?: ExcelSheetModel[] }
  workbookRels?: { Id: string; Target: string }[]
  properties?: { model?: { date1904?: boolean } }
}

/** Rejects when the zip's end-of-central-directory record is missing: the file was cut short. */
async function assertCompleteZip(filePath: string): Promise<void> {
  const file = await fs.promises.open(filePath, 'r')
  try {
    const { size } = await file.stat()
    const length = Math.min(size, 22 + 0xffff) // the record (22 bytes) plus the longest zip comment
    const tail = Buffer.alloc(length)
    await file.read(tail, 0, length, size - length)
    if (tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) < 0) {
      throw new SpreadsheetError(
        'CORRUPT',
        `${WHAT} is incomplete: its end is missing, so it was probably cut off during upload or download. Export it again and re-upload.`,
      )
    }
  } finally {
    await file.close()
  }
}

/** Sheet to read: `sheetName` (case-insensitive) or the first visible worksheet in tab order. */
function chooseSheet(workbook: Pick<ExcelWorkbook, 'model' | 'workbookRels'>, sheetName: string | null | undefined): string {
  const rels = workbook.workbookRels ?? []
  const worksheets = (workbook.model?.sheets ?? []).filter((sheet) => {
    const rel = rels.find((r) => r.Id === sheet.rId)
    return !rel || /worksheets\//.test(rel.Target) // not a chart sheet
  })
  const names = worksheets.map((s) => `"${s.name}"`).join(', ')
  if (sheetName != null && sheetName.trim() !== '') {
    const wanted = sheetName.trim().toLowerCase()
    const found = worksheets.find((s) => s.name.trim().toLowerCase() === wanted)
    if (!found) {
      throw new SpreadsheetError('SHEET_NOT_FOUND', `The workbook has no sheet named "${sheetName}"; its sheets are ${names || '(none)'}.`)
    }
    return found.name
  }
  const first = worksheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden') ?? worksheets[0]
  if (!first) throw new SpreadsheetError('SHEET_NOT_FOUND', `${WHAT} has no worksheets.`)
  return first.name
}

/** Whether an Excel number format shows a date or time (ignoring "quoted text", [colors/locales], \escapes, _padding and *fills). */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false
  return /[ymdhs]/i.test(
    numFmt
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/[\\_*]./g, ''),
  )
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000))
}

function text(value: string): string | null {
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

/** An exceljs cell value as a CellValue. */
function toCellValue(value: unknown, numFmt: string | undefined, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return text(value)
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'boolean') return value
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value
  if (typeof value !== 'object') return null
  const v = value as Record<string, unknown>
  if (Array.isArray(v.richText)) return text(v.richText.map((run: { text?: unknown }) => String(run.text ?? '')).join(''))
  if ('error' in v) return String(v.error)
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v.result
    if (result === undefined || result === null || (typeof result === 'number' && Number.isNaN(result))) return FORMULA_WITHOUT_RESULT
    if (typeof result === 'number' && isDateFormat(numFmt)) return excelDate(result, date1904)
    return toCellValue(result, undefined, date1904)
  }
  if ('text' in v) return toCellValue(v.text, numFmt, date1904) // a hyperlink read with its text
  return null
}

function toSheetRow(row: ExcelRow, date1904: boolean): SheetRow {
  const cells: CellValue[] = []
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    cells[column - 1] = toCellValue(cell.value, cell.numFmt, date1904)
  })
  for (let i = 0; i < cells.length; i++) cells[i] ??= null
  return { rowNumber: row.number, cells }
}

type Step<T> = Promise<IteratorResult<T>>

/**
 * One pass of exceljs's WorkbookReader over the file, `preset` assigned onto the reader first.
 * exceljs pipes the file into an unzip stream and misses that stream's errors while it waits on an
 * entry, so the pipe is watched: a zip or file error rejects the step in flight (`step`).
 */
class WorkbookPass {
  readonly reader: ExcelWorkbook
  private readonly input: fs.ReadStream
  private readonly worksheets: AsyncIterator<ExcelWorksheet>
  private failure: Error | null = null
  private interrupt: ((error: Error) => void) | null = null // rejects the step in flight

  constructor(filePath: string, options: Record<string, string>, preset: Record<string, unknown>, meter: ExpansionMeter) {
    this.input = fs.createReadStream(filePath)
    this.input.on('error', (error) => this.fail(error))
    const pipe = this.input.pipe.bind(this.input)
    this.input.pipe = <T extends NodeJS.WritableStream>(destination: T, pipeOptions?: { end?: boolean }): T => {
      destination.on('error', (error: unknown) => this.fail(error))
      this.meterEntries(destination as unknown as ZipParser, meter)
      return pipe(destination, pipeOptions)
    }
    this.reader = new ExcelJS.stream.xlsx.WorkbookReader(this.input, options) as unknown as ExcelWorkbook
    Object.assign(this.reader, preset)
    this.worksheets = this.reader[Symbol.asyncIterator]()
  }

  private fail(error: unknown): void {
    if (this.failure) return
    this.failure = asCorrupt(error, WHAT)
    this.interrupt?.(this.failure)
  }

  /**
   * Counts what every part of the zip inflates to. exceljs's unzipper hands each part over as a PassThrough (pushed
   * onto the parser's readable side) that its inflater pipes into; the count sits in that PassThrough's transform,
   * and the inflater's `bytesWritten` says how much compressed data it has consumed. Past a limit the read fails,
   * the inflater is stopped and whatever it still produces is dropped.
   */
  private meterEntries(zip: ZipParser, meter: ExpansionMeter): void {
    const push = zip.push.bind(zip)
    zip.push = (chunk: unknown, encoding?: BufferEncoding) => {
      if (isZipEntry(chunk)) this.meterEntry(chunk, meter.part(chunk.path))
      return push(chunk, encoding)
    }
  }

  private meterEntry(entry: ZipEntry, counter: ReturnType<ExpansionMeter['part']>): void {
    let source: (NodeJS.ReadableStream & { bytesWritten?: unknown; destroy?: () => void }) | null = null
    entry.once('pipe', (from: NodeJS.ReadableStream) => {
      source = from
    })
    const transform = entry._transform.bind(entry)
    entry._transform = (chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback) => {
      if (this.failure) return callback() // the read is over: drop what is still inflating
      const consumed = typeof source?.bytesWritten === 'number' ? source.bytesWritten : null
      const error = counter.add(chunk.length, consumed)
      if (!error) return transform(chunk, encoding, callback)
      this.fail(error)
      source?.destroy?.()
      callback()
    }
  }

  /**
   * `promise`, or the first failure, whichever comes first; errors become CORRUPT. (Not Promise.race
   * against one long-lived promise: every race would leave a reaction on it, so 100,000 rows would
   * keep 100,000 results in memory.)
   */
  step<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.failure) {
        promise.catch(() => {})
        reject(this.failure)
        return
      }
      this.interrupt = reject
      promise.then(
        (value) => {
          this.interrupt = null
          resolve(value)
        },
        (error: unknown) => {
          this.interrupt = null
          reject(asCorrupt(error, WHAT))
        },
      )
    })
  }

  nextWorksheet(): Step<ExcelWorksheet> {
    return this.step(this.worksheets.next())
  }

  /** Stops the pass (after `rows`, the worksheet being read, if any) and closes the file. */
  async close(rows?: AsyncIterator<unknown>): Promise<void> {
    try {
      if (!this.failure) {
        if (rows?.return) await this.step(rows.return())
        if (this.worksheets.return) await this.step(this.worksheets.return())
      }
    } catch {
      // the pass failed while stopping: whoever reads will have been told already
    } finally {
      this.input.destroy()
    }
  }
}

/** The parts of unzipper's parser and its entries used to meter the expansion. */
type ZipParser = { push(chunk: unknown, encoding?: BufferEncoding): boolean }
type ZipEntry = Transform & { path: string }
const isZipEntry = (chunk: unknown): chunk is ZipEntry =>
  typeof chunk === 'object' &&
  chunk !== null &&
  typeof (chunk as { path?: unknown }).path === 'string' &&
  typeof (chunk as { _transform?: unknown })._transform === 'function'

type WorkbookParts = Pick<ExcelWorkbook, 'model' | 'workbookRels' | 'properties'> & { sharedStrings: unknown; styles: unknown }

/**
 * First pass: the workbook, its relationships, shared strings and styles, skipping the worksheets.
 * Presetting the shared strings and relationships makes exceljs hand each worksheet over as it meets
 * it (to be skipped) instead of copying it to a temp file to parse later.
 */
async function readWorkbookParts(filePath: string, meter: ExpansionMeter): Promise<WorkbookParts> {
  const noWorkbook = { sheets: [] }
  const pass = new WorkbookPass(filePath, XLSX_READER_OPTIONS, { sharedStrings: [], workbookRels: [], model: noWorkbook }, meter)
  try {
    for (let step = await pass.nextWorksheet(); !step.done; step = await pass.nextWorksheet()) {
      // skipped: exceljs drains it
    }
  } finally {
    await pass.close()
  }
  const parts = pass.reader as ExcelWorkbook & WorkbookParts
  if (parts.model === noWorkbook) {
    throw new SpreadsheetError('CORRUPT', `${WHAT} is a zip archive but not an Excel workbook. Export the report as .xlsx and re-upload.`)
  }
  const { model, workbookRels, properties, sharedStrings, styles } = parts
  return { model, workbookRels, properties, sharedStrings, styles }
}

/**
 * Opens the worksheet `sheetName` (default the first visible one) of the .xlsx at `filePath`.
 *
 * Two passes over the file, both streaming: the first reads the workbook parts (see readWorkbookParts),
 * the second parses only the chosen worksheet, straight from the zip, with those parts preset. This
 * reads the zip twice but writes no temp files (exceljs's own way, for the usual entry order) and stops
 * as soon as the worksheet is done.
 */
export async function openXlsxRows(
  filePath: string,
  sheetName?: string | null,
  options: { fileName?: string | null; limits?: ExpansionLimits } = {},
): Promise<RowSource> {
  await assertCompleteZip(filePath)
  const limits = options.limits ?? expansionLimits()
  const declared = await zipPartsOfFile(filePath)
  if (declared) checkDeclaredExpansion(declared, limits, options.fileName)
  const parts = await readWorkbookParts(filePath, new ExpansionMeter(limits, options.fileName))
  const target = chooseSheet(parts, sheetName)

  const pass = new WorkbookPass(
    filePath,
    { ...XLSX_READER_OPTIONS, sharedStrings: 'ignore', styles: 'ignore' },
    parts,
    new ExpansionMeter(limits, options.fileName),
  )
  let rows: AsyncIterator<ExcelRow>
  try {
    let worksheet: ExcelWorksheet | undefined
    for (let step = await pass.nextWorksheet(); !step.done; step = await pass.nextWorksheet()) {
      if (step.value.name !== target) continue // not read: exceljs drains it
      worksheet = step.value
      break
    }
    if (!worksheet) throw new SpreadsheetError('CORRUPT', `${WHAT} is damaged: the sheet "${target}" is listed but its data is missing.`)
    rows = worksheet[Symbol.asyncIterator]()
  } catch (error) {
    await pass.close()
    throw error
  }

  const date1904 = parts.properties?.model?.date1904 === true
  let closed = false
  return {
    async next() {
      if (closed) return null
      const step = await pass.step(rows.next())
      return step.done ? null : toSheetRow(step.value, date1904)
    },
    async close() {
      if (closed) return
      closed = true
      await pass.close(rows)
    },
  }
}
