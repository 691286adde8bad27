/**
 * Residual: for each of the `months` calendar months after the activation month in which the line is still active
 * at the end of the month, the dealer earns `percent` of the plan's monthly recurring charge.
 */
import { D } from '../../core/decimal'
import { percentProblems } from './percent'
import type { ComponentModule } from './types'

/** percent of the plan's monthly recurring charge for each of months 1..months after the activation month. */
export type ResidualConfig = { kind: 'residual'; percent: string; months: number }

export type ResidualInput = { monthlyCharge: string; monthIndex: number }

export const residual: ComponentModule<ResidualConfig, ResidualInput> = {
  kind: 'residual',
  label: 'Residual',
  ownCommission: true,
  validate(config) {
    const problems = percentProblems(config.percent, 'percent', 'residual percentage')
    if (!Number.isInteger(config.months) || config.months < 1 || config.months > 120)
      problems.push({ path: 'months', message: `residual months must be a whole number from 1 to 120 (${config.months})` })
    return problems
  },
  calculate(config, input) {
    const detail = { 'monthly charge': input.monthlyCharge, month: `${input.monthIndex} of ${config.months}`, percent: config.percent }
    if (input.monthIndex < 1 || input.monthIndex > config.months) return { amount: new D(0), detail }
    return { amount: new D(input.monthlyCharge).times(config.percent).div(100), detail }
  },
}
