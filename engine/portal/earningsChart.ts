/**
 * The series behind the portal's charts and the PDF statement's bar, shaped from exact amounts: the earnings trend
 * (twelve months, split by component) and a statement's breakdown by component. Amounts stay decimal strings with
 * the currency's minor units of decimals; only the bars' positions and widths are numbers (percentages of the bar's
 * width, for drawing). A negative amount (a chargeback) is drawn to the left of the zero line. Pure: the month the
 * trend ends in is passed in.
 */
import Decimal from 'decimal.js'

import { add, minorUnits, money, round, sum, toStorageString, zero, type Money } from '../core/money'
import { compareComponents, seriesStyle, type SeriesStyle } from './chartStyle'
import { monthLabel, monthOf } from './salesStatus'

/** One component's posted amount in one month, as the database sums it (any number of runs and periods). */
export type EarningsRow = { month: string; component: string; label: string; currency: string; amount: string }

export type ChartSeries = { component: string; label: string; style: SeriesStyle; total: string }

/** A stretch of a bar: where it starts and how wide it is, in percent of the bar's width. */
export type BarSpan = { start: number; width: number }

export type TrendSegment = BarSpan & { component: string; label: string; amount: string; style: SeriesStyle }

export type TrendMonth = { month: string; label: string; total: string; segments: TrendSegment[] }

export type EarningsTrend = {
  currency: string
  /** Oldest first, every month of the window (a month without earnings has a zero total and no segments). */
  months: TrendMonth[]
  /** The components that earned anything in the window, in the statements' order, with their window total. */
  series: ChartSeries[]
  total: string
  /** Where zero is on every bar, in percent (0 when nothing is negative). */
  zeroAt: number
}

export const TREND_MONTHS = 12

/** The month keys ("2026-10") of the `count` months ending with the month of `asOf`, oldest first. */
export function trendMonths(asOf: string, count = TREND_MONTHS): string[] {
  const [year, month] = monthOf(asOf).split('-').map(Number) as [number, number]
  const keys: string[] = []
  for (let back = count - 1; back >= 0; back -= 1) {
    const index = year * 12 + (month - 1) - back
    keys.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`)
  }
  return keys
}

/** The first day of the window and the first day after it, for the query that reads the rows. */
export function trendWindow(asOf: string, count = TREND_MONTHS): { from: string; until: string } {
  const months = trendMonths(asOf, count)
  const last = months[months.length - 1]!
  const [year, month] = last.split('-').map(Number) as [number, number]
  const after = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`
  return { from: `${months[0]}-01`, until: `${after}-01` }
}

/** Shown with exactly the currency's minor units ("1250.00" USD, "1250" JPY). */
function show(m: Money): string {
  return toStorageString(round(m, 'half-even'), minorUnits(m.currency))
}

/** A share of `range` as a percentage with three decimals (drawing only). */
function percent(part: Decimal, range: Decimal): number {
  return range.isZero() ? 0 : part.div(range).times(100).toDecimalPlaces(3, Decimal.ROUND_HALF_EVEN).toNumber()
}

/**
 * Lays amounts out on one bar from the zero line: positive ones rightwards one after the other, negative ones
 * leftwards. `range` is the scale's whole width (largest positive extent + largest negative extent).
 */
function layOut(amounts: readonly Money[], zeroAt: Decimal, range: Decimal): BarSpan[] {
  let right = zeroAt
  let left = zeroAt
  return amounts.map((m) => {
    const size = m.amount.abs()
    if (m.amount.isNegative()) {
      left = left.minus(size)
      return { start: percent(left, range), width: percent(size, range) }
    }
    const span = { start: percent(right, range), width: percent(size, range) }
    right = right.plus(size)
    return span
  })
}

/**
 * The trend of the last `count` months up to `asOf`, one per currency (a participant paid in two currencies gets two
 * charts; amounts are never added across currencies). Rows outside the window are left out; rows of the same month
 * and component are added up.
 */
export function earningsTrend(rows: readonly EarningsRow[], asOf: string, count = TREND_MONTHS): EarningsTrend[] {
  const months = trendMonths(asOf, count)
  const inWindow = new Set(months)
  const currencies = [...new Set(rows.filter((r) => inWindow.has(r.month)).map((r) => r.currency))].sort()
  return currencies.map((currency) => {
    const mine = rows.filter((r) => r.currency === currency && inWindow.has(r.month))
    const labels = new Map<string, string>()
    const cells = new Map<string, Money>()
    for (const row of mine) {
      if (!labels.has(row.component)) labels.set(row.component, row.label || row.component)
      const key = `${row.month} ${row.component}`
      const amount = money(row.amount, currency)
      const before = cells.get(key)
      cells.set(key, before ? add(before, amount) : amount)
    }
    const components = [...labels.keys()].sort(compareComponents)
    const byMonth = months.map((month) =>
      components
        .map((component) => ({ component, amount: cells.get(`${month} ${component}`) }))
        .filter((c): c is { component: string; amount: Money } => c.amount !== undefined && !c.amount.amount.isZero()),
    )
    const extent = (negative: boolean) =>
      Decimal.max(
        0,
        ...byMonth.map((cs) =>
          cs.filter((c) => c.amount.amount.isNegative() === negative).reduce((acc, c) => acc.plus(c.amount.amount.abs()), new Decimal(0)),
        ),
      )
    const negative = extent(true)
    const range = extent(false).plus(negative)
    return {
      currency,
      months: months.map((month, i) => {
        const cs = byMonth[i]!
        const spans = layOut(
          cs.map((c) => c.amount),
          negative,
          range,
        )
        return {
          month,
          label: monthLabel(month),
          total: show(
            sum(
              cs.map((c) => c.amount),
              currency,
            ),
          ),
          segments: cs.map((c, j) => ({
            component: c.component,
            label: labels.get(c.component)!,
            amount: show(c.amount),
            style: seriesStyle(c.component),
            ...spans[j]!,
          })),
        }
      }),
      series: components.map((component) => ({
        component,
        label: labels.get(component)!,
        style: seriesStyle(component),
        total: show(
          months.reduce((acc, month) => {
            const cell = cells.get(`${month} ${component}`)
            return cell ? add(acc, cell) : acc
          }, zero(currency)),
        ),
      })),
      total: show(sum([...cells.values()], currency)),
      zeroAt: percent(negative, range),
    }
  })
}

/** One component's total on a statement, as its summary groups it. */
export type BreakdownGroup = { component: string; label: string; total: string }

export type BreakdownBar = BarSpan & { component: string; label: string; amount: string; style: SeriesStyle }

export type Breakdown = { currency: string; total: string; zeroAt: number; bars: BreakdownBar[] }

/**
 * A statement's breakdown as one bar per component (the statement's order), each as wide as its amount against the
 * largest one; negative groups (chargebacks, debit notes) run left of the zero line.
 */
export function breakdownBars(groups: readonly BreakdownGroup[], currency: string): Breakdown {
  const amounts = groups.map((g) => money(g.total, currency))
  const positive = Decimal.max(0, ...amounts.map((m) => m.amount))
  const negative = Decimal.max(0, ...amounts.map((m) => m.amount.negated()))
  const range = positive.plus(negative)
  return {
    currency,
    total: show(sum(amounts, currency)),
    zeroAt: percent(negative, range),
    bars: groups.map((g, i) => ({
      component: g.component,
      label: g.label,
      amount: show(amounts[i]!),
      style: seriesStyle(g.component),
      ...layOut([amounts[i]!], negative, range)[0]!,
    })),
  }
}
