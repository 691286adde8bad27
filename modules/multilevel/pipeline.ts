import type { Payload } from 'payload'
import type { PoolClient } from 'pg'

import { dbPool } from '../../db/pool'
import { withTransaction } from '../../db/withTransaction'
import { LOCKED_STATUS } from '../../engine/commission'
import { dependentsOf, PIPELINE_STEPS, STEP_INFO, stepRefusal, type PipelineStep, type StepState } from '../../engine/multilevel/pipeline'
import type { OnProgress } from '../core/progress'
import { PIPELINE_STEP_RUNNERS } from './steps'

export type CycleRow = { id: number; label: string; startsOn: string; endsOn: string; status: string; cycle: string }

/** What a step is handed: the run's transaction (unless the step keeps its own), the cycle and the type's plans. */
export type StepContext = {
  payload: Payload
  client: PoolClient
  runId: number
  cycle: CycleRow
  careerPlanId: number | null
  compensationPlanId: number | null
  userId: number
  onProgress: OnProgress
}

/** What a step found: one sentence for the wizard, and the figures behind it. */
export type StepOutcome = { detail: string; counts?: Record<string, number | string> }

/**
 * One step's work. `ownTransaction`: the step commits through a service that keeps its own transaction (the bonus run,
 * the approval, the payment batch); the others run inside the pipeline's transaction, so a failure changes nothing.
 */
export type StepRunner = { ownTransaction?: boolean; run(ctx: StepContext): Promise<StepOutcome> }

type RunRow = {
  id: number
  status: string
  steps: StepState[]
  cycleId: number
  typeId: number
  careerPlanId: number | null
  compensationPlanId: number | null
  commissionRunId: number | null
  commissionRunStatus: string | null
}

/** A step's state as stored, with the job that runs it once it is queued. */
type StoredStep = StepState & { job?: number }

async function loadRun(client: { query: PoolClient['query'] }, runId: number, forUpdate: boolean): Promise<RunRow | null> {
  const found = await client.query<RunRow>(
    `select r.id, r.status::text as status, coalesce(r.steps, '[]'::jsonb) as steps, r.cycle_id as "cycleId", r.pipeline_type_id as "typeId",
            t.career_plan_id as "careerPlanId", t.compensation_plan_id as "compensationPlanId",
            r.commission_run_id as "commissionRunId", c.status::text as "commissionRunStatus"
       from pipeline_runs r join pipeline_types t on t.id = r.pipeline_type_id left join commission_runs c on c.id = r.commission_run_id
      where r.id = $1 ${forUpdate ? 'for update of r' : ''}`,
    [runId],
  )
  return found.rows[0] ?? null
}

async function loadCycle(client: { query: PoolClient['query'] }, cycleId: number): Promise<CycleRow> {
  return (
    await client.query<CycleRow>(
      `select id, label, starts_on::text as "startsOn", ends_on::text as "endsOn", status::text as status, cycle::text as cycle
         from commission_periods where id = $1`,
      [cycleId],
    )
  ).rows[0]!
}

const setStep = (steps: StoredStep[], step: PipelineStep, state: Partial<StoredStep>): StoredStep[] =>
  steps.map((s) => (s.step === step ? { ...s, ...state, step } : s))

/**
 * A step still marked running whose job has ended (it failed, or a worker died and the job was cancelled or deleted)
 * is failed, so the wizard is not stuck behind it.
 */
async function releaseStoppedSteps(client: { query: PoolClient['query'] }, steps: StoredStep[]): Promise<StoredStep[]> {
  const running = steps.filter((s) => s.status === 'running' && typeof s.job === 'number')
  if (running.length === 0) return steps
  const jobs = await client.query<{ id: number; ended: boolean }>(
    `select id, (completed_at is not null or coalesce(has_error, false)) as ended from payload_jobs where id = any($1::int[])`,
    [running.map((s) => s.job!)],
  )
  const live = new Set(jobs.rows.filter((j) => !j.ended).map((j) => j.id))
  return steps.map((s) =>
    s.status === 'running' && typeof s.job === 'number' && !live.has(s.job)
      ? { step: s.step, status: 'failed', detail: 'its job stopped before the step finished; run it again' }
      : s,
  )
}

/**
 * Marks `step` running when it may run now (a conditional update under a row lock, so two clicks queue it once), or
 * says why not with the HTTP status that fits: a step it needs has not run, the cycle is closed, the bonus run it
 * would change is approved, or another pipeline of the same cycle is running a step.
 */
export async function claimPipelineStep(
  payload: Payload,
  runId: number,
  step: PipelineStep,
  _userId: number,
): Promise<{ label: string } | { refusal: string; status: number }> {
  return withTransaction(dbPool(payload), {}, async (client) => {
    const run = await loadRun(client, runId, true)
    if (!run) return { refusal: `pipeline run ${runId} not found`, status: 404 }
    const cycle = await loadCycle(client, run.cycleId)
    const label = STEP_INFO[step].label
    // A locked cycle still pays: only "review and pay" may run once the bonuses are validated.
    const closed = run.status === 'closed' || (cycle.status === 'locked' && step !== 'review_and_pay')
    const steps = await releaseStoppedSteps(client, run.steps)
    const refusal = stepRefusal(steps, step, closed)
    if (refusal) return { refusal: `${label}: ${refusal}`, status: 409 }
    // The figures an approved bonus run of the cycle (any pipeline's) was paid on no longer change.
    const feedsBonuses = step === 'calculate_bonuses' || dependentsOf(step, PIPELINE_STEPS).includes('calculate_bonuses')
    const approved = feedsBonuses
      ? (
          await client.query<{ id: number; status: string }>(
            `select c.id, c.status::text as status from pipeline_runs r join commission_runs c on c.id = r.commission_run_id
              where r.cycle_id = $1 and c.status in ('approved', $2) limit 1`,
            [run.cycleId, LOCKED_STATUS],
          )
        ).rows[0]
      : undefined
    if (approved)
      return {
        refusal: `${label}: the bonus run #${approved.id} of this cycle is ${approved.status}: its figures no longer change`,
        status: 409,
      }
    // Two pipelines of one cycle (a daily refresh, the monthly settlement) write the same member figures: one at a time.
    const busy = await client.query<{ title: string }>(
      `select title from pipeline_runs where cycle_id = $1 and id <> $2 and status = 'running'`,
      [run.cycleId, runId],
    )
    if (busy.rows[0]) return { refusal: `${label}: "${busy.rows[0].title}" is running a step on this cycle; wait for it`, status: 409 }
    const claimed = setStep(steps, step, { status: 'running', detail: 'queued', at: new Date().toISOString() })
    await client.query(`update pipeline_runs set status = 'running', steps = $2, message = null, updated_at = now() where id = $1`, [
      runId,
      JSON.stringify(claimed),
    ])
    return { label }
  })
}

/** Records the job that runs a claimed step, so a step whose job stopped without finishing can be released. */
export async function recordStepJob(payload: Payload, runId: number, step: PipelineStep, jobId: number): Promise<void> {
  await dbPool(payload).query(
    `update pipeline_runs
        set steps = (select jsonb_agg(case when s->>'step' = $2 and s->>'status' = 'running' then s || jsonb_build_object('job', $3::int) else s end order by n)
                       from jsonb_array_elements(steps) with ordinality as e(s, n))
      where id = $1`,
    [runId, step, jobId],
  )
}

/**
 * Runs a claimed step under the cycle's lock (one step of one cycle at a time, whichever pipeline asks). Success marks
 * it done with what it found and sends the steps that depend on it back to pending (their figures are stale; a bonus
 * run waiting for approval on them fails, to be run again); failure rolls its work back and records why on the step
 * and the run.
 */
export async function executePipelineStep(
  payload: Payload,
  runId: number,
  step: PipelineStep,
  userId: number,
  onProgress: OnProgress,
): Promise<StepOutcome> {
  const pool = dbPool(payload)
  const runner = PIPELINE_STEP_RUNNERS[step]
  const finish = async (state: Partial<StoredStep>, status: string, message: string | null) => {
    await withTransaction(pool, {}, async (client) => {
      const run = (await loadRun(client, runId, true))!
      let steps = setStep(run.steps, step, { ...state, job: undefined, at: new Date().toISOString() })
      if (state.status === 'done') {
        const stale = new Set(
          dependentsOf(
            step,
            steps.map((s) => s.step),
          ),
        )
        const bonusesStale = stale.has('calculate_bonuses') && steps.some((s) => s.step === 'calculate_bonuses' && s.status === 'done')
        steps = steps.map((s) =>
          stale.has(s.step) && s.status === 'done'
            ? { step: s.step, status: 'pending', detail: `re-run: "${STEP_INFO[step].label}" ran again` }
            : s,
        )
        // Lines posted on figures that have changed must not be approved: the cycle's bonus runs waiting for approval
        // (this pipeline's, or another pipeline's of the same cycle) wait to be run again.
        if (bonusesStale || step === 'calculate_indicators')
          await client.query(
            `update commission_runs set status = 'failed', message = $3
              where status = 'awaiting_approval' and id in (select commission_run_id from pipeline_runs where cycle_id = $1 and commission_run_id is not null and ($2::boolean or id <> $4))`,
            [
              run.cycleId,
              bonusesStale,
              `The network figures changed after this run ("${STEP_INFO[step].label}" ran again): run "Calculate bonuses" again.`,
              runId,
            ],
          )
      }
      const allDone = steps.every((s) => s.status === 'done')
      await client.query(`update pipeline_runs set status = $2, steps = $3, message = $4, updated_at = now() where id = $1`, [
        runId,
        status === 'open' && allDone ? 'closed' : status,
        JSON.stringify(steps),
        message,
      ])
    })
  }
  const found = await loadRun(pool, runId, false)
  if (!found) throw new Error(`pipeline run ${runId} does not exist`)
  const work = async (client: PoolClient) => {
    const run = (await loadRun(client, runId, false))!
    const cycle = await loadCycle(client, run.cycleId)
    return runner.run({
      payload,
      client,
      runId,
      cycle,
      careerPlanId: run.careerPlanId,
      compensationPlanId: run.compensationPlanId,
      userId,
      onProgress,
    })
  }
  try {
    const outcome = runner.ownTransaction
      ? await (async () => {
          const client = await pool.connect()
          try {
            return await work(client)
          } finally {
            client.release()
          }
        })()
      : await withTransaction(pool, { lock: `accrue.multilevel.cycle.${found.cycleId}` }, async (client) => {
          await client.query(`set local work_mem = '256MB'`)
          return work(client)
        })
    await finish({ status: 'done', detail: outcome.detail, counts: outcome.counts }, 'open', null)
    return outcome
  } catch (err) {
    const message = `${STEP_INFO[step].label} failed and changed nothing: ${(err as Error).message}`
    await finish({ status: 'failed', detail: (err as Error).message }, 'failed', message)
    throw err
  }
}
