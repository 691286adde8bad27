import type { CollectionConfig } from 'payload'

import { catalogEditors } from '../../access/core/catalogEditors'
import { companyAdmins } from '../../access/core/companyAdmins'
import { authenticated } from '../../access/core/authenticated'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'

/**
 * The career plan's ranks (qualification titles), climbed in `order`. Rank rules (a rule set of purpose "Rank
 * qualification") return a rank code; the paid rank decides the differential rate and the price list.
 */
export const Ranks: CollectionConfig = {
  slug: 'ranks',
  lockDocuments: false,
  admin: { useAsTitle: 'name', group: 'Settings', defaultColumns: ['order', 'code', 'name', 'priceList'] },
  access: { read: authenticated, create: catalogEditors, update: catalogEditors, delete: companyAdmins },
  hooks: { afterChange: [auditChange], beforeDelete: [auditDelete] },
  defaultSort: 'order',
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'code',
          type: 'text',
          required: true,
          unique: true,
          validate: (value: unknown) =>
            typeof value === 'string' && /^[A-Za-z][A-Za-z0-9_-]{0,31}$/.test(value)
              ? true
              : 'code: letters, digits, "_" or "-", starting with a letter (e.g. GOLD)',
        },
        { name: 'name', type: 'text', required: true },
        {
          name: 'order',
          type: 'number',
          required: true,
          unique: true,
          min: 1,
          admin: { description: 'Position in the career plan: 1 is the first rank; higher is better.' },
        },
      ],
    },
    { name: 'description', type: 'textarea' },
    { name: 'priceList', type: 'text', admin: { description: 'The price list members of this rank buy at.' } },
  ],
}
