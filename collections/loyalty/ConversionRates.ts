import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/core/authenticated'
import { catalogEditors } from '../../access/core/catalogEditors'
import { companyAdmins } from '../../access/core/companyAdmins'
import { unitProblem } from '../../engine/loyalty/types'
import { dateOnlyField } from '../../fields/core/dateOnly'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'

/**
 * Wallet conversion rates, effective-dated: how many `toUnit` one `fromUnit` is worth. A unit is a currency (USD)
 * or a program's points (points:STARS). The rate in force on the day is the latest `validFrom` on or before it; a
 * conversion with no rate in force is refused, never guessed, and each movement records the rate it used.
 */
export const ConversionRates: CollectionConfig = {
  slug: 'conversion-rates',
  lockDocuments: false,
  admin: { group: 'Loyalty', defaultColumns: ['fromUnit', 'toUnit', 'rate', 'validFrom'] },
  access: { read: authenticated, create: catalogEditors, update: catalogEditors, delete: companyAdmins },
  hooks: { afterChange: [auditChange], beforeDelete: [auditDelete] },
  indexes: [{ fields: ['fromUnit', 'toUnit', 'validFrom'], unique: true }],
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'fromUnit',
          type: 'text',
          required: true,
          validate: (value: unknown) => unitProblem(value) ?? true,
          admin: { description: 'USD, or points:STARS.' },
        },
        { name: 'toUnit', type: 'text', required: true, validate: (value: unknown) => unitProblem(value) ?? true },
        {
          name: 'rate',
          type: 'text',
          required: true,
          validate: (value: unknown) =>
            typeof value === 'string' && /^\d{1,12}(\.\d{1,10})?$/.test(value.trim()) && Number(value) > 0
              ? true
              : 'rate: a positive decimal, e.g. 0.01 (one point is worth one cent)',
        },
        dateOnlyField({ name: 'validFrom', required: true }),
      ],
    },
  ],
}
