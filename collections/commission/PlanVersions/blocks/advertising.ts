import type { ComponentBlock } from './fields'

/** The admin block of the `advertising` component (its slug is the kind). */
export const advertisingBlock: ComponentBlock = {
  labels: { singular: 'Advertising deduction', plural: 'Advertising deductions' },
  fields: [
    {
      name: 'notes',
      type: 'textarea',
      admin: { description: 'Deducts the active advertising programs (Proposals → Advertising programs).' },
    },
  ],
}
