/**
 * Commission statement as an Excel workbook: a "Statement" sheet (title block, then every line grouped by
 * component with a subtotal per group and the grand total) and a "Summary" sheet (one row per component,
 * then total, held and payable).
 *
 * Amount cells hold numbers so the sheet sorts and filters, but nothing here adds them: every subtotal
 * and total is the exact decimal computed by `summarizeStatement`, and the "Exact amount" column repeats
 * each amount as its decimal string so the workbook reconciles to the cent without floating point.
 */
import ExcelJS from 'exceljs'

import {
  participantTitle,
  statementColours,
  statementTimestamp,
  summarizeStatement,
  type StatementColours,
  type StatementInput,
} from '../../../engine/commission/statement'

const AMOUNT_FORMAT = '#,##0.00'
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

  const sheet = workbook.addWorksheet('Statement', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  STATEMENT_COLUMNS.forEach((column, i) => (sheet.getColumn(i + 1).width = column.width))
  const headerRow = writeTitleBlock(sheet, input, colours)

  styleHeader(sheet.getRow(headerRow), STATEMENT_COLUMNS.map((c) => c.header), colours)
  sheet.views = [{ state: 'frozen', ySplit: headerRow }]
  for (const group of summary.groups) {
    for (const line of group.lines) {
      const row = sheet.addRow([group.label, line.description, line.sourceRef ?? '', line.ruleRef, line.held ? 'HELD' : '', displayNumber(line.amount), line.amount])
      amountCells(row, 6)
      if (line.held) row.getCell(5).font = { bold: true, color: { argb: 'FFB45309' } }
    }
    const subtotal = sheet.addRow([`Subtotal ${group.label}`, `${group.count} ${group.count === 1 ? 'line' : 'lines'}`, '', '', '', displayNumber(group.total), group.total])
    totalRow(subtotal, 6, { top: { style: 'thin' } })
  }
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: sheet.rowCount, column: STATEMENT_COLUMNS.length } }
  sheet.addRow([])
  totalRow(sheet.addRow(['Total', `${summary.lineCount} ${summary.lineCount === 1 ? 'line' : 'lines'}`, '', '', '', displayNumber(summary.total), summary.total]), 6, { top: { style: 'thin' }, bottom: { style: 'double' } })
  totalRow(sheet.addRow(['Held', '', '', '', '', displayNumber(summary.held), summary.held]), 6)
  totalRow(sheet.addRow(['Payable', '', '', '', '', displayNumber(summary.payable), summary.payable]), 6)

  const summarySheet = workbook.addWorksheet('Summary')
  SUMMARY_COLUMNS.forEach((column, i) => (summarySheet.getColumn(i + 1).width = column.width))
  styleHeader(summarySheet.getRow(1), SUMMARY_COLUMNS.map((c) => c.header), colours)
  for (const group of summary.groups) {
    amountCells(summarySheet.addRow([group.label, group.count, displayNumber(group.total), group.total]), 3)
  }
  summarySheet.addRow([])
  totalRow(summarySheet.addRow(['Total', summary.lineCount, displayNumber(summary.total), summary.total]), 3, { top: { style: 'thin' } })
  totalRow(summarySheet.addRow(['Held', '', displayNumber(summary.held), summary.held]), 3)
  totalRow(summarySheet.addRow(['Payable', '', displayNumber(summary.payable), summary.payable]), 3)

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
function amountCells(row: ExcelJS.Row, amountColumn: number): void {
  row.getCell(amountColumn).numFmt = AMOUNT_FORMAT
  row.getCell(amountColumn + 1).alignment = { horizontal: 'right' }
}

function totalRow(row: ExcelJS.Row, amountColumn: number, border: Partial<ExcelJS.Borders> = {}): void {
  amountCells(row, amountColumn)
  row.font = { bold: true }
  for (let column = 1; column <= amountColumn + 1; column++) row.getCell(column).border = border
}

/**
 * The cell value shown for an exact 2-decimal string. A double renders any such amount below 10^13
 * exactly at 2 decimals; it is for display only and never summed (totals come from summarizeStatement).
 */
function displayNumber(decimal: string): number {
  return Number(decimal)
}

/** "#1a2b3c" → "FF1A2B3C" (exceljs colours are ARGB). */
function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`
}
