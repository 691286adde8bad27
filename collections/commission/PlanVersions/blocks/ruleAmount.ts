import type { ComponentBlock } from './fields'

/** The admin block of the `rule_amount` component (its slug is the kind): the plan names a rule set, the rule set prices. */
export const ruleAmountBlock: ComponentBlock = {
  labels: { singular: 'Rule-based amount', plural: 'Rule-based amounts' },
  fields: [
    {
      name: 'ruleSet',
      type: 'relationship',
      relationTo: 'rule-sets',
      required: true,
      filterOptions: { purpose: { equals: 'commission_amount' } },
      admin: {
        description:
          'A rule set of purpose "Commission amount per verified sale". Each verified sale pays the lines its approved version in force on the first day of the period returns, one line per result, with the result’s label.',
      },
    },
  ],
}
