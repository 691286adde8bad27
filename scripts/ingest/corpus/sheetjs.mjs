/**
 * Corpus files written by SheetJS (npm package `xlsx`, installed outside the project: see generate.sh).
 *
 *   sheetjs.xlsx              default options: dates as serials with a number format; "Notes" first
 *   sheetjs-shared-strings.xlsx  bookSST: true (a shared string table); data sheet first
 *   sheetjs-date-cells.xlsx   cellDates: true: dates as date cells (t="d", ISO 8601); data sheet first
 *
 * Usage: node sheetjs.mjs <path to the xlsx package folder>
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const XLSX = createRequire(import.meta.url)(path.resolve(process.argv[2] ?? 'xlsx'))
const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/ingest/corpus')
const { headers, rows } = JSON.parse(fs.readFileSync(path.join(corpus, 'rows.json'), 'utf8'))

/** Header row plus data rows; the sale date a Date at UTC midnight (the SheetJS convention under TZ=UTC). */
const table = () => [
  headers,
  ...rows.map((row) =>
    headers.map((header) => {
      const value = row[header]
      if (header === 'Sale Date') return new Date(`${value}T00:00:00Z`)
      return value === '' ? null : value
    }),
  ),
]

function dataSheet(cellDates) {
  const sheet = XLSX.utils.aoa_to_sheet(table(), { cellDates, dateNF: 'yyyy-mm-dd' })
  for (const [address, cell] of Object.entries(sheet)) {
    if (address.startsWith('!')) continue
    if (cell.t === 's' && /^\d{10,}$/.test(String(cell.v))) cell.z = '@' // identifiers: text cells shown as Text
  }
  return sheet
}

function write(name, sheets, options) {
  const book = XLSX.utils.book_new()
  for (const [title, sheet] of sheets) XLSX.utils.book_append_sheet(book, sheet, title)
  XLSX.writeFile(book, path.join(corpus, name), { bookType: 'xlsx', compression: true, ...options })
}

process.stderr.write(`SheetJS ${XLSX.version}\n`)
const notes = XLSX.utils.aoa_to_sheet([['Dealer sales export'], ['The rows are on the sheet "Activations".']])
write(
  'sheetjs.xlsx',
  [
    ['Notes', notes],
    ['Activations', dataSheet(false)],
  ],
  {},
)
write('sheetjs-shared-strings.xlsx', [['Activations', dataSheet(false)]], { bookSST: true })
write('sheetjs-date-cells.xlsx', [['Activations', dataSheet(true)]], { cellDates: true })
