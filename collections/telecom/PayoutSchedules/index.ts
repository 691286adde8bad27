import type { CollectionConfig } from 'payload'

import { catalogEditors } from '../../../access/core/catalogEditors'
import { companyAdmins } from '../../../access/core/companyAdmins'
import { staff } from '../../../access/core/staff'
import { ACTIVATION_TYPE_LABELS, ACTIVATION_TYPES, PAYOUT_KINDS } from '../../../engine/telecom/vocabulary'
import { dateOnlyField } from '../../../fields/core/dateOnly'
import { moneyField } from '../../../fields/core/money'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { auditDelete } from '../../../hooks/system/audit/auditDelete'
import { guardScheduleVersion } from './hooks/guardScheduleVersion'

/**
 * What a carrier pays the distributor per activation type, plan, feature and spiff. Each document is one version,
 * in force from its effective date until the next approved version's; an approved version is never edited (a
 * change is a new version), so every line priced with it can be traced to exactly what it said.
 */
export const PayoutSchedules: CollectionConfig = {
  slug: 'payout-schedules',
  lockDocuments: false,
  admin: { useAsTitle: 'title', group: 'Settings', defaultColumns: ['title', 'carrier', 'version', 'effectiveFrom', 'status'] },
  access: { read: staff, create: catalogEditors, update: catalogEditors, delete: companyAdmins },
  hooks: { beforeChange: [guardScheduleVersion], afterChange: [auditChange], beforeDelete: [auditDelete] },
  indexes: [{ fields: ['carrier', 'effectiveFrom'], unique: true }],
  fields: [
    { name: 'title', type: 'text', admin: { readOnly: true, description: 'Set from the carrier, version and date.' } },
    { name: 'carrier', type: 'relationship', relationTo: 'carriers', required: true, index: true },
    { name: 'version', type: 'number', admin: { readOnly: true, description: 'Numbered per carrier when created.' } },
    dateOnlyField({
      name: 'effectiveFrom',
      required: true,
      description: 'Sales and activations on or after this day are priced with this version.',
    }),
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      options: [
        { value: 'draft', label: 'Draft' },
        { value: 'approved', label: 'Approved' },
      ],
      admin: { description: 'Only approved versions price lines; an approved version can no longer be edited.' },
    },
    { name: 'approvedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
    { name: 'approvedAt', type: 'date', admin: { readOnly: true } },
    {
      name: 'lines',
      type: 'array',
      required: true,
      minRows: 1,
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          options: PAYOUT_KINDS.map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) })),
        },
        {
          name: 'activationType',
          type: 'select',
          options: ACTIVATION_TYPES.map((value) => ({ value, label: ACTIVATION_TYPE_LABELS[value] })),
          admin: { description: 'Empty: any activation type.' },
        },
        { name: 'ratePlan', type: 'relationship', relationTo: 'rate-plans', admin: { description: 'Empty: any plan of this carrier.' } },
        { name: 'featureCode', type: 'text', admin: { description: 'Feature lines only.' } },
        moneyField({ name: 'amount', required: true }),
      ],
    },
    { name: 'notes', type: 'textarea' },
  ],
}
