import type { Payload } from 'payload'
import type { Pool } from 'pg'

/** The node-postgres pool behind Payload's Postgres adapter: the one way raw SQL outside a request reaches it. */
export function dbPool(payload: Payload): Pool {
  return (payload.db as unknown as { pool: Pool }).pool
}
