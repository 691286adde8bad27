import type { CollectionSlug, PayloadRequest, Validate } from 'payload'

import { relationId } from '../../hooks/core/relationId'

/**
 * A relationship's validation that the documents it names exist (Payload checks the id's type, not that the row is
 * there, and the database's foreign key would answer 500): a missing or malformed id is a 400 naming the field.
 */
export function relationExists(relationTo: CollectionSlug, label: string): Validate {
  return async (value: unknown, options: unknown) => {
    const { req, required } = options as { req: PayloadRequest; required?: boolean }
    const list = Array.isArray(value) ? value : value === null || value === undefined || value === '' ? [] : [value]
    if (list.length === 0) return required ? `${label} is required` : true
    const ids = list.map(relationId)
    if (ids.some((id) => id === null || !Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647))
      return `${label}: ${JSON.stringify(value)} is not an id`
    const unique = [...new Set(ids as number[])]
    const found = await req.payload.count({ collection: relationTo, where: { id: { in: unique } }, req, overrideAccess: true })
    return found.totalDocs === unique.length ? true : `${label}: no ${relationTo} with id ${unique.join(', ')}`
  }
}
