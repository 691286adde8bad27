import type { Payload } from 'payload'

import { dbPool } from '../../db/pool'
import { withTransaction } from '../../db/withTransaction'
import { COMPONENT_KINDS } from '../../engine/commission/components/registry'
import type { ComponentConfig } from '../../engine/commission/components/types'
import { RUN_STEP_LABELS, type RunStep, type StepRecord } from '../../engine/commission/runSteps'
import { format, money } from '../../engine/core/money'
import type { OnProgress } from '../core/progress'
import { postNotes } from './calculate/notes'
import { COMPONENT_STEPS, type ComponentStep } from './calculate/steps'
import { collectVerifiedFacts } from './collect'
import type { PeriodRow, RunContext } from './context'
import { applyHolds } from './holds'
import { postRunLines, stageRunLines } from './runLines'
import { summarizeRun, type RunSummary } from './summary'
import { loadPlanVersion } from './versionData'
import { emitEventSql } from '../api'

type RunRow = { id: number; periodId: number; planId: number; mode: 'post' | 'preview'; currency: string; planName: string }

/**
 * Stages the lines of one phase's components, in the registry's order: each component the version has runs its step.
 * Returns "n counted" for every kind of the phase, with whether the version has it.
 */
async function runPhase(ctx: RunContext, phase: ComponentStep<ComponentConfig>['phase']): Promise<{ present: boolean; counted: string }[]> {
  const counts: { present: boolean; counted: string }[] = []
  for (const kind of COMPONENT_KINDS) {
    const step = COMPONENT_STEPS[kind] as ComponentStep<ComponentConfig>
    if (step.phase !== phase) continue
    const config = ctx.version.components.find((c) => c.kind === kind)
    counts.push({ present: config !== undefined, counted: `${config ? await step.run(ctx, config) : 0} ${step.counted}` })
  }
  return counts
}

/**
 * Runs (or re-runs) one commission run in a single transaction: collect verified facts → calculate every component
 * (each distinct input evaluated once, lines written set-based) → apply adjustments (notes, overrides, holds) →
 * validate → post. A posted run then waits for approval; a preview never posts its lines and keeps only the summary. Any
 * failure leaves the period exactly as it was, with the reason on the run.
 */
export async function runCommission(payload: Payload, runId: number, onProgress: OnProgress): Promise<RunSummary> {
  const pool = dbPool(payload)
  const found = await pool.query<RunRow>(
    `select r.id, r.period_id as "periodId", r.plan_id as "planId", r.mode::text as mode, p.currency, p.name as "planName"
       from commission_runs r join compensation_plans p on p.id = r.plan_id where r.id = $1`,
    [runId],
  )
  const run = found.rows[0]
  if (!run) throw new Error(`commission run ${runId} does not exist`)
  const steps: StepRecord[] = []
  const step = (name: RunStep, detail: string, status: StepRecord['status'] = 'done') =>
    steps.push({ step: name, status, detail, at: new Date().toISOString() })
  const progress = (done: number, label: string) => onProgress({ done, total: 4, label })
  await pool.query(`update commission_runs set status = 'running', message = null, steps = '[]' where id = $1`, [runId])
  let current: RunStep = 'collect'
  const onFailure = async (err: unknown) => {
    step(current, (err as Error).message, 'failed')
    await pool.query(`update commission_runs set status = 'failed', message = $2, steps = $3 where id = $1`, [
      runId,
      `The run failed and changed nothing: ${(err as Error).message}`,
      JSON.stringify(steps),
    ])
  }
  const summary = await withTransaction(pool, { lock: `accrue.commission-run.${runId}`, onFailure }, async (client) => {
    await client.query(`set local work_mem = '256MB'`)
    const period = (
      await client.query<PeriodRow>(
        `select id, label, starts_on::text as "startsOn", ends_on::text as "endsOn", frequency::text as frequency, cycle::text as cycle, status::text as status from commission_periods where id = $1`,
        [run.periodId],
      )
    ).rows[0]!
    if (period.status === 'locked' && run.mode === 'post')
      throw new Error(`period ${period.label} is locked; corrections are debit or credit notes in an open period`)
    const versionId = (
      await client.query<{ id: number }>(
        `select id from plan_versions where plan_id = $1 and status = 'approved' and effective_from <= $2 order by effective_from desc limit 1`,
        [run.planId, period.startsOn],
      )
    ).rows[0]?.id
    if (versionId === undefined)
      throw new Error(
        `plan "${run.planName}" has no approved version in force on ${period.startsOn}: approve a version effective on or before that day`,
      )
    const version = await loadPlanVersion(payload, versionId)
    const ctx: RunContext = {
      client,
      runId,
      period,
      version,
      currency: run.currency,
      preview: run.mode === 'preview',
      problems: [],
      warnings: [],
    }
    await client.query(`update commission_runs set plan_version_id = $2 where id = $1`, [runId, versionId])
    await client.query(`delete from commission_statements where run_id = $1`, [runId])
    await client.query(`delete from commission_lines where run_id = $1`, [runId])
    await client.query(`delete from commission_evaluations where run_id = $1`, [runId])
    await stageRunLines(ctx)

    await progress(0, RUN_STEP_LABELS.collect)
    const telecom = version.components.some((c) => COMPONENT_STEPS[c.kind].telecom)
    const { facts } = telecom ? await collectVerifiedFacts(ctx) : { facts: 0 }
    step(
      'collect',
      `${telecom ? `${facts} verified sales` : 'billing of accepted proposals'} in ${period.label} (${period.startsOn} – ${period.endsOn}), plan version ${version.label}`,
    )

    current = 'calculate'
    await progress(1, RUN_STEP_LABELS.calculate)
    const calculated = await runPhase(ctx, 'calculate')
    step(
      'calculate',
      `${calculated
        .filter((c) => c.present)
        .map((c) => c.counted)
        .join(', ')} lines`,
    )
    await client.query('analyze run_lines')

    current = 'adjust'
    await progress(2, RUN_STEP_LABELS.adjust)
    const notes = await postNotes(ctx, run.planId)
    const adjusted = await runPhase(ctx, 'adjust')
    const held = await applyHolds(ctx)
    step('adjust', [`${notes} debit/credit notes`, ...adjusted.map((c) => c.counted), `${held} lines on hold`].join(', '))

    current = 'validate'
    await progress(3, RUN_STEP_LABELS.validate)
    if (ctx.problems.length > 0) {
      throw new Error(
        `the plan version cannot price every verified sale; fix the plan and run again: ${ctx.problems.slice(0, 10).join('; ')}${ctx.problems.length > 10 ? ` (and ${ctx.problems.length - 10} more)` : ''}`,
      )
    }
    const summary = await summarizeRun(ctx)
    step(
      'validate',
      `${summary.lineCount} lines for ${summary.payees} payees tie to ${format(money(summary.total, run.currency))}` +
        (ctx.warnings.length > 0 ? `. Not paid: ${ctx.warnings.join('; ')}` : ''),
    )
    const preview = run.mode === 'preview'
    if (!preview && (await postRunLines(ctx)) !== summary.lineCount)
      throw new Error('posting wrote another number of lines than were validated')
    step('approve', preview ? 'preview: nothing was posted' : 'waiting for approval', preview ? 'skipped' : 'waiting')
    const message =
      `${preview ? 'Preview: would post' : 'Posted'} ${summary.lineCount} lines, ${format(money(summary.total, run.currency))} for ${summary.payees} payees` +
      (summary.held !== '0.0000' ? ` (${format(money(summary.held, run.currency))} on hold)` : '') +
      '.' +
      (ctx.warnings.length > 0 ? ` Not paid: ${ctx.warnings.join('; ')}.` : '')
    await client.query(
      `update commission_runs set status = $2, total = $3, line_count = $4, summary = $5, steps = $6, message = $7,
              run_count = coalesce(run_count, 0) + 1, last_run_at = now(), approved_by_id = null, approved_at = null where id = $1`,
      [
        runId,
        preview ? 'previewed' : 'awaiting_approval',
        summary.total,
        preview ? 0 : summary.lineCount,
        JSON.stringify(summary),
        JSON.stringify(steps),
        message,
      ],
    )
    if (!preview)
      await emitEventSql(client, 'commission_run.awaiting_approval', `commission-runs/${runId}`, {
        runId,
        status: 'awaiting_approval',
        periodId: period.id,
        period: period.label,
        planId: run.planId,
        currency: run.currency,
        total: summary.total,
        held: summary.held,
        lineCount: summary.lineCount,
        payees: summary.payees,
      })
    return summary
  })
  await progress(4, 'completed')
  return summary
}
