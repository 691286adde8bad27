import { percentField, type ComponentBlock } from './fields'

/** The admin block of the `chargeback` component (its slug is the kind). */
export const chargebackBlock: ComponentBlock = {
  labels: { singular: 'Chargeback', plural: 'Chargebacks' },
  fields: [
    {
      type: 'row',
      fields: [
        percentField('percent', 'Percentage of the upfront payout taken back.'),
        {
          name: 'windowDays',
          type: 'number',
          min: 0,
          max: 730,
          admin: { description: "Days from activation. Empty: the carrier's chargeback window." },
        },
      ],
    },
  ],
}
