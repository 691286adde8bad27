/**
 * Commission statement as an Excel workbook: a "Statement" sheet (title block, then every line grouped by
 * component with a subtotal per group and the grand total) and a "Summary" sheet (one row per component,
 * then total, held and payable).
 *
 * Amount cells hold numbers so the sheet sorts and filters, but nothing here adds them: every subtotal
 * and total is the exact decimal computed by `summarizeStatement`, and the "Exact amount" column repeats
 * each amount as its decimal string so the workbook reconciles to the smallest unit of the currency (the cent,
 * the yen, the fils) without floating point. Amounts are shown with the currency's minor units of decimals.
 */
import ExcelJS from 'exceljs'

import { minorUnits } from '../../../engine/core/money'

import {
  participantTitle,
  statementColours,
  statementTimestamp,
  summarizeStatement,
  type StatementColours,
  type StatementInput,
} from '../../../engine/commission/statement'

/** Excel number format showing the currency's minor units ('#,##0' for JPY, '#,##0.00' for USD, '#,##0.000' for BHD). */
function amountFormat(currency: string): string {
  const scale = minorUnits(currency)
  return scale === 0 ? '#,##0' : `#,##0.${'0'.repeat(scale)}`
}
const STATEMENT_COLUMNS = [
  { header: 'Component', width: 18 },
  { header: 'Description', width: 46 },
  { header: 'Source', width: 22 },
  { header: 'Rule', width: 28 },
  { header: 'Held', width: 8 },
  { header: 'Amount', width: 16 },
  { header: 'Exact amount', width: 16 },
] as const
const SUMMARY_COLUMNS = [
  { header: 'Component', width: 28 },
  { header: 'Lines', width: 10 },
  { header: 'Total', width: 16 },
  { header: 'Exact total', width: 16 },
] as const

/** Renders the statement of one participant for one period as an .xlsx file. */
export async function renderStatementXlsx(input: StatementInput): Promise<Buffer> {
  const summary = summarizeStatement(input)
  const numFmt = amountFormat(input.currency)
  const colours = statementColours(input.brand)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = input.brand.name
  workbook.lastModifiedBy = input.brand.name
  workbook.title = `Commission statement · ${participantTitle(input.participant)} · ${input.period.label}`
  const generatedAt = new Date(input.generatedAt)
  if (!Number.isNaN(generatedAt.getTime())) {
    workbook.created = generatedAt
    workbook.modified = generatedAt
  }

  const sheet = workbook.addWorksheet('Statement', {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })
  STATEMENT_COLUMNS.forEach((column, i) => (sheet.getColumn(i + 1).width = column.width))
  const headerRow = writeTitleBlock(sheet, input, colours)

  styleHeader(
    sheet.getRow(headerRow),
    STATEMENT_COLUMNS.map((c) => c.header),
    colours,
  )
  sheet.views = [{ state: 'frozen', ySplit: headerRow }]
  for (const group of summary.groups) {
    for (const line of group.lines) {
      const row = sheet.addRow([
        group.label,
        line.description,
        line.sourceRef ?? '',
        line.ruleRef,
        line.held ? 'HELD' : '',
        displayNumber(line.amount),
        line.amount,
      ])
      amountCells(row, 6, numFmt)
      if (line.held) row.getCell(5).font = { bold: true, color: { argb: 'FFB45309' } }
    }
    const subtotal = sheet.addRow([
      `Subtotal ${group.label}`,
      `${group.count} ${group.count === 1 ? 'line' : 'lines'}`,
      '',
      '',
      '',
      displayNumber(group.total),
      group.total,
    ])
    totalRow(subtotal, 6, numFmt, { top: { style: 'thin' } })
  }
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: sheet.rowCount, column: STATEMENT_COLUMNS.length } }
  sheet.addRow([])
  totalRow(
    sheet.addRow([
      'Total',
      `${summary.lineCount} ${summary.lineCount === 1 ? 'line' : 'lines'}`,
      '',
      '',
      '',
      displayNumber(summary.total),
      summary.total,
    ]),
    6,
    numFmt,
    { top: { style: 'thin' }, bottom: { style: 'double' } },
  )
  totalRow(sheet.addRow(['Held', '', '', '', '', displayNumber(summary.held), summary.held]), 6, numFmt)
  totalRow(sheet.addRow(['Payable', '', '', '', '', displayNumber(summary.payable), summary.payable]), 6, numFmt)

  const summarySheet = workbook.addWorksheet('Summary')
  SUMMARY_COLUMNS.forEach((column, i) => (summarySheet.getColumn(i + 1).width = column.width))
  styleHeader(
    summarySheet.getRow(1),
    SUMMARY_COLUMNS.map((c) => c.header),
    colours,
  )
  for (const group of summary.groups) {
    amountCells(summarySheet.addRow([group.label, group.count, displayNumber(group.total), group.total]), 3, numFmt)
  }
  summarySheet.addRow([])
  totalRow(summarySheet.addRow(['Total', summary.lineCount, displayNumber(summary.total), summary.total]), 3, numFmt, {
    top: { style: 'thin' },
  })
  totalRow(summarySheet.addRow(['Held', '', displayNumber(summary.held), summary.held]), 3, numFmt)
  totalRow(summarySheet.addRow(['Payable', '', displayNumber(summary.payable), summary.payable]), 3, numFmt)

  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Brand, participant, period, run and generation time above the table; returns the table's header row number. */
function writeTitleBlock(sheet: ExcelJS.Worksheet, input: StatementInput, colours: StatementColours): number {
  const width = STATEMENT_COLUMNS.length
  const brandRow = sheet.addRow([input.brand.name])
  sheet.mergeCells(brandRow.number, 1, brandRow.number, width)
  brandRow.height = 26
  const brandCell = brandRow.getCell(1)
  brandCell.font = { bold: true, size: 16, color: { argb: argb(colours.onPrimary) } }
  brandCell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(colours.primary) } }
  brandCell.alignment = { vertical: 'middle' }
  sheet.addRow(['Commission statement']).getCell(1).font = { bold: true, size: 12, color: { argb: argb(colours.secondary) } }
  const details: [string, string][] = [
    ['Participant', participantTitle(input.participant)],
    ['Period', `${input.period.label} (${input.period.startsOn} – ${input.period.endsOn})`],
    ['Run', input.runLabel],
    ['Generated', statementTimestamp(input.generatedAt)],
    ['Currency', input.currency],
  ]
  for (const [label, value] of details) sheet.addRow([label, value]).getCell(1).font = { bold: true }
  sheet.addRow([])
  return sheet.rowCount + 1
}

function styleHeader(row: ExcelJS.Row, headers: readonly string[], colours: StatementColours): void {
  row.values = [...headers]
  row.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: argb(colours.onPrimary) } }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(colours.primary) } }
  })
  row.getCell(headers.length - 1).alignment = { horizontal: 'right' }
  row.getCell(headers.length).alignment = { horizontal: 'right' }
}

/** Number format on the numeric amount cell and right alignment on the exact string beside it. */
function amountCells(row: ExcelJS.Row, amountColumn: number, numFmt: string): void {
  row.getCell(amountColumn).numFmt = numFmt
  row.getCell(amountColumn + 1).alignment = { horizontal: 'right' }
}

function totalRow(row: ExcelJS.Row, amountColumn: number, numFmt: string, border: Partial<ExcelJS.Borders> = {}): void {
  amountCells(row, amountColumn, numFmt)
  row.font = { bold: true }
  for (let column = 1; column <= amountColumn + 1; column++) row.getCell(column).border = border
}

/**
 * The cell value shown for an exact decimal string of at most 3 decimals. A double renders any such amount
 * below 10^12 exactly at its decimals; it is for display only and never summed (totals come from summarizeStatement).
 */
function displayNumber(decimal: string): number {
  return Number(decimal)
}

/** "#1a2b3c" → "FF1A2B3C" (exceljs colours are ARGB). */
function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`
}
