import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { staff } from '../../access/core/staff'
import { uploadDir } from '../../modules/core/uploadDir'

/** Screenshots a failed scrape kept of the portal page (password fields blanked before the shot). Staff only. */
export const ScrapeEvidence: CollectionConfig = {
  slug: 'scrape-evidence',
  lockDocuments: false,
  admin: { group: 'System', hidden: true },
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  upload: { staticDir: uploadDir('evidence', process.env.EVIDENCE_DIR), mimeTypes: ['image/png'] },
  fields: [{ name: 'caption', type: 'text' }],
}
