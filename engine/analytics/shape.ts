/**
 * The pure shaping behind the dashboards: month windows and buckets, the "active member" definition, and the
 * one data shape every widget answers with (rows for a chart, exact decimal strings for money).
 */
import { D } from '../core/decimal'
import { minorUnits } from '../core/money'
import type { WidgetKey } from './catalog'
import { addDays } from '../core/calendarDate'

/** How a widget is drawn. */
export type ChartKind = 'bar' | 'line' | 'pie'

/** One plotted value of a row (a currency, a count, earned/redeemed/expired …). */
export type WidgetSeries = { key: string; label: string }

/**
 * A widget's answer: `rows` keyed by `x` (the category or month) and by each series' key. Money is an exact decimal
 * string rounded to its currency's minor unit; counts and points are whole numbers.
 */
export type WidgetData = {
  key: WidgetKey
  title: string
  description: string
  chart: ChartKind
  x: string
  series: WidgetSeries[]
  rows: Record<string, string | number>[]
  from: string
  to: string
}

/** How many days back an order line keeps a member active (the day asked included). */
export const ACTIVE_DAYS = 90

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH = /^(\d{4})-(\d{2})$/

/** The month `month` (YYYY-MM) moved by `months`. */
export function addMonths(month: string, months: number): string {
  const m = MONTH.exec(month)
  if (!m) throw new Error(`"${month}" is not a month like 2026-10`)
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) + months
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The last day of a month (YYYY-MM). */
export function monthEnd(month: string): string {
  return addDays(`${addMonths(month, 1)}-01`, -1)
}

/** The `count` months ending with the month of `today`, oldest first ("last 12 months" includes the current one). */
export function lastMonths(today: string, count: number): string[] {
  const current = today.slice(0, 7)
  return Array.from({ length: count }, (_, i) => addMonths(current, i - count + 1))
}

/** Every month from the month of `from` to the month of `to` (at most 120), oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  for (let month = from.slice(0, 7); month <= to.slice(0, 7) && months.length < 120; month = addMonths(month, 1)) months.push(month)
  return months
}

/** The window that makes a member active on `asOf`: the `days` days ending on `asOf` (both included). */
export function activeWindow(asOf: string, days = ACTIVE_DAYS): { from: string; to: string } {
  return { from: addDays(asOf, -(days - 1)), to: asOf }
}

/**
 * A member is active when its status is `active` AND it has at least one order line (kind order, not a return) booked
 * in the window (by default the 90 days ending on the day asked; or the period asked). Anything else is inactive.
 */
export function isActiveMember(status: string, lastOrderOn: string | null, window: { from: string; to: string }): boolean {
  return status === 'active' && lastOrderOn !== null && lastOrderOn >= window.from && lastOrderOn <= window.to
}

/**
 * Sums per month and currency into one row per month (every month present, zero when nothing was sold), one series per
 * currency, each amount an exact decimal string rounded half-even to the currency's minor unit after summing.
 */
export function bucketByMonth(
  rows: readonly { month: string; currency: string; amount: string }[],
  months: readonly string[],
): { rows: Record<string, string>[]; currencies: string[] } {
  const currencies = [...new Set(rows.map((r) => r.currency))].sort()
  const sums = new Map<string, InstanceType<typeof D>>()
  for (const row of rows) {
    const key = `${row.month}|${row.currency}`
    sums.set(key, (sums.get(key) ?? new D(0)).plus(row.amount))
  }
  return {
    currencies,
    rows: months.map((month) => {
      const out: Record<string, string> = { month }
      for (const currency of currencies)
        out[currency] = (sums.get(`${month}|${currency}`) ?? new D(0)).toFixed(minorUnits(currency), D.ROUND_HALF_EVEN)
      return out
    }),
  }
}

/** Counts per month into one row per month (zero when none), under `series`. */
export function countByMonth(
  rows: readonly { month: string; count: number }[],
  months: readonly string[],
  series: string,
): Record<string, string | number>[] {
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(row.month, (counts.get(row.month) ?? 0) + row.count)
  return months.map((month) => ({ month, [series]: counts.get(month) ?? 0 }))
}

/** A money cell's exact value rounded to the currency's minor unit (display and sums stay decimal). */
export function moneyText(value: string | null | undefined, currency: string): string {
  return new D(value ?? '0').toFixed(minorUnits(currency), D.ROUND_HALF_EVEN)
}

/** A report or widget period from query text: both optional, each YYYY-MM-DD and a real day, `from` not after `to`. */
export function periodProblem(from: string | undefined, to: string | undefined): { field: 'from' | 'to'; message: string } | null {
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value === undefined) continue
    const m = DAY.exec(value)
    const real = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === value
    if (!real) return { field, message: `${field}: "${value.slice(0, 20)}" is not a calendar day as YYYY-MM-DD` }
  }
  if (from !== undefined && to !== undefined && from > to) return { field: 'from', message: `from: ${from} is after to ${to}` }
  return null
}

export { addDays }
