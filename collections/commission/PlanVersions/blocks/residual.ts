import { percentField, type ComponentBlock } from './fields'

/** The admin block of the `residual` component (its slug is the kind). */
export const residualBlock: ComponentBlock = {
  labels: { singular: 'Residual', plural: 'Residuals' },
  fields: [
    {
      type: 'row',
      fields: [
        percentField('percent', "Percentage of the plan's monthly recurring charge paid each month."),
        {
          name: 'months',
          type: 'number',
          required: true,
          min: 1,
          max: 120,
          admin: { description: 'For this many months after the activation month.' },
        },
      ],
    },
  ],
}
