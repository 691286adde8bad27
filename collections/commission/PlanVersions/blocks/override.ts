import { percentField, type ComponentBlock } from './fields'

/** The admin block of the `override` component (its slug is the kind). */
export const overrideBlock: ComponentBlock = {
  labels: { singular: 'Override', plural: 'Overrides' },
  fields: [
    {
      name: 'compress',
      type: 'checkbox',
      defaultValue: true,
      admin: { description: 'Skip inactive ancestors: their level passes to the next active one.' },
    },
    {
      name: 'levels',
      type: 'array',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'level', type: 'number', required: true, min: 1 },
            percentField('percent', 'Percentage of the own commission of the participant below.'),
          ],
        },
      ],
    },
  ],
}
