/**
 * Volume bonus: one amount per participant per period from a tier table on the period's verified activation count
 * (rate = amount per activation) or on the carrier-paid revenue of those activations (rate = percentage), paid
 * marginally or retroactively as the plan says (see `../tiers.ts` for the exact tier semantics).
 */
import type Decimal from 'decimal.js'

import { D, decimalOrNull } from '../../core/decimal'
import type { ActivationType } from '../../telecom'
import { tierOf, tierProblems, tieredAmount, type Tier, type TierMethod } from '../tiers'
import type { ComponentModule } from './types'

export type VolumeBonusConfig = {
  kind: 'volume_bonus'
  /** count: rate is an amount per activation; revenue: rate is a percentage of the carrier-paid revenue. */
  metric: 'count' | 'revenue'
  method: TierMethod
  activationTypes: ActivationType[]
  tiers: Tier[]
}

export type VolumeBonusInput = { quantity: string }

export const volumeBonus: ComponentModule<VolumeBonusConfig, VolumeBonusInput> = {
  kind: 'volume_bonus',
  label: 'Volume bonus',
  ownCommission: true,
  validate(config) {
    const problems = tierProblems(config.tiers, { integer: config.metric === 'count' }).map((p) => ({
      path: `tiers.${p.index}.${p.field}`,
      message: p.message,
    }))
    if (config.activationTypes.length === 0)
      problems.push({ path: 'activationTypes', message: 'choose the activation types that count towards the volume' })
    if (config.metric === 'revenue') {
      config.tiers.forEach((tier, index) => {
        if (decimalOrNull(tier.rate)?.gt(100))
          problems.push({ path: `tiers.${index}.rate`, message: `tier ${index + 1}: a revenue rate is a percentage, at most 100` })
      })
    }
    return problems
  },
  calculate(config, input) {
    const quantity = new D(input.quantity)
    const scale = config.metric === 'revenue' ? 100 : 1
    const amount: Decimal = tieredAmount(config.tiers, quantity, config.method, scale)
    const reached = tierOf(config.tiers, quantity)
    return {
      amount,
      detail: {
        [config.metric === 'count' ? 'activations' : 'revenue']: quantity.toString(),
        method: config.method,
        'tier reached': reached
          ? `${reached.index + 1} (${reached.tier.from}–${reached.tier.to ?? '∞'} at ${reached.tier.rate}${config.metric === 'revenue' ? ' %' : ' each'})`
          : 'none',
      },
    }
  },
}
