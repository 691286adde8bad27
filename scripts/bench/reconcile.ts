/**
 * The reconciliation benchmark: a month of `rows` carrier records (and the matching dealer sales, every class
 * planted) for Vertex, written in bulk; then the real run (`runReconciliation`, what the job does) is timed and its
 * class counts checked against the planted ones, and compared to the floor: the plain PostgreSQL join that pairs the
 * same rows on the same keys. A re-run is timed and checked too (it must find the same).
 */
import type { Payload } from 'payload'
import type pg from 'pg'

import { carrierRecordKey, dealerSaleKey } from '../../engine/ingest/rows'
import { priceLine, versionInForce } from '../../engine/telecom/pricing'
import { RECON_CLASSES, type ReconClass, type ReconSummary } from '../../engine/reconcile/reconciliation'
import { MATCH_KEYS, type MatchKey } from '../../engine/telecom/vocabulary'
import { writeCarrierRecords, writeDealerSales } from '../../modules/ingest/factWriters'
import { loadScheduleVersions } from '../../modules/reconcile/prices'
import { jobProgress } from '../../jobs/progress'
import { runReconciliation } from '../../modules/reconcile/runReconciliation'
import { generateReconData } from '../../seed/reconcile/reconData'
import { DEMO_RECON } from '../../seed/telecom/data'
import { startBenchDatabase } from './database'
import { combineChecks, compareCounts, formatSeconds, progress, result, timed, type BenchResult } from './report'
import { breakdown, explainReplay, instrument, record, transactionStatements, type Statement } from './statements'

export type ReconcileOptions = { rows: number; explain: boolean; settings: Record<string, string> }

/** A month with an approved schedule version in force, away from the demo's October. */
const PERIOD = { start: '2026-06-01', end: '2026-06-30', days: 30 }
/** Offsets the generated identifiers from the demo data's (seed 0). */
const SEED = 7
const CARRIER = 'VTX'
/** The work_mem reconcile/runReconciliation.ts sets for its transaction; the floor is also timed with it, for comparison. */
const FLOOR_COMPARISON_WORK_MEM = '256MB'

type Carrier = { id: number; currency: string; toleranceDays: number }

export async function benchReconcile(options: ReconcileOptions): Promise<BenchResult> {
  const db = await startBenchDatabase(options.settings)
  try {
    return await run(db.payload, db.pool, options)
  } finally {
    progress('stopping the database and deleting its folder')
    await db.close()
  }
}

async function run(payload: Payload, pool: pg.Pool, options: ReconcileOptions): Promise<BenchResult> {
  const carrier = (
    await pool.query<Carrier>(`select id, currency, date_tolerance_days::int as "toleranceDays" from carriers where code = $1`, [CARRIER])
  ).rows[0]
  if (!carrier) throw new Error(`the demo data has no carrier ${CARRIER}`)

  const planted = await writeDataSet(pool, carrier, options.rows)
  progress(`planted: ${JSON.stringify(planted)}`)
  const vacuum = await timed(() => pool.query('vacuum analyze dealer_sales, carrier_records'))
  progress(`vacuum analyze dealer_sales, carrier_records: ${formatSeconds(vacuum.seconds)}`)

  const created = await payload.create({
    collection: 'reconciliation-runs',
    data: { carrier: carrier.id, periodStart: PERIOD.start, periodEnd: PERIOD.end },
  })
  const runId = created.id as number
  // Progress goes to the run's queued job row, as the job task would.
  const onProgress = jobProgress(payload, (created.job as number | null) ?? 0)
  progress(`created reconciliation run ${runId} through the Local API (its job stays queued; the bench runs it directly)`)

  await instrument(pool)
  progress('running the reconciliation (timed)')
  const first = await record(() => timed(() => runReconciliation(payload, runId, onProgress)))
  const seconds = first.value.seconds
  progress(`reconciliation: ${formatSeconds(seconds)} (${Math.round(options.rows / seconds)} carrier records/s)`)
  printBreakdown('first run', first.statements)
  const firstCheck = await checkRun(pool, runId, planted, first.value.value)
  progress(`first run checks: ${firstCheck}`)
  progress(`first run summary: ${canonical(first.value.value)}`)

  const floor = await timeFloor(pool, runId, carrier)
  progress(`floor (plain join, warm): ${formatSeconds(floor)}; ratio ${(seconds / floor).toFixed(2)}`)

  progress('re-running the reconciliation (timed)')
  const second = await record(() => timed(() => runReconciliation(payload, runId, onProgress)))
  progress(`re-run: ${formatSeconds(second.value.seconds)}`)
  printBreakdown('re-run', second.statements)
  const rerunCheck = await checkRun(pool, runId, planted, second.value.value)
  progress(`re-run checks: ${rerunCheck}`)
  progress(`re-run summary: ${canonical(second.value.value)}`)

  if (options.explain) await explain(pool, second.statements)

  return result({
    workload: 'reconcile',
    rows: options.rows,
    seconds,
    floorSeconds: floor,
    checks: combineChecks(firstCheck, rerunCheck === 'ok' ? 'ok' : `re-run: ${rerunCheck}`),
  })
}

/** Generates the data set and writes it in bulk in one transaction (not timed); returns the planted counts. */
async function writeDataSet(pool: pg.Pool, carrier: Carrier, records: number): Promise<Record<ReconClass, number>> {
  const client = await pool.connect()
  try {
    const dealerIds = (await client.query<{ id: number }>(`select id from participants where kind = 'dealer' order by id`)).rows.map(
      (r) => r.id,
    )
    const planIds = (
      await client.query<{ id: number }>(`select id from rate_plans where carrier_id = $1 and category <> 'prepaid' order by id`, [
        carrier.id,
      ])
    ).rows.map((r) => r.id)
    const versions = await loadScheduleVersions(client, carrier.id, carrier.currency)
    progress(
      `generating ${records} carrier records for ${CARRIER} ${PERIOD.start}..${PERIOD.end}: ${dealerIds.length} dealers, ${planIds.length} plans, ${versions.length} schedule versions`,
    )
    const prices = new Map<string, string>()
    const data = generateReconData({
      carrierId: carrier.id,
      dealerIds,
      planIds,
      featureSets: DEMO_RECON.featureSets,
      periodStart: PERIOD.start,
      days: PERIOD.days,
      records,
      toleranceDays: carrier.toleranceDays,
      seed: SEED,
      batchSize: 20_000,
      priceOf: (planId, type, features, date) => {
        const key = `${planId}|${type}|${features}|${date}`
        let price = prices.get(key)
        if (price === undefined) {
          price = priceLine(versionInForce(versions, date), {
            ratePlanId: planId,
            activationType: type,
            features: features ? features.split(',') : [],
          }).total
          prices.set(key, price)
        }
        return price
      },
    })
    const write = await timed(async () => {
      let sourceSale = 0
      let sourceRecord = 0
      let reported = 0
      await client.query('begin')
      let next = data.next()
      for (; !next.done; next = data.next()) {
        const { sales, records: recs } = next.value
        await writeDealerSales(
          client,
          sales.map((row) => ({ row, provenance: { importId: null, sourceRow: ++sourceSale, naturalKey: dealerSaleKey(row) } })),
        )
        await writeCarrierRecords(
          client,
          recs.map((row) => ({ row, provenance: { importId: null, sourceRow: ++sourceRecord, naturalKey: carrierRecordKey(row) } })),
        )
        if (sourceRecord - reported >= 100_000) {
          reported = sourceRecord
          progress(`  written ${sourceSale} sales, ${sourceRecord} carrier records`)
        }
      }
      await client.query('commit')
      progress(`  written ${sourceSale} sales, ${sourceRecord} carrier records`)
      return next.value
    })
    progress(`bulk write (not timed): ${formatSeconds(write.seconds)}`)
    return write.value
  } catch (err) {
    await client.query('rollback').catch(() => undefined)
    throw err
  } finally {
    client.release()
  }
}

/** The stored run: completed, and the class counts of its summary equal to the planted ones. */
async function checkRun(pool: pg.Pool, runId: number, planted: Record<ReconClass, number>, returned: ReconSummary): Promise<string> {
  const stored = (
    await pool.query<{ status: string; summary: ReconSummary | null }>(
      `select status::text as status, summary from reconciliation_runs where id = $1`,
      [runId],
    )
  ).rows[0]
  if (!stored) return `run ${runId} not found`
  if (stored.status !== 'completed') return `run status ${stored.status}`
  const summary = stored.summary
  if (!summary) return 'the run has no summary'
  const found = Object.fromEntries(
    RECON_CLASSES.map((c) => [c, c === 'not_reported' ? summary.classes[c]?.carrierRecords : summary.classes[c]?.sales]),
  ) as Record<string, number | undefined>
  const counts = compareCounts(planted, found)
  const { currency: _currency, ...figures } = summary as ReconSummary & { currency?: string } // the stored summary also records the currency
  const consistent = canonical(returned) === canonical(figures) ? 'ok' : 'the stored summary differs from the one returned'
  return combineChecks(counts, consistent)
}

/** JSON with keys sorted (jsonb does not keep the order of keys). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * The floor: the same pairing as plain SQL on the fact tables (each configured key, same activation type, dates
 * within the tolerance, restricted to the carrier and the period) into a temp table, in a transaction rolled back.
 * Run once to warm the cache, then timed.
 */
async function timeFloor(pool: pg.Pool, runId: number, carrier: Carrier): Promise<number> {
  const keys = (
    await pool.query<{ value: string }>(
      `select value::text as value from reconciliation_runs_match_keys where parent_id = $1 order by "order"`,
      [runId],
    )
  ).rows.map((row) => row.value)
  for (const key of keys) if (!(MATCH_KEYS as readonly string[]).includes(key)) throw new Error(`unknown match key ${key}`)
  const sql =
    `create temp table bench_floor as ` +
    (keys as MatchKey[])
      .map(
        (key) =>
          `select s.id as sid, r.id as rid
             from dealer_sales s join carrier_records r on s.${key} = r.${key} and s.activation_type::text = r.activation_type::text
            where s.carrier_id = $1 and r.carrier_id = $1
              and s.sale_date between $2::date and $3::date
              and r.activation_date between $2::date - $4::int and $3::date + $4::int
              and abs(s.sale_date - r.activation_date) <= $4::int`,
      )
      .join(' union all ')
  const params = [carrier.id, PERIOD.start, PERIOD.end, carrier.toleranceDays]
  const client = await pool.connect()
  try {
    let pairs = 0
    const once = async (setting?: string) => {
      await client.query('begin')
      try {
        if (setting) await client.query(setting)
        const created = await client.query(sql, params)
        pairs = created.rowCount ?? 0
      } finally {
        await client.query('rollback')
      }
    }
    const warm = await timed(once)
    progress(`floor warm-up: ${formatSeconds(warm.seconds)}`)
    const measured = await timed(once)
    progress(`floor: ${pairs} candidate pairs on keys ${keys.join(', ')} (server settings)`)
    // For comparison only: the same join with the memory the run's transaction gives itself (runReconciliation.ts).
    const withMemory = await timed(() => once(`set local work_mem = '${FLOOR_COMPARISON_WORK_MEM}'`))
    progress(`floor with work_mem ${FLOOR_COMPARISON_WORK_MEM}: ${formatSeconds(withMemory.seconds)} (not used in the ratio)`)
    return measured.seconds
  } finally {
    client.release()
  }
}

function printBreakdown(title: string, statements: Statement[]): void {
  progress(`${title}, statement by statement:`)
  for (const line of breakdown(statements)) progress(line)
}

async function explain(pool: pg.Pool, statements: Statement[]): Promise<void> {
  progress('replaying the re-run under EXPLAIN ANALYZE (rolled back)')
  const client = await pool.connect()
  try {
    const plans = await explainReplay(client, transactionStatements(statements))
    for (const { label, plan } of plans) {
      progress(`--- ${label}`)
      for (const line of plan.split('\n')) progress(`  ${line}`)
    }
  } finally {
    client.release()
  }
}
