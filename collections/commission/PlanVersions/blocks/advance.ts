import { percentField, type ComponentBlock } from './fields'

/** The admin block of the `advance` component (its slug is the kind). */
export const advanceBlock: ComponentBlock = {
  labels: { singular: 'Advance', plural: 'Advances' },
  fields: [
    percentField(
      'percent',
      'In an advance period: this percent of the network bonuses earned so far in the cycle, less earlier advances. At the end of the cycle every advance is recovered from the commission.',
    ),
  ],
}
