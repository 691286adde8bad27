import type { CollectionBeforeOperationHook, FlattenedField, Payload } from 'payload'

import { fieldError } from './fieldError'

/**
 * Refuses sorting by a related document's field (`sort=parent.email`, `sort=terms.participant.name`): Payload sorts
 * on the related row's real value even when the reader may not see that row, so the order would leak it letter by
 * letter. A sort path is resolved against the collection's own fields: a path through the document's own groups,
 * arrays, blocks and tabs (`terms.rate`) is fine, a path that crosses a relationship, upload or join at any depth is
 * refused, and so is the same in a join's sort (`joins[children][sort]=parent.name`). Applied to every collection by
 * `collections/withDefaults.ts`. Calls that skip access control (Local API, `overrideAccess`) read everything anyway.
 */
export const refuseRelatedSort: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const { overrideAccess, sort, joins } = args as { overrideAccess?: boolean; sort?: unknown; joins?: unknown }
  if (overrideAccess === true) return args
  const fields = collection.flattenedFields
  for (const path of sortPaths(sort)) {
    const crossing = relatedSortCrossing(fields, path)
    if (crossing) throw fieldError(collection.slug, 'sort', refusal(path, crossing))
  }
  if (joins && typeof joins === 'object') {
    for (const [joinPath, query] of Object.entries(joins as Record<string, unknown>)) {
      if (!query || typeof query !== 'object') continue
      for (const path of sortPaths((query as { sort?: unknown }).sort)) {
        const crossing = joinedSortCrossing(req.payload, fields, joinPath, path)
        if (crossing) throw fieldError(collection.slug, `joins.${joinPath}.sort`, refusal(path, crossing))
      }
    }
  }
  return args
}

function refusal(path: string, crossing: string): string {
  return `sorting by a related document's field ("${path}" goes through "${crossing}") is not allowed; sort by this collection's own fields`
}

/** The sort paths a request asks for: a string (comma-separated) or an array, each without its `-` and with GraphQL's `__` as dots. */
export function sortPaths(sort: unknown): string[] {
  const parts = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : []
  return parts
    .filter((part): part is string => typeof part === 'string')
    .map((part) => part.trim().replace(/^-/, '').replace(/__/g, '.'))
    .filter((part) => part !== '')
}

/**
 * The field at which `path` leaves the document (a relationship, upload or join followed by more segments, or a
 * join itself), or null when the path stays within the document's own fields. Sorting by a relationship itself
 * (`participant`, `participant.id`, a polymorphic one's `relationTo` or `value`) sorts by the stored id and is fine.
 * Unknown segments are left to Payload, which refuses or ignores them.
 */
export function relatedSortCrossing(fields: readonly FlattenedField[], path: string, seen: ReadonlySet<string> = new Set()): string | null {
  const segments = path.split('.')
  let candidates: readonly FlattenedField[] = fields
  const walked: string[] = []
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!
    const field = candidates.find((each) => each.name === segment)
    if (!field) return null
    walked.push(segment)
    const rest = segments.slice(i + 1)
    if ('virtual' in field && typeof field.virtual === 'string') {
      // A virtual field linked to a relationship (`virtual: 'participant.name'`) is sorted by that path.
      if (seen.has(field.virtual)) return walked.join('.')
      const target = [field.virtual, ...rest].join('.')
      return relatedSortCrossing(fields, target, new Set([...seen, field.virtual])) ? walked.join('.') : null
    }
    switch (field.type) {
      case 'join':
        return walked.join('.')
      case 'relationship':
      case 'upload': {
        if (rest.length === 0) return null
        const polymorphic = Array.isArray(field.relationTo)
        const ownKey = rest.length === 1 && (rest[0] === 'id' || (polymorphic && (rest[0] === 'relationTo' || rest[0] === 'value')))
        return ownKey ? null : walked.join('.')
      }
      case 'group':
      case 'array':
      case 'tab':
        candidates = field.flattenedFields
        break
      case 'blocks':
        // A query path names a block's field directly (`layout.rate`), whichever block holds it.
        candidates = (field.blocks ?? []).flatMap((block) => (typeof block === 'string' ? [] : (block.flattenedFields ?? [])))
        break
      default:
        return null
    }
  }
  return null
}

/** The same for a join's sort, resolved against the joined collection(s). */
function joinedSortCrossing(payload: Payload, fields: readonly FlattenedField[], joinPath: string, path: string): string | null {
  const join = findField(fields, joinPath)
  if (!join || join.type !== 'join') return null
  const slugs = Array.isArray(join.collection) ? join.collection : [join.collection]
  for (const slug of slugs) {
    const joined = payload.collections[slug as keyof typeof payload.collections]?.config
    const crossing = joined ? relatedSortCrossing(joined.flattenedFields, path) : null
    if (crossing) return crossing
  }
  return null
}

function findField(fields: readonly FlattenedField[], path: string): FlattenedField | null {
  let candidates: readonly FlattenedField[] = fields
  let field: FlattenedField | undefined
  for (const segment of path.split('.')) {
    field = candidates.find((each) => each.name === segment)
    if (!field) return null
    candidates = 'flattenedFields' in field ? field.flattenedFields : []
  }
  return field ?? null
}
