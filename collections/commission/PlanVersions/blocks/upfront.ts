import { DEALER_TIERS } from '../../../../engine/commission/dealerTiers'
import { UPFRONT_PAYOUTS } from '../../../../engine/commission/components/upfront'
import { moneyField } from '../../../../fields/core/money'
import { capitalized, activationTypeOptions, type ComponentBlock } from './fields'

/** The admin block of the `upfront` component (its slug is the kind). */
export const upfrontBlock: ComponentBlock = {
  labels: { singular: 'Upfront table', plural: 'Upfront tables' },
  fields: [
    {
      name: 'rows',
      type: 'array',
      labels: { singular: 'Row', plural: 'Rows' },
      admin: {
        description: 'Empty conditions mean "any". The most specific row wins: plan, then carrier, then activation type, then tier.',
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'payout',
              type: 'select',
              required: true,
              options: UPFRONT_PAYOUTS.map((value) => ({ value, label: capitalized(value) })),
            },
            { name: 'carrier', type: 'relationship', relationTo: 'carriers' },
            { name: 'ratePlan', type: 'relationship', relationTo: 'rate-plans' },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'activationType', type: 'select', options: activationTypeOptions },
            { name: 'dealerTier', type: 'select', options: DEALER_TIERS.map((value) => ({ value, label: capitalized(value) })) },
            { name: 'featureCode', type: 'text', admin: { description: 'Feature rows only.' } },
            moneyField({ name: 'amount', required: true }),
          ],
        },
      ],
    },
  ],
}
