/**
 * The shape every commission component kind shares. A plan version is a list of component configurations; each kind
 * is one module with `validate` (what is wrong with a configuration, as field paths and messages a business user
 * understands) and `calculate` (the exact, unrounded amount for one distinct input, with the detail a statement or a
 * "why this amount" answer shows). Rounding happens when a line is posted, never here.
 */
import type Decimal from 'decimal.js'

import type { RoundingMode } from '../../core/money'
import type { ActivationType } from '../../telecom/vocabulary'
import type { Tier, TierMethod } from '../tiers'

export const COMPONENT_KINDS = ['upfront', 'volume_bonus', 'plan_change', 'residual', 'chargeback', 'override', 'proposal_commission', 'advertising'] as const
export type ComponentKind = (typeof COMPONENT_KINDS)[number]

/** What a commission line can be: a component's output, or a debit/credit note posted by finance. */
export const LINE_COMPONENTS = [...COMPONENT_KINDS, 'note'] as const
export type LineComponent = (typeof LINE_COMPONENTS)[number]

export const LINE_COMPONENT_LABELS: Record<LineComponent, string> = {
  upfront: 'Upfront (rebate, features, spiff)',
  volume_bonus: 'Volume bonus',
  plan_change: 'Upgrade / downgrade adjustment',
  residual: 'Residual',
  chargeback: 'Chargeback',
  override: 'Override',
  proposal_commission: 'Proposal commission',
  advertising: 'Advertising deduction',
  note: 'Debit / credit note',
}

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

export type VolumeBonusConfig = {
  kind: 'volume_bonus'
  /** count: rate is an amount per activation; revenue: rate is a percentage of the carrier-paid revenue. */
  metric: 'count' | 'revenue'
  method: TierMethod
  activationTypes: ActivationType[]
  tiers: Tier[]
}

/** Upgrade/downgrade: (rebate of the new plan − rebate of the old plan) × percent / 100, from the upfront table. */
export type PlanChangeConfig = { kind: 'plan_change'; percent: string }

/** percent of the plan's monthly recurring charge for each of months 1..months after the activation month. */
export type ResidualConfig = { kind: 'residual'; percent: string; months: number }

/** Takes back percent of the upfront paid when the line deactivates within windowDays (null: the carrier's window). */
export type ChargebackConfig = { kind: 'chargeback'; percent: string; windowDays: number | null }

/** Pays each ancestor level (1 = parent) a percent of a participant's own commission; compression skips inactive. */
export type OverrideConfig = { kind: 'override'; levels: { level: number; percent: string }[]; compress: boolean }

/** Pays each member of an accepted proposal's chain by the commission rule between it and its parent. */
export type ProposalCommissionConfig = { kind: 'proposal_commission' }

/** Deducts the active advertising programs' percentages from each participant's proposal commission. */
export type AdvertisingConfig = { kind: 'advertising' }

export type ComponentConfig = UpfrontConfig | VolumeBonusConfig | PlanChangeConfig | ResidualConfig | ChargebackConfig | OverrideConfig | ProposalCommissionConfig | AdvertisingConfig

export type PlanVersionData = {
  id: number
  planId: number
  version: number
  label: string
  effectiveFrom: string
  currency: string
  rounding: RoundingMode
  components: ComponentConfig[]
}

/** A problem with a configuration: `path` is relative to the component (e.g. `rows.3.amount`). */
export type ComponentProblem = { path: string; message: string }

/**
 * The result of one evaluation: the exact amount and the detail shown to people. `problem`: the plan cannot price
 * this input (the run is refused until the plan is fixed). `warning`: the facts do not allow paying it (nothing is
 * paid for it, and the run reports how many rows were left out).
 */
export type Evaluation = { amount: Decimal; detail: Record<string, string>; problem?: string; warning?: string }

/** Facts the catalog gives validation: which plans belong to which carrier. */
export type CatalogFacts = { ratePlanCarrier: ReadonlyMap<number, number>; carrierIds: ReadonlySet<number> }

export type ComponentModule<C extends ComponentConfig, I> = {
  kind: C['kind']
  label: string
  validate(config: C, catalog: CatalogFacts): ComponentProblem[]
  calculate(config: C, input: I, version: PlanVersionData): Evaluation
}
