import type { Payload } from 'payload'
import { dbPool } from '../../db/pool'

/**
 * Locks an approved run and its period in one transaction. Refused while another posted run of the same period is
 * not approved yet, since a locked period can no longer be run.
 */
export async function lockRun(payload: Payload, runId: number, userId: number, who: string): Promise<{ message: string } | { error: string }> {
  const pool = dbPool(payload)
  const client = await pool.connect()
  try {
    await client.query('begin')
    const run = await client.query<{ period_id: number; status: string }>(`select period_id, status::text as status from commission_runs where id = $1 for update`, [runId])
    const row = run.rows[0]
    if (!row || row.status !== 'approved') {
      await client.query('rollback')
      return { error: `run ${runId} is not approved (it is ${row?.status ?? 'missing'})` }
    }
    const others = await client.query<{ title: string; status: string }>(
      `select title, status::text as status from commission_runs where period_id = $1 and mode = 'post' and id <> $2 and status not in ('approved', 'locked')`,
      [row.period_id, runId],
    )
    if (others.rows.length > 0) {
      await client.query('rollback')
      return { error: `the period cannot be locked yet: ${others.rows.map((o) => `${o.title} is ${o.status.replace(/_/g, ' ')}`).join('; ')}` }
    }
    await client.query(
      `update commission_runs set status = 'locked', locked_by_id = $2, locked_at = now(),
              steps = coalesce(steps, '[]'::jsonb) || jsonb_build_array(jsonb_build_object('step', 'lock', 'status', 'done', 'detail', 'locked by ' || $3::text, 'at', now()))
        where id = $1`,
      [runId, userId, who],
    )
    await client.query(`update commission_runs set status = 'locked', locked_by_id = $2, locked_at = now() where period_id = $1 and mode = 'post' and status = 'approved'`, [row.period_id, userId])
    await client.query(`update commission_periods set status = 'locked', locked_by_id = $2, locked_at = now() where id = $1`, [row.period_id, userId])
    await client.query('commit')
    return { message: `run ${runId} and its period are locked` }
  } catch (err) {
    await client.query('rollback').catch(() => undefined)
    throw err
  } finally {
    client.release()
  }
}
