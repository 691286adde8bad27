import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/core/nobody'
import { readOwnSubtree } from '../../../access/core/subtree'
import { moneyField } from '../../../fields/core/money'
import { ledgerEndpoint } from './endpoints/ledger'

/**
 * One payment to one payee in one batch: the sum of the lines it pays (recorded in `payment_items`, one row per
 * line, unique by line, which is what makes paying exactly-once). Written by the payment step only.
 */
export const Payments: CollectionConfig = {
  slug: 'payments',
  lockDocuments: false,
  admin: { group: 'Pay', defaultColumns: ['batch', 'payee', 'amount', 'status', 'paidAt'] },
  access: { read: readOwnSubtree('payee.path'), create: nobody, update: nobody, delete: nobody },
  endpoints: [ledgerEndpoint],
  indexes: [{ fields: ['batch', 'payee'], unique: true }],
  fields: [
    { name: 'batch', type: 'relationship', relationTo: 'payment-batches', required: true },
    { name: 'payee', type: 'relationship', relationTo: 'participants', required: true, index: true },
    moneyField({ name: 'amount', required: true }),
    { name: 'currency', type: 'text', required: true },
    { name: 'lineCount', type: 'number' },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      options: [
        { value: 'pending', label: 'Pending (in a bank file)' },
        { value: 'paid', label: 'Paid' },
      ],
    },
    { name: 'paidAt', type: 'date' },
  ],
}
