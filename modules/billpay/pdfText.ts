/**
 * Text and positions from a PDF, page by page, with pdf.js (through `unpdf`): each page's text items grouped into
 * visual lines by baseline, left to right, y from the page's top (engine/billpay/text.ts). Only one page's text is
 * held at a time and each page's resources are released after it, so a 300-page invoice reads in bounded memory.
 * A file that cannot be read (not a PDF, encrypted, damaged or truncated) is a `PdfReadError` with the reason.
 */
import { getDocumentProxy } from 'unpdf'

import type { PdfPage, TextCell, TextLine } from '../../engine/billpay/text'

/** Why a file could not be read as a PDF; `reason` is the sentence shown to a person. */
export class PdfReadError extends Error {
  readonly reason: string

  constructor(reason: string) {
    super(reason)
    this.name = 'PdfReadError'
    this.reason = reason
  }
}

/** A text item as pdf.js reports it (only the fields read here). */
type Item = { str: string; x: number; baseline: number; width: number; height: number }

/** Baselines closer than this fraction of the text height are one line. */
const BASELINE_TOLERANCE = 0.35
/** A horizontal gap wider than this fraction of the text height separates two cells (a word space is ≈ 0.28). */
const CELL_GAP = 0.6
/** A gap wider than this fraction of the text height inside a cell is a space. */
const WORD_GAP = 0.12
/** Points per space when a column gap is written as spaces (about a character of body text). */
const SPACE_WIDTH_EM = 0.5
const MAX_GAP_SPACES = 40

/** Bytes at the start searched for "%PDF-" and at the end for "%%EOF". */
const HEADER_WINDOW = 1024
const TRAILER_WINDOW = 2048

/** The pages of a PDF, one at a time; throws `PdfReadError` when the file cannot be read. */
export async function* pdfPages(data: Uint8Array): AsyncGenerator<PdfPage> {
  checkEnvelope(data)
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>
  try {
    // pdf.js may take the buffer over; give it a copy so the caller's bytes stay usable. stopAtErrors: a damaged
    // content stream is an error, not a page with text silently missing.
    doc = await getDocumentProxy(new Uint8Array(data), { isEvalSupported: false, stopAtErrors: true, verbosity: 0 })
  } catch (error) {
    throw readError(error)
  }
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      let page: PdfPage
      try {
        const proxy = await doc.getPage(n)
        const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = proxy.view
        const content = await proxy.getTextContent()
        const items: Item[] = []
        for (const raw of content.items) {
          if (!('str' in raw) || raw.str.trim() === '') continue
          const t = raw.transform as number[]
          items.push({ str: raw.str, x: t[4]! - x0, baseline: t[5]! - y0, width: raw.width, height: raw.height || Math.abs(t[3]!) })
        }
        page = { page: n, width: x1 - x0, height: y1 - y0, lines: groupLines(items, y1 - y0) }
        proxy.cleanup()
      } catch (error) {
        throw readError(error, n)
      }
      yield page
    }
  } finally {
    await doc.destroy()
  }
}

/** Cheap checks before pdf.js: the "%PDF-" header and the "%%EOF" marker of a complete file. */
function checkEnvelope(data: Uint8Array): void {
  const head = Buffer.from(data.buffer, data.byteOffset, Math.min(data.length, HEADER_WINDOW)).toString('latin1')
  if (!head.includes('%PDF-')) throw new PdfReadError('the file is not a PDF')
  const tailStart = Math.max(0, data.length - TRAILER_WINDOW)
  const tail = Buffer.from(data.buffer, data.byteOffset + tailStart, data.length - tailStart).toString('latin1')
  if (!tail.includes('%%EOF')) throw new PdfReadError('the PDF is damaged or truncated: it has no end-of-file marker')
}

/** A pdf.js failure as a `PdfReadError` with a sentence a person understands. */
function readError(error: unknown, page?: number): PdfReadError {
  if (error instanceof PdfReadError) return error
  const name = error instanceof Error ? error.name : ''
  const message = error instanceof Error ? error.message : String(error)
  if (name === 'PasswordException') return new PdfReadError('the file is encrypted')
  return new PdfReadError(`the PDF is damaged or truncated: ${page === undefined ? '' : `page ${page}: `}${message}`)
}

/** Items grouped into lines by baseline (top to bottom), each line's cells left to right. */
function groupLines(items: Item[], pageHeight: number): TextLine[] {
  const sorted = [...items].sort((a, b) => b.baseline - a.baseline || a.x - b.x)
  const groups: Item[][] = []
  let current: Item[] = []
  let baseline = Number.NaN
  for (const item of sorted) {
    const tolerance = BASELINE_TOLERANCE * Math.max(item.height, 1)
    if (current.length > 0 && Math.abs(item.baseline - baseline) <= tolerance) {
      current.push(item)
    } else {
      if (current.length > 0) groups.push(current)
      current = [item]
      baseline = item.baseline
    }
  }
  if (current.length > 0) groups.push(current)
  return groups.map((group) => toLine(group, pageHeight))
}

function toLine(group: Item[], pageHeight: number): TextLine {
  const items = group.sort((a, b) => a.x - b.x)
  const height = Math.max(...items.map((i) => i.height))
  const baseline = Math.max(...items.map((i) => i.baseline))
  const cells: TextCell[] = []
  const gaps: number[] = []
  let cell: TextCell | null = null
  let end = 0
  for (const item of items) {
    const gap = item.x - end
    if (cell && gap <= CELL_GAP * height) {
      const joiner = gap > WORD_GAP * height && !/\s$/.test(cell.text) && !/^\s/.test(item.str) ? ' ' : ''
      cell.text += joiner + item.str
      cell.width = item.x + item.width - cell.x
    } else {
      if (cell) gaps.push(gap)
      cell = { text: item.str, x: item.x, width: item.width }
      cells.push(cell)
    }
    end = Math.max(end, item.x + item.width)
  }
  for (const c of cells) c.text = c.text.replace(/\s+/g, ' ').trim()
  let text = cells[0]?.text ?? ''
  cells.slice(1).forEach((c, i) => {
    const spaces = Math.min(MAX_GAP_SPACES, Math.max(2, Math.round(gaps[i]! / (SPACE_WIDTH_EM * height))))
    text += ' '.repeat(spaces) + c.text
  })
  const x = items[0]!.x
  return { text, x, y: pageHeight - baseline - height, width: end - x, height, cells }
}
