import type { ComponentBlock } from './fields'

/** The admin block of the `network_bonus` component (its slug is the kind). */
export const networkBonusBlock: ComponentBlock = {
  labels: { singular: 'Network bonus (rule)', plural: 'Network bonuses' },
  fields: [
    {
      name: 'ruleSet',
      type: 'relationship',
      relationTo: 'rule-sets',
      required: true,
      filterOptions: { purpose: { equals: 'network_bonus' } },
      admin: {
        description:
          'A rule set of purpose "Network bonus". Each member’s KPIs and paid rank go to its approved version in force on the cycle’s first day; money results are lines, points, prizes and badges are awards.',
      },
    },
  ],
}
