import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'

import { colourProblem } from '../../../../engine/portal/brand'
import type { Brand } from '../../../../payload-types'
import { sqlSession } from '../../../../db/transaction'
import { fieldError } from '../../../../hooks/core/fieldError'

const COLOUR_FIELDS = ['primaryColor', 'secondaryColor', 'textColor'] as const

/**
 * Exactly one brand is the default: marking a brand default unmarks the previous one in the same transaction;
 * the default cannot be unmarked directly (mark another one instead). Colours must be #rrggbb.
 */
export const keepOneDefault: CollectionBeforeChangeHook<Brand> = async ({ data, operation, originalDoc, req }) => {
  for (const field of COLOUR_FIELDS) {
    const problem = colourProblem(data[field])
    if (problem) throw fieldError('brands', field, problem)
  }
  const db = await sqlSession(req)
  if (data.isDefault === true) {
    await db.execute(sql`update brands set is_default = false where is_default and id <> ${originalDoc?.id ?? -1}`)
    return data
  }
  const wasDefault = operation === 'update' && originalDoc?.isDefault === true
  if (wasDefault && data.isDefault === false) {
    throw fieldError('brands', 'isDefault', 'there must always be a default brand: mark another brand as the default instead')
  }
  if (operation === 'create') {
    const existing = await db.execute(sql`select 1 from brands where is_default limit 1`)
    if (existing.rows.length === 0) data.isDefault = true
  }
  return data
}

export const refuseDeleteDefault: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const db = await sqlSession(req)
  const result = await db.execute(sql`select is_default from brands where id = ${id}`)
  if ((result.rows[0] as { is_default?: boolean } | undefined)?.is_default) {
    throw fieldError('brands', 'isDefault', 'the default brand cannot be deleted: mark another brand as the default first')
  }
}
