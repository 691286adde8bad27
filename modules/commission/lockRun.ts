import type { Payload } from 'payload'

import { dbPool } from '../../db/pool'
import { withTransaction } from '../../db/withTransaction'
import { LOCKED_STATUS } from '../../engine/commission/lineStates'
import { emitEventSql } from '../api'

/**
 * Locks an approved run and its period in one transaction. Refused while another posted run of the same period is
 * not approved yet, since a locked period can no longer be run. A refusal changes nothing (the transaction has only
 * taken the run's row lock).
 */
export async function lockRun(
  payload: Payload,
  runId: number,
  userId: number,
  who: string,
): Promise<{ message: string } | { error: string }> {
  return withTransaction(dbPool(payload), {}, async (client) => {
    const run = await client.query<{ period_id: number; status: string }>(
      `select period_id, status::text as status from commission_runs where id = $1 for update`,
      [runId],
    )
    const row = run.rows[0]
    if (!row || row.status !== 'approved') return { error: `run ${runId} is not approved (it is ${row?.status ?? 'missing'})` }
    const others = await client.query<{ title: string; status: string }>(
      `select title, status::text as status from commission_runs where period_id = $1 and mode = 'post' and id <> $2 and status not in ('approved', $3)`,
      [row.period_id, runId, LOCKED_STATUS],
    )
    if (others.rows.length > 0) {
      return {
        error: `the period cannot be locked yet: ${others.rows.map((o) => `${o.title} is ${o.status.replace(/_/g, ' ')}`).join('; ')}`,
      }
    }
    await client.query(
      `update commission_runs set status = $4, locked_by_id = $2, locked_at = now(),
              steps = coalesce(steps, '[]'::jsonb) || jsonb_build_array(jsonb_build_object('step', 'lock', 'status', 'done', 'detail', 'locked by ' || $3::text, 'at', now()))
        where id = $1`,
      [runId, userId, who, LOCKED_STATUS],
    )
    const alsoLocked = await client.query<{ id: number }>(
      `update commission_runs set status = $3, locked_by_id = $2, locked_at = now() where period_id = $1 and mode = 'post' and status = 'approved' returning id`,
      [row.period_id, userId, LOCKED_STATUS],
    )
    await client.query(`update commission_periods set status = $3, locked_by_id = $2, locked_at = now() where id = $1`, [
      row.period_id,
      userId,
      LOCKED_STATUS,
    ])
    for (const locked of [runId, ...alsoLocked.rows.map((r) => r.id)])
      await emitEventSql(client, 'commission_run.locked', `commission-runs/${locked}`, {
        runId: locked,
        status: LOCKED_STATUS,
        periodId: row.period_id,
      })
    return { message: `run ${runId} and its period are locked` }
  })
}
