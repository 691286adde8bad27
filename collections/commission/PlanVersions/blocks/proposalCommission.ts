import type { ComponentBlock } from './fields'

/** The admin block of the `proposal_commission` component (its slug is the kind). */
export const proposalCommissionBlock: ComponentBlock = {
  labels: { singular: 'Proposal commission', plural: 'Proposal commissions' },
  fields: [
    {
      name: 'notes',
      type: 'textarea',
      admin: { description: 'Pays accepted proposals by the commission rules (Proposals → Commission rules).' },
    },
  ],
}
