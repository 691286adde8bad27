import type { Pool } from 'pg'

import { hashSecret, type FoundKey, type KeyAccess } from '../../../engine/api/keys'

type Row = {
  id: number
  name: string
  access: KeyAccess
  rate_per_minute: string
  active: boolean | null
  expires_at: Date | null
  current: boolean
  previous_valid_until: Date | null
  owner_id: number | null
  lock_until: Date | null
  collections: string[] | null
  endpoints: string[] | null
}

/** The key whose current or previous secret is `secret` (by its hash), with its owner's lock, or null. */
export async function findKeyBySecret(pool: Pool, secret: string): Promise<FoundKey | null> {
  const hash = hashSecret(secret)
  const { rows } = await pool.query<Row>(
    `select k.id, k.name, k.access::text as access, k.rate_per_minute::text as rate_per_minute, k.active, k.expires_at,
            k.secret_hash = $1 as current, k.previous_valid_until, u.id as owner_id, u.lock_until,
            array(select t.text from api_keys_texts t where t.parent_id = k.id and t.path = 'collections' order by t."order") as collections,
            array(select t.text from api_keys_texts t where t.parent_id = k.id and t.path = 'endpoints' order by t."order") as endpoints
       from api_keys k left join users u on u.id = k.owner_id
      where k.secret_hash = $1 or k.previous_secret_hash = $1
      order by (k.secret_hash = $1) desc
      limit 1`,
    [hash],
  )
  const row = rows[0]
  if (!row) return null
  return {
    id: row.id,
    name: row.name,
    access: row.access,
    collections: (row.collections ?? []).filter((c): c is string => typeof c === 'string'),
    endpoints: (row.endpoints ?? []).filter((e): e is string => typeof e === 'string'),
    ratePerMinute: Number(row.rate_per_minute),
    active: row.active !== false,
    expiresAt: row.expires_at,
    matched: row.current ? 'current' : 'previous',
    previousValidUntil: row.previous_valid_until,
    ownerId: row.owner_id,
    ownerLockedUntil: row.lock_until,
  }
}
