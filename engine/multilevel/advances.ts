/**
 * Commission advances: during a long commission period (a quarter, a year) a plan may pay part of what has been
 * earned so far before the period closes, and recover it from the final commission.
 *
 * Amounts are decimal text ("1234.50", "-12"), computed with exact decimals (`D`). The advance is rounded half-even
 * to the currency's minor units once, where it becomes a payment; the settlement only subtracts amounts already
 * rounded, so it needs no rounding of its own.
 */
import { D, decimalText, quoted } from '../core/decimal'
import type { Dec } from '../core/decimal'

function amount(text: string, what: string): Dec {
  const value = decimalText(text)
  if (value === null) throw new Error(`${what} ${quoted(text)} is not a decimal amount such as 1234.50`)
  return value
}

/** Canonical text of `value`, never "-0". */
function text(value: Dec): string {
  return value.isZero() ? '0' : value.toFixed()
}

/**
 * What this advance period pays: `percent` % of what has been earned so far, rounded half-even to `minorUnits`
 * decimals, less what earlier advances of the same period already paid; never below 0, since an advance that has
 * run ahead of the earnings is recovered at settlement, not clawed back mid-period. Text with `minorUnits` decimals.
 */
export function advanceDue(input: { earnedSoFar: string; percent: string; alreadyAdvanced: string; minorUnits: number }): string {
  const { minorUnits } = input
  if (!Number.isSafeInteger(minorUnits) || minorUnits < 0 || minorUnits > 20)
    throw new Error(`minor units are a whole number from 0 to 20, not ${String(minorUnits)}`)
  const earned = amount(input.earnedSoFar, 'the commission earned so far')
  const percent = amount(input.percent, 'the advance percentage')
  if (percent.isNegative() || percent.gt(100)) throw new Error(`the advance percentage is from 0 to 100, not ${percent.toString()}`)
  const already = amount(input.alreadyAdvanced, 'the amount already advanced')
  const advance = earned.times(percent).div(100).toDecimalPlaces(minorUnits, D.ROUND_HALF_EVEN)
  const due = advance.minus(already)
  return due.isNegative() ? new D(0).toFixed(minorUnits) : due.toFixed(minorUnits)
}

/**
 * Settling the period: the advances are recovered in full from the final commission (`recovery`, a negative line),
 * `net` is what the final statement pays, and a net below zero (more was advanced than finally earned) is carried
 * as a negative balance into the next period rather than lost.
 */
export function settleAdvances(input: { finalCommission: string; advanced: string }): {
  recovery: string
  net: string
  carriedBalance: string
} {
  const finalCommission = amount(input.finalCommission, 'the final commission')
  const advanced = amount(input.advanced, 'the amount advanced')
  const net = finalCommission.minus(advanced)
  return { recovery: text(advanced.neg()), net: text(net), carriedBalance: net.isNegative() ? text(net) : '0' }
}
