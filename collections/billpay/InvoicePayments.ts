import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { staff } from '../../access/core/staff'
import { moneyField } from '../../fields/core/money'

/**
 * A payment of one invoice. Its idempotency key is the invoice's, so a retry, a second worker or a recovery after a
 * crash asks the provider for the same payment instead of making another; the database allows one live payment per
 * invoice (submitted, unknown or confirmed). Confirmed payments are exported to the ERP as vouchers.
 */
export const InvoicePayments: CollectionConfig = {
  slug: 'invoice-payments',
  lockDocuments: false,
  admin: { group: 'Bill payment', defaultColumns: ['invoice', 'amount', 'currency', 'method', 'status', 'confirmation', 'submittedAt'] },
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'invoice', type: 'relationship', relationTo: 'carrier-invoices', required: true, index: true },
    moneyField({ name: 'amount', required: true }),
    { name: 'currency', type: 'text', required: true },
    {
      name: 'method',
      type: 'select',
      required: true,
      options: [
        { value: 'provider', label: 'Payment provider' },
        { value: 'bank_file', label: 'Bank file (NACHA CCD)' },
      ],
    },
    { name: 'idempotencyKey', type: 'text', required: true, unique: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      options: [
        { value: 'submitted', label: 'Submitted (outcome not yet known)' },
        { value: 'confirmed', label: 'Confirmed' },
        { value: 'failed', label: 'Failed (nothing was paid)' },
      ],
    },
    { name: 'providerPaymentId', type: 'text' },
    { name: 'confirmation', type: 'text' },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'lastError', type: 'textarea' },
    { name: 'worker', type: 'text' },
    { name: 'submittedAt', type: 'date' },
    { name: 'confirmedAt', type: 'date' },
    { name: 'bankFile', type: 'text', admin: { description: 'Bank file payments: the NACHA file it was written to.' } },
    { name: 'voucher', type: 'text', admin: { description: 'The ERP voucher it was exported as.' } },
  ],
}
