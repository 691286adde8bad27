import type { CollectionBeforeChangeHook } from 'payload'

import type { ImportMapping } from '../../../../payload-types'

import { isSupportedDateFormat } from '../../../../engine/ingest/cells'
import { mappingProblems, type ImportSource, type MappingColumn } from '../../../../engine/ingest/fields'
import { translationProblems, type ValueTranslation } from '../../../../engine/ingest/valueMaps'
import { fieldError } from '../../../../hooks/core/fieldError'
import { relationId } from '../../../../hooks/core/relationId'

/**
 * Refuses a mapping that could not import a file: unknown or doubled fields, missing required fields, no carrier, a
 * value translation to nothing Accrue knows or a value translated twice.
 */
export const checkMapping: CollectionBeforeChangeHook<ImportMapping> = ({ data, originalDoc }) => {
  const source = (data.source ?? originalDoc?.source) as ImportSource
  const columns: MappingColumn[] = data.columns ?? originalDoc?.columns ?? []
  const fixedCarrier =
    relationId(data.carrier !== undefined ? data.carrier : originalDoc?.carrier) !== null ||
    (source === 'pos_lines' && relationId(data.partner !== undefined ? data.partner : originalDoc?.partner) !== null)
  const formats = String(data.dateFormats ?? originalDoc?.dateFormats ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
  const unsupported = formats.find((format) => !isSupportedDateFormat(format))
  if (formats.length === 0) throw fieldError('import-mappings', 'dateFormats', 'name at least one date format, e.g. YYYY-MM-DD')
  if (unsupported)
    throw fieldError(
      'import-mappings',
      'dateFormats',
      `"${unsupported}" is not a date format Accrue reads; use YYYY, MM, M, DD, D with - / . separators, or YYYYMMDD`,
    )
  const translations = (data.valueMaps ?? originalDoc?.valueMaps ?? []) as ValueTranslation[]
  const translationProblem = translationProblems(source, translations)[0]
  if (translationProblem) throw fieldError('import-mappings', 'valueMaps', translationProblem)
  const problem = mappingProblems(source, columns, fixedCarrier)[0]
  if (problem) throw fieldError('import-mappings', problem.includes('carrier') && problem.includes('must') ? 'carrier' : 'columns', problem)
  return data
}
