/**
 * Upfront payouts for a verified activation: the rebate, one amount per feature and a spiff, each read from the
 * plan's table by carrier, rate plan, activation type and dealer tier. An empty condition means "any"; the most
 * specific row wins (plan 8, carrier 4, activation type 2, tier 1 — a row naming the plan beats any row that does not,
 * since a plan belongs to one carrier).
 * Upgrades and downgrades are paid by the plan-change component, not here.
 */
import { D, decimalOrNull } from '../../core/decimal'

import { ACTIVATION_TYPE_LABELS, type ActivationType } from '../../telecom'
import type { CatalogFacts, ComponentModule, ComponentProblem } from './types'

export const UPFRONT_PAYOUTS = ['rebate', 'feature', 'spiff'] as const
export type UpfrontPayout = (typeof UPFRONT_PAYOUTS)[number]

export type UpfrontRow = {
  payout: UpfrontPayout
  carrierId: number | null
  ratePlanId: number | null
  activationType: ActivationType | null
  dealerTier: string | null
  featureCode: string | null
  amount: string
}
export type UpfrontConfig = { kind: 'upfront'; rows: UpfrontRow[] }

export type UpfrontInput = {
  carrierId: number
  ratePlanId: number
  activationType: ActivationType
  dealerTier: string | null
  features: readonly string[]
  /** Codes for messages only (matching uses the ids). */
  names?: { carrier: string; ratePlan: string }
}

/** Activation types this component pays; the others are adjustments. */
export const UPFRONT_ACTIVATION_TYPES: readonly ActivationType[] = ['new', 'port_in', 'feature_add']

function specificity(row: UpfrontRow): number {
  return (
    (row.ratePlanId !== null ? 8 : 0) +
    (row.carrierId !== null ? 4 : 0) +
    (row.activationType !== null ? 2 : 0) +
    (row.dealerTier !== null ? 1 : 0)
  )
}

function applies(row: UpfrontRow, input: Omit<UpfrontInput, 'features'>): boolean {
  return (
    (row.carrierId === null || row.carrierId === input.carrierId) &&
    (row.ratePlanId === null || row.ratePlanId === input.ratePlanId) &&
    (row.activationType === null || row.activationType === input.activationType) &&
    (row.dealerTier === null || row.dealerTier === input.dealerTier)
  )
}

/** The most specific row paying `payout` (and `featureCode`) for the input, or null. */
export function upfrontRow(
  rows: readonly UpfrontRow[],
  payout: UpfrontPayout,
  input: Omit<UpfrontInput, 'features'>,
  featureCode: string | null = null,
): UpfrontRow | null {
  let best: UpfrontRow | null = null
  for (const row of rows) {
    if (row.payout !== payout || (payout === 'feature' && row.featureCode !== featureCode) || !applies(row, input)) continue
    if (best === null || specificity(row) > specificity(best)) best = row
  }
  return best
}

export function describeInput(input: Omit<UpfrontInput, 'features'>): string {
  const carrier = input.names?.carrier ?? `carrier #${input.carrierId}`
  const plan = input.names?.ratePlan ?? `plan #${input.ratePlanId}`
  return `${carrier} ${plan}, ${ACTIVATION_TYPE_LABELS[input.activationType].toLowerCase()}, ${input.dealerTier ?? 'no'} tier`
}

function conditionKey(row: UpfrontRow): string {
  return [row.payout, row.carrierId, row.ratePlanId, row.activationType, row.dealerTier, row.featureCode].join('|')
}

export const upfront: ComponentModule<UpfrontConfig, UpfrontInput> = {
  kind: 'upfront',
  label: 'Upfront (rebate, features, spiff)',
  ownCommission: true,
  validate(config, catalog: CatalogFacts) {
    const problems: ComponentProblem[] = []
    if (config.rows.length === 0) problems.push({ path: 'rows', message: 'add at least one rebate row' })
    const seen = new Map<string, number>()
    config.rows.forEach((row, index) => {
      const at = (field: string, message: string) =>
        problems.push({ path: `rows.${index}.${field}`, message: `row ${index + 1}: ${message}` })
      const amount = decimalOrNull(row.amount)
      if (amount === null) at('amount', `"${row.amount}" is not an amount`)
      if (amount && amount.isNegative()) at('amount', 'an upfront amount may not be negative (chargebacks take money back)')
      if (row.payout === 'feature' && !row.featureCode) at('featureCode', 'a feature row names the feature code it pays')
      if (row.payout !== 'feature' && row.featureCode) at('featureCode', 'only feature rows name a feature code')
      if (row.ratePlanId !== null) {
        const planCarrier = catalog.ratePlanCarrier.get(row.ratePlanId)
        if (planCarrier === undefined) at('ratePlan', `rate plan #${row.ratePlanId} does not exist`)
        else if (row.carrierId !== null && planCarrier !== row.carrierId)
          at('ratePlan', `rate plan #${row.ratePlanId} belongs to another carrier`)
      }
      if (row.carrierId !== null && !catalog.carrierIds.has(row.carrierId)) at('carrier', `carrier #${row.carrierId} does not exist`)
      const key = conditionKey(row)
      const earlier = seen.get(key)
      if (earlier !== undefined) at('amount', `pays for exactly the same conditions as row ${earlier + 1}; keep one`)
      else seen.set(key, index)
    })
    return problems
  },
  calculate(config, input) {
    const rebateRow = upfrontRow(config.rows, 'rebate', input)
    if (!rebateRow)
      return {
        amount: new D(0),
        detail: {},
        problem: `no rebate row applies to ${describeInput(input)}: add one (an explicit 0 is allowed)`,
      }
    const spiffRow = upfrontRow(config.rows, 'spiff', input)
    const detail: Record<string, string> = { rebate: rebateRow.amount }
    let amount = new D(rebateRow.amount)
    for (const code of input.features) {
      const row = upfrontRow(config.rows, 'feature', input, code)
      detail[`feature ${code}`] = row ? row.amount : '0 (no row)'
      if (row) amount = amount.plus(row.amount)
    }
    if (spiffRow) {
      detail.spiff = spiffRow.amount
      amount = amount.plus(spiffRow.amount)
    }
    return { amount, detail }
  },
}
