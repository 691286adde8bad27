import type { PayloadRequest } from 'payload'
import type { PostgresAdapter } from '@payloadcms/db-postgres'

/**
 * The drizzle handle for raw SQL inside the request's transaction, so raw statements commit or roll back together
 * with the Payload operation that triggered them.
 */
export async function sqlSession(req: PayloadRequest): Promise<PostgresAdapter['drizzle']> {
  const adapter = req.payload.db as unknown as PostgresAdapter
  const transactionID = req.transactionID ? await req.transactionID : undefined
  const session = transactionID !== undefined ? adapter.sessions?.[String(transactionID)]?.db : undefined
  return (session ?? adapter.drizzle) as PostgresAdapter['drizzle']
}

/**
 * The node-postgres client of the request's transaction (or the pool when there is none), for bulk statements
 * that pass whole arrays as parameters.
 */
export async function pgClientOf(req: PayloadRequest): Promise<import('pg').PoolClient> {
  const db = (await sqlSession(req)) as unknown as { session: { client: import('pg').PoolClient } }
  return db.session.client
}
