/**
 * Where commission amounts are rounded: once, when a line is posted, with the plan version's rounding mode, to the
 * currency's minor unit. Sums are taken of posted (rounded) lines, so every total ties to the cent.
 */
import type Decimal from 'decimal.js'

import { money, round, toStorageString, type RoundingMode } from '../core/money'

/** The posted amount of an exact evaluation, as a storage string with 4 decimals (e.g. "12.3400"). */
export function postAmount(exact: Decimal, currency: string, mode: RoundingMode): string {
  return toStorageString(round(money(exact, currency), mode))
}
