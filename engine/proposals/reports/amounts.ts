/**
 * Money sums of the proposal reports. Amounts arrive as exact decimal text (PostgreSQL `numeric::text`) with their
 * currency; a report row is the exact sum of its inputs rounded half-even once, to the currency's minor unit, and every
 * total is the sum of the rows as shown, so a report always adds up to the cent. Posted commission lines are already
 * at the cent, so these totals are also the exact totals of the lines. Nothing is ever added across currencies: the
 * currency is part of every group's key.
 */
import { add, minorUnits, money, round, zero, type Money } from '../../core/money'

/** An amount to add up: one line, or `lines` lines PostgreSQL already summed (exact `numeric` text). */
export type AmountInput = { currency: string; amount: string; lines?: number }

/** A total of one currency: how many lines it sums and the amount with the currency's decimals ("1234.50"). */
export type CurrencyTotal = { currency: string; lines: number; amount: string }

/** The amount with exactly the currency's minor-unit decimals, rounded half-even ("-0.74"). */
export function shown(m: Money): string {
  return round(m, 'half-even').amount.toFixed(minorUnits(m.currency))
}

/**
 * Groups rows by `keyOf` (the currency is added to the key) and sums each group exactly; `describe` gives the
 * group's descriptive columns from its first row. Groups come out in first-seen order.
 */
export function sumGroups<R extends AmountInput, G extends object>(
  rows: readonly R[],
  keyOf: (row: R) => string,
  describe: (row: R) => G,
): (G & CurrencyTotal)[] {
  const groups = new Map<string, { group: G; currency: string; lines: number; sum: Money }>()
  for (const row of rows) {
    const key = `${keyOf(row)}|${row.currency}`
    const entry = groups.get(key) ?? { group: describe(row), currency: row.currency, lines: 0, sum: zero(row.currency) }
    entry.sum = add(entry.sum, money(row.amount, row.currency))
    entry.lines += lineCount(row.lines)
    groups.set(key, entry)
  }
  return [...groups.values()].map(({ group, currency, lines, sum }) => ({ ...group, currency, lines, amount: shown(sum) }))
}

/** Totals per currency of rows as shown (each already at the minor unit): the currency with most lines first. */
export function currencyTotals(rows: readonly CurrencyTotal[]): CurrencyTotal[] {
  return sumGroups(
    rows,
    () => '',
    () => ({}),
  ).sort((a, b) => b.lines - a.lines || a.currency.localeCompare(b.currency))
}

/** How many lines an input row stands for: 1 for a single line, else the count PostgreSQL gave. */
function lineCount(lines: number | undefined): number {
  if (lines === undefined) return 1
  if (!Number.isSafeInteger(lines) || lines < 0) throw new Error(`a line count must be a non-negative integer, got ${String(lines)}`)
  return lines
}
