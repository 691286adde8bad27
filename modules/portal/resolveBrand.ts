import type { PayloadRequest } from 'payload'
import type { PoolClient } from 'pg'

import { resolveBrandId } from '../../engine/portal/brand'
import { idsOnPath } from '../../engine/network'
import { pgClientOf } from '../../db/transaction'

/** Anything that runs a parameterized query: a pool, a pool client, a transaction's client. */
type Queryable = Pick<PoolClient, 'query'>

/**
 * The brand a participant is shown in (nearest client owner's brand at or above it, else the default brand).
 * The one place this is decided; the portal, statements and emails call it.
 */
export async function resolveBrandIdForParticipant(req: PayloadRequest, participantId: number): Promise<number | null> {
  return brandIdOfParticipant(await pgClientOf(req), participantId)
}

/** The same decision on a given connection (jobs that hold their own client, such as the statements job). */
export async function brandIdOfParticipant(db: Queryable, participantId: number): Promise<number | null> {
  const self = await db.query<{ path: string | null }>(`select path from participants where id = $1`, [participantId])
  const path = self.rows[0]?.path
  const ids = path ? idsOnPath(path) : [participantId]
  const rows = await db.query<{ id: number; brand_id: number | null }>(`select id, brand_id from participants where id = any($1::int[])`, [
    ids,
  ])
  const brandById = new Map(rows.rows.map((row) => [row.id, row.brand_id]))
  const fallback = await db.query<{ id: number }>(`select id from brands where is_default limit 1`)
  return resolveBrandId(
    ids.map((id) => ({ participantId: id, brandId: brandById.get(id) ?? null })),
    fallback.rows[0]?.id ?? null,
  )
}
