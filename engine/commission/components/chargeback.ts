/**
 * Chargeback: when a line that was paid upfront deactivates within the window (days from activation), `percent` of
 * that upfront payout is taken back, in the first open period after the deactivation is known.
 */
import { D } from '../../core/decimal'
import { percentProblems } from './percent'
import type { ComponentModule } from './types'

/** Takes back percent of the upfront paid when the line deactivates within windowDays (null: the carrier's window). */
export type ChargebackConfig = { kind: 'chargeback'; percent: string; windowDays: number | null }

export type ChargebackInput = { upfrontPaid: string; daysActive: number; carrierWindowDays: number }

export function windowOf(config: ChargebackConfig, carrierWindowDays: number): number {
  return config.windowDays ?? carrierWindowDays
}

export const chargeback: ComponentModule<ChargebackConfig, ChargebackInput> = {
  kind: 'chargeback',
  label: 'Chargeback',
  ownCommission: true,
  validate(config) {
    const problems = percentProblems(config.percent, 'percent', 'chargeback percentage')
    if (config.windowDays !== null && (!Number.isInteger(config.windowDays) || config.windowDays < 0 || config.windowDays > 730)) {
      problems.push({
        path: 'windowDays',
        message: `the window is a whole number of days from 0 to 730, or empty for the carrier's window (${config.windowDays})`,
      })
    }
    return problems
  },
  calculate(config, input) {
    const window = windowOf(config, input.carrierWindowDays)
    const detail = {
      'upfront paid': input.upfrontPaid,
      'days active': String(input.daysActive),
      'window (days)': String(window),
      percent: config.percent,
    }
    if (input.daysActive > window) return { amount: new D(0), detail }
    return { amount: new D(input.upfrontPaid).times(config.percent).div(100).neg(), detail }
  },
}
