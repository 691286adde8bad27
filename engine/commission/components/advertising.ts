/**
 * Advertising deduction: every active program's percentage of a participant's proposal commission for the period is
 * taken off, as a negative line of its own (national programs: everyone; territory programs: participants in it).
 */
import { D } from '../../core/decimal'
import type { ComponentModule } from './types'

/** Deducts the active advertising programs' percentages from each participant's proposal commission. */
export type AdvertisingConfig = { kind: 'advertising' }

export type AdvertisingInput = { base: string; percent: string; program: string }

export const advertising: ComponentModule<AdvertisingConfig, AdvertisingInput> = {
  kind: 'advertising',
  label: 'Advertising deduction',
  ownCommission: false,
  validate() {
    return []
  },
  calculate(_config, input) {
    const detail = { program: input.program, percent: input.percent, 'commission of the period': input.base }
    if (!new D(input.base).gt(0)) return { amount: new D(0), detail }
    return { amount: new D(input.base).times(input.percent).div(100).neg(), detail }
  },
}
