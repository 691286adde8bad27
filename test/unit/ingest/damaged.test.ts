import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { openSheet, SpreadsheetError } from '../../../modules/ingest/readers'
import { buildZip } from '../../support/zip'

/** Workbooks no spreadsheet program writes, built part by part: what the reader says about each. */
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'
const part = (name: string, text: string) => ({ name, chunks: [Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${text}`)] })
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-damaged-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function workbook(name: string, sheetData: string, sharedStrings: string[]): Promise<string> {
  const zip = await buildZip([
    part(
      '[Content_Types].xml',
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    ),
    part(
      '_rels/.rels',
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    part(
      'xl/workbook.xml',
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    part(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    part(
      'xl/sharedStrings.xml',
      `<sst xmlns="${MAIN}" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
    ),
    part(
      'xl/styles.xml',
      `<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    part('xl/worksheets/sheet1.xml', `<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`),
  ])
  const file = path.join(dir, name)
  fs.writeFileSync(file, zip)
  return file
}

const header = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
const layout = { format: 'xlsx' as const, expectedHeaders: ['Code', 'Sale Date'] }

async function readAll(file: string): Promise<unknown[][]> {
  const sheet = await openSheet(file, layout)
  const rows: unknown[][] = []
  for await (const row of sheet.rows) rows.push(row.cells)
  return rows
}

// Excel serials: 46023 is 2026-01-01 (45658 is 2025-01-01, plus 365), so 2026-09-14, day 257 of the year, is 46279.
describe('a damaged workbook', () => {
  it('a cell pointing past the shared texts is refused as damaged, saying what was found and what to do', async () => {
    const file = await workbook('past-sst.xlsx', `${header}<row r="2"><c r="A2" t="s"><v>7</v></c></row>`, ['Code', 'Sale Date'])
    const error = await readAll(file).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SpreadsheetError)
    expect((error as SpreadsheetError).code).toBe('CORRUPT')
    expect((error as SpreadsheetError).message).toBe(
      'The Excel file is damaged: a cell refers to shared text #7, but the workbook holds 2. Open it in Excel or LibreOffice and save it again as .xlsx, or export the sheet as CSV, and upload that file.',
    )
  })

  it('a date-formatted number past any calendar stays a number (for the date rule to refuse), and a real one is a date', async () => {
    const file = await workbook(
      'huge-serial.xlsx',
      `${header}<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" s="1"><v>1e300</v></c></row><row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" s="1"><v>46279</v></c></row>`,
      ['Code', 'Sale Date'],
    )
    const rows = await readAll(file)
    expect(rows).toEqual([
      ['Code', 1e300],
      ['Code', new Date(Date.UTC(2026, 8, 14))],
    ])
  })
})
