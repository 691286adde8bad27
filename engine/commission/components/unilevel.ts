/**
 * Unilevel: each upline level of a member (1 = its sponsor) earns a percent of the member's commissionable volume for
 * the cycle (VC, net of returns). With compression, an upline member who does not qualify this cycle (inactive) is
 * passed over and the level goes to the next one who does; without it, that level is simply not paid. The company at
 * the root never earns. Who earns which level is `engine/multilevel/bonuses.ts`; this prices one (volume, level).
 */
import { D } from '../../core/decimal'
import { levelProblems } from './percent'
import type { ComponentModule } from './types'

export type UnilevelConfig = { kind: 'unilevel'; levels: { level: number; percent: string }[]; compress: boolean }

export type UnilevelInput = { base: string; level: number }

export const unilevel: ComponentModule<UnilevelConfig, UnilevelInput> = {
  kind: 'unilevel',
  label: 'Unilevel',
  ownCommission: false,
  validate(config) {
    return levelProblems(config.levels, 'all of the volume')
  },
  calculate(config, input) {
    const level = config.levels[input.level - 1]
    const detail = { 'commissionable volume of the member below': input.base, level: String(input.level), percent: level?.percent ?? '0' }
    if (!level) return { amount: new D(0), detail }
    return { amount: new D(input.base).times(level.percent).div(100), detail }
  },
}
