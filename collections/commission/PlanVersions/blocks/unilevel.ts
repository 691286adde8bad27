import { percentField, type ComponentBlock } from './fields'

/** The admin block of the `unilevel` component (its slug is the kind). */
export const unilevelBlock: ComponentBlock = {
  labels: { singular: 'Unilevel', plural: 'Unilevels' },
  fields: [
    {
      name: 'compress',
      type: 'checkbox',
      defaultValue: true,
      admin: { description: 'Pass over upline members who do not qualify this cycle: their level goes to the next one who does.' },
    },
    {
      name: 'levels',
      type: 'array',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'level', type: 'number', required: true, min: 1 },
            percentField('percent', 'Percent of the commissionable volume (VC) of the member this many levels below.'),
          ],
        },
      ],
    },
  ],
}
