/**
 * What a benchmark prints: progress lines while it runs, and as its very last line one JSON object with the
 * measured time, the floor it is compared to, the peak memory of this process and whether every check held.
 */

export type Workload = 'reconcile' | 'import' | 'scrape' | 'commission' | 'rules' | 'network' | 'rebates' | 'invoices' | 'points' | 'demo'

export type BenchResult = {
  workload: Workload
  rows: number
  seconds: number | null
  rowsPerSecond: number | null
  floorSeconds: number | null
  ratio: number | null
  peakRssMb: number
  /** "ok" when every planted count matched; otherwise what differed (or why the bench could not finish). */
  checks: string
  /** `rules`: the same figures for the all-distinct inputs. */
  distinct?: { rows: number; seconds: number; rowsPerSecond: number; floorSeconds: number; ratio: number }
}

/** One check of the network benchmark: a figure the bench recomputed on its own against what the run wrote. */
export type NetworkCheck = { name: string; ok: boolean; expected: string | number; actual: string | number; detail?: string }

/** The network benchmark's result line: the monthly pipeline step by step, its KPI step against the floor. */
export type NetworkBenchResult = {
  workload: 'network'
  members: number
  orders: number
  /** The "Calculate indicators" step. */
  kpiSeconds: number | null
  floorSeconds: number | null
  pipelineSeconds: number | null
  steps: Record<string, number>
  /** Of each step's seconds, those spent waiting for its SQL statements. */
  stepsSqlSeconds?: Record<string, number>
  /** Peak RSS of this (node) process when the pipeline ended; PostgreSQL's processes are not counted. */
  peakRssMb: number
  seedPeakRssMb?: number
  /** Peak RSS at the end, the bench's own checks included. */
  benchPeakRssMb?: number
  checks: NetworkCheck[] | string
  targets: { kpiUnder20s: boolean; kpiUnderFloor: boolean; memoryUnder3GB: boolean } | null
}

/** The rebates benchmark's result line: accruing every program, then validating the claims, each against its floor. */
export type RebatesBenchResult = {
  workload: 'rebates'
  posLines: number
  /** Claim lines submitted, and the claims they were grouped into. */
  claimLines: number
  claims: number
  programs: number
  accruals: number
  /** Step 1: accrueProgram for every program (one transaction each). */
  accrueSeconds: number | null
  /** Of accrueSeconds, those spent waiting for SQL statements. */
  accrueSqlSeconds: number | null
  accrualsPerSecond: number | null
  posLinesPerSecond: number | null
  /** One statement joining the POS lines to every program's eligibility (per program and partner). */
  floorSeconds: number | null
  accrueRatio: number | null
  /** Step 2: submitClaim for every claim (one transaction each). */
  claimsSeconds: number | null
  claimsSqlSeconds: number | null
  claimLinesPerSecond: number | null
  /** One join of the claimed (line, program) pairs to their accruals. */
  claimsFloorSeconds: number | null
  claimsRatio: number | null
  accrueByKind: Record<string, { seconds: number; sqlSeconds: number; accruals: number; lines: number }>
  /** Peak RSS of this (node) process when accruing ended; PostgreSQL's processes are not counted. */
  peakRssMb: number
  seedPeakRssMb: number
  benchPeakRssMb: number
  checks: NetworkCheck[] | string
  targets: { accrueUnder15s: boolean; claimsUnder10s: boolean; accrueWithin3xFloor: boolean; claimsWithin3xFloor: boolean } | null
}

/** The invoices benchmark's result line: PDF invoices ingested and processed on the real path against text extraction alone. */
export type InvoicesBenchResult = {
  workload: 'invoices'
  invoices: number
  linesPerInvoice: number
  /** Lines of all the invoices. */
  lines: number
  /** Pages of all the invoices (as the floor read them). */
  pages: number
  /** Child processes processing (and, for the floor, extracting) at once. */
  workers: number
  /** ingestSeconds + processSeconds. */
  seconds: number | null
  ingestSeconds: number | null
  processSeconds: number | null
  /** pdfPages over every page of every PDF, in `workers` processes. */
  floorSeconds: number | null
  ratio: number | null
  invoicesPerSecond: number | null
  /** Rendering the PDFs missing from the cache (0 when all were cached); not measured. */
  generateSeconds: number
  /** Peak RSS of the processing child processes (the largest). */
  peakRssMb: number
  /** Peak RSS of the bench's own process (Payload, ingestion, checks). */
  benchPeakRssMb: number
  statuses: Record<string, number>
  /** True only when every invoice (and the big one) matched its spec. */
  checks: boolean
  failedInvoices: number
  /** The first mismatches found. */
  mismatches: string[]
  /** One 300-page invoice processed alone in a child process. */
  bigInvoice: {
    lines: number
    pages: number
    /** Ingest + process. */
    seconds: number
    processSeconds: number
    floorSeconds: number
    ratio: number | null
    peakRssMb: number
    status: string | null
    checks: boolean
  } | null
  targets: { under90s: boolean; within2xFloor: boolean; bigInvoiceUnder500MB: boolean } | null
}

/**
 * The points benchmark's result line: the month's earn and expiry jobs, redemptions and every balance read on the
 * real path (modules/loyalty), the balance read against the floor (one sum of the movements per holder).
 */
export type PointsBenchResult = {
  workload: 'points'
  members: number
  /** History rows planted in the ledger (earn lots and the spends' rows), and the number asked for. */
  movements: number
  movementsAsked: number
  /** Members plus the end customers holding points. */
  holders: number
  orderLines: number
  returnLines: number
  /** (a) earnFromOrders for the month, one transaction. */
  earnSeconds: number | null
  earnSqlSeconds: number | null
  /** (b) expirePoints on the day after the month, one transaction. */
  expireSeconds: number | null
  expireSqlSeconds: number | null
  earnPlusExpireSeconds: number | null
  earned: { lots: number; points: number; returns: number; takenBack: number } | null
  expired: { lots: number; points: number; holders: number } | null
  /** (c) redeemProduct for random holders, one transaction each. */
  redeemSeconds: number | null
  redemptions: number
  /** Redemptions refused for lack of points. */
  refused: number | null
  /** (d) Every holder's balance (pointsBalance's statement grouped by holder: the ledger has no bulk read). */
  balanceSeconds: number | null
  balanceHolders: number | null
  /** pointsBalance one holder at a time, per holder (a sample). */
  singleBalanceMs: number | null
  /** One statement summing the movements per holder. */
  floorSeconds: number | null
  /** balanceSeconds / floorSeconds. */
  ratio: number | null
  /** Peak RSS of this (node) process when the earn and expiry jobs ended; PostgreSQL's processes are not counted. */
  peakRssMb: number
  seedPeakRssMb: number
  benchPeakRssMb: number
  checks: NetworkCheck[] | string
  targets: { earnPlusExpireUnder15s: boolean; balanceWithin2xFloor: boolean } | null
  passed: boolean
}

/** The demo benchmark's result line: the first start's seeding on a fresh database, the demo then its year of history. */
export type DemoBenchResult = {
  workload: 'demo'
  /** The history's first day (the twelve months before `today`'s month). */
  today: string
  seedDemoDataSeconds: number | null
  seedDemoHistorySeconds: number | null
  totalSeconds: number | null
  /** What the history wrote (imports, reconciliations, runs, batches, proposals). */
  history: Record<string, unknown> | null
  peakRssMb: number
  /** "ok" when the history wrote a posted run for every month, a paid batch for every locked month but the latest, and the money ties. */
  checks: string
}

export type AnyBenchResult =
  BenchResult | NetworkBenchResult | RebatesBenchResult | InvoicesBenchResult | PointsBenchResult | DemoBenchResult

/** Whether a result line says every check held. */
export function passed(bench: AnyBenchResult): boolean {
  if (typeof bench.checks === 'boolean') return bench.checks
  return Array.isArray(bench.checks) ? bench.checks.length > 0 && bench.checks.every((c) => c.ok) : bench.checks === 'ok'
}

const startedAt = performance.now()

/** One progress line, prefixed with the time since the bench started. */
export function progress(line: string): void {
  const elapsed = ((performance.now() - startedAt) / 1000).toFixed(1).padStart(6)
  process.stdout.write(`[bench ${elapsed}s] ${line}\n`)
}

/** Runs `work` and returns its result with the wall-clock seconds it took. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now()
  const value = await work()
  return { value, seconds: (performance.now() - start) / 1000 }
}

/** Peak resident set size of this process so far, in MB (maxRSS is in kilobytes). */
export function peakRssMb(): number {
  return round(process.resourceUsage().maxRSS / 1024, 1)
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

export function formatSeconds(seconds: number): string {
  return `${seconds.toFixed(3)} s`
}

/** Compares what a run found with what was planted: "ok", or "name: expected X, got Y; ...". */
export function compareCounts(expected: Record<string, number>, actual: Record<string, number | undefined>): string {
  const differences = Object.entries(expected)
    .filter(([name, count]) => actual[name] !== count)
    .map(([name, count]) => `${name}: expected ${count}, got ${actual[name] ?? 'nothing'}`)
  return differences.length === 0 ? 'ok' : differences.join('; ')
}

/** Joins the outcome of several checks: "ok" only when all are. */
export function combineChecks(...checks: string[]): string {
  const failed = checks.filter((check) => check !== 'ok')
  return failed.length === 0 ? 'ok' : failed.join(' | ')
}

export function result(fields: Omit<BenchResult, 'rowsPerSecond' | 'ratio' | 'peakRssMb'>): BenchResult {
  const { workload, rows, seconds, floorSeconds, checks } = fields
  return {
    workload,
    rows,
    seconds: seconds === null ? null : round(seconds),
    rowsPerSecond: seconds === null || seconds === 0 ? null : Math.round(rows / seconds),
    floorSeconds: floorSeconds === null ? null : round(floorSeconds),
    ratio: seconds === null || floorSeconds === null || floorSeconds === 0 ? null : round(seconds / floorSeconds, 2),
    peakRssMb: peakRssMb(),
    checks,
  }
}

let printed = false
let running: { workload: Workload; rows: number } | null = null

/** What is being measured, for the result line of an interrupted run. */
export function benchStarted(workload: Workload, rows: number): void {
  running = { workload, rows }
}

/** The last line of the output: exactly one JSON object (a second call prints nothing). */
export function printResult(bench: AnyBenchResult): void {
  if (printed) return
  printed = true
  process.stdout.write(`${JSON.stringify(bench)}\n`)
}

/** The result line of a run stopped by a signal. */
export function printInterrupted(signal: string): void {
  if (running) printResult(result({ ...running, seconds: null, floorSeconds: null, checks: `interrupted by ${signal}` }))
}
