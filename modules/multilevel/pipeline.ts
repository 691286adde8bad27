import type { Payload } from 'payload'
import type { PoolClient } from 'pg'

import { dbPool } from '../../db/pool'
import { withTransaction } from '../../db/withTransaction'
import { dependentsOf, STEP_INFO, stepRefusal, type PipelineStep, type StepState } from '../../engine/multilevel/pipeline'
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
}

async function loadRun(client: { query: PoolClient['query'] }, runId: number, forUpdate: boolean): Promise<RunRow | null> {
  const found = await client.query<RunRow>(
    `select r.id, r.status::text as status, coalesce(r.steps, '[]'::jsonb) as steps, r.cycle_id as "cycleId", r.pipeline_type_id as "typeId",
            t.career_plan_id as "careerPlanId", t.compensation_plan_id as "compensationPlanId"
       from pipeline_runs r join pipeline_types t on t.id = r.pipeline_type_id where r.id = $1 ${forUpdate ? 'for update of r' : ''}`,
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

const setStep = (steps: StepState[], step: PipelineStep, state: Partial<StepState>): StepState[] =>
  steps.map((s) => (s.step === step ? { ...s, ...state, step } : s))

/**
 * Marks `step` running when it may run now (a conditional update under a row lock, so two clicks queue it once), or
 * says why not with the HTTP status that fits.
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
    // A locked cycle still pays: only "review and pay" may run once the bonuses are validated.
    const closed = run.status === 'closed' || (cycle.status === 'locked' && step !== 'review_and_pay')
    const refusal = stepRefusal(run.steps, step, closed)
    if (refusal) return { refusal: `${STEP_INFO[step].label}: ${refusal}`, status: 409 }
    const steps = setStep(run.steps, step, { status: 'running', detail: 'queued', at: new Date().toISOString() })
    await client.query(`update pipeline_runs set status = 'running', steps = $2, message = null, updated_at = now() where id = $1`, [
      runId,
      JSON.stringify(steps),
    ])
    return { label: STEP_INFO[step].label }
  })
}

/**
 * Runs a claimed step. Success marks it done with what it found and sends the steps that depend on it back to pending
 * (their figures are stale); failure rolls its work back and records why on the step and the run.
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
  const finish = async (state: Partial<StepState>, status: string, message: string | null) => {
    await withTransaction(pool, {}, async (client) => {
      const run = (await loadRun(client, runId, true))!
      let steps = setStep(run.steps, step, { ...state, at: new Date().toISOString() })
      if (state.status === 'done') {
        const stale = new Set(
          dependentsOf(
            step,
            steps.map((s) => s.step),
          ),
        )
        steps = steps.map((s) =>
          stale.has(s.step) && s.status === 'done'
            ? { step: s.step, status: 'pending', detail: `re-run: "${STEP_INFO[step].label}" ran again` }
            : s,
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
  const work = async (client: PoolClient) => {
    const run = await loadRun(client, runId, false)
    if (!run) throw new Error(`pipeline run ${runId} does not exist`)
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
      : await withTransaction(pool, { lock: `accrue.multilevel.pipeline.${runId}` }, async (client) => {
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
