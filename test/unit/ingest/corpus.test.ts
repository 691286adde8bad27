/**
 * Workbooks written by the producers carriers and dealers use (openpyxl, XlsxWriter, LibreOffice, Gnumeric, SheetJS,
 * exceljs; see test/fixtures/ingest/corpus/README.md) all open, and all yield the rows of the rows.json they were
 * written from. Every .xlsx in the corpus folder is read: a file added there is checked without touching this test.
 */
import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { parseDate, parseIdentifier, parseText, type CellValue } from '../../../engine/ingest/cells'
import { standardColumns } from '../../../engine/ingest/fields'
import { openSheet, SpreadsheetError, type OpenedSheet, type SheetLayout } from '../../../modules/ingest/readers'
import { resolvePartName } from '../../../modules/ingest/readers/parts'
import { FORMULA_WITHOUT_RESULT, isoCellDate, worksheetRows } from '../../../modules/ingest/readers/worksheetXml'

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/ingest')
const CORPUS = path.join(FIXTURES, 'corpus')
const SOURCE = JSON.parse(fs.readFileSync(path.join(CORPUS, 'rows.json'), 'utf8')) as {
  headers: string[]
  rows: Record<string, string>[]
}
const HEADERS = standardColumns('dealer_sales', false).map((column) => column.header)
const IDENTIFIERS = { MDN: 'mdn', ICCID: 'iccid', IMEI: 'imei' } as const
const files = fs
  .readdirSync(CORPUS)
  .filter((name) => name.endsWith('.xlsx'))
  .sort()

const layout = (sheetName: string | null): SheetLayout => ({ format: 'xlsx', expectedHeaders: HEADERS, sheetName })

/** The data rows as header -> text, each cell read the way the import reads its column. */
async function rowsOf(sheet: OpenedSheet): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = []
  for await (const row of sheet.rows) {
    const cell = (header: string): CellValue => row.cells[sheet.columnOf.get(header.toLowerCase())!] ?? null
    const values: Record<string, string> = {}
    for (const header of HEADERS) {
      const value = cell(header)
      if (header === 'Sale Date') {
        expect(value, `row ${row.rowNumber}: the sale date arrives as a date`).toBeInstanceOf(Date)
        const date = parseDate(value, { dateFormats: [] })
        values[header] = date.ok ? date.value : `rejected: ${date.reason}`
      } else if (header in IDENTIFIERS) {
        expect(typeof value, `row ${row.rowNumber}: ${header} arrives as text`).toBe('string')
        const id = parseIdentifier(value, IDENTIFIERS[header as keyof typeof IDENTIFIERS])
        values[header] = id.ok ? id.value : `rejected: ${id.reason}`
      } else {
        const text = parseText(value)
        values[header] = text.ok ? text.value : `rejected: ${text.reason}`
      }
    }
    rows.push(values)
  }
  return rows
}

describe('the producer corpus', () => {
  it('holds a file from every producer, including absolute part names, inline strings and date cells', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'openpyxl-absolute-parts.xlsx',
        'openpyxl-iso-date-cells.xlsx',
        'openpyxl-1904-dates.xlsx',
        'xlsxwriter-shared-strings.xlsx',
        'xlsxwriter-inline-strings.xlsx',
        'libreoffice.xlsx',
        'gnumeric.xlsx',
        'sheetjs.xlsx',
        'sheetjs-date-cells.xlsx',
        'exceljs.xlsx',
      ]),
    )
    expect(SOURCE.headers).toEqual(HEADERS)
  })

  it.each(files)('%s opens on its "Activations" sheet and yields every source row, unchanged', async (file) => {
    const sheet = await openSheet(path.join(CORPUS, file), layout('Activations'))
    expect(sheet.headerRowNumber).toBe(1)
    expect(sheet.missingHeaders).toEqual([])
    expect(await rowsOf(sheet)).toEqual(SOURCE.rows)
  })

  it('a workbook whose first sheet is not the data sheet opens on its first sheet by default (the notes)', async () => {
    const sheet = await openSheet(path.join(CORPUS, 'openpyxl-absolute-parts.xlsx'), {
      format: 'xlsx',
      expectedHeaders: ['Dealer sales export'],
    })
    expect(sheet.headers).toEqual(['Dealer sales export'])
    await sheet.close()
  })
})

describe('a workbook that points to a part it does not hold', () => {
  it('is refused, naming the part it points to, the worksheet parts it holds, and what to do', async () => {
    const error = await openSheet(path.join(FIXTURES, 'broken/rels-point-at-missing-part.xlsx'), layout('Activations')).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(SpreadsheetError)
    expect([(error as SpreadsheetError).code, (error as SpreadsheetError).message]).toEqual([
      'CORRUPT',
      'The Excel file cannot be read: the sheet "Activations" is listed in the workbook and points to the part ' +
        'xl/worksheets/sheet2.xml, which is not in the file (the worksheet parts it holds are xl/worksheets/sheet1.xml). ' +
        "The program that wrote it left the sheet's data out or misnamed it. Open it in Excel or LibreOffice and save it " +
        'again as .xlsx (File > Save As), or export that sheet as CSV, and upload that file.',
    ])
  })

  it('its other sheet, whose part is there, still opens', async () => {
    const sheet = await openSheet(path.join(FIXTURES, 'broken/rels-point-at-missing-part.xlsx'), {
      format: 'xlsx',
      expectedHeaders: ['Dealer sales export'],
      sheetName: 'Notes',
    })
    expect(sheet.headers).toEqual(['Dealer sales export'])
    await sheet.close()
  })
})

describe('part names and date cells', () => {
  it.each([
    ['worksheets/sheet2.xml', 'xl/worksheets/sheet2.xml'],
    ['/xl/worksheets/sheet2.xml', 'xl/worksheets/sheet2.xml'],
    ['./worksheets/../worksheets/sheet%202.xml', 'xl/worksheets/sheet 2.xml'],
    ['../xl/worksheets/data.xml', 'xl/worksheets/data.xml'],
  ])('a relationship target %s of xl/workbook.xml is the part %s', (target, part) => {
    expect(resolvePartName('xl/workbook.xml', target)).toBe(part)
  })

  it.each([
    ['2026-11-02', Date.UTC(2026, 10, 2)],
    ['2026-11-02T00:00:00.000Z', Date.UTC(2026, 10, 2)],
    ['2026-11-02T23:30:00-05:00', Date.UTC(2026, 10, 2, 23, 30)], // the wall-clock day as written
    ['2026-11-02T08:15:30.5', Date.UTC(2026, 10, 2, 8, 15, 30, 500)],
  ])('the date cell %s is that wall-clock time', (value, time) => {
    expect(isoCellDate(value)?.getTime()).toBe(time)
  })

  it.each(['2026-02-30', 'tomorrow', '2026'])('%s is no date cell', (value) => {
    expect(isoCellDate(value)).toBeNull()
  })
})

describe('worksheet XML as other producers write it', () => {
  const context = {
    sharedString: (i: number) => ['Port In', 'VTX'][i] ?? null,
    numFmt: (s: number) => (s === 1 ? 'd-mmm-yy' : undefined),
    date1904: false,
  }
  async function parse(chunks: (string | Buffer)[]) {
    const rows = []
    for await (const row of worksheetRows(
      (async function* () {
        yield* chunks
      })(),
      context,
    ))
      rows.push(row)
    return rows
  }

  it('reads every cell type, rich inline runs joined without their phonetic hints, and a prefixed namespace', async () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="3">' +
      '<x:c r="A3" t="s"><x:v>1</x:v></x:c>' +
      '<x:c r="B3" t="inlineStr"><x:is><x:r><x:t>Port </x:t></x:r><x:r><x:t>In</x:t></x:r><x:rPh><x:t>ポート</x:t></x:rPh></x:is></x:c>' +
      '<x:c r="C3" s="1"><x:v>46328</x:v></x:c>' +
      '<x:c r="D3" t="d"><x:v>2026-11-03T00:00:00</x:v></x:c>' +
      '<x:c r="E3" t="b"><x:v>1</x:v></x:c>' +
      '<x:c r="F3" t="e"><x:v>#N/A</x:v></x:c>' +
      '<x:c r="G3" t="e"><x:f>NA()</x:f><x:v>#N/A</x:v></x:c>' +
      '<x:c r="H3" t="str"><x:f>A3</x:f><x:v>VTX</x:v></x:c>' +
      '<x:c r="I3"><x:f>1/0</x:f></x:c>' +
      '<x:c r="J3"><x:v>40.99</x:v></x:c>' +
      '</x:row></x:sheetData></x:worksheet>'
    expect(await parse([xml])).toEqual([
      {
        rowNumber: 3,
        cells: [
          'VTX',
          'Port In',
          new Date(Date.UTC(2026, 10, 2)),
          new Date(Date.UTC(2026, 10, 3)),
          true,
          '#N/A',
          FORMULA_WITHOUT_RESULT,
          'VTX',
          FORMULA_WITHOUT_RESULT,
          40.99,
        ],
      },
    ])
  })

  it('numbers rows and cells written without references, and keeps a character split across two chunks', async () => {
    const bytes = Buffer.from(
      '<worksheet><sheetData><row><c t="inlineStr"><is><t>Café</t></is></c><c><v>7</v></c></row><row><c r="C2"><v>1</v></c></row></sheetData></worksheet>',
    )
    const split = bytes.indexOf(Buffer.from('é')) + 1 // inside the two bytes of é
    expect(await parse([bytes.subarray(0, split), bytes.subarray(split)])).toEqual([
      { rowNumber: 1, cells: ['Café', 7] },
      { rowNumber: 2, cells: [null, null, 1] },
    ])
  })
})
