import { activationTypeOptions, type ComponentBlock } from './fields'

/** The admin block of the `volume_bonus` component (its slug is the kind). */
export const volumeBonusBlock: ComponentBlock = {
  labels: { singular: 'Volume bonus', plural: 'Volume bonuses' },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'metric',
          type: 'select',
          required: true,
          defaultValue: 'count',
          options: [
            { value: 'count', label: 'Activation count (rate per activation)' },
            { value: 'revenue', label: 'Carrier-paid revenue (rate in %)' },
          ],
        },
        {
          name: 'method',
          type: 'select',
          required: true,
          defaultValue: 'marginal',
          options: [
            { value: 'marginal', label: 'Marginal: each unit at its tier' },
            { value: 'retroactive', label: 'Retroactive: all units at the tier reached' },
          ],
        },
      ],
    },
    {
      name: 'activationTypes',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['new', 'port_in'],
      options: activationTypeOptions,
    },
    {
      name: 'tiers',
      type: 'array',
      admin: { description: 'A tier covers (from, to]. Start at 0, no gaps or overlaps, the last tier open-ended.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'from', type: 'text', required: true },
            { name: 'to', type: 'text', admin: { description: 'Empty: no upper bound.' } },
            { name: 'rate', type: 'text', required: true },
          ],
        },
      ],
    },
  ],
}
