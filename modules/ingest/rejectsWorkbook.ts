import ExcelJS from 'exceljs'
import { PassThrough } from 'node:stream'

export type RejectRow = { rowNumber: number; reasons: string; cells: unknown[] }
/** A value nothing knew, with the rows it spoiled: the list a user turns into value translations. */
export type UnknownValueCount = { column: string; field: string; value: string; rows: number; firstRow: number }

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

/**
 * The rejected rows of an import as a workbook to fix and import again: the file's own header row and cells (so
 * the same mapping reads it), then "Errors" with every reason and "Source Row" with the row number in the original;
 * a second sheet, "Unknown values", lists each value nothing knew (column, value, rows) to add as value translations.
 * Written with exceljs's streaming writer, page by page, so a file with many rejects is never held twice.
 */
export async function writeRejectsWorkbook(
  headers: string[],
  pages: AsyncIterable<RejectRow[]>,
  unknownValues: readonly UnknownValueCount[] = [],
): Promise<Buffer> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve)
    out.on('error', reject)
  })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet('Rejected rows')
  const width = headers.length
  const header = sheet.addRow([...headers, 'Errors', 'Source Row'])
  header.font = { bold: true }
  header.commit()
  for await (const page of pages) {
    for (const reject of page) {
      const cells = Array.from({ length: width }, (_, i) => {
        const value = reject.cells[i]
        return typeof value === 'string' && ISO_INSTANT.test(value) ? new Date(value) : (value ?? null)
      })
      sheet.addRow([...cells, reject.reasons, reject.rowNumber]).commit()
    }
  }
  sheet.commit()
  if (unknownValues.length > 0) {
    const unknown = workbook.addWorksheet('Unknown values')
    const title = unknown.addRow(['Column', 'Field', 'Value in the file', 'Rows', 'First row', 'Means (fill in, then add to the mapping)'])
    title.font = { bold: true }
    title.commit()
    for (const value of unknownValues) unknown.addRow([value.column, value.field, value.value, value.rows, value.firstRow, null]).commit()
    unknown.commit()
  }
  await workbook.commit()
  await finished
  return Buffer.concat(chunks)
}
