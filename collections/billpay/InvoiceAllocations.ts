import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { staff } from '../../access/core/staff'
import { dateOnlyField } from '../../fields/core/dateOnly'
import { moneyField } from '../../fields/core/money'

/**
 * Where an invoice's money is booked: each charge (and the taxes) on a GL code and cost centre, the parts of a shared
 * charge summing exactly to it. `ruleVersion` is the GL rule version that decided the code (null: a reviewer did).
 */
export const InvoiceAllocations: CollectionConfig = {
  slug: 'invoice-allocations',
  lockDocuments: false,
  admin: { group: 'Bill payment', defaultColumns: ['invoice', 'lineNo', 'glCode', 'costCentre', 'percent', 'amount'] },
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['month', 'glCode'] }],
  fields: [
    { name: 'invoice', type: 'relationship', relationTo: 'carrier-invoices', required: true, index: true },
    { name: 'line', type: 'relationship', relationTo: 'invoice-lines' },
    { name: 'lineNo', type: 'number', admin: { description: 'Empty for the taxes.' } },
    { name: 'glCode', type: 'text', required: true },
    { name: 'costCentre', type: 'text', required: true },
    { name: 'percent', type: 'text', required: true },
    moneyField({ name: 'amount', required: true }),
    { name: 'currency', type: 'text', required: true },
    dateOnlyField({ name: 'month', required: true, description: 'The first day of the statement month.' }),
    { name: 'ruleVersion', type: 'relationship', relationTo: 'rule-versions' },
  ],
}
