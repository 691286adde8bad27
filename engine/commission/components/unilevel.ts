/**
 * Unilevel: each upline level of a member (1 = its sponsor) earns a percent of the member's commissionable volume for
 * the cycle (VC, net of returns). With compression, an upline member who does not qualify this cycle (inactive) is
 * passed over and the level goes to the next one who does; without it, that level is simply not paid. The company at
 * the root never earns. Who earns which level is `engine/multilevel/bonuses.ts`; this prices one (volume, level).
 */
import { D, decimalOrNull } from '../../core/decimal'
import { percentProblems } from './percent'
import type { ComponentModule, ComponentProblem } from './types'

export type UnilevelConfig = { kind: 'unilevel'; levels: { level: number; percent: string }[]; compress: boolean }

export type UnilevelInput = { base: string; level: number }

export const unilevel: ComponentModule<UnilevelConfig, UnilevelInput> = {
  kind: 'unilevel',
  label: 'Unilevel',
  ownCommission: false,
  validate(config) {
    const problems: ComponentProblem[] = []
    if (config.levels.length === 0) problems.push({ path: 'levels', message: 'add at least level 1' })
    config.levels.forEach((level, index) => {
      if (level.level !== index + 1)
        problems.push({
          path: `levels.${index}.level`,
          message: `levels are numbered 1, 2, 3… in order; row ${index + 1} says ${level.level}`,
        })
      problems.push(...percentProblems(level.percent, `levels.${index}.percent`, `level ${index + 1}`))
    })
    const total = config.levels.reduce((sum, level) => sum.plus(decimalOrNull(level.percent) ?? 0), new D(0))
    if (total.gt(100))
      problems.push({ path: 'levels', message: `the levels pay ${total.toString()} % of the volume in total, more than all of it` })
    return problems
  },
  calculate(config, input) {
    const level = config.levels[input.level - 1]
    const detail = { 'commissionable volume of the member below': input.base, level: String(input.level), percent: level?.percent ?? '0' }
    if (!level) return { amount: new D(0), detail }
    return { amount: new D(input.base).times(level.percent).div(100), detail }
  },
}
