/**
 * What a carrier owes for one line, read from its payout schedule: the version in force on the line's date, the
 * activation (rebate) amount for its plan and activation type, a spiff if one runs, and one amount per feature.
 *
 * Pure: callers pass the schedule versions in, and evaluate once per distinct (plan, type, features, date), not
 * once per row.
 */
import { add, money, sum, toStorageString, zero, type Money } from '../core/money'
import type { ActivationType, PayoutKind } from './vocabulary'

export type ScheduleLine = {
  kind: PayoutKind
  /** null: any activation type. */
  activationType: ActivationType | null
  /** null: any rate plan. */
  ratePlanId: number | null
  /** Only for `feature` lines. */
  featureCode: string | null
  amount: string
}

export type ScheduleVersion = { id: number; version: number; effectiveFrom: string; currency: string; lines: readonly ScheduleLine[] }

export type PricedLine = {
  scheduleVersionId: number | null
  activation: string
  spiff: string
  features: string
  total: string
  /** Feature codes the schedule has no amount for (they count as zero). */
  unpricedFeatures: string[]
}

/** The approved version in force on `date` (YYYY-MM-DD): the latest whose effective date is not after it. */
export function versionInForce(versions: readonly ScheduleVersion[], date: string): ScheduleVersion | null {
  let best: ScheduleVersion | null = null
  for (const version of versions) {
    if (version.effectiveFrom <= date && (best === null || version.effectiveFrom > best.effectiveFrom)) best = version
  }
  return best
}

/** How specific a line is for a sale: plan and type beat plan alone, which beats type alone, which beats "any". */
function specificity(line: ScheduleLine): number {
  return (line.ratePlanId !== null ? 2 : 0) + (line.activationType !== null ? 1 : 0)
}

function applies(line: ScheduleLine, ratePlanId: number | null, activationType: ActivationType): boolean {
  return (
    (line.ratePlanId === null || line.ratePlanId === ratePlanId) && (line.activationType === null || line.activationType === activationType)
  )
}

function mostSpecific(lines: readonly ScheduleLine[]): ScheduleLine | null {
  let best: ScheduleLine | null = null
  for (const line of lines) if (best === null || specificity(line) > specificity(best)) best = line
  return best
}

export type LineFacts = { ratePlanId: number | null; activationType: ActivationType; features: readonly string[] }

/** The carrier's payout for one line under one schedule version (or nothing owed when no version is in force). */
export function priceLine(version: ScheduleVersion | null, facts: LineFacts, currency = 'USD'): PricedLine {
  if (version === null) {
    const nothing = toStorageString(zero(currency))
    return {
      scheduleVersionId: null,
      activation: nothing,
      spiff: nothing,
      features: nothing,
      total: nothing,
      unpricedFeatures: [...facts.features],
    }
  }
  const matching = version.lines.filter((line) => applies(line, facts.ratePlanId, facts.activationType))
  const amountOf = (line: ScheduleLine | null): Money => (line ? money(line.amount, version.currency) : zero(version.currency))
  const activation = amountOf(mostSpecific(matching.filter((line) => line.kind === 'activation')))
  const spiff = amountOf(mostSpecific(matching.filter((line) => line.kind === 'spiff')))
  const unpricedFeatures: string[] = []
  const featureAmounts = facts.features.map((code) => {
    const line = mostSpecific(matching.filter((candidate) => candidate.kind === 'feature' && candidate.featureCode === code))
    if (!line) unpricedFeatures.push(code)
    return amountOf(line)
  })
  const features = sum(featureAmounts, version.currency)
  return {
    scheduleVersionId: version.id,
    activation: toStorageString(activation),
    spiff: toStorageString(spiff),
    features: toStorageString(features),
    total: toStorageString(add(add(activation, spiff), features)),
    unpricedFeatures,
  }
}
