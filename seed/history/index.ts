import type { Payload } from 'payload'

import { dbPool } from '../../db/pool'
import { withTransaction } from '../../db/withTransaction'
import {
  approveAndLock,
  dateRuns,
  ensureCommissionCoverage,
  periodOf,
  planId,
  queueStatementFiles,
  runMonth,
  statementsAt,
  writeStatements,
} from '../commission/history'
import { payMonths } from '../payments/history'
import { writeAdvertisingHistory, writeBillingMonth, writeProposalHistory } from '../proposals/history'
import { DEMO_PLAN } from '../commission/data'
import { PROPOSAL_DEMO } from '../proposals/data'
import { reconcileMonth, workDiscrepancies } from '../reconcile/history'
import { DEMO_RECON } from '../telecom/data'
import { ensureScheduleCoverage, HISTORY_CARRIERS, loadCarriers, writeTelecomMonth } from '../telecom/history'
import { historyMonths, type HistoryContext, type HistoryMonth } from './context'

export type HistorySummary = {
  months: string[]
  imports: number
  reconciliations: number
  runs: number
  lockedMonths: number
  batches: number
  proposals: number
  clients: number
  /** Seconds spent per part. */
  seconds: Record<'setup' | 'proposals' | 'data' | 'reconcile' | 'runs' | 'statements' | 'lock' | 'payments', number>
}

/** The marker of a written history: its first file. */
const HISTORY_FILES = `history-%`

/** Key-value markers of the history's first and last write (Payload's KV store). */
const HISTORY_STARTED = 'accrue:demo-history:started'
const HISTORY_DONE = 'accrue:demo-history:done'

/**
 * A year of history for the demo, dated relative to `today`: the twelve full months before today's month, each with
 * its imported sales, carrier records and billing, its reconciliations (discrepancies worked by age), its commission
 * runs (both demo plans) with statements, approved and locked, and its payment batch paid with a bank file; the
 * latest month's runs wait for approval and the latest locked month's batch waits to be released. Proposals stand in
 * every state of the chain. Everything goes through the real steps (the import writers, `runReconciliation`,
 * `runCommission`, `lockRun`, `payBatch`, `actOnProposal`; statements are recorded with the statements job's own
 * summary and the job is queued to render their files), so every payout traces to its source rows and plan version
 * as production data does.
 *
 * The demo's walk-through month (Vertex, `DEMO_RECON`), when it falls in the year, keeps its own Vertex data and its
 * telecom run unmade, and the month stays open (the proposal run approved, not locked), so the walk-through works on
 * a demo with history too. Runs once: nothing is written when history (or no demo) is there; returns null then.
 */
export async function seedDemoHistory(
  payload: Payload,
  today: string,
  log: (line: string) => void = () => {},
): Promise<HistorySummary | null> {
  const pool = dbPool(payload)
  // The history is written in many transactions (each reconciliation and run is its own, as in production), so it
  // marks its start and its end: a start that stopped half-way says so instead of leaving a partial demo for good.
  if (await payload.kv.get(HISTORY_DONE)) return null
  if (
    (await payload.kv.get(HISTORY_STARTED)) ||
    (await pool.query(`select 1 from imports where filename like $1 limit 1`, [HISTORY_FILES])).rowCount
  )
    throw new Error(
      "the demo's history is incomplete: an earlier first start stopped while writing it. Stop Accrue, delete its data folder (ACCRUE_DATA_DIR, default ./.data) and start again.",
    )
  const people = await pool.query<{ id: number; code: string }>(`select id, code from participants`)
  if (!people.rows.some((p) => p.code === 'DLR-0101')) return null
  await payload.kv.set(HISTORY_STARTED, { at: new Date().toISOString() })
  const users = await pool.query<{ id: number; email: string }>(`select id, email from users`)
  const ctx: HistoryContext = {
    payload,
    pool,
    months: historyMonths(today),
    participants: new Map(people.rows.map((p) => [p.code, p.id])),
    users: new Map(users.rows.map((u) => [u.email, u.id])),
  }
  const seconds: HistorySummary['seconds'] = { setup: 0, proposals: 0, data: 0, reconcile: 0, runs: 0, statements: 0, lock: 0, payments: 0 }
  let clock = performance.now()
  const lap = (part: keyof HistorySummary['seconds']) => {
    const now = performance.now()
    seconds[part] += (now - clock) / 1000
    clock = now
  }
  log(`Writing the demo's history: ${ctx.months[0]!.label} – ${ctx.months[ctx.months.length - 1]!.label} …`)
  await ensureScheduleCoverage(ctx)
  await ensureCommissionCoverage(ctx, [DEMO_PLAN.name, PROPOSAL_DEMO.plan.name])
  const telecomPlan = await planId(ctx, DEMO_PLAN.name)
  const proposalPlan = await planId(ctx, PROPOSAL_DEMO.plan.name)
  const carriers = await withTransaction(pool, {}, (client) => loadCarriers(client))
  lap('setup')
  const proposals = await writeProposalHistory(ctx)
  await writeAdvertisingHistory(ctx)
  lap('proposals')

  const last = ctx.months.length - 1
  const locked: HistoryMonth[] = []
  let imports = 0
  let reconciliations = 0
  const runIds: number[] = []
  for (const month of ctx.months) {
    const walkThrough = month.start === DEMO_RECON.periodStart
    const present = HISTORY_CARRIERS.filter((c) => !(walkThrough && c.code === DEMO_RECON.carrier))
    await withTransaction(pool, {}, async (client) => {
      for (const carrier of present) await writeTelecomMonth(client, ctx, carrier, carriers.get(carrier.code)!, month)
      if ((await writeBillingMonth(client, ctx, proposals.clients, month)) > 0) imports++
    })
    imports += present.length * 2
    lap('data')
    // Each carrier's reconciliation, and each plan's run, is its own job in production: they run side by side here too.
    await Promise.all(present.map((carrier) => reconcileMonth(ctx, carriers.get(carrier.code)!.id, month)))
    reconciliations += present.length
    lap('reconcile')
    // The walk-through month's Vertex data is reconciled by the demo's own queued run: its telecom run is left to it.
    const plans = [...(walkThrough ? [] : [telecomPlan]), ...(proposals.clients.some((c) => c.month <= month.index) ? [proposalPlan] : [])]
    const monthRuns = await Promise.all(plans.map((plan) => runMonth(ctx, plan, month)))
    runIds.push(...monthRuns)
    lap('runs')
    for (const run of monthRuns) await writeStatements(ctx, run, statementsAt(month))
    await dateRuns(ctx, monthRuns, month)
    lap('statements')
    // The walk-through month stays open (its runs approved, not locked): the walk-through runs, approves and locks it.
    if (month.index < last) {
      await approveAndLock(ctx, monthRuns, month, !walkThrough)
      if (monthRuns.length > 0 && !walkThrough) locked.push(month)
    }
    lap('lock')
  }
  await withTransaction(pool, {}, (client) => workDiscrepancies(client, ctx))
  lap('reconcile')
  const batches = await payMonths(ctx, locked, (month) => periodOf(ctx, month))
  lap('payments')
  await queueStatementFiles(ctx, runIds)
  lap('statements')
  await payload.kv.set(HISTORY_DONE, { at: new Date().toISOString() })
  const summary: HistorySummary = {
    months: ctx.months.map((m) => m.label),
    imports,
    reconciliations,
    runs: runIds.length,
    lockedMonths: locked.length,
    batches: batches.length,
    proposals: proposals.count,
    clients: proposals.clients.length,
    seconds: Object.fromEntries(Object.entries(seconds).map(([part, s]) => [part, Math.round(s * 100) / 100])) as HistorySummary['seconds'],
  }
  log(
    `History: ${summary.imports} imports, ${summary.reconciliations} reconciliations, ${summary.runs} commission runs (${summary.lockedMonths} months locked), ${summary.batches} payment batches, ${summary.proposals} proposals (${summary.clients} clients billed).`,
  )
  return summary
}
