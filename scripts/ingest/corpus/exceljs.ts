/**
 * The corpus file written by exceljs (the project's own dependency, the reader's library):
 *   exceljs.xlsx   shared strings, dates as serials formatted yyyy-mm-dd, "Summary" first, data on "Activations".
 * Run: npx tsx scripts/ingest/corpus/exceljs.ts
 */
import fs from 'node:fs'
import path from 'node:path'

import ExcelJS from 'exceljs'

const corpus = path.resolve(import.meta.dirname, '../../../test/fixtures/ingest/corpus')
const source = JSON.parse(fs.readFileSync(path.join(corpus, 'rows.json'), 'utf8')) as { headers: string[]; rows: Record<string, string>[] }

async function main(): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  workbook.created = workbook.modified = new Date(Date.UTC(2026, 11, 1))
  workbook.addWorksheet('Summary').addRows([['Dealer sales export'], ['Rows', source.rows.length]])
  const sheet = workbook.addWorksheet('Activations')
  sheet.addRow(source.headers)
  for (const row of source.rows) {
    sheet.addRow(
      source.headers.map((header) => {
        const value = row[header]!
        if (header === 'Sale Date') return new Date(`${value}T00:00:00Z`)
        return value === '' ? null : value
      }),
    )
  }
  sheet.getColumn(2).numFmt = 'yyyy-mm-dd'
  for (const column of [5, 6, 7]) sheet.getColumn(column).numFmt = '@'
  await workbook.xlsx.writeFile(path.join(corpus, 'exceljs.xlsx'))
}

void main()
