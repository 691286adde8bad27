import type { Payload } from 'payload'

import { previousMonthEnd } from '../../engine/commission'
import { STEP_INFO, type PipelineStep, type StepState } from '../../engine/multilevel'
import { dbPool } from '../../db/pool'
import type { OnProgress } from '../core/progress'
import { claimPipelineStep, executePipelineStep } from './pipeline'

/** Steps a schedule never takes: validating and paying are decisions people make in the wizard. */
const PEOPLE_DECIDE: readonly PipelineStep[] = ['validate_bonuses', 'review_and_pay']

/**
 * The cycle a scheduled pipeline works on, in its calendar: a daily pipeline refreshes the open period that contains
 * today (so consultants follow their KPIs and ranks as orders come in); a monthly or yearly one settles the monthly
 * cycle of the month before today's or, on the advance calendar, the last advance period that has ended.
 */
async function cycleFor(payload: Payload, category: string, calendar: string, today: string): Promise<{ id: number; label: string }> {
  const where =
    category === 'daily'
      ? `cycle = $2 and starts_on <= $1::date and ends_on >= $1::date and status <> 'locked'`
      : calendar === 'advance'
        ? `cycle = $2 and ends_on < $1::date and status <> 'locked'`
        : `cycle = $2 and frequency = 'monthly' and ends_on = $1::date`
  const day = category === 'daily' || calendar === 'advance' ? today : previousMonthEnd(today)
  const found = await dbPool(payload).query<{ id: number; label: string }>(
    `select id, label from commission_periods where ${where} order by ${category === 'daily' ? 'starts_on' : 'ends_on desc'} limit 1`,
    [day, calendar],
  )
  const cycle = found.rows[0]
  if (!cycle)
    throw new Error(
      category === 'daily'
        ? `no open regular cycle contains ${today}: generate the calendar`
        : `no regular monthly cycle ends on ${day}: generate the calendar for that month first`,
    )
  return cycle
}

/**
 * What a schedule starts for a pipeline type: its run for the cycle (created once), then each step in order. A daily
 * pipeline runs every step again (figures follow the orders); a monthly one runs the steps not done yet. The walk
 * stops before validation and payment (people decide those), at a step that may not run, or at the first failure,
 * which the run records. Returns what each step found.
 */
export async function runScheduledPipeline(
  payload: Payload,
  typeId: number,
  now: Date,
  userId: number,
  onProgress: OnProgress,
): Promise<string[]> {
  const type = await payload.findByID({ collection: 'pipeline-types', id: typeId, depth: 0 })
  const cycle = await cycleFor(payload, type.category, type.calendar ?? 'regular', now.toISOString().slice(0, 10))
  const existing = await payload.find({
    collection: 'pipeline-runs',
    where: { pipelineType: { equals: typeId }, cycle: { equals: cycle.id } },
    limit: 1,
    depth: 0,
  })
  const runId = Number(
    existing.docs[0]?.id ?? (await payload.create({ collection: 'pipeline-runs', data: { pipelineType: typeId, cycle: cycle.id } })).id,
  )
  const done: string[] = []
  for (const row of type.steps ?? []) {
    const step = row.step as PipelineStep
    if (PEOPLE_DECIDE.includes(step)) {
      done.push(`${STEP_INFO[step].label}: waiting for a person in the wizard`)
      break
    }
    const run = await payload.findByID({ collection: 'pipeline-runs', id: runId, depth: 0 })
    const state = (run.steps as StepState[] | null)?.find((s) => s.step === step)
    if (type.category !== 'daily' && state?.status === 'done') continue
    const claimed = await claimPipelineStep(payload, runId, step, userId)
    if ('refusal' in claimed) {
      done.push(claimed.refusal)
      break
    }
    const outcome = await executePipelineStep(payload, runId, step, userId, onProgress)
    done.push(`${STEP_INFO[step].label}: ${outcome.detail}`)
  }
  return done
}
