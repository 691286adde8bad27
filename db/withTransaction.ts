import type { Pool, PoolClient } from 'pg'

export type TransactionOptions = {
  /**
   * An advisory lock taken first, inside the transaction (`pg_advisory_xact_lock(hashtext(lock))`), so two runs of
   * the same thing queue instead of interleaving. Name it `accrue.<capability>.<what>[.<id>]`.
   */
  lock?: string
  /**
   * Called after the rollback, on the pool (outside the failed transaction), with the error: records the failure
   * on the row the work was for ("failed, nothing changed: …"). The original error is thrown afterwards.
   */
  onFailure?: (err: unknown) => Promise<void>
}

/**
 * The one way a long step writes: one connection, `begin`, the advisory lock, the work, `commit`; on any error a
 * rollback, the failure recorded by `onFailure`, and the error thrown again. The connection is always released.
 * Work that decides to stop early returns normally; it commits what it did (often nothing).
 */
export async function withTransaction<T>(pool: Pool, options: TransactionOptions, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('begin')
    if (options.lock) await client.query('select pg_advisory_xact_lock(hashtext($1))', [options.lock])
    const result = await work(client)
    await client.query('commit')
    return result
  } catch (err) {
    await client.query('rollback').catch(() => undefined)
    if (options.onFailure) await options.onFailure(err)
    throw err
  } finally {
    client.release()
  }
}
