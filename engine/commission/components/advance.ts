/**
 * Advances: in an advance cycle (the second calendar, e.g. fortnights) a member is paid a percent of the network
 * bonuses it has earned so far in the commercial cycle, less what earlier advances of that cycle paid; the end-of-cycle
 * run recovers every advance of the cycle from the final commission. An advance larger than the final commission
 * leaves a negative balance, which the ledger carries forward.
 */
import { D } from '../../core/decimal'
import { percentProblems } from './percent'
import type { ComponentModule } from './types'

export type AdvanceConfig = { kind: 'advance'; percent: string }

/** `pay`: an advance period's advance; `recover`: the cycle's advances taken back at its end. */
export type AdvanceInput = { mode: 'pay'; earned: string; already: string } | { mode: 'recover'; advanced: string }

export const advance: ComponentModule<AdvanceConfig, AdvanceInput> = {
  kind: 'advance',
  label: 'Advance',
  ownCommission: false,
  validate(config) {
    return percentProblems(config.percent, 'percent', 'advance percent')
  },
  calculate(config, input) {
    if (input.mode === 'recover') {
      const detail: Record<string, string> = { 'advances paid in the cycle': input.advanced }
      return { amount: new D(input.advanced).negated(), detail }
    }
    const due = new D(input.earned).times(config.percent).div(100).minus(input.already)
    return {
      amount: D.max(due, 0),
      detail: { 'bonuses earned so far': input.earned, percent: config.percent, 'advanced before': input.already },
    }
  },
}
