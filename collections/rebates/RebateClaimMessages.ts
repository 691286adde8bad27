import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { readOwnSubtree } from '../../access/core/subtree'

/** The dispute thread of a claim line: the partner's dispute, the team's answers, the resolution, with attachments. */
export const RebateClaimMessages: CollectionConfig = {
  slug: 'rebate-claim-messages',
  lockDocuments: false,
  admin: { group: 'Rebates', defaultColumns: ['createdAt', 'line', 'kind', 'author', 'body'] },
  access: { read: readOwnSubtree('partner.path'), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'line', type: 'relationship', relationTo: 'rebate-claim-lines', required: true, index: true },
    { name: 'partner', type: 'relationship', relationTo: 'participants', required: true },
    { name: 'kind', type: 'select', required: true, options: ['dispute', 'answer', 'resolution'] },
    { name: 'author', type: 'relationship', relationTo: 'users' },
    { name: 'body', type: 'textarea', required: true },
    { name: 'attachment', type: 'relationship', relationTo: 'rebate-attachments' },
  ],
}
