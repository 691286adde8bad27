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
 * - It finds a sheet's data only in a zip entry named xl/worksheets/sheet<N>.xml, matched against a
 *   relationship target written exactly `worksheets/sheet<N>.xml`. openpyxl (and other writers) use
 *   absolute targets (`/xl/worksheets/sheet2.xml`), which exceljs never matches, and any writer may
 *   name the part otherwise. Here the first pass resolves the chosen sheet's target to its part name
 *   (parts.ts), and in the second pass that entry, whatever its name, is the one handed over (every
 *   other worksheet entry is renamed so exceljs drains it). When the part is not in the zip the
 *   message names the part the workbook points to, the worksheet parts it holds, and what to do.
 * - The worksheet XML is parsed here (worksheetXml.ts), not by exceljs's worksheet reader, which
 *   misreads ISO date cells (t="d"), inline rich strings and characters split across chunks.
 * - A broken zip (truncated, damaged deflate data) leaves it waiting forever on an entry; the error
 *   is only emitted on its internal unzip stream. So the pipe into that stream is watched and its
 *   errors reject the read, and the end-of-archive record is checked before reading.
 * - Merges are not reported (see header.ts for how merged header cells are handled).
 * - It unpacks whatever the zip holds. Here the sizes the zip declares are checked before reading, and what each
 *   part really inflates to is counted as it streams: past the limits of expansion.ts the read stops with a
 *   TOO_LARGE error naming the part (a small file that unpacks to hundreds of megabytes never gets that far).
 */
import fs from 'node:fs'
import type { Transform, TransformCallback } from 'node:stream'

import ExcelJS from 'exceljs'

import { asCorrupt, SpreadsheetError } from './errors'
import { checkDeclaredExpansion, ExpansionMeter, expansionLimits, type ExpansionLimits, type ZipPart, zipPartsOfFile } from './expansion'
import type { RowSource, SheetRow } from './header'
import { isWorksheetPartName, missingSheetPartMessage, partKey, resolvePartName } from './parts'
import { text, worksheetRows, type WorksheetContext } from './worksheetXml'

export { FORMULA_WITHOUT_RESULT } from './worksheetXml'

/** Reader options that keep memory low: rows are emitted, hyperlinks ignored (the cell text is kept). */
export const XLSX_READER_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  styles: 'cache',
  entries: 'ignore',
} as const

const WHAT = 'The Excel file'

/** Where the workbook part is, and the name exceljs's streaming reader gives the worksheet entry it hands over. */
const WORKBOOK_PART = 'xl/workbook.xml'
const HANDED_OVER = 'xl/worksheets/sheet1.xml'
const EXCELJS_WORKSHEET_ENTRY = /xl\/worksheets\//i // what its entry patterns start with (unanchored)

// The parts of exceljs's streaming reader used here (its published types describe the in-memory workbook).
type ExcelSheetModel = { name: string; state?: string; rId?: string }
type ExcelRel = { Id: string; Type?: string; Target: string }
type ExcelStyles = { getStyleModel(id: number): { numFmt?: string } | null }
type ExcelWorkbook = AsyncIterable<unknown> & {
  model?: { sheets?: ExcelSheetModel[] }
  workbookRels?: ExcelRel[]
  properties?: { model?: { date1904?: boolean } }
}
/** What the second pass hands over for the chosen worksheet: its XML as it inflates. */
type WorksheetEntry = { xml: AsyncIterable<Buffer> }

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

/** A chart sheet, dialog sheet or macro sheet: listed among the sheets but holds no cells. */
const isWorksheetRel = (rel: ExcelRel): boolean => (rel.Type ? /\/worksheet$/.test(rel.Type) : /worksheets\//.test(rel.Target))

/** Sheet to read: `sheetName` (case-insensitive) or the first visible worksheet in tab order. */
function chooseSheet(workbook: Pick<ExcelWorkbook, 'model' | 'workbookRels'>, sheetName: string | null | undefined): ExcelSheetModel {
  const rels = workbook.workbookRels ?? []
  const worksheets = (workbook.model?.sheets ?? []).filter((sheet) => {
    const rel = rels.find((r) => r.Id === sheet.rId)
    return !rel || isWorksheetRel(rel)
  })
  const names = worksheets.map((s) => `"${s.name}"`).join(', ')
  if (sheetName != null && sheetName.trim() !== '') {
    const wanted = sheetName.trim().toLowerCase()
    const found = worksheets.find((s) => s.name.trim().toLowerCase() === wanted)
    if (!found) {
      throw new SpreadsheetError('SHEET_NOT_FOUND', `The workbook has no sheet named "${sheetName}"; its sheets are ${names || '(none)'}.`)
    }
    return found
  }
  const first = worksheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden') ?? worksheets[0]
  if (!first) throw new SpreadsheetError('SHEET_NOT_FOUND', `${WHAT} has no worksheets.`)
  return first
}

/** The zip entry holding `sheet`'s cells, as its relationship points to it; null when no relationship links it. */
function sheetPartName(workbook: Pick<ExcelWorkbook, 'workbookRels'>, sheet: ExcelSheetModel): string | null {
  const rel = (workbook.workbookRels ?? []).find((r) => r.Id === sheet.rId)
  return rel ? resolvePartName(WORKBOOK_PART, rel.Target) : null
}

/** The error for a sheet whose part is not in the file (`parts`: the zip's entries, when its directory was read). */
function missingSheetPart(sheet: ExcelSheetModel, part: string | null, parts: readonly ZipPart[] | null): SpreadsheetError {
  const worksheetParts = parts && parts.map((p) => p.name).filter(isWorksheetPartName)
  return new SpreadsheetError('CORRUPT', missingSheetPartMessage(WHAT, sheet.name, part, worksheetParts))
}

/** A shared string as exceljs caches it (text, or rich text runs) as a CellValue. */
function sharedStringValue(value: unknown): string | null {
  if (typeof value === 'string') return text(value)
  if (typeof value === 'object' && value !== null && Array.isArray((value as { richText?: unknown }).richText)) {
    const runs = (value as { richText: { text?: unknown }[] }).richText
    return text(runs.map((run) => (typeof run.text === 'string' ? run.text : '')).join(''))
  }
  return null
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
  private readonly worksheets: AsyncIterator<unknown>
  private failure: Error | null = null
  private interrupt: ((error: Error) => void) | null = null // rejects the step in flight

  /** `renameEntry`: the name exceljs is to see for a zip entry (given the entry's own name). */
  constructor(
    filePath: string,
    options: Record<string, string>,
    preset: Record<string, unknown>,
    meter: ExpansionMeter,
    renameEntry?: (path: string) => string,
  ) {
    this.input = fs.createReadStream(filePath)
    this.input.on('error', (error) => this.fail(error))
    const pipe = this.input.pipe.bind(this.input)
    this.input.pipe = <T extends NodeJS.WritableStream>(destination: T, pipeOptions?: { end?: boolean }): T => {
      destination.on('error', (error: unknown) => this.fail(error))
      this.watchEntries(destination as unknown as ZipParser, meter, renameEntry)
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
   * Renames the entries exceljs is to see otherwise (see openXlsxRows), and counts what every part of the zip inflates to. exceljs's unzipper hands each part over as a PassThrough (pushed
   * onto the parser's readable side) that its inflater pipes into; the count sits in that PassThrough's transform,
   * and the inflater's `bytesWritten` says how much compressed data it has consumed. Past a limit the read fails,
   * the inflater is stopped and whatever it still produces is dropped.
   */
  private watchEntries(zip: ZipParser, meter: ExpansionMeter, renameEntry?: (path: string) => string): void {
    const push = zip.push.bind(zip)
    zip.push = (chunk: unknown, encoding?: BufferEncoding) => {
      if (isZipEntry(chunk)) {
        this.meterEntry(chunk, meter.part(chunk.path)) // under its own name, for messages
        if (renameEntry) chunk.path = renameEntry(chunk.path)
      }
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

  nextWorksheet(): Step<unknown> {
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

type WorkbookParts = Pick<ExcelWorkbook, 'model' | 'workbookRels' | 'properties'> & { sharedStrings: unknown[]; styles: ExcelStyles }

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
 * The second pass's view of the zip: the entry `part` (compared without regard to case) under the name exceljs hands
 * over, every other worksheet entry (and its relationships) under a name exceljs does not recognise, so drains.
 */
function handOver(part: string): (path: string) => string {
  const wanted = partKey(part)
  return (path) => {
    if (partKey(path) === wanted) return HANDED_OVER
    return EXCELJS_WORKSHEET_ENTRY.test(path) ? path.replace(EXCELJS_WORKSHEET_ENTRY, 'xl/worksheets-not-read/') : path
  }
}

/** Makes exceljs hand over a worksheet entry's raw XML (parsed by worksheetXml.ts) instead of its own worksheet reader. */
function* rawWorksheet(xml: AsyncIterable<Buffer>): Generator<{ eventType: 'worksheet'; value: WorksheetEntry }> {
  yield { eventType: 'worksheet', value: { xml } }
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
  const sheet = chooseSheet(parts, sheetName)
  const part = sheetPartName(parts, sheet)
  if (part === null || (declared && !declared.some((p) => partKey(p.name) === partKey(part)))) {
    throw missingSheetPart(sheet, part, declared)
  }

  const pass = new WorkbookPass(
    filePath,
    { ...XLSX_READER_OPTIONS, sharedStrings: 'ignore', styles: 'ignore' },
    { ...parts, _parseWorksheet: rawWorksheet },
    new ExpansionMeter(limits, options.fileName),
    handOver(part),
  )
  const sharedStrings = parts.sharedStrings
  const context: WorksheetContext = {
    sharedString: (index) => {
      if (index < 0 || index >= sharedStrings.length) {
        throw new SpreadsheetError(
          'CORRUPT',
          `${WHAT} is damaged: a cell refers to shared text #${index}, but the workbook holds ${sharedStrings.length}. Open it in Excel or LibreOffice and save it again as .xlsx, or export the sheet as CSV, and upload that file.`,
        )
      }
      return sharedStringValue(sharedStrings[index])
    },
    numFmt: (styleId) => parts.styles.getStyleModel(styleId)?.numFmt,
    date1904: parts.properties?.model?.date1904 === true,
  }
  let rows: AsyncGenerator<SheetRow>
  try {
    const step = await pass.nextWorksheet() // the only worksheet exceljs recognises in this pass
    if (step.done) throw missingSheetPart(sheet, part, declared)
    rows = worksheetRows((step.value as WorksheetEntry).xml, context)
  } catch (error) {
    await pass.close()
    throw error
  }

  let closed = false
  return {
    async next() {
      if (closed) return null
      const step = await pass.step(rows.next())
      return step.done ? null : step.value
    },
    async close() {
      if (closed) return
      closed = true
      await pass.close(rows)
    },
  }
}
