import { createHash } from 'node:crypto'
import type { CollectionBeforeChangeHook } from 'payload'

import type { Import } from '../../../../payload-types'

import { fieldError } from '../../../../hooks/core/fieldError'
import { relationId } from '../../../../hooks/core/relationId'
import {
  checkDeclaredExpansion,
  detectFormat,
  expansionLimits,
  SpreadsheetError,
  zipPartsOfBuffer,
} from '../../../../modules/ingest/readers'
import { findOrNull } from '../../../../modules/core/findOrNull'

/**
 * On upload: refuse what is not a spreadsheet, or a workbook that declares more than it may expand to (before
 * anything is stored); fingerprint the file, take the source from the mapping, and note an earlier completed import
 * of the very same file.
 */
export const acceptUpload: CollectionBeforeChangeHook<Import> = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const file = req.file
  if (!file?.data || file.data.length === 0) throw fieldError('imports', 'file', 'choose a .xlsx or .csv file to import')
  try {
    data.format = detectFormat(file.data.subarray(0, 65_536), file.name)
    // A workbook whose zip declares more than it may expand to is refused before it is stored (the import job also
    // counts what it really inflates to, since the declared sizes can lie).
    const parts = data.format === 'xlsx' ? await zipPartsOfBuffer(file.data) : null
    if (parts) checkDeclaredExpansion(parts, expansionLimits(), file.name)
  } catch (err) {
    if (err instanceof SpreadsheetError) throw fieldError('imports', 'file', err.message)
    throw err
  }
  const mappingId = relationId(data.mapping)
  const mapping =
    mappingId === null ? null : await findOrNull(req.payload.findByID({ collection: 'import-mappings', id: mappingId, depth: 0, req }))
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
