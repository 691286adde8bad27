import type { Block } from 'payload'

import type { ComponentRegistry, COMPONENTS } from '../../../../engine/commission/components/registry'
import { COMPONENT_KINDS } from '../../../../engine/commission/components/registry'
import { advanceBlock } from './advance'
import { advertisingBlock } from './advertising'
import { chargebackBlock } from './chargeback'
import { differentialBlock } from './differential'
import { networkBonusBlock } from './networkBonus'
import type { ComponentBlock } from './fields'
import { overrideBlock } from './override'
import { planChangeBlock } from './planChange'
import { proposalCommissionBlock } from './proposalCommission'
import { residualBlock } from './residual'
import { ruleAmountBlock } from './ruleAmount'
import { unilevelBlock } from './unilevel'
import { upfrontBlock } from './upfront'
import { volumeBonusBlock } from './volumeBonus'

/** One admin block for each kind of a registry, under the same kind (the real registry unless another is named). */
export type ComponentBlocks<R extends ComponentRegistry = typeof COMPONENTS> = { [K in keyof R]: ComponentBlock }

/** The admin block of every component kind (engine/commission/components/registry.ts): the compiler refuses a gap. */
export const COMPONENT_BLOCKS = {
  upfront: upfrontBlock,
  volume_bonus: volumeBonusBlock,
  plan_change: planChangeBlock,
  rule_amount: ruleAmountBlock,
  residual: residualBlock,
  chargeback: chargebackBlock,
  override: overrideBlock,
  proposal_commission: proposalCommissionBlock,
  unilevel: unilevelBlock,
  differential: differentialBlock,
  network_bonus: networkBonusBlock,
  advance: advanceBlock,
  advertising: advertisingBlock,
} satisfies ComponentBlocks

/** The `components` blocks of a plan version, in the registry's order; the slugs are the kinds. */
export const componentBlocks: Block[] = COMPONENT_KINDS.map((kind) => ({ slug: kind, ...COMPONENT_BLOCKS[kind] }))
