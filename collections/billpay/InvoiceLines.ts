import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { staff } from '../../access/core/staff'
import { moneyField } from '../../fields/core/money'

/**
 * One charge of a carrier invoice, as read (and, where a reviewer corrected it, as corrected: the event log keeps the
 * before and after). Written in bulk by the parser; `box` is where it sits on its PDF page, for highlighting.
 */
export const InvoiceLines: CollectionConfig = {
  slug: 'invoice-lines',
  lockDocuments: false,
  admin: {
    group: 'Bill payment',
    defaultColumns: ['invoice', 'lineNo', 'serviceId', 'description', 'chargeType', 'amount', 'glCode', 'costCentre'],
  },
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['invoice', 'lineNo'], unique: true }],
  fields: [
    { name: 'invoice', type: 'relationship', relationTo: 'carrier-invoices', required: true },
    { name: 'lineNo', type: 'number', required: true },
    { name: 'serviceId', type: 'text', index: true },
    { name: 'description', type: 'text' },
    { name: 'chargeType', type: 'text' },
    moneyField({ name: 'amount', required: true }),
    { name: 'page', type: 'number' },
    { name: 'box', type: 'json' },
    { name: 'glCode', type: 'text', admin: { description: 'Set by a reviewer: overrides the GL rules for this line.' } },
    { name: 'costCentre', type: 'text', admin: { description: 'Set by a reviewer: overrides the inventory for this line.' } },
    { name: 'corrected', type: 'checkbox', defaultValue: false },
  ],
}
