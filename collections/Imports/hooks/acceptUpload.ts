import { createHash } from 'node:crypto'
import type { CollectionBeforeChangeHook } from 'payload'

import { fieldError } from '../../../hooks/fieldError'
import { relationId } from '../../../hooks/relationId'
import { detectFormat, SpreadsheetError } from '../../../ingest/readers'

/**
 * On upload: refuse what is not a spreadsheet (before anything is stored), fingerprint the file, take the source
 * from the mapping, and note an earlier completed import of the very same file.
 */
export const acceptUpload: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const file = req.file
  if (!file?.data || file.data.length === 0) throw fieldError('imports', 'file', 'choose a .xlsx or .csv file to import')
  try {
    data.format = detectFormat(file.data.subarray(0, 65_536), file.name)
  } catch (err) {
    if (err instanceof SpreadsheetError) throw fieldError('imports', 'file', err.message)
    throw err
  }
  const mappingId = relationId(data.mapping)
  const mapping = mappingId === null ? null : await req.payload.findByID({ collection: 'import-mappings', id: mappingId, depth: 0, req }).catch(() => null)
  if (!mapping) throw fieldError('imports', 'mapping', 'choose the mapping that describes this file')
  data.source = mapping.source
  data.fileHash = createHash('sha256').update(file.data).digest('hex')
  data.status = 'queued'
  const earlier = await req.payload.find({
    collection: 'imports',
    where: { fileHash: { equals: data.fileHash }, mapping: { equals: mappingId }, status: { equals: 'completed' } },
    sort: 'createdAt',
    limit: 1,
    depth: 0,
    req,
  })
  data.duplicateOf = earlier.docs[0]?.id ?? null
  return data
}
