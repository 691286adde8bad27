/** The Decimal constructor of commission arithmetic: 40 significant digits, exact for money, never a float. */
import Decimal from 'decimal.js'

export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40 })
export type Dec = Decimal

/** A Decimal from user text, or null when it is not a finite number. */
export function decimalOrNull(value: unknown): Decimal | null {
  if (value === null || value === undefined || String(value).trim() === '') return null
  try {
    const d = new D(String(value).trim())
    return d.isFinite() ? d : null
  } catch {
    return null
  }
}
