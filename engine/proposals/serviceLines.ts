/**
 * What a proposal's service line may hold: a whole quantity from 1 to MAX_QUANTITY, and a unit price (when the line
 * sets its own) from zero to MAX_UNIT_PRICE. The bounds keep price × quantity, and every commission computed from it,
 * far inside the numeric(19,4) columns, and catch a typo of a few extra zeros before it climbs the approval chain.
 */
import { D } from '../core/decimal'
import { money, multiply, parseAmount } from '../core/money'
import type { RuleProblem } from './rules'

export const MAX_QUANTITY = 100_000
export const MAX_UNIT_PRICE = '1000000.00'

/** One service line as sent: the quantity as given, the line's own price text (null or empty: the catalog's). */
export type ServiceLineInput = { quantity?: unknown; price?: string | null }

/** What is wrong with service line `index` (0-based), by field (`quantity`, `price`); empty when it is sound. */
export function serviceLineProblems(line: ServiceLineInput, index: number): RuleProblem[] {
  const problems: RuleProblem[] = []
  const label = `service line ${index + 1}`
  const quantity = line.quantity
  if (quantity !== undefined && quantity !== null) {
    const n = typeof quantity === 'number' || typeof quantity === 'string' ? Number(quantity) : Number.NaN
    if (!Number.isInteger(n))
      problems.push({ field: 'quantity', message: `${label}: the quantity is a whole number of units (got ${String(quantity)})` })
    else if (n < 1) problems.push({ field: 'quantity', message: `${label}: the quantity is at least 1 (got ${n})` })
    else if (n > MAX_QUANTITY)
      problems.push({ field: 'quantity', message: `${label}: at most ${MAX_QUANTITY} units on one line (got ${n})` })
  }
  if (typeof line.price === 'string' && line.price !== '') {
    const price = parsedOrNull(line.price)
    // A price that does not parse is the money field's to report, with its own message.
    if (price !== null && price.isNegative() && !price.isZero())
      problems.push({ field: 'price', message: `${label}: the price must not be negative (got ${line.price})` })
    else if (price !== null && price.gt(MAX_UNIT_PRICE))
      problems.push({ field: 'price', message: `${label}: the price is at most ${MAX_UNIT_PRICE} a unit (got ${line.price})` })
  }
  return problems
}

/** What one line earns before commissions: price × quantity in the money module, as decimal text. */
export function lineAmount(price: string, quantity: number, currency: string): string {
  return multiply(money(price, currency), quantity).amount.toFixed()
}

function parsedOrNull(text: string): InstanceType<typeof D> | null {
  try {
    return new D(parseAmount(text).toString())
  } catch {
    return null
  }
}
