import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/core/nobody'
import { readOwnSubtree } from '../../../access/core/subtree'
import { dateOnlyField } from '../../../fields/core/dateOnly'
import { moneyField } from '../../../fields/core/money'
import { provenanceFields } from '../../../fields/core/provenance'
import { importOrders } from './endpoints/importOrders'

/**
 * Order and return lines of consultants and of their customers. Written in bulk by imports and the orders endpoint
 * (which make the checks a hook would); each line keeps the qualifying and commissionable volume it was given when it
 * came in, and the rule version that derived them. A return carries negative volumes, booked in the cycle of its
 * own date, and names the order line it returns.
 */
export const NetworkOrders: CollectionConfig = {
  slug: 'network-orders',
  lockDocuments: false,
  admin: {
    group: 'Network',
    useAsTitle: 'orderNumber',
    defaultColumns: [
      'bookedOn',
      'orderNumber',
      'line',
      'kind',
      'consultant',
      'product',
      'quantity',
      'qualifyingVolume',
      'commissionableVolume',
    ],
    listSearchableFields: ['orderNumber', 'customer'],
  },
  access: { read: readOwnSubtree('consultant.path'), create: nobody, update: nobody, delete: nobody },
  endpoints: [importOrders],
  indexes: [{ fields: ['bookedOn', 'consultant'] }, { fields: ['orderNumber', 'line'] }],
  fields: [
    { name: 'orderNumber', type: 'text', required: true },
    { name: 'line', type: 'number', required: true },
    { name: 'kind', type: 'select', required: true, options: ['order', 'return'] },
    dateOnlyField({ name: 'bookedOn', required: true }),
    {
      name: 'consultant',
      type: 'relationship',
      relationTo: 'participants',
      required: true,
      index: true,
      admin: { description: 'Whose personal volume the line is.' },
    },
    {
      name: 'customer',
      type: 'text',
      admin: { description: 'The customer who bought through the consultant, when it was a customer order.' },
    },
    { name: 'product', type: 'relationship', relationTo: 'products', required: true },
    { name: 'quantity', type: 'number', required: true },
    { name: 'currency', type: 'text', required: true },
    moneyField({ name: 'unitPrice', required: true, description: 'The price charged per unit, before VAT.' }),
    moneyField({ name: 'discount', defaultValue: '0', description: 'The discount on the line, before VAT.' }),
    moneyField({ name: 'amount', required: true, description: 'The line total charged, VAT included, discount deducted.' }),
    moneyField({ name: 'qualifyingVolume', required: true }),
    moneyField({ name: 'commissionableVolume', required: true }),
    { name: 'returnOf', type: 'relationship', relationTo: 'network-orders', admin: { description: 'Returns: the order line returned.' } },
    {
      name: 'volumeRuleVersion',
      type: 'relationship',
      relationTo: 'rule-versions',
      admin: { description: 'The rule version that derived the volumes, when a rule did.' },
    },
    ...provenanceFields,
  ],
}
