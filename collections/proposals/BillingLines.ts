import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { staff } from '../../access/core/staff'
import { dateOnlyField } from '../../fields/core/dateOnly'
import { moneyField } from '../../fields/core/money'
import { provenanceFields } from '../../fields/telecom/lineFields'
import { CHARGE_FREQUENCIES, CHARGE_FREQUENCY_LABELS } from '../../engine/proposals/billing'

/**
 * What the company's billing engine charged its clients, imported through the import machinery (source "Billing"):
 * per client, service and charge date, with the commissionable and non-commissionable parts. Weekly and biweekly
 * charges count in the month of their charge date. Written by imports only.
 */
export const BillingLines: CollectionConfig = {
  slug: 'billing-lines',
  lockDocuments: false,
  admin: { group: 'Proposals', defaultColumns: ['chargedOn', 'client', 'service', 'frequency', 'charged', 'commissionable'] },
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['client', 'chargedOn'] }],
  fields: [
    { name: 'client', type: 'relationship', relationTo: 'prospects', required: true },
    { name: 'service', type: 'relationship', relationTo: 'services', required: true },
    dateOnlyField({ name: 'chargedOn', required: true }),
    {
      name: 'frequency',
      type: 'select',
      required: true,
      options: CHARGE_FREQUENCIES.map((value) => ({ value, label: CHARGE_FREQUENCY_LABELS[value] })),
    },
    moneyField({ name: 'charged', required: true }),
    moneyField({ name: 'commissionable', required: true }),
    moneyField({ name: 'nonCommissionable', required: true }),
    ...provenanceFields,
  ],
}
