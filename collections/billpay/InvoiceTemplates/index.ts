import type { CollectionConfig } from 'payload'

import { companyAdmins } from '../../../access/core/companyAdmins'
import { jobOperators } from '../../../access/core/operationsStaff'
import { staff } from '../../../access/core/staff'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { auditDelete } from '../../../hooks/system/audit/auditDelete'
import { checkTemplate } from './hooks/checkTemplate'

/**
 * A carrier's PDF invoice layout as data, the way invoice2data does it: the keywords that recognise it, a pattern per
 * header figure, where the table of charges starts and ends, the pattern of a charge row and the lines to skip. When a
 * carrier redesigns its invoice, an admin edits the template; no code changes. Every change is audited.
 */
export const InvoiceTemplates: CollectionConfig = {
  slug: 'invoice-templates',
  lockDocuments: false,
  admin: { useAsTitle: 'name', group: 'Bill payment', defaultColumns: ['name', 'carrier', 'enabled', 'updatedAt'] },
  access: { read: staff, create: jobOperators, update: jobOperators, delete: companyAdmins },
  hooks: { beforeChange: [checkTemplate], afterChange: [auditChange], beforeDelete: [auditDelete] },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    { name: 'carrier', type: 'relationship', relationTo: 'carriers', required: true },
    { name: 'enabled', type: 'checkbox', defaultValue: true },
    {
      name: 'definition',
      type: 'json',
      required: true,
      admin: {
        description:
          'keywords, fields (one regular expression with one capture group per header figure), dateFormat, amounts, lines (start, end, row with named groups serviceId/description/chargeType/amount, skip). See the README, "Invoice layout templates".',
      },
    },
  ],
}
