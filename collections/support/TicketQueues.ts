import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/core/authenticated'
import { catalogEditors } from '../../access/core/catalogEditors'
import { companyAdmins } from '../../access/core/companyAdmins'
import { TICKET_TYPES } from '../../engine/support/types'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'

/** Where tickets wait to be worked: a queue takes the ticket types it lists (a new ticket goes to the first that takes its type). */
export const TicketQueues: CollectionConfig = {
  slug: 'ticket-queues',
  lockDocuments: false,
  admin: { useAsTitle: 'name', group: 'Settings', defaultColumns: ['code', 'name', 'types'] },
  access: { read: authenticated, create: catalogEditors, update: catalogEditors, delete: companyAdmins },
  hooks: { afterChange: [auditChange], beforeDelete: [auditDelete] },
  fields: [
    { name: 'code', type: 'text', required: true, unique: true },
    { name: 'name', type: 'text', required: true },
    { name: 'types', type: 'select', hasMany: true, options: [...TICKET_TYPES] },
  ],
}
