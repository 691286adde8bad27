import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/core/anyone'
import { companyAdmins } from '../../access/core/companyAdmins'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'
import { uploadDir } from '../../modules/core/uploadDir'

/** Uploaded images: brand logos. Public to read (a branded login page shows its logo before anyone logs in). */
export const Media: CollectionConfig = {
  slug: 'media',
  lockDocuments: false,
  admin: { group: 'Settings' },
  access: { read: anyone, create: companyAdmins, update: companyAdmins, delete: companyAdmins },
  hooks: { afterChange: [auditChange], beforeDelete: [auditDelete] },
  upload: {
    staticDir: uploadDir('media', process.env.MEDIA_DIR),
    mimeTypes: ['image/png', 'image/jpeg', 'image/svg+xml', 'image/webp'],
  },
  fields: [{ name: 'alt', type: 'text', required: true }],
}
