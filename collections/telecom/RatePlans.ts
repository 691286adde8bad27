import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/core/authenticated'
import { catalogEditors } from '../../access/core/catalogEditors'
import { companyAdmins } from '../../access/core/companyAdmins'
import { RATE_PLAN_CATEGORIES } from '../../engine/telecom/vocabulary'
import { moneyField } from '../../fields/core/money'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'

/** A carrier's rate plan: what the customer pays each month and the features it can carry. */
export const RatePlans: CollectionConfig = {
  slug: 'rate-plans',
  lockDocuments: false,
  admin: {
    useAsTitle: 'name',
    group: 'Settings',
    defaultColumns: ['carrier', 'code', 'name', 'category', 'monthlyCharge', 'active'],
  },
  access: { read: authenticated, create: catalogEditors, update: catalogEditors, delete: companyAdmins },
  hooks: { afterChange: [auditChange], beforeDelete: [auditDelete] },
  indexes: [{ fields: ['carrier', 'code'], unique: true }],
  fields: [
    { name: 'carrier', type: 'relationship', relationTo: 'carriers', required: true, index: true },
    {
      name: 'code',
      type: 'text',
      required: true,
      admin: { description: "The carrier's plan code, as it appears in files. Unique per carrier." },
    },
    { name: 'name', type: 'text', required: true },
    {
      name: 'category',
      type: 'select',
      required: true,
      defaultValue: 'postpaid',
      options: RATE_PLAN_CATEGORIES.map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) })),
    },
    moneyField({
      name: 'monthlyCharge',
      label: 'Monthly recurring charge',
      required: true,
      description: 'What the customer pays per month, before taxes.',
    }),
    {
      name: 'features',
      type: 'array',
      admin: { description: 'Add-on features sold with this plan.' },
      fields: [
        { name: 'code', type: 'text', required: true },
        { name: 'name', type: 'text', required: true },
        moneyField({ name: 'monthlyCharge', label: 'Monthly charge', required: true }),
      ],
    },
    { name: 'active', type: 'checkbox', defaultValue: true },
  ],
}
