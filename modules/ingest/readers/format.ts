/**
 * What a file is, from its first bytes: an .xlsx workbook (a zip), a CSV (text), or something a
 * user uploaded by mistake, which gets a message saying what it is and what to do instead.
 */
import { SpreadsheetError } from './errors'

/** How many leading bytes `detectFormat` looks at (callers should pass at least this much when the file has it). */
export const HEAD_BYTES = 64 * 1024

export type SpreadsheetFormat = 'xlsx' | 'csv'

const startsWith = (head: Buffer, ...bytes: number[]): boolean => head.length >= bytes.length && bytes.every((b, i) => head[i] === b)

const ascii = (head: Buffer, text: string): boolean => head.subarray(0, text.length).toString('latin1') === text

/** Text encodings a CSV can arrive in, as labels TextDecoder understands. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

/**
 * Encoding of a text file from its head: a byte-order mark wins; otherwise UTF-8 when the bytes are
 * valid UTF-8 (a sequence cut at the end of the head is allowed), else Windows-1252, which is what
 * Excel on Windows writes for "CSV (Comma delimited)".
 */
export function detectTextEncoding(head: Buffer): TextEncoding {
  if (startsWith(head, 0xef, 0xbb, 0xbf)) return 'utf-8'
  if (startsWith(head, 0xff, 0xfe)) return 'utf-16le'
  if (startsWith(head, 0xfe, 0xff)) return 'utf-16be'
  // Drop up to 3 trailing bytes that may be the start of a sequence the head cut in two.
  for (let cut = 0; cut <= Math.min(3, head.length); cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut))
      return 'utf-8'
    } catch {
      // try a shorter head
    }
  }
  return 'windows-1252'
}

/** Share of control bytes (other than tab, CR, LF, FF) above which a file is binary, not text. */
const MAX_CONTROL_SHARE = 0.01

/**
 * 'xlsx' for a zip (PK\x03\x04), 'csv' for text; anything else throws SpreadsheetError NOT_A_SPREADSHEET
 * naming what the file looks like. `fileName` only improves the message.
 */
export function detectFormat(head: Buffer, fileName?: string): SpreadsheetFormat {
  const name = fileName ? `"${fileName}"` : 'The file'
  const reject = (what: string, advice = 'Export the report as .xlsx (Excel Workbook) or .csv and upload that.'): never => {
    throw new SpreadsheetError('NOT_A_SPREADSHEET', `${name} ${what}. ${advice}`)
  }

  if (head.length === 0) reject('is empty')
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04)) return 'xlsx'
  if (startsWith(head, 0x50, 0x4b, 0x05, 0x06)) reject('is an empty zip archive, not a workbook')
  if (startsWith(head, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    reject(
      'is an .xls (Excel 97-2003) workbook or a password-protected workbook, which is not supported',
      'Open it in Excel, remove any password, save as .xlsx (Excel Workbook) and upload that.',
    )
  }
  if (ascii(head, '%PDF')) reject('is a PDF document, not a spreadsheet')
  if (startsWith(head, 0x89, 0x50, 0x4e, 0x47) || startsWith(head, 0xff, 0xd8, 0xff) || ascii(head, 'GIF8')) {
    reject('is an image, not a spreadsheet')
  }
  if (startsWith(head, 0x1f, 0x8b) || ascii(head, 'Rar!') || startsWith(head, 0x37, 0x7a, 0xbc, 0xaf)) {
    reject('is a compressed archive, not a spreadsheet', 'Extract the spreadsheet from it and upload the .xlsx or .csv itself.')
  }

  const encoding = detectTextEncoding(head)
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'csv'
  let control = 0
  for (const byte of head) {
    if (byte === 0) reject('is a binary file, not a spreadsheet')
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++
  }
  if (control > head.length * MAX_CONTROL_SHARE) reject('is a binary file, not a spreadsheet')

  const start = head
    .subarray(0, 1024)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase()
  if (start.startsWith('<?xml') && start.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    reject('is an "XML Spreadsheet 2003" file, which is not supported', 'Open it in Excel, save as .xlsx (Excel Workbook) and upload that.')
  }
  if (/^<(!doctype html|html|table|\?xml)/.test(start)) {
    reject(
      'is a web page (HTML or XML) saved with a spreadsheet name, not a real spreadsheet',
      'Open it in Excel, save as .xlsx (Excel Workbook) and upload that.',
    )
  }
  return 'csv'
}
