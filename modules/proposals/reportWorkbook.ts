/**
 * A proposal report as an Excel workbook: one sheet with the title, the scope and as-of line, a header row, the rows,
 * and a bold total row (one per currency for money). Amounts are numeric cells formatted with 2 decimals so the sheet
 * sorts and sums; they come from the exact decimal strings of the report and are never added here (every total is the
 * report's own). Hours are numbers with 2 decimals.
 */
import ExcelJS from 'exceljs'

import { AGE_BUCKETS, type CurrencyTotal } from '../../engine/proposals/reports'
import type { AdvertisingData, CommissionData, ProposalReportData, ScopeInfo, StatusAgeData, TurnaroundData } from './reportData'

const AMOUNT_FORMAT = '#,##0.00'
const HOURS_FORMAT = '0.00'
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } }

type Column = { header: string; width: number; format?: string }

/** The workbook of one report, as the bytes of an .xlsx file. */
export async function renderReportXlsx(data: ProposalReportData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Accrue'
  workbook.title = data.title
  workbook.created = new Date(data.asOf)
  const sheet = workbook.addWorksheet(SHEET_NAMES[data.report], { views: [{ state: 'frozen', ySplit: 4 }] })
  if (data.report === 'status-age') statusAgeSheet(sheet, data)
  else if (data.report === 'turnaround') turnaroundSheet(sheet, data)
  else if (data.report === 'commission') commissionSheet(sheet, data)
  else advertisingSheet(sheet, data)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The file name of a report's download. */
export function reportFileName(report: ProposalReportData['report']): string {
  return `proposal-report-${report}.xlsx`
}

const SHEET_NAMES: Record<ProposalReportData['report'], string> = {
  'status-age': 'Status and age',
  turnaround: 'Turnaround',
  commission: 'Commission',
  advertising: 'Advertising',
}

function statusAgeSheet(sheet: ExcelJS.Worksheet, data: StatusAgeData): void {
  const columns: Column[] = [
    { header: 'Status', width: 14 },
    { header: 'Proposals', width: 11 },
    ...AGE_BUCKETS.map((b) => ({ header: b.label, width: 13 })),
    { header: 'Oldest (days)', width: 14 },
  ]
  start(sheet, data, columns)
  const cells = (c: StatusAgeData['total']) => [c.count, ...AGE_BUCKETS.map((b) => c.buckets[b.key]), c.oldestDays ?? null]
  for (const row of data.rows) sheet.addRow([row.status, ...cells(row)])
  totalRow(sheet.addRow(['Total', ...cells(data.total)]))
}

function turnaroundSheet(sheet: ExcelJS.Worksheet, data: TurnaroundData): void {
  const hours = (header: string): Column => ({ header, width: 13, format: HOURS_FORMAT })
  const columns: Column[] = [
    { header: 'Level', width: 8 },
    { header: 'Approvers', width: 30 },
    { header: 'Decisions', width: 11 },
    { header: 'Approved', width: 10 },
    { header: 'Returned', width: 10 },
    { header: 'Rejected', width: 10 },
    hours('Average (h)'),
    hours('Median (h)'),
    hours('Max (h)'),
    { header: 'Waiting', width: 10 },
    hours('Longest wait (h)'),
  ]
  start(sheet, data, columns)
  for (const r of data.rows) {
    sheet.addRow([
      r.level,
      r.approvers,
      r.decisions,
      r.approved,
      r.returned,
      r.rejected,
      r.averageHours ?? null,
      r.medianHours ?? null,
      r.maxHours ?? null,
      r.waiting,
      r.longestWaitHours ?? null,
    ])
  }
  const t = data.total
  const sum = (pick: (r: TurnaroundData['rows'][number]) => number) => data.rows.reduce((s, r) => s + pick(r), 0)
  totalRow(
    sheet.addRow([
      'Total',
      null,
      t.decisions,
      sum((r) => r.approved),
      sum((r) => r.returned),
      sum((r) => r.rejected),
      t.averageHours ?? null,
      t.medianHours ?? null,
      t.maxHours ?? null,
      t.waiting,
      null,
    ]),
  )
  formatColumns(sheet, columns)
}

function commissionSheet(sheet: ExcelJS.Worksheet, data: CommissionData): void {
  const columns: Column[] = [
    { header: 'Participant', width: 30 },
    { header: 'Code', width: 14 },
    { header: 'Rule scope', width: 13 },
    { header: 'Service', width: 30 },
    { header: 'Currency', width: 9 },
    { header: 'Lines', width: 8 },
    { header: 'Amount', width: 14, format: AMOUNT_FORMAT },
  ]
  start(sheet, data, columns)
  for (const r of data.rows)
    sheet.addRow([
      r.payeeName,
      r.payeeCode ?? null,
      r.scope ?? '(rule removed)',
      r.serviceName ?? '(no service)',
      r.currency,
      r.lines,
      Number(r.amount),
    ])
  currencyTotalRows(sheet, data.totals, (t) => ['Total', null, null, null, t.currency, t.lines, Number(t.amount)])
  formatColumns(sheet, columns)
}

function advertisingSheet(sheet: ExcelJS.Worksheet, data: AdvertisingData): void {
  const columns: Column[] = [
    { header: 'Program', width: 28 },
    { header: 'Participant', width: 30 },
    { header: 'Code', width: 14 },
    { header: 'Currency', width: 9 },
    { header: 'Lines', width: 8 },
    { header: 'Amount', width: 14, format: AMOUNT_FORMAT },
  ]
  start(sheet, data, columns)
  for (const program of data.programs) {
    const same = (r: { programId: number | null; programName: string; currency: string }) =>
      r.programId === program.programId && r.programName === program.programName && r.currency === program.currency
    for (const r of data.rows.filter(same))
      sheet.addRow([r.programName, r.payeeName, r.payeeCode ?? null, r.currency, r.lines, Number(r.amount)])
    const subtotal = sheet.addRow([
      `Subtotal ${program.programName}`,
      `${program.payees} ${program.payees === 1 ? 'participant' : 'participants'}`,
      null,
      program.currency,
      program.lines,
      Number(program.amount),
    ])
    subtotal.font = { bold: true }
  }
  currencyTotalRows(sheet, data.totals, (t) => ['Total', null, null, t.currency, t.lines, Number(t.amount)])
  formatColumns(sheet, columns)
}

/** Title, scope line, a blank row and the header (row 4). */
function start(sheet: ExcelJS.Worksheet, data: ProposalReportData, columns: Column[]): void {
  columns.forEach((column, i) => (sheet.getColumn(i + 1).width = column.width))
  sheet.addRow([data.title]).font = { bold: true, size: 14 }
  const period = 'period' in data ? ` · Period: ${data.period ? data.period.label : 'all periods'}` : ''
  sheet.addRow([`As of ${data.asOf.slice(0, 16).replace('T', ' ')} UTC · Scope: ${scopeText(data.scope)}${period}`])
  sheet.addRow([])
  const header = sheet.addRow(columns.map((c) => c.header))
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } }
    cell.fill = HEADER_FILL
  })
}

function currencyTotalRows(
  sheet: ExcelJS.Worksheet,
  totals: readonly CurrencyTotal[],
  cells: (t: CurrencyTotal) => (string | number | null)[],
): void {
  if (totals.length === 0) totalRow(sheet.addRow(['Total', 'no lines']))
  for (const total of totals) totalRow(sheet.addRow(cells(total)))
}

function totalRow(row: ExcelJS.Row): void {
  row.font = { bold: true }
  row.eachCell((cell) => (cell.border = { top: { style: 'thin' } }))
}

/** Number formats on the data and total rows (below the header). */
function formatColumns(sheet: ExcelJS.Worksheet, columns: Column[]): void {
  columns.forEach((column, i) => {
    if (!column.format) return
    sheet.getColumn(i + 1).eachCell((cell, rowNumber) => {
      if (rowNumber > 4 && typeof cell.value === 'number') cell.numFmt = column.format!
    })
  })
}

function scopeText(scope: ScopeInfo): string {
  if (scope.kind === 'all') return 'the whole network'
  if (scope.kind === 'subtree') return `${scope.participant} and everyone below`
  return 'nothing (no participant attached to this login)'
}
