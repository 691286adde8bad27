/**
 * Promotion and rebate programs as plain data, and what one pays: who and what is eligible, and the amount of a
 * point-of-sale line or of a partner's volume so far. No database, no clock: the rebates module loads the facts and
 * calls these; the unit tests work every calculation kind by hand.
 *
 * Line kinds pay each sale on its own (per unit, percent of price, price exception, ship and debit, deal
 * registration, a rule set). Volume kinds (tiered volume, growth over a baseline) pay on the partner's running total
 * in the program: a line's share is the rebate on the total after it less the rebate on the total before it, both
 * rounded to the currency's minor unit, so the shares of any run of lines add up to the rebate on their total to the
 * cent, whatever order they arrive in.
 */
import type Decimal from 'decimal.js'

import { D } from '../core/decimal'
import { minorUnits } from '../core/money'

export const PROGRAM_KINDS = [
  'per_unit',
  'percent_of_price',
  'price_exception',
  'ship_and_debit',
  'volume',
  'growth',
  'deal_registration',
  'rule',
] as const
export type ProgramKind = (typeof PROGRAM_KINDS)[number]

export const PROGRAM_KIND_LABELS: Record<ProgramKind, string> = {
  per_unit: 'Promotion: an amount per unit',
  percent_of_price: 'Promotion: a percent of the sale price',
  price_exception: 'Price exception: list price less the exception price, per unit',
  ship_and_debit: 'Ship and debit: list price less the agreed resale price, per unit sold at or below it',
  volume: 'Volume rebate with tiers',
  growth: 'Growth rebate over a baseline period',
  deal_registration: 'Deal registration: list price less the deal price (plus a percent), per unit of an approved deal',
  rule: 'Calculated by a rule set (purpose "Rebate per point-of-sale line")',
}

/** Kinds paid on the partner's running total in the program rather than line by line. */
export const VOLUME_KINDS: readonly ProgramKind[] = ['volume', 'growth']

export const isVolumeKind = (kind: ProgramKind): boolean => VOLUME_KINDS.includes(kind)

/** How a tier table pays: the whole total at the rate of the tier reached, or each slice at its own tier's rate. */
export type TierMode = 'whole' | 'slice'
/** What tier thresholds count: units sold or sales amount. */
export type TierBasis = 'quantity' | 'amount'
/** What a tier's rate is: a percent of the sales amount, or an amount per unit. */
export type TierRate = 'percent' | 'per_unit'

/** A tier: from this threshold (inclusive) on, this rate. */
export type Tier = { from: Decimal; rate: Decimal }

export type ProgramTerms = {
  id: number
  code: string
  kind: ProgramKind
  currency: string
  effectiveFrom: string
  effectiveTo: string
  /** Territory codes; empty = every region. */
  regions: readonly string[]
  /** Dealer tiers; empty = every tier. */
  partnerTiers: readonly string[]
  /** Participant ids; empty = every partner the tiers and regions admit. */
  partnerIds: readonly number[]
  /** Product ids; with families, empty both = every product. */
  productIds: readonly number[]
  families: readonly string[]
  ratePerUnit: Decimal | null
  percent: Decimal | null
  agreedPrice: Decimal | null
  tiers: readonly Tier[]
  tierMode: TierMode
  tierBasis: TierBasis
  tierRate: TierRate
  /** Growth: the partner's total in the baseline period (same basis as the tiers), given by the caller per partner. */
  fundingCap: Decimal | null
  partnerCap: Decimal | null
  claimWindowDays: number
}

/** A deal registration line as a program reads it. */
export type DealTerms = {
  number: string
  partnerId: number
  status: string
  expiresOn: string
  currency: string
  /** Per product id: units registered and the special price per unit. */
  lines: ReadonlyMap<number, { quantity: number; specialPrice: Decimal }>
}

/** One point-of-sale line as a program reads it. */
export type PosFact = {
  id: number
  partnerId: number
  partnerTier: string | null
  region: string | null
  productId: number
  sku: string
  family: string | null
  soldOn: string
  quantity: number
  currency: string
  unitPrice: Decimal
  unitCost: Decimal | null
  /** The product's list price in the line's currency; null when the catalog has none. */
  listPrice: Decimal | null
  deal: DealTerms | null
  /** Rule kind: the rule set's amount for the whole line (null when the rule gave none). */
  ruleAmount?: Decimal | null
}

/** The sales amount of a line: quantity × unit price. */
export const lineSales = (line: Pick<PosFact, 'quantity' | 'unitPrice'>): Decimal => line.unitPrice.times(line.quantity)

/** Rounds to the currency's minor unit, half up (the rounding point of every rebate amount). */
export function roundMinor(value: Decimal, currency: string): Decimal {
  return value.toDecimalPlaces(minorUnits(currency), D.ROUND_HALF_UP)
}

const plain = (value: Decimal) => value.toFixed()

/**
 * Why `line` is outside `program` (a sentence naming the field), or null when it is eligible. Checks the program's
 * dates, currency, regions, partners (tier and list), products (SKU list and family) and, per kind, what the kind
 * needs: a list price, a sale at or below the agreed price, an approved, unexpired deal of the partner covering the
 * product.
 */
export function ineligibility(program: ProgramTerms, line: PosFact): string | null {
  if (line.soldOn < program.effectiveFrom || line.soldOn > program.effectiveTo) {
    return `sold on ${line.soldOn}, outside the program's dates ${program.effectiveFrom}..${program.effectiveTo}`
  }
  if (line.currency !== program.currency) return `currency ${line.currency} is not the program's ${program.currency}`
  if (program.regions.length > 0 && (line.region === null || !program.regions.includes(line.region))) {
    return `region ${line.region ?? '(none)'} is not one of the program's regions (${program.regions.join(', ')})`
  }
  if (program.partnerTiers.length > 0 && (line.partnerTier === null || !program.partnerTiers.includes(line.partnerTier))) {
    return `partner tier ${line.partnerTier ?? '(none)'} is not one of the program's tiers (${program.partnerTiers.join(', ')})`
  }
  if (program.partnerIds.length > 0 && !program.partnerIds.includes(line.partnerId)) return 'the partner is not on the program’s list'
  const listed = program.productIds.includes(line.productId)
  const inFamily = line.family !== null && program.families.includes(line.family)
  if ((program.productIds.length > 0 || program.families.length > 0) && !listed && !inFamily) {
    return `product ${line.sku} is outside the program`
  }
  if (line.quantity <= 0) return `quantity ${line.quantity} is not a sale`
  switch (program.kind) {
    case 'price_exception':
    case 'ship_and_debit':
      if (line.listPrice === null) return `product ${line.sku} has no list price in ${line.currency}`
      if (program.agreedPrice === null) return 'the program has no agreed price'
      if (program.kind === 'ship_and_debit' && line.unitPrice.greaterThan(program.agreedPrice)) {
        return `sold at ${plain(line.unitPrice)}, above the agreed price ${plain(program.agreedPrice)}`
      }
      return null
    case 'deal_registration': {
      const deal = line.deal
      if (!deal) return 'the line names no registered deal'
      if (deal.status !== 'approved') return `deal ${deal.number} is ${deal.status}, not approved`
      if (deal.partnerId !== line.partnerId) return `deal ${deal.number} belongs to another partner`
      if (line.soldOn > deal.expiresOn) return `deal ${deal.number} expired on ${deal.expiresOn}`
      if (deal.currency !== line.currency) return `deal ${deal.number} is in ${deal.currency}, the line in ${line.currency}`
      if (!deal.lines.has(line.productId)) return `deal ${deal.number} does not cover ${line.sku}`
      if (line.listPrice === null) return `product ${line.sku} has no list price in ${line.currency}`
      return null
    }
    case 'rule':
      return line.ruleAmount === null || line.ruleAmount === undefined ? 'the program’s rule set gave no amount for the line' : null
    default:
      return null
  }
}

/**
 * The rebate of one line of a line kind for `quantity` of its units (the whole line by default), rounded to the
 * minor unit. Assumes `ineligibility` said null.
 */
export function lineRebate(program: ProgramTerms, line: PosFact, quantity = line.quantity): Decimal {
  const zero = new D(0)
  const units = new D(quantity)
  let amount: Decimal
  switch (program.kind) {
    case 'per_unit':
      amount = units.times(program.ratePerUnit ?? zero)
      break
    case 'percent_of_price':
      amount = units
        .times(line.unitPrice)
        .times(program.percent ?? zero)
        .dividedBy(100)
      break
    case 'price_exception':
    case 'ship_and_debit':
      amount = units.times(D.max(zero, (line.listPrice ?? zero).minus(program.agreedPrice ?? zero)))
      break
    case 'deal_registration': {
      const dealLine = line.deal?.lines.get(line.productId)
      const discount = D.max(zero, (line.listPrice ?? zero).minus(dealLine?.specialPrice ?? line.listPrice ?? zero))
      amount = units.times(discount).plus(
        units
          .times(line.unitPrice)
          .times(program.percent ?? zero)
          .dividedBy(100),
      )
      break
    }
    case 'rule':
      amount = (line.ruleAmount ?? zero).times(quantity).dividedBy(line.quantity)
      break
    default:
      throw new Error(`${program.kind} is paid on volume, not per line`)
  }
  return roundMinor(amount, program.currency)
}

/** A partner's running total in a program: units and sales amount. */
export type Volume = { quantity: Decimal; amount: Decimal }

export const NO_VOLUME: Volume = { quantity: new D(0), amount: new D(0) }

/** The tier reached by `measure`: the last tier whose threshold it meets, or null below the first. */
function tierReached(tiers: readonly Tier[], measure: Decimal): Tier | null {
  let reached: Tier | null = null
  for (const tier of tiers) if (measure.greaterThanOrEqualTo(tier.from)) reached = tier
  return reached
}

/**
 * The rebate a tier table pays on a volume, unrounded. Whole: the rate of the tier reached applies to the whole
 * volume (percent of the amount or per unit). Slice: each slice of the threshold measure between one tier's
 * threshold and the next pays at its own tier's rate (a percent rate needs amount thresholds, a per-unit rate
 * quantity thresholds; `programProblems` refuses the other pairs).
 */
export function tieredRebate(terms: Pick<ProgramTerms, 'tiers' | 'tierMode' | 'tierBasis' | 'tierRate'>, volume: Volume): Decimal {
  const tiers = [...terms.tiers].sort((a, b) => a.from.comparedTo(b.from))
  const measure = terms.tierBasis === 'quantity' ? volume.quantity : volume.amount
  const pay = (rate: Decimal, base: Decimal) => (terms.tierRate === 'percent' ? base.times(rate).dividedBy(100) : base.times(rate))
  if (terms.tierMode === 'whole') {
    const tier = tierReached(tiers, measure)
    if (!tier) return new D(0)
    return pay(tier.rate, terms.tierRate === 'percent' ? volume.amount : volume.quantity)
  }
  let total = new D(0)
  tiers.forEach((tier, index) => {
    const upper = tiers[index + 1]?.from ?? null
    if (measure.lessThanOrEqualTo(tier.from)) return
    const top = upper === null ? measure : D.min(measure, upper)
    total = total.plus(pay(tier.rate, top.minus(tier.from)))
  })
  return total
}

/**
 * The rebate of a volume kind on a partner's running total, rounded to the minor unit. Growth pays the tier table on
 * what the total exceeds the partner's baseline by (same measure as the tiers; nothing at or below it).
 */
export function volumeRebate(program: ProgramTerms, volume: Volume, baseline: Volume = NO_VOLUME): Decimal {
  if (program.kind === 'volume') return roundMinor(tieredRebate(program, volume), program.currency)
  const zero = new D(0)
  const excess: Volume = {
    quantity: D.max(zero, volume.quantity.minus(baseline.quantity)),
    amount: D.max(zero, volume.amount.minus(baseline.amount)),
  }
  return roundMinor(tieredRebate(program, excess), program.currency)
}

/** A volume after one more line. */
export const addLine = (volume: Volume, line: Pick<PosFact, 'quantity' | 'unitPrice'>): Volume => ({
  quantity: volume.quantity.plus(line.quantity),
  amount: volume.amount.plus(lineSales(line)),
})

/** What is wrong with a program's terms for its kind (field → reason); empty when it can be published. */
export function programProblems(program: ProgramTerms, ruleSetGiven: boolean): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = []
  const need = (field: keyof ProgramTerms, value: Decimal | null, reason: string) => {
    if (value === null) problems.push({ field, reason })
    else if (value.isNegative()) problems.push({ field, reason: 'must not be negative' })
  }
  if (program.effectiveTo < program.effectiveFrom) problems.push({ field: 'effectiveTo', reason: 'is before the start date' })
  switch (program.kind) {
    case 'per_unit':
      need('ratePerUnit', program.ratePerUnit, 'an amount per unit is required')
      break
    case 'percent_of_price':
      need('percent', program.percent, 'a percent is required')
      break
    case 'price_exception':
    case 'ship_and_debit':
      need('agreedPrice', program.agreedPrice, 'the agreed price is required')
      break
    case 'deal_registration':
      if (program.percent?.isNegative()) problems.push({ field: 'percent', reason: 'must not be negative' })
      break
    case 'rule':
      if (!ruleSetGiven) problems.push({ field: 'ruleSet', reason: 'a rule set of purpose "Rebate per point-of-sale line" is required' })
      break
    case 'volume':
    case 'growth': {
      if (program.tiers.length === 0) problems.push({ field: 'tiers', reason: 'at least one tier is required' })
      const seen = new Set<string>()
      program.tiers.forEach((tier, index) => {
        if (tier.from.isNegative()) problems.push({ field: `tiers.${index}.from`, reason: 'must not be negative' })
        if (tier.rate.isNegative()) problems.push({ field: `tiers.${index}.rate`, reason: 'must not be negative' })
        if (seen.has(tier.from.toFixed())) problems.push({ field: `tiers.${index}.from`, reason: 'two tiers start at the same threshold' })
        seen.add(tier.from.toFixed())
      })
      if (program.tierMode === 'slice' && (program.tierRate === 'percent') !== (program.tierBasis === 'amount')) {
        problems.push({
          field: 'tierRate',
          reason: 'paying each slice needs a percent rate on amount thresholds, or an amount per unit on quantity thresholds',
        })
      }
      break
    }
  }
  for (const cap of ['fundingCap', 'partnerCap'] as const) {
    if (program[cap]?.isNegative()) problems.push({ field: cap, reason: 'must not be negative' })
  }
  if (!Number.isInteger(program.claimWindowDays) || program.claimWindowDays < 1) {
    problems.push({ field: 'claimWindowDays', reason: 'must be a whole number of days, at least 1' })
  }
  return problems
}
