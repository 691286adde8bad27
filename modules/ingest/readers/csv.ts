/**
 * Rows of a CSV, streamed with csv-parse.
 *
 * The encoding comes from the file's head (BOM, else UTF-8 when valid, else Windows-1252, Excel's
 * "CSV (Comma delimited)" on Windows). The delimiter, when 'auto', is the candidate that lets the
 * most expected headers match in one line, then the one that splits the most lines into the same
 * number of fields (counted outside quotes). Fields are delivered as trimmed strings, empty as null;
 * a record's number is its 1-based position, blank lines included (what Excel shows as the row).
 */
import fs from 'node:fs'
import { pipeline, Transform } from 'node:stream'

import { parse } from 'csv-parse'

import { normalizeHeader, type CellValue } from '../../../engine/ingest/cells'
import { asCorrupt, SpreadsheetError } from './errors'
import { formatBytes } from './expansion'
import { detectTextEncoding, type TextEncoding } from './format'
import type { RowSource, SheetLayout } from './header'

export type CsvDelimiter = ',' | ';' | '\t' | '|'

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t', '|']

/** Lines of the head looked at to choose a delimiter. */
const SNIFF_RECORDS = 30

/** Longest record accepted; a longer one almost always means a quote that is never closed. */
export const MAX_RECORD_CHARS = 1_000_000

/**
 * Longest line (bytes between line breaks) accepted. csv-parse's record limit counts the characters of fields, so a
 * line of millions of empty fields (",,,,…") would pass it while the record array grows; no real record comes near
 * this (4 MB: a record's 1,000,000 characters take at most 4 bytes each in UTF-8).
 */
export const MAX_LINE_BYTES = 4 * 1024 * 1024

const WHAT = 'The CSV file'

/** The first `max` records of `text`, split on `delimiter` with CSV quoting (a cut-off last record is dropped). */
function splitRecords(text: string, delimiter: string, max: number): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length && records.length < max; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch !== '"') field += ch
      else if (text[i + 1] === '"') field += text[++i]
      else quoted = false
    } else if (ch === '"' && field === '') {
      quoted = true
    } else if (ch === delimiter) {
      record.push(field)
      field = ''
    } else if (ch === '\r' || ch === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      if (ch === '\r' && text[i + 1] === '\n') i++
    } else {
      field += ch
    }
  }
  return records
}

/** The delimiter of a CSV whose beginning is `text` (see the module comment); ',' when nothing tells. */
export function detectDelimiter(text: string, expectedHeaders: readonly string[]): CsvDelimiter {
  const expected = new Set(expectedHeaders.map(normalizeHeader))
  let best: { delimiter: CsvDelimiter; score: number[] } = { delimiter: ',', score: [0, 0, 0] }
  for (const delimiter of CANDIDATES) {
    const records = splitRecords(text, delimiter, SNIFF_RECORDS).filter((r) => r.some((f) => f.trim() !== ''))
    const headerMatches = Math.max(0, ...records.map((r) => new Set(r.map(normalizeHeader).filter((h) => expected.has(h))).size))
    const widths = new Map<number, number>()
    for (const r of records) widths.set(r.length, (widths.get(r.length) ?? 0) + 1)
    const [width, lines] = [...widths].filter(([w]) => w > 1).sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [1, 0]
    const score = [headerMatches, lines, width]
    const better = score.findIndex((s, i) => s !== best.score[i])
    if (better >= 0 && score[better]! > best.score[better]!) best = { delimiter, score }
  }
  return best.delimiter
}

/** Decodes a non-UTF-8 byte stream to UTF-8 (csv-parse reads UTF-8). */
function toUtf8(encoding: TextEncoding): Transform {
  const decoder = new TextDecoder(encoding)
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'))
    },
    flush(done) {
      done(null, Buffer.from(decoder.decode(), 'utf8'))
    },
  })
}

/**
 * Passes the bytes through, failing with TOO_LARGE at the first line longer than `maxBytes` (before the parser has
 * gathered it). Lines are counted from 1 by line feeds (a quoted field's line breaks count too, so it may differ from
 * the row).
 */
export function lineLengthGuard(maxBytes: number, fileName?: string | null): Transform {
  let run = 0 // bytes since the last line break
  let line = 1
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i]
        if (byte === 10 || byte === 13) {
          if (byte === 10) line++
          run = 0
        } else if (++run > maxBytes) {
          const name = fileName ? `The CSV file "${fileName}"` : WHAT
          done(
            new SpreadsheetError(
              'TOO_LARGE',
              `${name} is refused: line ${line} is longer than ${formatBytes(maxBytes)} without a line break, which no real row is. Check that it is a CSV export and export it again.`,
            ),
          )
          return
        }
      }
      done(null, chunk)
    },
  })
}

function csvError(error: unknown): Error {
  const e = error as { code?: unknown; lines?: unknown; records?: unknown; message?: unknown; quoting?: unknown }
  if (e.code === 'CSV_MAX_RECORD_SIZE' && e.quoting !== true && typeof e.records === 'number') {
    return new SpreadsheetError(
      'TOO_LARGE',
      `${WHAT} cannot be read: row ${e.records + 1} is longer than ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters, which no real row is. Check that it is a CSV export and export it again.`,
      { cause: error },
    )
  }
  if ((e.code === 'CSV_QUOTE_NOT_CLOSED' || e.code === 'CSV_MAX_RECORD_SIZE') && typeof e.records === 'number') {
    return new SpreadsheetError(
      'CORRUPT',
      `${WHAT} cannot be read: the quoted field that starts in row ${e.records + 1} is never closed (a " is missing). Fix the file or export it again.`,
      { cause: error },
    )
  }
  if (typeof e.code === 'string' && e.code.startsWith('CSV_')) {
    const line = typeof e.lines === 'number' ? ` near line ${e.lines}` : ''
    return new SpreadsheetError('CORRUPT', `${WHAT} cannot be read${line}: ${String(e.message)}`, { cause: error })
  }
  return asCorrupt(error, WHAT)
}

const cell = (field: string): CellValue => {
  const trimmed = field.trim()
  return trimmed === '' ? null : trimmed
}

/** Opens the CSV at `filePath`; `head` is its beginning (for the encoding and the delimiter). */
export async function openCsvRows(
  filePath: string,
  head: Buffer,
  layout: Pick<SheetLayout, 'csvDelimiter' | 'expectedHeaders' | 'fileName'>,
): Promise<RowSource> {
  const encoding = detectTextEncoding(head)
  const delimiter =
    !layout.csvDelimiter || layout.csvDelimiter === 'auto'
      ? detectDelimiter(new TextDecoder(encoding).decode(head), layout.expectedHeaders)
      : layout.csvDelimiter

  const input = fs.createReadStream(filePath)
  const parser = parse({ delimiter, bom: true, relax_column_count: true, relax_quotes: true, max_record_size: MAX_RECORD_CHARS })
  const done = (error: Error | null) => {
    if (error) parser.destroy(error) // the parser's iterator reports it
  }
  const guard = lineLengthGuard(MAX_LINE_BYTES, layout.fileName)
  if (encoding === 'utf-8') pipeline(input, guard, parser, done)
  else pipeline(input, toUtf8(encoding), guard, parser, done)

  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>
  let rowNumber = 0
  let closed = false
  return {
    async next() {
      if (closed) return null
      let step: IteratorResult<string[]>
      try {
        step = await records.next()
      } catch (error) {
        throw csvError(error)
      }
      if (step.done) return null
      rowNumber++
      return { rowNumber, cells: step.value.map(cell) }
    },
    async close() {
      if (closed) return
      closed = true
      await records.return?.().catch(() => {})
      input.destroy()
      parser.destroy()
    },
  }
}
