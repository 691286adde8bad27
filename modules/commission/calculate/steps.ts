/**
 * The run's step for each component kind, registered in one place: the engine registry
 * (`engine/commission/components/registry.ts`) decides which kinds exist and in which order the run calculates them,
 * and this map must hold exactly one step per kind, or the project does not compile.
 */
import type { ComponentRegistry, COMPONENTS } from '../../../engine/commission/components/registry'
import type { RunContext } from '../context'
import { advanceStep } from './advance'
import { advertisingStep } from './advertising'
import { chargebackStep } from './chargeback'
import { differentialStep, unilevelStep } from './network'
import { networkBonusStep } from './networkBonus'
import { overrideStep } from './override'
import { planChangeStep } from './planChange'
import { proposalCommissionStep } from './proposalCommission'
import { residualStep } from './residual'
import { ruleAmountStep } from './ruleAmount'
import { upfrontStep } from './upfront'
import { volumeBonusStep } from './volumeBonus'

/** A `components` block of a plan version as Payload stores it. */
export type StoredBlock = Record<string, unknown> & { blockType?: string }

/** How the run writes one kind's lines (staged in `run_lines`), and reads its configuration from the stored block. */
export type ComponentStep<C> = {
  /**
   * `calculate`: the kind pays from the period's facts; the calculate step counts its lines when the version has it.
   * `adjust`: the kind reads the lines calculated before it (after the debit/credit notes, before the holds); the
   * adjust step always counts its lines, 0 when the version does not have it.
   */
  phase: 'calculate' | 'adjust'
  /** What the step's message calls its lines: "15552 upfront", "806 override lines". */
  counted: string
  /** The kind reads verified telecom sales or carrier records: a version with it needs its period reconciled first. */
  telecom: boolean
  /** The engine's configuration from the stored admin block. */
  fromBlock(block: StoredBlock): C
  /** Stages the kind's lines for the run; returns how many. */
  run(ctx: RunContext, config: C): Promise<number>
}

/** One step for each kind of a registry, under the same kind (the real registry unless another is named). */
export type ComponentSteps<R extends ComponentRegistry = typeof COMPONENTS> = {
  [K in keyof R]: ComponentStep<Parameters<R[K]['validate']>[0]>
}

export const COMPONENT_STEPS = {
  upfront: upfrontStep,
  volume_bonus: volumeBonusStep,
  plan_change: planChangeStep,
  rule_amount: ruleAmountStep,
  residual: residualStep,
  chargeback: chargebackStep,
  override: overrideStep,
  proposal_commission: proposalCommissionStep,
  unilevel: unilevelStep,
  differential: differentialStep,
  network_bonus: networkBonusStep,
  advance: advanceStep,
  advertising: advertisingStep,
} satisfies ComponentSteps
