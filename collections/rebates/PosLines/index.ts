import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/core/nobody'
import { readOwnSubtree } from '../../../access/core/subtree'
import { dateOnlyField } from '../../../fields/core/dateOnly'
import { moneyField } from '../../../fields/core/money'
import { provenanceFields } from '../../../fields/core/provenance'
import { importPosLines } from './endpoints/importPosLines'

/**
 * Point-of-sale (sell-through) lines: what a distributor or reseller sold to whom, line by line, as its invoices say.
 * Written by imports (files, the drop folder) and the POS endpoint, which share one reader and writer; the natural key
 * (partner, invoice, line) makes a line sent twice the same line. Each line accrues what the published programs owe
 * on it as it arrives.
 */
export const PosLines: CollectionConfig = {
  slug: 'pos-lines',
  lockDocuments: false,
  admin: {
    group: 'Rebates',
    useAsTitle: 'invoiceNumber',
    defaultColumns: ['soldOn', 'partner', 'invoiceNumber', 'invoiceLine', 'endCustomer', 'product', 'quantity', 'unitPrice'],
    listSearchableFields: ['invoiceNumber', 'endCustomer', 'dealNumber'],
  },
  access: { read: readOwnSubtree('partner.path'), create: nobody, update: nobody, delete: nobody },
  endpoints: [importPosLines],
  indexes: [{ fields: ['partner', 'soldOn'] }],
  fields: [
    { name: 'partner', type: 'relationship', relationTo: 'participants', required: true, index: true },
    { name: 'invoiceNumber', type: 'text', required: true },
    { name: 'invoiceLine', type: 'number', required: true },
    dateOnlyField({ name: 'soldOn', required: true, index: true }),
    { name: 'endCustomer', type: 'text', required: true },
    { name: 'product', type: 'relationship', relationTo: 'products', required: true, index: true },
    { name: 'quantity', type: 'number', required: true },
    { name: 'currency', type: 'text', required: true },
    moneyField({ name: 'unitPrice', required: true, description: 'What the end customer paid per unit.' }),
    moneyField({ name: 'unitCost', description: 'What the partner paid per unit, when the file says.' }),
    { name: 'region', type: 'relationship', relationTo: 'territories', admin: { description: 'Ship-to territory; else the partner’s.' } },
    { name: 'dealNumber', type: 'text', index: true, admin: { description: 'The registered deal the sale was made under.' } },
    ...provenanceFields,
  ],
}
