/**
 * Proposal commission: each member of an accepted proposal's chain is paid, per billing line of the month, what the
 * commission rule between it and its parent says (percentage of the commissionable part, or a fixed amount per
 * month). The rule is chosen by `engine/proposals/rules.ts` (proposal > territory > relationship > default).
 */
import { D } from '../../core/decimal'
import type { CommissionRule } from '../../proposals'
import type { ComponentModule } from './types'

/** Pays each member of an accepted proposal's chain by the commission rule between it and its parent. */
export type ProposalCommissionConfig = { kind: 'proposal_commission' }

export type ProposalCommissionInput = { rule: Pick<CommissionRule, 'id' | 'scope' | 'kind' | 'rate'>; commissionable: string }

export const proposalCommission: ComponentModule<ProposalCommissionConfig, ProposalCommissionInput> = {
  kind: 'proposal_commission',
  label: 'Proposal commission',
  ownCommission: false,
  validate() {
    return []
  },
  calculate(_config, input) {
    const detail = {
      rule: `#${input.rule.id} (${input.rule.scope})`,
      kind: input.rule.kind,
      rate: input.rule.rate,
      commissionable: input.commissionable,
    }
    const amount = input.rule.kind === 'fixed' ? new D(input.rule.rate) : new D(input.commissionable).times(input.rule.rate).div(100)
    return { amount, detail }
  },
}
