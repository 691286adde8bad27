import type { CollectionConfig } from 'payload'

import { catalogEditors } from '../../access/core/catalogEditors'
import { companyAdmins } from '../../access/core/companyAdmins'
import { staff } from '../../access/core/staff'
import { isCurrencyCode } from '../../engine/core/money'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'

/**
 * A compensation plan: what the company pays its dealers and the network above them. What it pays is in its
 * versions (`plan-versions`), each effective-dated and approved before a run may use it.
 */
export const CompensationPlans: CollectionConfig = {
  slug: 'compensation-plans',
  lockDocuments: false,
  admin: { useAsTitle: 'name', group: 'Settings', defaultColumns: ['name', 'currency', 'active'] },
  access: { read: staff, create: catalogEditors, update: catalogEditors, delete: companyAdmins },
  hooks: { afterChange: [auditChange], beforeDelete: [auditDelete] },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    {
      name: 'currency',
      type: 'text',
      required: true,
      defaultValue: 'USD',
      admin: {
        description:
          'ISO 4217 code every amount of the plan is in. Lines, statements and payments are rounded to its minor unit (JPY 1, USD 0.01, BHD 0.001).',
      },
      validate: (value: unknown) =>
        isCurrencyCode(value)
          ? true
          : `currency: ${JSON.stringify(value ?? '')} is not an ISO 4217 currency code (three capital letters, e.g. USD, JPY, BHD)`,
    },
    { name: 'active', type: 'checkbox', defaultValue: true },
    { name: 'description', type: 'textarea' },
    {
      name: 'versions',
      type: 'join',
      collection: 'plan-versions',
      on: 'plan',
      admin: { defaultColumns: ['title', 'effectiveFrom', 'status'] },
    },
  ],
}
