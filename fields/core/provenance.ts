import type { Field } from 'payload'

/** Where a fact came from: the import, the file row, and the key that makes re-imports idempotent. */
export const provenanceFields: Field[] = [
  { name: 'import', type: 'relationship', relationTo: 'imports', admin: { position: 'sidebar', readOnly: true } },
  { name: 'sourceRow', type: 'number', admin: { position: 'sidebar', readOnly: true, description: 'Row number in the imported file.' } },
  {
    name: 'naturalKey',
    type: 'text',
    unique: true,
    admin: { position: 'sidebar', readOnly: true, description: 'Identifies the same fact across files.' },
  },
]
