import { percentField, type ComponentBlock } from './fields'

/** The admin block of the `plan_change` component (its slug is the kind). */
export const planChangeBlock: ComponentBlock = {
  labels: { singular: 'Upgrade / downgrade adjustment', plural: 'Upgrade / downgrade adjustments' },
  fields: [percentField('percent', 'Percentage of (new plan rebate − old plan rebate) paid or taken back.')],
}
