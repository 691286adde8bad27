import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { staff } from '../../access/core/staff'

/** A file row an import could not accept: its row number, the reasons (each naming its column) and its cells. */
export const ImportRejects: CollectionConfig = {
  slug: 'import-rejects',
  lockDocuments: false,
  timestamps: false,
  admin: { group: 'Data in', useAsTitle: 'reasons', defaultColumns: ['import', 'rowNumber', 'reasons'] },
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'import', type: 'relationship', relationTo: 'imports', required: true, index: true },
    { name: 'rowNumber', type: 'number', required: true, admin: { description: 'The row number in the file, as Excel shows it.' } },
    { name: 'reasons', type: 'textarea', required: true },
    { name: 'cells', type: 'json', admin: { description: 'The row as it was in the file.' } },
    {
      name: 'unknownValues',
      type: 'json',
      admin: { description: 'Values nothing knows (field, column, value as in the file): a value translation on the mapping fixes them.' },
    },
  ],
}
