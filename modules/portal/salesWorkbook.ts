/**
 * The portal's "My sales" of one month as an Excel workbook: a header row and one row per sale, the same rows the page
 * shows. Dates are date cells; the amount paid is a number cell in the currency's format (converted from the exact
 * decimal text only here, at the edge, already rounded to the minor unit); a sale not paid leaves it empty and says why.
 */
import ExcelJS from 'exceljs'
import type { Pool } from 'pg'

import { minorUnits } from '../../engine/core/money'
import { portalSales, type PortalSales } from './sales'

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } }

export const SALES_COLUMNS = [
  { header: 'Sale date', width: 12 },
  { header: 'Dealer', width: 26 },
  { header: 'Dealer code', width: 12 },
  { header: 'Carrier', width: 18 },
  { header: 'Plan', width: 26 },
  { header: 'Activation', width: 16 },
  { header: 'MDN', width: 14 },
  { header: 'ICCID', width: 10 },
  { header: 'Status', width: 36 },
  { header: 'Paid', width: 14 },
  { header: 'Currency', width: 9 },
  { header: 'Why not paid', width: 70 },
  { header: 'Discrepancy', width: 12 },
  { header: 'Disputed at', width: 18 },
] as const

/** "#,##0.00" in quotes after the currency code: USD 1,234.50 (no decimals for a currency without minor units). */
function currencyFormat(currency: string): string {
  const scale = minorUnits(currency)
  return `"${currency} "#,##0${scale === 0 ? '' : `.${'0'.repeat(scale)}`}`
}

const dateCell = (day: string): Date => new Date(`${day}T00:00:00Z`)

export async function renderSalesXlsx(sales: PortalSales, participantName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Accrue'
  workbook.title = `Sales ${sales.period.label} · ${participantName}`
  const sheet = workbook.addWorksheet(`Sales ${sales.period.label}`, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = SALES_COLUMNS.map((column) => ({ header: column.header, width: column.width }))
  const header = sheet.getRow(1)
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } }
  header.fill = HEADER_FILL
  for (const sale of sales.rows) {
    const single = sale.paidTotals.length === 1 ? sale.paidTotals[0]! : null
    const row = sheet.addRow([
      dateCell(sale.saleDate),
      sale.dealer.name,
      sale.dealer.code ?? '',
      sale.carrier,
      sale.plan,
      sale.activationType,
      sale.mdn ?? '',
      sale.iccid ?? '',
      sale.statusLabel,
      single ? Number(single.amount) : sale.paidTotals.length > 1 ? sale.paidDisplay : null,
      single?.currency ?? '',
      sale.reason ?? '',
      sale.discrepancy?.id ?? null,
      sale.discrepancy?.disputedAt ? new Date(sale.discrepancy.disputedAt) : null,
    ])
    row.getCell(1).numFmt = 'yyyy-mm-dd'
    if (single) row.getCell(10).numFmt = currencyFormat(single.currency)
    row.getCell(14).numFmt = 'yyyy-mm-dd hh:mm'
    row.getCell(12).alignment = { wrapText: true, vertical: 'top' }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SALES_COLUMNS.length } }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** "my-sales-2026-10.xlsx". */
export function salesFileName(periodKey: string): string {
  return `my-sales-${periodKey}.xlsx`
}

/** The export of one month for the participant's network: the file name and the bytes (what the portal route sends). */
export async function salesWorkbook(pool: Pool, participantId: number, periodKey: string): Promise<{ fileName: string; bytes: Buffer }> {
  const sales = await portalSales(pool, participantId, periodKey)
  const { rows } = await pool.query<{ name: string }>(`select name from participants where id = $1`, [participantId])
  return { fileName: salesFileName(periodKey), bytes: await renderSalesXlsx(sales, rows[0]?.name ?? '') }
}
