/**
 * Tier tables of volume bonuses. A tier covers the quantity range (from, to]: with tiers 0–10 and 10–∞, units 1 to 10
 * are in the first tier and the 11th unit is the first of the second. Tiers must start at 0, follow each other with
 * no gap and no overlap, and only the last may be open-ended (`to` empty).
 *
 * - marginal: each unit is paid at the rate of the tier it falls in;
 * - retroactive: every unit is paid at the rate of the highest tier reached (the tier of the last unit).
 */
import type Decimal from 'decimal.js'

import { D, decimalOrNull } from '../core/decimal'

export type Tier = { from: string; to: string | null; rate: string }
export type TierMethod = 'marginal' | 'retroactive'
export type TierProblem = { index: number; field: 'from' | 'to' | 'rate'; message: string }

/** What is wrong with a tier table, tier by tier (empty when it is sound). `integer` requires whole-unit bounds. */
export function tierProblems(tiers: readonly Tier[], options: { integer?: boolean } = {}): TierProblem[] {
  const problems: TierProblem[] = []
  if (tiers.length === 0) return [{ index: 0, field: 'from', message: 'add at least one tier, starting at 0' }]
  let expectedFrom: Decimal | null = new D(0)
  tiers.forEach((tier, index) => {
    const label = `tier ${index + 1}`
    const from = decimalOrNull(tier.from)
    const to = decimalOrNull(tier.to)
    const rate = decimalOrNull(tier.rate)
    if (from === null) problems.push({ index, field: 'from', message: `${label}: "from" must be a number` })
    if (tier.to !== null && tier.to !== undefined && String(tier.to).trim() !== '' && to === null)
      problems.push({ index, field: 'to', message: `${label}: "to" must be a number or empty` })
    if (rate === null) problems.push({ index, field: 'rate', message: `${label}: the rate must be a number` })
    else if (rate.isNegative())
      problems.push({ index, field: 'rate', message: `${label}: the rate may not be negative (${rate.toString()})` })
    if (options.integer) {
      if (from && !from.isInteger())
        problems.push({ index, field: 'from', message: `${label}: counts are whole numbers (${from.toString()})` })
      if (to && !to.isInteger()) problems.push({ index, field: 'to', message: `${label}: counts are whole numbers (${to.toString()})` })
    }
    if (from !== null && expectedFrom !== null && !from.eq(expectedFrom)) {
      const message =
        index === 0
          ? `${label} must start at 0 (it starts at ${from.toString()})`
          : from.lt(expectedFrom)
            ? `${label} overlaps tier ${index}: it starts at ${from.toString()} but tier ${index} runs to ${expectedFrom.toString()}`
            : `gap between tier ${index} and ${label}: nothing covers ${expectedFrom.toString()} to ${from.toString()}`
      problems.push({ index, field: 'from', message })
    }
    if (from !== null && to !== null && !to.gt(from))
      problems.push({ index, field: 'to', message: `${label}: "to" (${to.toString()}) must be above "from" (${from.toString()})` })
    if (to === null && index < tiers.length - 1)
      problems.push({ index, field: 'to', message: `${label}: only the last tier may be open-ended; give it an upper bound` })
    expectedFrom = to
  })
  const last = tiers[tiers.length - 1]!
  if (decimalOrNull(last.to) !== null)
    problems.push({
      index: tiers.length - 1,
      field: 'to',
      message: `tier ${tiers.length}: the last tier must be open-ended (leave "to" empty) so every quantity is covered`,
    })
  return problems
}

/** The tier that holds quantity `q` (from < q ≤ to); null for q ≤ 0. */
export function tierOf(tiers: readonly Tier[], q: Decimal.Value): { tier: Tier; index: number } | null {
  const quantity = new D(q)
  if (!quantity.gt(0)) return null
  for (let index = 0; index < tiers.length; index++) {
    const tier = tiers[index]!
    const to = decimalOrNull(tier.to)
    if (quantity.gt(tier.from) && (to === null || quantity.lte(to))) return { tier, index }
  }
  return null
}

/** Quantity × rate under the method, exact (no rounding). `rateScale` divides each rate (100 for percentages). */
export function tieredAmount(tiers: readonly Tier[], q: Decimal.Value, method: TierMethod, rateScale: Decimal.Value = 1): Decimal {
  const quantity = new D(q)
  if (!quantity.gt(0)) return new D(0)
  if (method === 'retroactive') {
    const reached = tierOf(tiers, quantity)
    return reached ? quantity.times(reached.tier.rate).div(rateScale) : new D(0)
  }
  let total = new D(0)
  for (const tier of tiers) {
    const from = new D(tier.from)
    if (!quantity.gt(from)) break
    const to = decimalOrNull(tier.to)
    const upper = to === null || quantity.lt(to) ? quantity : to
    total = total.plus(upper.minus(from).times(tier.rate).div(rateScale))
  }
  return total
}
