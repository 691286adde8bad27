import type { Field } from 'payload'

import { ACTIVATION_TYPE_LABELS, ACTIVATION_TYPES } from '../../engine/telecom/vocabulary'

/** The fields a dealer sale and a carrier record share: how the line was sold, its keys, plan and features. */
export const lineFields: Field[] = [
  { name: 'carrier', type: 'relationship', relationTo: 'carriers', required: true },
  {
    name: 'activationType',
    type: 'select',
    required: true,
    options: ACTIVATION_TYPES.map((value) => ({ value, label: ACTIVATION_TYPE_LABELS[value] })),
  },
  { name: 'mdn', label: 'MDN', type: 'text', index: true },
  { name: 'iccid', label: 'ICCID', type: 'text', index: true },
  { name: 'imei', label: 'IMEI', type: 'text', index: true },
  { name: 'ratePlan', type: 'relationship', relationTo: 'rate-plans', required: true },
  { name: 'features', type: 'text', admin: { description: 'Feature codes, sorted and comma-separated.' } },
  { name: 'customerAccount', type: 'text' },
]

export { provenanceFields } from '../core/provenance'
