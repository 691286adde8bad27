import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { readOwnSubtree } from '../../access/core/subtree'
import { uploadDir } from '../../modules/core/uploadDir'

/** Files attached to tickets (a screenshot, a statement): readable like the ticket, written by the ticket endpoints. */
export const TicketAttachments: CollectionConfig = {
  slug: 'ticket-attachments',
  lockDocuments: false,
  admin: { group: 'Support', defaultColumns: ['filename', 'consultant', 'createdAt'] },
  access: { read: readOwnSubtree('consultant.path'), create: nobody, update: nobody, delete: nobody },
  upload: {
    staticDir: uploadDir('ticket-attachments', process.env.TICKET_ATTACHMENTS_DIR),
    mimeTypes: [
      'application/pdf',
      'image/png',
      'image/jpeg',
      'text/csv',
      'text/plain',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
  },
  fields: [
    { name: 'consultant', type: 'relationship', relationTo: 'participants', required: true },
    { name: 'uploadedBy', type: 'relationship', relationTo: 'users' },
  ],
}
