import { percentField, type ComponentBlock } from './fields'

/** The admin block of the `differential` component (its slug is the kind). */
export const differentialBlock: ComponentBlock = {
  labels: { singular: 'Differential (stair-step)', plural: 'Differentials' },
  fields: [
    {
      name: 'rates',
      type: 'array',
      admin: { description: 'The rate of each rank, rising with the rank. A member without a rank has no rate.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'rank', type: 'text', required: true, admin: { description: 'Rank code, e.g. GOLD.' } },
            percentField('percent', 'Percent of commissionable volume this rank earns.'),
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'breakawayRank',
          type: 'text',
          admin: { description: 'Leaders of this rank or above break away: the upline stops earning differentials on them.' },
        },
        {
          name: 'breakawayPercent',
          type: 'text',
          admin: { description: 'What the next upline leader at that rank earns on a breakaway group’s volume.' },
        },
      ],
    },
  ],
}
