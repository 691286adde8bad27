/**
 * Upgrade/downgrade adjustment: when a verified sale moves an existing line to another plan, the dealer is paid the
 * difference between the rebates of the new and the old plan (as new activations, from the same version's upfront
 * table), times the plan's percentage. A downgrade usually gives a negative amount.
 */
import { D } from '../../core/decimal'
import { percentProblems } from './percent'
import type { ComponentModule, Evaluation } from './types'
import { describeInput, upfrontRow, type UpfrontConfig } from './upfront'

/** Upgrade/downgrade: (rebate of the new plan − rebate of the old plan) × percent / 100, from the upfront table. */
export type PlanChangeConfig = { kind: 'plan_change'; percent: string }

export type PlanChangeInput = { carrierId: number; oldRatePlanId: number | null; newRatePlanId: number; dealerTier: string | null }

export const planChange: ComponentModule<PlanChangeConfig, PlanChangeInput> = {
  kind: 'plan_change',
  label: 'Upgrade / downgrade adjustment',
  ownCommission: true,
  validate(config) {
    return percentProblems(config.percent, 'percent', 'percentage of the rebate difference')
  },
  calculate(config, input, version): Evaluation {
    const table = version.components.find((c): c is UpfrontConfig => c.kind === 'upfront')
    if (!table) return { amount: new D(0), detail: {}, problem: 'the plan-change component needs an upfront table in the same version' }
    if (input.oldRatePlanId === null) {
      return {
        amount: new D(0),
        detail: { 'previous plan': 'unknown' },
        warning:
          'upgrades/downgrades with no earlier sale of the same number (MDN): previous plan unknown, no adjustment paid (post a note once checked)',
      }
    }
    const at = (ratePlanId: number) => ({
      carrierId: input.carrierId,
      ratePlanId,
      activationType: 'new' as const,
      dealerTier: input.dealerTier,
    })
    const newRow = upfrontRow(table.rows, 'rebate', at(input.newRatePlanId))
    const oldRow = upfrontRow(table.rows, 'rebate', at(input.oldRatePlanId))
    if (!newRow) return { amount: new D(0), detail: {}, problem: `no rebate row applies to ${describeInput(at(input.newRatePlanId))}` }
    if (!oldRow) return { amount: new D(0), detail: {}, problem: `no rebate row applies to ${describeInput(at(input.oldRatePlanId))}` }
    const difference = new D(newRow.amount).minus(oldRow.amount)
    return {
      amount: difference.times(config.percent).div(100),
      detail: {
        'new plan rebate': newRow.amount,
        'old plan rebate': oldRow.amount,
        difference: difference.toString(),
        percent: config.percent,
      },
    }
  },
}
