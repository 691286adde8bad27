/**
 * Spreadsheet readers: open an uploaded .xlsx or .csv as a header and a stream of data rows.
 * Cells come out as CellValues; turning them into typed values is engine/ingest/cells.ts's job.
 */
import fs from 'node:fs'

import { SpreadsheetError } from './errors'
import { detectFormat, HEAD_BYTES } from './format'
import { openRows, type OpenedSheet, type RowSource, type SheetLayout } from './header'
import { openCsvRows } from './csv'
import { openXlsxRows } from './xlsx'

export { SpreadsheetError, type SpreadsheetErrorCode } from './errors'
export { detectFormat, detectTextEncoding, HEAD_BYTES, type SpreadsheetFormat, type TextEncoding } from './format'
export { HEADER_SCAN_ROWS, type OpenedSheet, type SheetLayout, type SheetRow } from './header'
export { detectDelimiter, type CsvDelimiter } from './csv'
export { FORMULA_WITHOUT_RESULT, XLSX_READER_OPTIONS } from './xlsx'
export {
  checkDeclaredExpansion,
  expansionLimits,
  EXPANSION_ENV,
  ExpansionMeter,
  zipPartsOfBuffer,
  zipPartsOfFile,
  type ExpansionLimits,
  type ZipPart,
} from './expansion'

const FORMAT_NAME = { xlsx: 'an Excel workbook (.xlsx)', csv: 'a CSV file' } as const

async function readHead(filePath: string): Promise<Buffer> {
  const file = await fs.promises.open(filePath, 'r')
  try {
    const head = Buffer.alloc(HEAD_BYTES)
    const { bytesRead } = await file.read(head, 0, HEAD_BYTES, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await file.close()
  }
}

/**
 * Opens the file, checks it is the format the layout expects, finds the header row and maps the
 * expected headers. Rejects with SpreadsheetError for anything wrong with the file; IO errors pass
 * through. Iterate `rows` to the end (or break out), or call `close()`, to release the file.
 */
export async function openSheet(filePath: string, layout: SheetLayout): Promise<OpenedSheet> {
  const head = await readHead(filePath)
  const format = detectFormat(head) // no file name: the path on disk is not the name the user uploaded
  if (format !== layout.format) {
    throw new SpreadsheetError(
      'FORMAT_MISMATCH',
      `The file is ${FORMAT_NAME[format]}, but this import expects ${FORMAT_NAME[layout.format]}.`,
    )
  }
  const source: RowSource =
    format === 'xlsx'
      ? await openXlsxRows(filePath, layout.sheetName, { fileName: layout.fileName })
      : await openCsvRows(filePath, head, layout)
  return openRows(source, layout)
}
