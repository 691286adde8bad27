import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { staff } from '../../access/core/staff'

/** Alerts for the operating company's staff in the admin (also sent by email): failing carrier portals, for now. */
export const Notifications: CollectionConfig = {
  slug: 'notifications',
  lockDocuments: false,
  admin: { useAsTitle: 'title', group: 'System', defaultColumns: ['title', 'level', 'connector', 'acknowledged', 'createdAt'] },
  access: { read: staff, create: nobody, update: staff, delete: nobody },
  fields: [
    { name: 'title', type: 'text', required: true, access: { update: () => false } },
    { name: 'message', type: 'textarea', required: true, access: { update: () => false } },
    {
      name: 'level',
      type: 'select',
      required: true,
      defaultValue: 'warning',
      options: ['info', 'warning', 'error'].map((value) => ({ value, label: value })),
      access: { update: () => false },
    },
    { name: 'connector', type: 'relationship', relationTo: 'carrier-connectors', access: { update: () => false } },
    { name: 'acknowledged', type: 'checkbox', defaultValue: false, admin: { description: 'Tick when someone is on it.' } },
  ],
}
