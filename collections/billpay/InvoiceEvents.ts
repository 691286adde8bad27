import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { staff } from '../../access/core/staff'

/** Every status change and correction of an invoice: from, to, why, who (null: the system) and the details. Append-only. */
export const InvoiceEvents: CollectionConfig = {
  slug: 'invoice-events',
  lockDocuments: false,
  admin: { group: 'Bill payment', defaultColumns: ['invoice', 'fromStatus', 'toStatus', 'reason', 'actor', 'createdAt'] },
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'invoice', type: 'relationship', relationTo: 'carrier-invoices', required: true, index: true },
    { name: 'fromStatus', type: 'text' },
    { name: 'toStatus', type: 'text' },
    { name: 'kind', type: 'text', required: true, admin: { description: 'status, correction, approval, release, payment, ingestion' } },
    { name: 'reason', type: 'textarea' },
    { name: 'actor', type: 'relationship', relationTo: 'users' },
    { name: 'details', type: 'json' },
  ],
}
