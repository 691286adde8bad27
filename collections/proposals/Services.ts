import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/core/authenticated'
import { catalogEditors } from '../../access/core/catalogEditors'
import { companyAdmins } from '../../access/core/companyAdmins'
import { moneyField } from '../../fields/core/money'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { CHARGE_FREQUENCIES, CHARGE_FREQUENCY_LABELS } from '../../engine/proposals/billing'

/** The service catalog proposals are made of: what the company sells, its price, how often it bills, whether it pays commission. */
export const Services: CollectionConfig = {
  slug: 'services',
  lockDocuments: false,
  admin: {
    useAsTitle: 'name',
    group: 'Settings',
    defaultColumns: ['code', 'name', 'price', 'billingFrequency', 'commissionable', 'active'],
  },
  access: { read: authenticated, create: catalogEditors, update: catalogEditors, delete: companyAdmins },
  hooks: { afterChange: [auditChange] },
  fields: [
    { name: 'code', type: 'text', required: true, unique: true },
    { name: 'name', type: 'text', required: true },
    moneyField({ name: 'price', required: true, description: 'Price per billing period.' }),
    { name: 'currency', type: 'text', required: true, defaultValue: 'USD' },
    {
      name: 'billingFrequency',
      type: 'select',
      required: true,
      defaultValue: 'monthly',
      options: CHARGE_FREQUENCIES.map((value) => ({ value, label: CHARGE_FREQUENCY_LABELS[value] })),
    },
    { name: 'commissionable', type: 'checkbox', defaultValue: true },
    { name: 'active', type: 'checkbox', defaultValue: true },
  ],
}
