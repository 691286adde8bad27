import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { readOwnSubtree } from '../../access/core/subtree'
import { uploadDir } from '../../modules/core/uploadDir'

/**
 * Files attached to claim disputes (a delivery note, an invoice scan). Readable like the claim they belong to — the
 * partner's subtree and staff — never publicly; written by the dispute endpoints (at most 10 MB, PDF, images, xlsx, csv).
 */
export const RebateAttachments: CollectionConfig = {
  slug: 'rebate-attachments',
  lockDocuments: false,
  admin: { group: 'Rebates', defaultColumns: ['filename', 'partner', 'createdAt'] },
  access: { read: readOwnSubtree('partner.path'), create: nobody, update: nobody, delete: nobody },
  upload: {
    staticDir: uploadDir('attachments', process.env.ATTACHMENTS_DIR),
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
    { name: 'partner', type: 'relationship', relationTo: 'participants', required: true },
    { name: 'uploadedBy', type: 'relationship', relationTo: 'users' },
  ],
}
