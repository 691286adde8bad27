import type { Payload } from 'payload'

import { format, money } from '../../engine/core/money'
import type { ReconSummary } from '../../engine/reconcile/reconciliation'
import type { MatchKey } from '../../engine/telecom'
import { describeDuplicates, upsertDiscrepancies } from './discrepancies'
import { pairSides, scopeParams, writeLines, type RunScope } from './matching'
import { buildPriceTable, loadScheduleVersions } from './prices'
import { summarizeRun } from './summary'
import { dbPool } from '../../db/pool'
import { withTransaction } from '../../db/withTransaction'
import type { OnProgress } from '../core/progress'
import { emitEventSql } from '../api'

type RunRow = {
  id: number
  carrierId: number
  start: string
  end: string
  toleranceDays: number
  windowDays: number
  job: number | null
  currency: string
}

const STEPS = 5

/**
 * Runs (or re-runs) one reconciliation in a single transaction: both sides into temp tables, the payout prices of
 * every distinct line shape, pairing, one classified line per row of both sides, discrepancies upserted, and the
 * summary. A re-run replaces the lines and leaves nothing of the previous result but the discrepancies' history.
 * Each step is reported to `onProgress` (the job task hands one that writes its job row).
 */
export async function runReconciliation(payload: Payload, runId: number, onProgress: OnProgress): Promise<ReconSummary> {
  const pool = dbPool(payload)
  const found = await pool.query<RunRow>(
    `select r.id, r.carrier_id as "carrierId", r.period_start::text as start, r.period_end::text as "end",
            r.date_tolerance_days::int as "toleranceDays", r.chargeback_window_days::int as "windowDays", r.job::int as job, c.currency
       from reconciliation_runs r join carriers c on c.id = r.carrier_id where r.id = $1`,
    [runId],
  )
  const run = found.rows[0]
  if (!run) throw new Error(`reconciliation run ${runId} does not exist`)
  const keys = await pool.query<{ value: MatchKey }>(
    `select value::text as value from reconciliation_runs_match_keys where parent_id = $1 order by "order"`,
    [runId],
  )
  const scope: RunScope = {
    runId,
    carrierId: run.carrierId,
    start: run.start,
    end: run.end,
    matchKeys: keys.rows.map((row) => row.value),
    toleranceDays: run.toleranceDays,
    chargebackWindowDays: run.windowDays,
  }
  const progress = (done: number, label: string) => onProgress({ done, total: STEPS, label })
  await pool.query(`update reconciliation_runs set status = 'running', message = null where id = $1`, [runId])
  const startedAt = new Date()
  const summary = await withTransaction(
    pool,
    {
      lock: `accrue.reconcile.${runId}`,
      onFailure: async (err) => {
        await pool.query(`update reconciliation_runs set status = 'failed', message = $2 where id = $1`, [
          runId,
          `The run failed and changed nothing: ${(err as Error).message}`,
        ])
      },
    },
    async (client) => {
      // Sorts and hashes over a million rows stay in memory instead of spilling to disk (this transaction only).
      await client.query(`set local work_mem = '256MB'`)
      await progress(0, 'pricing')
      await buildPriceTable(client, await loadScheduleVersions(client, scope.carrierId, run.currency), scopeParams(scope))
      await progress(1, 'matching')
      await pairSides(client, scope)
      await progress(2, 'classifying')
      const written = await writeLines(client, scope)
      const lines = written.sales + written.unclaimed
      await progress(3, 'recording discrepancies')
      await describeDuplicates(client)
      const { cleared } = await upsertDiscrepancies(client, runId, startedAt)
      await progress(4, 'summarizing')
      const summary = await summarizeRun(client)
      if (summary.salesRead !== written.sales)
        throw new Error(`summarized ${summary.salesRead} sales of ${written.sales} classified: the run is inconsistent and was not saved`)
      const show = (amount: string) => format(money(amount, run.currency))
      const message =
        `${lines} lines: ${summary.commissionableSales} of ${summary.salesRead} sales verified. Overpayment avoided ${show(summary.overpaymentAvoided)}, ` +
        `revenue leakage ${show(summary.revenueLeakage)}, unattributed revenue ${show(summary.unattributedRevenue)}.` +
        (cleared > 0 ? ` ${cleared} discrepancies from the previous run no longer apply and were resolved.` : '')
      await client.query(
        `update reconciliation_runs set status = 'completed', summary = $2, message = $3, run_count = coalesce(run_count, 0) + 1, last_run_at = $4 where id = $1`,
        [runId, JSON.stringify({ ...summary, currency: run.currency }), message, startedAt],
      )
      await emitEventSql(client, 'reconciliation.completed', `reconciliation-runs/${runId}`, {
        runId,
        status: 'completed',
        carrierId: run.carrierId,
        periodStart: run.start,
        periodEnd: run.end,
        currency: run.currency,
        salesRead: summary.salesRead,
        carrierRecordsRead: summary.carrierRecordsRead,
        commissionableSales: summary.commissionableSales,
        overpaymentAvoided: summary.overpaymentAvoided,
        revenueLeakage: summary.revenueLeakage,
        unattributedRevenue: summary.unattributedRevenue,
      })
      return summary
    },
  )
  await progress(STEPS, 'completed')
  return summary
}
