/**
 * The shape every commission component kind shares. A plan version is a list of component configurations; each kind
 * is one module with `validate` (what is wrong with a configuration, as field paths and messages a business user
 * understands) and `calculate` (the exact, unrounded amount for one distinct input, with the detail a statement or a
 * "why this amount" answer shows). Rounding happens when a line is posted, never here.
 */
import type Decimal from 'decimal.js'

import type { RoundingMode } from '../../core/money'
import type { FiredRow } from '../../rules'
import type { COMPONENTS } from './registry'

/**
 * The kinds are the keys of the registry (`./registry.ts`): a kind exists once its module is registered there, and
 * its configuration type is the one its module validates. Nothing else lists them.
 */
export type ComponentKind = keyof typeof COMPONENTS

/** The configuration of one kind, as its module declares it. */
export type ConfigOf<K extends ComponentKind> = Parameters<(typeof COMPONENTS)[K]['validate']>[0]

export type ComponentConfig = { [K in ComponentKind]: ConfigOf<K> }[ComponentKind]

/** What a commission line can be: a component's output, or a debit/credit note posted by finance. */
export type LineComponent = ComponentKind | 'note'

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
export type Evaluation = {
  amount: Decimal
  detail: Record<string, string>
  problem?: string
  warning?: string
  /**
   * Kinds that pay several labelled lines for one input (a rule's results): each line's exact amount, its label and
   * the rule rows that produced it. `amount` is then their sum; each line is rounded on its own when posted.
   */
  lines?: EvaluationLine[]
}

export type EvaluationLine = { description: string; amount: Decimal; fired: FiredRow[] }

/**
 * Facts the catalog gives validation: which plans belong to which carrier, and (when the caller looked them up) the
 * purpose of each rule set by id.
 */
export type CatalogFacts = {
  ratePlanCarrier: ReadonlyMap<number, number>
  carrierIds: ReadonlySet<number>
  ruleSetPurposes?: ReadonlyMap<number, string>
}

export type ComponentModule<C extends { kind: string }, I> = {
  kind: C['kind']
  label: string
  /** Its amounts are the participant's own commission for the period: what overrides pay a share of. */
  ownCommission: boolean
  validate(config: C, catalog: CatalogFacts): ComponentProblem[]
  calculate(config: C, input: I, version: PlanVersionData): Evaluation
}

/** The kinds (registry order) and what a line can be, with their labels: read from the registry. */
export { COMPONENT_KINDS, LINE_COMPONENT_LABELS, LINE_COMPONENTS } from './registry'
