import type { Pool } from 'pg'

const MINUTE = 60_000

/** When this process last wrote each key's lastUsedAt. */
const written = new Map<number, number>()

/**
 * Notes that the key was used: lastUsedAt is written at most once a minute per key (the process remembers its last
 * write, and the row is only touched when its value is a minute old), never once per request.
 */
export async function noteKeyUse(pool: Pool, keyId: number, nowMs: number): Promise<void> {
  const last = written.get(keyId)
  if (last !== undefined && nowMs - last < MINUTE) return
  written.set(keyId, nowMs)
  await pool.query(
    `update api_keys set last_used_at = $2 where id = $1 and (last_used_at is null or last_used_at < $2::timestamptz - interval '1 minute')`,
    [keyId, new Date(nowMs)],
  )
}
