import { LOCKED_STATUS } from '../../../engine/commission'
import { lockRun, runCommission } from '../../commission'
import type { StepRunner } from '../pipeline'

/**
 * Calculate bonuses: the pipeline type's compensation plan is run for the cycle (its approved version in force on the
 * cycle's first day: unilevel, differential, rule bonuses, advances), every line posted and waiting for validation.
 * The run is the cycle's one posted run of that plan: re-running the step runs it again while it is not approved.
 */
export const calculateBonuses: StepRunner = {
  ownTransaction: true,
  async run({ payload, client, runId, cycle, compensationPlanId, onProgress }) {
    if (compensationPlanId === null) throw new Error('the pipeline type names no compensation plan: choose the plan that pays the cycle')
    const existing = (
      await client.query<{ id: number; status: string }>(
        `select id, status::text as status from commission_runs where period_id = $1 and plan_id = $2 and mode = 'post' order by id desc limit 1`,
        [cycle.id, compensationPlanId],
      )
    ).rows[0]
    if (existing && !['awaiting_approval', 'failed', 'queued', 'previewed'].includes(existing.status))
      throw new Error(`the bonus run #${existing.id} is ${existing.status.replace(/_/g, ' ')}: it no longer changes`)
    const commissionRunId =
      existing?.id ??
      Number(
        (
          await payload.create({
            collection: 'commission-runs',
            data: { period: cycle.id, plan: compensationPlanId, mode: 'post' },
            context: { skipQueue: true },
          })
        ).id,
      )
    await client.query(`update pipeline_runs set commission_run_id = $2 where id = $1`, [runId, commissionRunId])
    const summary = await runCommission(payload, commissionRunId, onProgress)
    const awards = (
      await client.query<{ kind: string; n: number }>(
        `select kind::text as kind, count(*)::int as n from network_awards where run_id = $1 group by kind`,
        [commissionRunId],
      )
    ).rows
    return {
      detail:
        `bonus run #${commissionRunId}: ${summary.lineCount} lines, ${summary.total} ${summary.currency ?? ''} for ${summary.payees} members` +
        (awards.length ? `; awards: ${awards.map((a) => `${a.n} ${a.kind}`).join(', ')}` : ''),
      counts: { run: commissionRunId, lines: summary.lineCount, total: summary.total, payees: summary.payees },
    }
  },
}

/**
 * Validate bonuses: approves the cycle's bonus run and locks it with its period: the results are final and visible to
 * everyone from here on (corrections are debit or credit notes in an open period).
 */
export const validateBonuses: StepRunner = {
  ownTransaction: true,
  async run({ payload, client, runId, userId }) {
    const run = (
      await client.query<{ id: number; status: string; total: string; lines: number }>(
        `select r.id, r.status::text as status, coalesce(r.total, 0)::text as total, coalesce(r.line_count, 0)::int as lines
           from pipeline_runs p join commission_runs r on r.id = p.commission_run_id where p.id = $1`,
        [runId],
      )
    ).rows[0]
    if (!run) throw new Error('no bonus run yet: run "Calculate bonuses" first')
    const who =
      (await client.query<{ email: string }>(`select email from users where id = $1`, [userId])).rows[0]?.email ?? `user #${userId}`
    if (run.status === 'awaiting_approval') {
      await client.query(
        `update commission_runs set status = 'approved', approved_by_id = $2, approved_at = now(),
                steps = coalesce(steps, '[]'::jsonb) || jsonb_build_array(jsonb_build_object('step', 'approve', 'status', 'done', 'detail', 'approved by ' || $3::text, 'at', now()))
          where id = $1 and status = 'awaiting_approval'`,
        [run.id, userId, who],
      )
    } else if (run.status !== 'approved' && run.status !== LOCKED_STATUS)
      throw new Error(`bonus run #${run.id} is ${run.status.replace(/_/g, ' ')}, not awaiting approval`)
    if (run.status !== LOCKED_STATUS) {
      const locked = await lockRun(payload, run.id, userId, who)
      if ('error' in locked) {
        // Approval and lock go together: a run that cannot be locked goes back to waiting for approval.
        if (run.status === 'awaiting_approval')
          await client.query(
            `update commission_runs set status = 'awaiting_approval', approved_by_id = null, approved_at = null where id = $1 and status = 'approved'`,
            [run.id],
          )
        throw new Error(locked.error)
      }
    }
    return {
      detail: `bonus run #${run.id} approved and locked by ${who}: ${run.lines} lines, ${run.total}`,
      counts: { run: run.id, lines: run.lines, total: run.total },
    }
  },
}

/** Review and pay: the payment batch of the locked cycle (every unpaid balance at or above its minimum; the rest carry forward). */
export const reviewAndPay: StepRunner = {
  ownTransaction: true,
  async run({ payload, client, runId, cycle }) {
    const existing = (await client.query<{ id: number | null }>(`select payment_batch_id as id from pipeline_runs where id = $1`, [runId]))
      .rows[0]?.id
    if (existing) return { detail: `payment batch #${existing} was already made for this cycle`, counts: { batch: existing } }
    const batch = await payload.create({
      collection: 'payment-batches',
      data: { period: cycle.id, effectiveDate: new Date().toISOString().slice(0, 10) },
    })
    await client.query(`update pipeline_runs set payment_batch_id = $2 where id = $1`, [runId, batch.id])
    return {
      detail: `payment batch #${batch.id} created for ${cycle.label}: it pays every balance due (advances and carried balances included)`,
      counts: { batch: Number(batch.id) },
    }
  },
}
