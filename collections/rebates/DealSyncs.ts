import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { staff } from '../../access/core/staff'

/** Each synchronisation of deals from the partner portal: the cursor it started from and reached, counts, rejects. */
export const DealSyncs: CollectionConfig = {
  slug: 'deal-syncs',
  lockDocuments: false,
  admin: {
    group: 'Rebates',
    defaultColumns: ['createdAt', 'status', 'fetched', 'created', 'updated', 'rejected', 'cursor'],
  },
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'status', type: 'select', required: true, options: ['succeeded', 'failed'] },
    { name: 'since', type: 'text', admin: { description: 'Changes after this moment were asked for.' } },
    { name: 'cursor', type: 'text', admin: { description: 'The latest change read: the next sync starts here.' } },
    { name: 'fetched', type: 'number', defaultValue: 0 },
    { name: 'created', type: 'number', defaultValue: 0 },
    { name: 'updated', type: 'number', defaultValue: 0 },
    { name: 'rejected', type: 'number', defaultValue: 0 },
    { name: 'rejects', type: 'json', admin: { description: 'Deals refused, each with its id and reason.' } },
    { name: 'error', type: 'textarea' },
  ],
}
