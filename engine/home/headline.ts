import Decimal from 'decimal.js'

import { add, format, minorUnits, money, subtract, zero, type Money } from '../core/money'

/** One month's figure as read from the database: `month` is "YYYY-MM", `amount` a decimal string. */
export type MonthAmount = { month: string; currency: string; amount: string }

/** A headline figure: this period against the last, and the months before for a small trend chart. */
export type Headline = {
  key: string
  label: string
  currency: string
  months: { month: string; amount: string; display: string }[]
  current: string
  previous: string
  change: string
  /** "up", "down" or "flat" against the previous period, so the trend reads without colour. */
  direction: 'up' | 'down' | 'flat'
}

/**
 * The headline of one figure in the currency with the largest total over the months (a network paying in one
 * currency shows that one; the others are separate headlines, never summed across currencies).
 */
export function headlines(key: string, label: string, rows: readonly MonthAmount[], months: readonly string[]): Headline[] {
  const byCurrency = new Map<string, Map<string, Money>>()
  for (const row of rows) {
    if (!months.includes(row.month)) continue
    const perMonth = byCurrency.get(row.currency) ?? new Map<string, Money>()
    perMonth.set(row.month, add(perMonth.get(row.month) ?? zero(row.currency), money(row.amount, row.currency)))
    byCurrency.set(row.currency, perMonth)
  }
  const currencies = [...byCurrency.keys()].sort()
  if (currencies.length === 0) currencies.push('USD')
  return currencies.map((currency) => {
    const perMonth = byCurrency.get(currency) ?? new Map<string, Money>()
    const series = months.map((month) => perMonth.get(month) ?? zero(currency))
    const current = series[series.length - 1] ?? zero(currency)
    const previous = series[series.length - 2] ?? zero(currency)
    const change = subtract(current, previous)
    const sign = new Decimal(change.amount).comparedTo(0)
    return {
      key: `${key}:${currency}`,
      label,
      currency,
      months: months.map((month, i) => ({ month, amount: series[i]!.amount.toFixed(minorUnits(currency)), display: format(series[i]!) })),
      current: format(current),
      previous: format(previous),
      change: format(change),
      direction: sign > 0 ? 'up' : sign < 0 ? 'down' : 'flat',
    }
  })
}
