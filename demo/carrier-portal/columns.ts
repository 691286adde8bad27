/**
 * What the report looks like in each layout: column headers, element ids, and how values are written (dates
 * DD.MM.YYYY, amounts with ',' decimals and '.' thousands, CSV delimited by ';'). The table and the CSV share
 * these cells, so both show the same values.
 */
import type { ActivationRow } from './data'

export const LAYOUTS = ['standard', 'changed'] as const
export type Layout = (typeof LAYOUTS)[number]

type Column = { header: string; cell: (row: ActivationRow) => string }

/** 2026-10-03 → 03.10.2026; '' stays ''. */
export function formatDate(iso: string): string {
  return iso === '' ? '' : `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`
}

/** 115000 → "1.150,00"; -1250 → "-12,50". Integer cents in, text out: no float anywhere. */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`formatCents: ${cents} is not a whole number of cents`)
  const sign = cents < 0 ? '-' : ''
  const abs = String(Math.abs(cents)).padStart(3, '0')
  const whole = abs.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return `${sign}${whole},${abs.slice(-2)}`
}

const STANDARD: Column[] = [
  { header: 'ACT_DATE', cell: (r) => formatDate(r.activationDate) },
  { header: 'ACT_TYPE', cell: (r) => r.activationType },
  { header: 'MDN', cell: (r) => r.mdn },
  { header: 'SIM_ICCID', cell: (r) => r.iccid },
  { header: 'DEVICE_IMEI', cell: (r) => r.imei },
  { header: 'PLAN_CODE', cell: (r) => r.planCode },
  { header: 'FEATURES', cell: (r) => r.features },
  { header: 'ACCOUNT_NO', cell: (r) => r.accountNo },
  { header: 'AGENT_CODE', cell: (r) => r.agentCode },
  { header: 'STATUS', cell: (r) => r.status },
  { header: 'DEACT_DATE', cell: (r) => formatDate(r.deactivationDate) },
  { header: 'ACT_COMM', cell: (r) => formatCents(r.actCommCents) },
  { header: 'FEAT_COMM', cell: (r) => formatCents(r.featCommCents) },
  { header: 'SPIFF', cell: (r) => formatCents(r.spiffCents) },
]

/** The portal after the carrier's redesign: same data and order, five columns renamed. */
const RENAMED: Record<string, string> = {
  SIM_ICCID: 'ICCID_NUMBER',
  DEVICE_IMEI: 'IMEI_NUMBER',
  AGENT_CODE: 'DEALER_CODE',
  ACT_COMM: 'ACTIVATION_COMMISSION',
  FEAT_COMM: 'FEATURE_COMMISSION',
}

export type LayoutSpec = {
  columns: Column[]
  tableId: string
  exportId: string
  exportLabel: string
  /** Class of the div holding the export link. */
  toolbarClass: string
}

export const LAYOUT_SPECS: Record<Layout, LayoutSpec> = {
  standard: { columns: STANDARD, tableId: 'activations', exportId: 'export-csv', exportLabel: 'Export CSV', toolbarClass: 'toolbar' },
  changed: {
    columns: STANDARD.map((c) => ({ ...c, header: RENAMED[c.header] ?? c.header })),
    tableId: 'activation-report',
    exportId: 'download-report',
    exportLabel: 'Download report (CSV)',
    toolbarClass: 'toolbar-v2',
  },
}

export function headersOf(layout: Layout): string[] {
  return LAYOUT_SPECS[layout].columns.map((c) => c.header)
}

export function cellsOf(layout: Layout, row: ActivationRow): string[] {
  return LAYOUT_SPECS[layout].columns.map((c) => c.cell(row))
}

function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** The export: header line, then one line per row, ';' between fields, CRLF line ends. */
export function toCsv(layout: Layout, rows: readonly ActivationRow[]): string {
  const lines = [headersOf(layout).map(csvField).join(';')]
  for (const row of rows) lines.push(cellsOf(layout, row).map(csvField).join(';'))
  return lines.join('\r\n') + '\r\n'
}
