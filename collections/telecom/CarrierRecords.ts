import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { staff } from '../../access/core/staff'
import { LINE_STATUSES } from '../../engine/telecom/vocabulary'
import { dateOnlyField } from '../../fields/core/dateOnly'
import { moneyField } from '../../fields/core/money'
import { lineFields, provenanceFields } from '../../fields/telecom/lineFields'

/**
 * What a carrier reports: its activations, the line's state, and what it paid the distributor. Written in bulk by
 * imports and the portal scraper; read by staff only (carrier payouts are confidential to the operating company).
 */
export const CarrierRecords: CollectionConfig = {
  slug: 'carrier-records',
  lockDocuments: false,
  admin: {
    group: 'Data in',
    useAsTitle: 'naturalKey',
    defaultColumns: ['activationDate', 'carrier', 'activationType', 'mdn', 'iccid', 'ratePlan', 'lineStatus', 'paidTotal'],
    listSearchableFields: ['mdn', 'iccid', 'imei', 'customerAccount'],
  },
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['carrier', 'activationDate'] }],
  fields: [
    dateOnlyField({ name: 'activationDate', required: true }),
    ...lineFields,
    {
      name: 'dealer',
      type: 'relationship',
      relationTo: 'participants',
      admin: { description: 'The dealer the carrier credits, when its file says.' },
    },
    {
      name: 'lineStatus',
      type: 'select',
      required: true,
      defaultValue: 'active',
      options: LINE_STATUSES.map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) })),
    },
    dateOnlyField({ name: 'deactivationDate' }),
    moneyField({ name: 'paidActivation', defaultValue: '0.0000' }),
    moneyField({ name: 'paidFeatures', defaultValue: '0.0000' }),
    moneyField({ name: 'paidSpiff', defaultValue: '0.0000' }),
    moneyField({ name: 'paidTotal', description: 'Activation + features + spiff.', defaultValue: '0.0000' }),
    ...provenanceFields,
  ],
}
