/** A KPI value as stored (decimal text): whole numbers plain, fractions to two places (display only). */
export function formatKpi(value: string | number | null | undefined): string {
  if (value === undefined || value === null || value === '') return '0'
  const n = Number(value)
  if (!Number.isFinite(n)) return String(value)
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}
