/**
 * Differential (stair-step) with breakaway: every rank has a rate. A member earns its own rate on its own
 * commissionable volume; walking up, each qualifying upline earns the difference between its rate and the highest rate
 * already paid on that volume. Once the walk passes a member at the breakaway rank, differentials stop and the next
 * upline at that rank earns the breakaway percent (one generation). Who earns which rate is
 * `engine/multilevel/bonuses.ts`; this prices one (volume, rate).
 */
import { D, decimalOrNull } from '../../core/decimal'
import { percentProblems } from './percent'
import type { ComponentModule, ComponentProblem } from './types'

export type DifferentialComponentConfig = {
  kind: 'differential'
  rates: { rank: string; percent: string }[]
  breakawayRank: string | null
  breakawayPercent: string | null
}

/** One share: the volume it is on, the percent earned, and what kind of share it is. */
export type DifferentialInput = { base: string; percent: string; share: 'personal' | 'differential' | 'breakaway' }

const SHARE_LABELS: Record<DifferentialInput['share'], string> = {
  personal: 'own rate on own volume',
  differential: 'difference over the rate already paid below',
  breakaway: 'breakaway: generation over a leader at the breakaway rank',
}

export const differential: ComponentModule<DifferentialComponentConfig, DifferentialInput> = {
  kind: 'differential',
  label: 'Differential (stair-step)',
  ownCommission: false,
  validate(config) {
    const problems: ComponentProblem[] = []
    if (config.rates.length === 0) problems.push({ path: 'rates', message: 'give the rate of at least one rank' })
    const seen = new Set<string>()
    config.rates.forEach((rate, index) => {
      if (!rate.rank) problems.push({ path: `rates.${index}.rank`, message: 'choose the rank' })
      else if (seen.has(rate.rank)) problems.push({ path: `rates.${index}.rank`, message: `rank ${rate.rank} has a rate already` })
      seen.add(rate.rank)
      problems.push(...percentProblems(rate.percent, `rates.${index}.percent`, `rate of ${rate.rank || `row ${index + 1}`}`))
    })
    if (config.breakawayRank && decimalOrNull(config.breakawayPercent ?? '') === null)
      problems.push({ path: 'breakawayPercent', message: 'a breakaway rank needs the breakaway percent' })
    if (config.breakawayPercent && !config.breakawayRank)
      problems.push({ path: 'breakawayRank', message: 'choose the rank at which a leader breaks away' })
    if (config.breakawayPercent) problems.push(...percentProblems(config.breakawayPercent, 'breakawayPercent', 'breakaway percent'))
    return problems
  },
  calculate(_config, input) {
    return {
      amount: new D(input.base).times(input.percent).div(100),
      detail: { 'commissionable volume': input.base, percent: input.percent, share: SHARE_LABELS[input.share] },
    }
  },
}
