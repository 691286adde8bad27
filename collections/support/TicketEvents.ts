import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { readOwnSubtree } from '../../access/core/subtree'
import { TICKET_STATUSES } from '../../engine/support/types'

/** A ticket's history: every status change and comment, with who made it and when (append-only). */
export const TicketEvents: CollectionConfig = {
  slug: 'ticket-events',
  lockDocuments: false,
  admin: { group: 'Support', defaultColumns: ['createdAt', 'ticket', 'fromStatus', 'toStatus', 'author', 'comment'] },
  access: { read: readOwnSubtree('consultant.path'), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'ticket', type: 'relationship', relationTo: 'tickets', required: true, index: true },
    { name: 'consultant', type: 'relationship', relationTo: 'participants', required: true },
    { name: 'fromStatus', type: 'select', options: [...TICKET_STATUSES] },
    { name: 'toStatus', type: 'select', options: [...TICKET_STATUSES] },
    { name: 'author', type: 'relationship', relationTo: 'users' },
    { name: 'comment', type: 'textarea' },
    { name: 'attachment', type: 'relationship', relationTo: 'ticket-attachments' },
  ],
}
