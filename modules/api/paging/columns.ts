import type { FieldAccess, FlattenedField, PayloadRequest, SanitizedCollectionConfig } from 'payload'

/**
 * What an export may show of a collection: its top-level data fields (after Payload flattened rows, collapsibles
 * and unnamed tabs), minus join fields, virtual fields and hidden fields (password hashes and the like), and minus
 * every field whose field-level read access refuses the caller. Nested fields (in groups, arrays and blocks) keep
 * their own read access and hidden flags: `readableCopy` drops them document by document.
 */
export type ExportColumn = { name: string; field: FlattenedField | null }

const isExportable = (field: FlattenedField): boolean =>
  field.type !== 'join' && !('virtual' in field && field.virtual) && !('hidden' in field && field.hidden === true)

const readAccess = (field: FlattenedField): FieldAccess | undefined => ('access' in field ? field.access?.read : undefined)

/** Columns in the order the collection declares them, `id` first. A field whose access needs the document stays (checked per row). */
export async function exportColumns(collection: SanitizedCollectionConfig, req: PayloadRequest): Promise<ExportColumn[]> {
  const columns: ExportColumn[] = collection.flattenedFields.some((f) => f.name === 'id') ? [] : [{ name: 'id', field: null }]
  for (const field of collection.flattenedFields) {
    if (!isExportable(field)) continue
    const access = readAccess(field)
    if (access) {
      let allowed: boolean
      try {
        allowed = Boolean(await access({ req }))
      } catch {
        allowed = true // the rule reads the document: decided row by row
      }
      if (!allowed) continue
    }
    columns.push({ name: field.name, field })
  }
  return columns
}

/** The document as the caller may read it: only the columns, nested unreadable or hidden fields removed. */
export async function readableCopy(
  doc: Record<string, unknown>,
  columns: ExportColumn[],
  req: PayloadRequest,
): Promise<Record<string, unknown>> {
  const copy: Record<string, unknown> = {}
  for (const { name, field } of columns) {
    if (field && !(await mayRead(field, req, doc, doc))) continue
    copy[name] = field ? await readableValue(field, doc[name], req, doc) : doc[name]
  }
  return copy
}

async function mayRead(field: FlattenedField, req: PayloadRequest, doc: Record<string, unknown>, sibling: Record<string, unknown>) {
  const access = readAccess(field)
  return !access || Boolean(await access({ req, id: doc.id as number, doc, data: doc, siblingData: sibling }))
}

async function readableFields(
  fields: FlattenedField[],
  value: Record<string, unknown>,
  req: PayloadRequest,
  doc: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const field = fields.find((f) => f.name === key)
    if (!field) {
      copy[key] = value[key] // id, blockType, blockName
      continue
    }
    if (!isExportable(field) || !(await mayRead(field, req, doc, value))) continue
    copy[key] = await readableValue(field, value[key], req, doc)
  }
  return copy
}

async function readableValue(field: FlattenedField, value: unknown, req: PayloadRequest, doc: Record<string, unknown>): Promise<unknown> {
  if (value === null || value === undefined || typeof value !== 'object') return value
  if (field.type === 'group' || field.type === 'tab')
    return readableFields(field.flattenedFields, value as Record<string, unknown>, req, doc)
  if (field.type === 'array' && Array.isArray(value))
    return Promise.all(value.map((row) => readableFields(field.flattenedFields, row as Record<string, unknown>, req, doc)))
  if (field.type === 'blocks' && Array.isArray(value))
    return Promise.all(
      value.map((row) => {
        const block = field.blocks.find((b) => b.slug === (row as { blockType?: string }).blockType)
        return block ? readableFields(block.flattenedFields, row as Record<string, unknown>, req, doc) : row
      }),
    )
  return value
}

/** Whether any column needs the per-document walk (field access on it or inside it, or nested hidden fields). */
export function needsDocumentWalk(columns: ExportColumn[]): boolean {
  const walk = (field: FlattenedField): boolean => {
    if (readAccess(field) || !isExportable(field)) return true
    if (field.type === 'group' || field.type === 'tab' || field.type === 'array') return field.flattenedFields.some(walk)
    if (field.type === 'blocks') return field.blocks.some((b) => b.flattenedFields.some(walk))
    return false
  }
  return columns.some((c) => c.field !== null && walk(c.field))
}
