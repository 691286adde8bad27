import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'

import { resolveBrandId } from '../../engine/brand'
import { idsOnPath } from '../../engine/tree'
import { pgIntArray } from '../../db/pgArray'
import { sqlSession } from '../../db/transaction'

/**
 * The brand a participant is shown in (nearest client owner's brand at or above it, else the default brand).
 * The one place this is decided; the portal, statements and emails call it.
 */
export async function resolveBrandIdForParticipant(req: PayloadRequest, participantId: number): Promise<number | null> {
  const db = await sqlSession(req)
  const self = await db.execute(sql`select path from participants where id = ${participantId}`)
  const path = (self.rows[0] as { path: string | null } | undefined)?.path
  const ids = path ? idsOnPath(path) : [participantId]
  const rows = await db.execute(sql`select id, brand_id from participants where id = any(${pgIntArray(ids)}::int[])`)
  const brandById = new Map((rows.rows as { id: number; brand_id: number | null }[]).map((row) => [row.id, row.brand_id]))
  const fallback = await db.execute(sql`select id from brands where is_default limit 1`)
  const defaultId = (fallback.rows[0] as { id: number } | undefined)?.id ?? null
  return resolveBrandId(
    ids.map((id) => ({ participantId: id, brandId: brandById.get(id) ?? null })),
    defaultId,
  )
}
