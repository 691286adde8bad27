import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { parseDecimal } from '../../../engine/ingest/cells'
import {
  detectDelimiter,
  detectFormat,
  FORMULA_WITHOUT_RESULT,
  openSheet,
  SpreadsheetError,
  type OpenedSheet,
  type SheetLayout,
  type SheetRow,
} from '../../../modules/ingest/readers'

let dir: string
beforeAll(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-readers-')))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

// ---------------------------------------------------------------------------------------------
// Helpers: real files in a temp dir

function writeFile(name: string, content: string | Buffer): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, content)
  return file
}

/** An .xlsx written by exceljs (to a buffer first: writeFile may resolve before the file is complete). */
async function writeXlsx(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook()
  build(wb)
  return writeFile(name, Buffer.from(await wb.xlsx.writeBuffer()))
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff
  for (const byte of data) {
    let c = (crc ^ byte) & 0xff
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
    crc = (crc >>> 8) ^ c
  }
  return (crc ^ 0xffffffff) >>> 0
}

/** A zip of stored (uncompressed) entries, in the given order. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text)
    const fileName = Buffer.from(name)
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(fileName.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(fileName.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, fileName, data)
    centrals.push(central, fileName)
    offset += local.length + fileName.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(entries).length, 8)
  end.writeUInt16LE(Object.keys(entries).length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
const RELS_NS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/** A hand-made .xlsx: one sheet "Data" of inline strings, stored BEFORE the workbook part (unusual but legal). */
function handMadeXlsx(sheetXml: string): Buffer {
  return zip({
    '[Content_Types].xml': `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `<Relationships ${RELS_NS}><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<worksheet ${NS}><sheetData>${sheetXml}</sheetData></worksheet>`,
    'xl/_rels/workbook.xml.rels': `<Relationships ${RELS_NS}><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/workbook.xml': `<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  })
}

const inlineRow = (r: number, values: string[]): string =>
  `<row r="${r}">${values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`

async function readAll(sheet: OpenedSheet): Promise<SheetRow[]> {
  const rows: SheetRow[] = []
  for await (const row of sheet.rows) rows.push(row)
  return rows
}

/** The SpreadsheetError a promise rejects with (fails the test otherwise). */
async function spreadsheetError(promise: Promise<unknown>): Promise<SpreadsheetError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(SpreadsheetError)
  return error as SpreadsheetError
}

/** How many of this process's file descriptors point at `file` (Linux). */
function openDescriptors(file: string): number {
  let count = 0
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      if (fs.readlinkSync(`/proc/self/fd/${fd}`) === file) count++
    } catch {
      // closed meanwhile
    }
  }
  return count
}
const hasProcFs = fs.existsSync('/proc/self/fd')

const xlsx = (expectedHeaders: string[], more: Partial<SheetLayout> = {}): SheetLayout => ({ format: 'xlsx', expectedHeaders, ...more })
const csv = (expectedHeaders: string[], more: Partial<SheetLayout> = {}): SheetLayout => ({ format: 'csv', expectedHeaders, ...more })
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))

// ---------------------------------------------------------------------------------------------

describe('detectFormat', () => {
  it('tells an .xlsx (zip) from a CSV (text, including UTF-16 with a BOM)', () => {
    expect(detectFormat(Buffer.from('PK\x03\x04rest-of-zip', 'latin1'), 'sales.xlsx')).toBe('xlsx')
    expect(detectFormat(Buffer.from('Dealer,Amount\r\nD1,12.50\r\n'), 'sales.csv')).toBe('csv')
    expect(detectFormat(Buffer.from('\ufeffDealer;Amount\n'), 'sales.csv')).toBe('csv')
    expect(detectFormat(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Dealer\tAmount\r\n', 'utf16le')]))).toBe('csv')
  })

  it('rejects an old .xls (OLE) workbook, saying to save it as .xlsx', () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    expect(() => detectFormat(ole, 'march.xls')).toThrow(
      new SpreadsheetError(
        'NOT_A_SPREADSHEET',
        '"march.xls" is an .xls (Excel 97-2003) workbook or a password-protected workbook, which is not supported. Open it in Excel, remove any password, save as .xlsx (Excel Workbook) and upload that.',
      ),
    )
  })

  it.each<[string, Buffer, string]>([
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), '"x.csv" is a PDF document, not a spreadsheet.'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), '"x.csv" is an image, not a spreadsheet.'],
    [
      'an HTML export named .xls',
      Buffer.from('<!DOCTYPE html><html><table><tr><td>1</td></tr></table>'),
      '"x.csv" is a web page (HTML or XML)',
    ],
    ['a binary file', Buffer.from([0x41, 0x42, 0x00, 0x43, 0x0a]), '"x.csv" is a binary file, not a spreadsheet.'],
    ['an empty file', Buffer.alloc(0), '"x.csv" is empty.'],
  ])('rejects %s as NOT_A_SPREADSHEET', (_what, head, message) => {
    let error: unknown
    try {
      detectFormat(head, 'x.csv')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SpreadsheetError)
    expect((error as SpreadsheetError).code).toBe('NOT_A_SPREADSHEET')
    expect((error as SpreadsheetError).message).toContain(message)
  })

  it('openSheet refuses a file whose format differs from the layout', async () => {
    const file = await writeXlsx('mismatch.xlsx', (wb) => wb.addWorksheet('S').addRow(['Dealer']))
    const error = await spreadsheetError(openSheet(file, csv(['Dealer'])))
    expect([error.code, error.message]).toEqual([
      'FORMAT_MISMATCH',
      'The file is an Excel workbook (.xlsx), but this import expects a CSV file.',
    ])
  })
})

describe('openSheet on .xlsx', () => {
  it('finds the header under a merged title, a "Report generated" line and a blank row; skips and counts blank rows', async () => {
    const file = await writeXlsx('preamble.xlsx', (wb) => {
      const ws = wb.addWorksheet('Activations')
      ws.getCell('A1').value = 'Dealer activations - February 2025'
      ws.mergeCells('A1:D1')
      ws.getCell('A2').value = 'Report generated 2025-03-01 06:00 by CarrierPortal'
      ws.getRow(4).values = ['Dealer Code', 'ICCID', 'Activation Date', 'Amount']
      ws.getRow(5).values = ['  D001  ', '89014103211118510720', utc(2025, 2, 3), 12.5]
      ws.getRow(6).values = ['D002', '89014103211118510738', utc(2025, 2, 4), 7]
      ws.getRow(7).values = ['   ', '', null, null] // looks empty: blank
      // row 8 does not exist at all: blank
      ws.getRow(9).values = ['D003', '89014103211118510746'] // shorter than the header
    })
    const sheet = await openSheet(file, xlsx(['Dealer Code', 'ICCID', 'Activation Date', 'Amount']))
    expect(sheet.headerRowNumber).toBe(4)
    expect(sheet.headers).toEqual(['Dealer Code', 'ICCID', 'Activation Date', 'Amount'])
    expect([...sheet.columnOf]).toEqual([
      ['dealer code', 0],
      ['iccid', 1],
      ['activation date', 2],
      ['amount', 3],
    ])
    expect(sheet.missingHeaders).toEqual([])
    expect(await readAll(sheet)).toEqual([
      { rowNumber: 5, cells: ['D001', '89014103211118510720', utc(2025, 2, 3), 12.5] },
      { rowNumber: 6, cells: ['D002', '89014103211118510738', utc(2025, 2, 4), 7] },
      { rowNumber: 9, cells: ['D003', '89014103211118510746', null, null] },
    ])
    expect(sheet.stats.blankRows).toBe(2)
  })

  it('turns every kind of cell into a CellValue', async () => {
    const file = await writeXlsx('cells.xlsx', (wb) => {
      const ws = wb.addWorksheet('Cells')
      ws.addRow(['Kind', 'Value'])
      ws.addRow(['shared string', '  Unlimited Plus  '])
      ws.addRow(['rich text', { richText: [{ text: 'Port ' }, { text: 'In', font: { bold: true } }] }])
      ws.addRow(['number', 40.99])
      ws.addRow(['date, custom format', utc(2025, 1, 15)]).getCell(2).numFmt = 'yyyy-mm-dd'
      ws.addRow(['date, built-in format', utc(2025, 1, 16)]).getCell(2).numFmt = 'mm-dd-yy'
      ws.addRow(['number formula', { formula: 'B4*2', result: 81.98 }])
      ws.addRow(['text formula', { formula: 'A2', result: 'shared string' }])
      ws.addRow(['date formula', { formula: 'B5+1', result: 45673 }]).getCell(2).numFmt = 'm/d/yyyy'
      ws.addRow(['error formula', { formula: 'NA()', result: { error: '#N/A' } }])
      ws.addRow(['error', { error: '#N/A' }])
      ws.addRow(['boolean', true])
      ws.addRow(['hyperlink', { text: 'Store 12', hyperlink: 'https://example.com/store/12' }])
      ws.addRow(['ICCID as text', '89014103211118510720'])
      ws.addRow(['ICCID as number', Number('89014103211118510720')]) // what Excel does to a typed-in ICCID
    })
    const sheet = await openSheet(file, xlsx(['Kind', 'Value']))
    const values = Object.fromEntries((await readAll(sheet)).map((r) => [r.cells[0], r.cells[1]]))
    expect(values).toEqual({
      'shared string': 'Unlimited Plus',
      'rich text': 'Port In',
      number: 40.99,
      'date, custom format': utc(2025, 1, 15),
      'date, built-in format': utc(2025, 1, 16),
      'number formula': 81.98,
      'text formula': 'shared string',
      'date formula': utc(2025, 1, 16),
      'error formula': FORMULA_WITHOUT_RESULT,
      error: '#N/A',
      boolean: true,
      hyperlink: 'Store 12',
      'ICCID as text': '89014103211118510720',
      'ICCID as number': 89014103211118510000, // lost digits: the cell parser rejects it
    })
  })

  describe('merged header cells (exceljs leaves all but the top-left cell empty)', () => {
    const twoRowHeader = (name: string) =>
      writeXlsx(name, (wb) => {
        const ws = wb.addWorksheet('Carrier')
        ws.getRow(1).values = ['Dealer', 'Activation', null, 'ICCID']
        ws.getRow(2).values = [null, 'Date', 'Type', null]
        ws.mergeCells('A1:A2') // "Dealer" over two rows
        ws.mergeCells('B1:C1') // group title over two columns
        ws.mergeCells('D1:D2')
        ws.getRow(3).values = ['D001', utc(2025, 2, 3), 'Port In', '89014103211118510720']
      })

    it('a title merged over two rows fills the empty cell under it', async () => {
      const sheet = await openSheet(await twoRowHeader('merged-a.xlsx'), xlsx(['Dealer', 'Date', 'Type', 'ICCID']))
      expect(sheet.headerRowNumber).toBe(2)
      expect(sheet.headers).toEqual(['Dealer', 'Date', 'Type', 'ICCID'])
      expect(sheet.missingHeaders).toEqual([])
      expect(await readAll(sheet)).toEqual([{ rowNumber: 3, cells: ['D001', utc(2025, 2, 3), 'Port In', '89014103211118510720'] }])
    })

    it('a group title merged across columns prefixes the sub-headers when the mapping expects that', async () => {
      const sheet = await openSheet(await twoRowHeader('merged-b.xlsx'), xlsx(['Dealer', 'Activation Date', 'Activation Type', 'ICCID']))
      expect(sheet.headerRowNumber).toBe(2)
      expect(sheet.headers).toEqual(['Dealer', 'Activation Date', 'Activation Type', 'ICCID'])
      expect(sheet.columnOf.get('activation type')).toBe(2)
    })
  })

  it('reads the sheet asked for by name (any case), by default the first visible one, and lists the sheets when the name is wrong', async () => {
    const file = await writeXlsx('sheets.xlsx', (wb) => {
      wb.addWorksheet('Lookup', { state: 'hidden' }).addRow(['Dealer', 'Region'])
      wb.addWorksheet('Summary').addRow(['Dealer', 'Total'])
      const detail = wb.addWorksheet('Detail')
      detail.addRow(['Dealer', 'Amount'])
      detail.addRow(['D001', 5])
    })
    const byName = await openSheet(file, xlsx(['Dealer', 'Amount'], { sheetName: 'detail' }))
    expect(await readAll(byName)).toEqual([{ rowNumber: 2, cells: ['D001', 5] }])

    const first = await openSheet(file, xlsx(['Dealer']))
    expect(first.headers).toEqual(['Dealer', 'Total'])
    await first.close()

    const error = await spreadsheetError(openSheet(file, xlsx(['Dealer'], { sheetName: 'Activations' })))
    expect([error.code, error.message]).toEqual([
      'SHEET_NOT_FOUND',
      'The workbook has no sheet named "Activations"; its sheets are "Lookup", "Summary", "Detail".',
    ])
  })

  it('reports expected headers that are missing, and fails with NO_HEADER when none is found', async () => {
    const file = await writeXlsx('headers.xlsx', (wb) => {
      const ws = wb.addWorksheet('S')
      ws.addRow(['Commission statement'])
      ws.addRow(['Dealer Code', 'Amount'])
    })
    const partial = await openSheet(file, xlsx(['Dealer Code', 'IMEI', 'Amount', 'MDN']))
    expect(partial.missingHeaders).toEqual(['IMEI', 'MDN'])
    await partial.close()

    const error = await spreadsheetError(openSheet(file, xlsx(['ICCID', 'Activation Date'])))
    expect([error.code, error.message]).toEqual([
      'NO_HEADER',
      'No header row found in the first 30 rows (expected columns "ICCID", "Activation Date"); the first non-empty row (row 1) contains "Commission statement".',
    ])
  })

  it('uses the header row and first data row the layout gives (skipping a units row)', async () => {
    const file = await writeXlsx('fixed.xlsx', (wb) => {
      const ws = wb.addWorksheet('S')
      ws.addRow(['Dealer', 'Amount'])
      ws.addRow(['', 'USD'])
      ws.addRow(['D001', 3])
    })
    const sheet = await openSheet(file, xlsx(['Dealer', 'Amount'], { headerRow: 1, firstDataRow: 3 }))
    expect(sheet.headerRowNumber).toBe(1)
    expect(await readAll(sheet)).toEqual([{ rowNumber: 3, cells: ['D001', 3] }])

    const error = await spreadsheetError(openSheet(file, xlsx(['Dealer'], { headerRow: 2, firstDataRow: 2 })))
    expect(error.code).toBe('INVALID_LAYOUT')
  })

  it('reads inline strings from a workbook whose sheet is stored before the workbook part', async () => {
    const file = writeFile('handmade.xlsx', handMadeXlsx(inlineRow(1, ['Dealer', 'Plan']) + inlineRow(2, ['D001', ' Basic 5GB '])))
    const sheet = await openSheet(file, xlsx(['Dealer', 'Plan']))
    expect(await readAll(sheet)).toEqual([{ rowNumber: 2, cells: ['D001', 'Basic 5GB'] }])
  })

  describe('damaged files reject with CORRUPT (never hang, never crash)', () => {
    const bigWorkbook = () =>
      writeXlsx(`big-${Math.random()}.xlsx`, (wb) => {
        const ws = wb.addWorksheet('S')
        ws.addRow(['Dealer', 'ICCID', 'Amount'])
        for (let i = 0; i < 3000; i++) ws.addRow([`Dealer ${i % 97}`, `890141032111${String(i).padStart(8, '0')}`, i / 4])
      })

    it('a workbook cut in half (an interrupted upload)', async () => {
      const good = fs.readFileSync(await bigWorkbook())
      const file = writeFile('half.xlsx', good.subarray(0, Math.floor(good.length / 2)))
      const error = await spreadsheetError(openSheet(file, xlsx(['Dealer'])))
      expect([error.code, error.message]).toEqual([
        'CORRUPT',
        'The Excel file is incomplete: its end is missing, so it was probably cut off during upload or download. Export it again and re-upload.',
      ])
    })

    // Zero bytes where an entry's deflate data starts read as a stored block whose length check fails:
    // an inflate error, which exceljs only sees on its unzip stream (without the watch it waits forever).
    it.each(['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'])(
      'a workbook whose compressed %s is damaged (its end intact)',
      async (entry) => {
        const bytes = fs.readFileSync(await bigWorkbook())
        const header = bytes.indexOf(entry) - 30 // the entry's local header
        const data = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28)
        bytes.fill(0, data, data + 16)
        const file = writeFile('damaged.xlsx', bytes)
        const error = await spreadsheetError(openSheet(file, xlsx(['Dealer'])))
        expect([error.code, error.message]).toEqual([
          'CORRUPT',
          'The Excel file is damaged and cannot be read (invalid stored block lengths). Export it again and re-upload.',
        ])
      },
    )

    it('a zip archive that is not a workbook', async () => {
      const file = writeFile('photos.xlsx', zip({ 'readme.txt': 'hello', 'photos/a.txt': 'not a picture' }))
      const error = await spreadsheetError(openSheet(file, xlsx(['Dealer'])))
      expect([error.code, error.message]).toEqual([
        'CORRUPT',
        'The Excel file is a zip archive but not an Excel workbook. Export the report as .xlsx and re-upload.',
      ])
    })

    it('a sheet that breaks partway: the rows before arrive, then the iteration rejects', async () => {
      const rows = Array.from({ length: 3000 }, (_, i) => inlineRow(i + 2, [`D${i}`, String(i)])).join('')
      const file = writeFile(
        'broken-xml.xlsx',
        handMadeXlsx(inlineRow(1, ['Dealer', 'Amount']) + rows + '<row r="9000"><c r="A9000"></row>'),
      )
      const sheet = await openSheet(file, xlsx(['Dealer', 'Amount']))
      const seen: number[] = []
      const error = await spreadsheetError(
        (async () => {
          for await (const row of sheet.rows) seen.push(row.rowNumber)
        })(),
      )
      expect(error.code).toBe('CORRUPT')
      expect(seen.length).toBeGreaterThan(100)
      expect(seen.length).toBeLessThan(3000)
      expect(seen.slice(0, 3)).toEqual([2, 3, 4])
    })
  })

  it.skipIf(!hasProcFs)('closes the file when the reader breaks early, or closes without reading', async () => {
    // Big enough (random text, ~1.5 MB compressed) that the file is still being read when the loop breaks.
    const file = await writeXlsx('early.xlsx', (wb) => {
      const ws = wb.addWorksheet('S')
      ws.addRow(['Dealer', 'Notes'])
      for (let i = 0; i < 4000; i++) ws.addRow([`D${i}`, randomBytes(400).toString('base64')])
    })
    const sheet = await openSheet(file, xlsx(['Dealer']))
    let openWhileReading = 0
    for await (const row of sheet.rows) {
      openWhileReading = openDescriptors(file)
      expect(row.cells[0]).toBe('D0')
      break
    }
    expect(openWhileReading).toBeGreaterThanOrEqual(1)
    await vi.waitFor(() => expect(openDescriptors(file)).toBe(0))

    const unread = await openSheet(file, xlsx(['Dealer']))
    expect(openDescriptors(file)).toBe(1)
    await unread.close()
    await vi.waitFor(() => expect(openDescriptors(file)).toBe(0))
  })

  it('hands out the rows only once', async () => {
    const file = await writeXlsx('once.xlsx', (wb) => wb.addWorksheet('S').addRow(['Dealer']))
    const sheet = await openSheet(file, xlsx(['Dealer']))
    expect(await readAll(sheet)).toEqual([])
    expect(() => sheet.rows[Symbol.asyncIterator]()).toThrow('The rows of an opened sheet can be read only once')
  })
})

describe('openSheet on CSV', () => {
  it('reads a BOM, preamble lines, CRLF, padded cells, blank rows and short rows', async () => {
    const file = writeFile(
      'activations.csv',
      '\ufeffActivations report - February 2025\r\n' +
        'Report generated 2025-03-01 06:00\r\n' +
        '\r\n' +
        'Dealer Code,ICCID,Activation Date,Amount\r\n' +
        'D001 ,89014103211118510720,02/03/2025,  12.50  \r\n' +
        '\r\n' +
        '   ,  ,,\r\n' +
        'D002,89014103211118510738\r\n' +
        'D003,89014103211118510746,02/05/2025,7\r\n',
    )
    const sheet = await openSheet(file, csv(['Dealer Code', 'ICCID', 'Activation Date', 'Amount']))
    expect(sheet.headerRowNumber).toBe(4)
    expect(sheet.headers).toEqual(['Dealer Code', 'ICCID', 'Activation Date', 'Amount'])
    expect(await readAll(sheet)).toEqual([
      { rowNumber: 5, cells: ['D001', '89014103211118510720', '02/03/2025', '12.50'] },
      { rowNumber: 8, cells: ['D002', '89014103211118510738', null, null] },
      { rowNumber: 9, cells: ['D003', '89014103211118510746', '02/05/2025', '7'] },
    ])
    expect(sheet.stats.blankRows).toBe(2)
  })

  it('detects ";" with comma decimals, even under a preamble line full of commas', async () => {
    const file = writeFile('statement.csv', 'Carrier statement, February 2025, page 1\nDealer;Amount;Fee\nD1;1.234,50;12,5\nD2;-7,25;0\n')
    const sheet = await openSheet(file, csv(['Dealer', 'Amount', 'Fee']))
    expect(sheet.headerRowNumber).toBe(2)
    const rows = await readAll(sheet)
    expect(rows).toEqual([
      { rowNumber: 3, cells: ['D1', '1.234,50', '12,5'] },
      { rowNumber: 4, cells: ['D2', '-7,25', '0'] },
    ])
    expect(rows.map((r) => parseDecimal(r.cells[1]!, { decimalSeparator: ',' }))).toEqual([
      { ok: true, value: '1234.5' },
      { ok: true, value: '-7.25' },
    ])
  })

  it('reads tab-separated and pipe-separated files, detected or given', async () => {
    const tsv = writeFile('export.tsv', 'Dealer\tPlan\tAmount\nD1\t"Unlimited, Plus"\t40.99\n')
    expect(await readAll(await openSheet(tsv, csv(['Dealer', 'Plan'])))).toEqual([
      { rowNumber: 2, cells: ['D1', 'Unlimited, Plus', '40.99'] },
    ])

    const piped = writeFile('export.txt', 'Dealer|Amount\nD1|5\n')
    expect(await readAll(await openSheet(piped, csv(['Dealer'])))).toEqual([{ rowNumber: 2, cells: ['D1', '5'] }])
    expect(await readAll(await openSheet(piped, csv(['Dealer|Amount'], { csvDelimiter: ',' })))).toEqual([
      { rowNumber: 2, cells: ['D1|5'] },
    ])
  })

  it('keeps quoted delimiters, newlines and escaped quotes inside one field; a record is one row', async () => {
    const file = writeFile(
      'notes.csv',
      'Dealer,Notes,Amount\r\n"Smith, John","line one\r\nline two",5\r\n"Say ""hi""",,6\r\nD3,plain,7\r\n',
    )
    expect(await readAll(await openSheet(file, csv(['Dealer', 'Notes', 'Amount'])))).toEqual([
      { rowNumber: 2, cells: ['Smith, John', 'line one\r\nline two', '5'] },
      { rowNumber: 3, cells: ['Say "hi"', null, '6'] },
      { rowNumber: 4, cells: ['D3', 'plain', '7'] },
    ])
  })

  it('reads Windows-1252 (Excel "CSV (Comma delimited)") and UTF-16 ("Unicode Text") files', async () => {
    const ansi = writeFile(
      'ansi.csv',
      Buffer.concat([
        Buffer.from('Dealer,Owner\r\nD1,Jos'),
        Buffer.from([0xe9]),
        Buffer.from(' O'),
        Buffer.from([0x92]),
        Buffer.from('Brien\r\n'),
      ]),
    )
    expect(await readAll(await openSheet(ansi, csv(['Dealer', 'Owner'])))).toEqual([{ rowNumber: 2, cells: ['D1', 'José O\u2019Brien'] }])

    const unicode = writeFile(
      'unicode.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Dealer\tOwner\r\nD1\tJosé\r\n', 'utf16le')]),
    )
    expect(await readAll(await openSheet(unicode, csv(['Dealer', 'Owner'])))).toEqual([{ rowNumber: 2, cells: ['D1', 'José'] }])
  })

  it('fails with NO_HEADER naming the expected columns and the first non-empty row', async () => {
    const file = writeFile('wrong.csv', '\n\nName,Total\nBob,5\n')
    const error = await spreadsheetError(openSheet(file, csv(['Dealer Code', 'ICCID'])))
    expect([error.code, error.message]).toEqual([
      'NO_HEADER',
      'No header row found in the first 30 rows (expected columns "Dealer Code", "ICCID"); the first non-empty row (row 3) contains "Name", "Total".',
    ])
  })

  it('rejects the iteration at an unclosed quote, naming the row', async () => {
    const good = Array.from({ length: 40 }, (_, i) => `D${i},ok\n`).join('') // past the header scan
    const file = writeFile('unclosed.csv', `Dealer,Notes\n${good}D40,"never closed\nD41,x\n`)
    const sheet = await openSheet(file, csv(['Dealer', 'Notes']))
    const seen: number[] = []
    const error = await spreadsheetError(
      (async () => {
        for await (const row of sheet.rows) seen.push(row.rowNumber)
      })(),
    )
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => i + 2))
    expect([error.code, error.message]).toEqual([
      'CORRUPT',
      'The CSV file cannot be read: the quoted field that starts in row 42 is never closed (a " is missing). Fix the file or export it again.',
    ])
  })

  it.skipIf(!hasProcFs)('closes the file when the reader breaks early, or closes without reading', async () => {
    const file = writeFile('early.csv', 'Dealer\n' + Array.from({ length: 5000 }, (_, i) => `D${i}\n`).join(''))
    const sheet = await openSheet(file, csv(['Dealer']))
    for await (const row of sheet.rows) {
      expect([row.rowNumber, openDescriptors(file)]).toEqual([2, 1])
      break
    }
    await vi.waitFor(() => expect(openDescriptors(file)).toBe(0))

    const unread = await openSheet(file, csv(['Dealer']))
    await unread.close()
    await vi.waitFor(() => expect(openDescriptors(file)).toBe(0))
  })
})

describe('detectDelimiter', () => {
  it.each<[string, string[], string]>([
    ['"a;b",c\n"d;e",f\n', [], ','], // semicolons inside quotes do not count
    ['a;b;c\n1;2,5;3\n4;5,5;6\n', [], ';'],
    ['x\ty\n1\t2\n', [], '\t'],
    ['Dealer|Amount\n', ['Dealer'], '|'],
    ['just one column\nvalue\n', [], ','],
  ])('%j -> %j', (text, expected, delimiter) => {
    expect(detectDelimiter(text, expected)).toBe(delimiter)
  })
})
