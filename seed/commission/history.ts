import { generatePeriods } from '../../engine/commission/calendar'
import { statementBreakdown, summarizeStatement } from '../../engine/commission/statement'
import { lockRun } from '../../modules/commission/lockRun'
import { runCommission } from '../../modules/commission/runCommission'
import { PLAIN_BRAND, statementContent } from '../../modules/commission/statements/statementData'
import { daysAfter, noonOf, type HistoryContext, type HistoryMonth } from '../history/context'

const noProgress = async () => {}

/** Strips the ids Payload gave a stored block (and its rows), so the same components can be stored again. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds)
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'id')
        .map(([key, inner]) => [key, withoutIds(inner)]),
    )
  return value
}

/**
 * What the history needs of the commission calendar and plans, when the demo's own do not reach back far enough:
 * the monthly periods of every history month, and for each plan an approved version in force on the first month
 * (the same components as the plan's first version, effective from the first history month).
 */
export async function ensureCommissionCoverage(ctx: HistoryContext, plans: readonly string[]): Promise<void> {
  const { payload, months } = ctx
  for (const period of generatePeriods('monthly', months[0]!.start, months.length)) {
    const found = await ctx.pool.query(`select 1 from commission_periods where frequency = 'monthly' and starts_on = $1`, [period.startsOn])
    if (found.rowCount === 0)
      await payload.create({
        collection: 'commission-periods',
        data: { ...period, frequency: 'monthly', cycle: 'regular', status: 'open' },
        depth: 0,
      })
  }
  for (const name of plans) {
    const plan = await planId(ctx, name)
    const first = await payload.find({
      collection: 'plan-versions',
      where: { plan: { equals: plan }, status: { equals: 'approved' } },
      sort: 'effectiveFrom',
      limit: 1,
      depth: 0,
    })
    const earliest = first.docs[0]
    if (!earliest) throw new Error(`plan "${name}" has no approved version`)
    if (String(earliest.effectiveFrom).slice(0, 10) <= months[0]!.start) continue
    await payload.create({
      collection: 'plan-versions',
      data: {
        plan,
        effectiveFrom: months[0]!.start,
        status: 'approved',
        rounding: earliest.rounding,
        components: withoutIds(earliest.components),
        notes: `The terms of ${String(earliest.title)}, in force over the demo's history before it.`,
      } as never,
      depth: 0,
    })
  }
}

export async function planId(ctx: HistoryContext, name: string): Promise<number> {
  const found = await ctx.pool.query<{ id: number }>(`select id from compensation_plans where name = $1`, [name])
  if (!found.rows[0]) throw new Error(`the demo has no compensation plan "${name}"`)
  return found.rows[0].id
}

export async function periodOf(ctx: HistoryContext, month: HistoryMonth): Promise<number> {
  const found = await ctx.pool.query<{ id: number }>(
    `select id from commission_periods where frequency = 'monthly' and cycle = 'regular' and starts_on = $1`,
    [month.start],
  )
  return found.rows[0]!.id
}

/**
 * One plan's run of one month on the real path: created as finance creates it, then run (`runCommission`). Refuses loudly when the run does not post: the history must be what
 * production would have.
 */
export async function runMonth(ctx: HistoryContext, plan: number, month: HistoryMonth): Promise<number> {
  const run = await ctx.payload.create({
    collection: 'commission-runs',
    data: { plan, period: await periodOf(ctx, month), mode: 'post' },
    context: { skipQueue: true },
    depth: 0,
  })
  const id = run.id as number
  await runCommission(ctx.payload, id, noProgress)
  const after = await ctx.pool.query<{ status: string; message: string | null }>(
    `select status::text as status, message from commission_runs where id = $1`,
    [id],
  )
  if (after.rows[0]?.status !== 'awaiting_approval')
    throw new Error(`the history's commission run ${String(run.title)} did not post: ${after.rows[0]?.message}`)
  return id
}

/**
 * The statements of a run: each payee's statement recorded with the totals and breakdown the statements job records
 * (the same content and summary functions). Their files come from the job itself (`queueStatementFiles`), which the
 * worker runs in the background after start instead of holding up the first start (rendering a year of statements
 * takes minutes on a small machine); it rewrites the same rows with their files.
 */
export async function writeStatements(ctx: HistoryContext, runId: number, generatedAt: string): Promise<number> {
  const client = await ctx.pool.connect()
  try {
    const payees = await client.query<{ payee_id: number }>(
      `select distinct payee_id from commission_lines where run_id = $1 order by payee_id`,
      [runId],
    )
    for (const { payee_id: payee } of payees.rows) {
      const content = await statementContent(client, runId, payee)
      const summary = summarizeStatement({ ...content, generatedAt, brand: PLAIN_BRAND })
      await client.query(
        `insert into commission_statements (title, run_id, period_id, participant_id, currency, total, held, payable, line_count, generated_at, summary, updated_at, created_at)
         select $1, r.id, r.period_id, $3, $4, $5, $6, $7, $8, $9, $10, $9, $9 from commission_runs r where r.id = $2`,
        [
          `${content.participant.name} · ${content.period.label}`,
          runId,
          payee,
          content.currency,
          summary.total,
          summary.held,
          summary.payable,
          summary.lineCount,
          generatedAt,
          JSON.stringify(statementBreakdown(summary)),
        ],
      )
    }
    return payees.rows.length
  } finally {
    client.release()
  }
}

/**
 * Queues the statements job of each run, as "Generate statements" does, newest first (the statements people open
 * first get their files first); the worker renders them after the history is written.
 */
export async function queueStatementFiles(ctx: HistoryContext, runIds: readonly number[]): Promise<void> {
  for (const runId of [...runIds].reverse()) {
    const job = await ctx.payload.jobs.queue({ task: 'generateStatements', input: { runId } })
    await ctx.pool.query(`update commission_runs set statements_job = $2 where id = $1`, [runId, job.id])
  }
}

/**
 * Approves the runs of a month (as the company admin does, with the step recorded as the endpoint records it) and
 * locks the period (`lockRun`, as finance); the history's dates replace today's.
 */
export async function approveAndLock(ctx: HistoryContext, runs: readonly number[], month: HistoryMonth, lock: boolean): Promise<void> {
  const admin = ctx.users.get('admin@northwind.example')!
  const finance = ctx.users.get('finance@northwind.example')!
  const approvedAt = noonOf(daysAfter(month.end, 6))
  for (const id of runs) {
    const approved = await ctx.pool.query(
      `update commission_runs set status = 'approved', approved_by_id = $2, approved_at = $3,
              steps = coalesce(steps, '[]'::jsonb) || jsonb_build_array(jsonb_build_object('step', 'approve', 'status', 'done', 'detail', 'approved by admin@northwind.example', 'at', $3::timestamptz))
        where id = $1 and status = 'awaiting_approval' returning id`,
      [id, admin, approvedAt],
    )
    if (approved.rowCount === 0) throw new Error(`the history's run ${id} could not be approved`)
  }
  if (lock && runs.length > 0) {
    const locked = await lockRun(ctx.payload, runs[0]!, finance, 'finance@northwind.example')
    if ('error' in locked) throw new Error(`the history's ${month.label} could not be locked: ${locked.error}`)
    const lockedAt = noonOf(daysAfter(month.end, 7))
    await ctx.pool.query(`update commission_runs set locked_at = $2 where id = any($1::int[])`, [runs, lockedAt])
    await ctx.pool.query(`update commission_periods set locked_at = $2 where starts_on = $1 and frequency = 'monthly'`, [
      month.start,
      lockedAt,
    ])
  }
}

/** When a month's runs ran (the 5th after the month) and its statements were made (an hour later). */
export const ranAt = (month: HistoryMonth): string => noonOf(daysAfter(month.end, 5))
export const statementsAt = (month: HistoryMonth): string => `${daysAfter(month.end, 5)}T13:00:00.000Z`

/** Dates a month's runs as they would have been. */
export async function dateRuns(ctx: HistoryContext, runs: readonly number[], month: HistoryMonth): Promise<void> {
  await ctx.pool.query(`update commission_runs set created_at = $2, updated_at = $2, last_run_at = $2 where id = any($1::int[])`, [
    runs,
    ranAt(month),
  ])
}
