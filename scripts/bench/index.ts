/**
 * `npm run bench -- <workload> [--rows N] [--explain] [--set name=value ...]`
 *
 *   reconcile  a month of N carrier records (default 1,000,000) reconciled on the real path, against the plain join
 *   import     an N-row .xlsx (default 100,000) uploaded and imported on the real path, against reading it
 *   scrape     N rows (default 10,000; 50 a page) scraped from the portal stand-in in Chromium and imported on the
 *              real path (scrapeRun), against signing in and fetching the same pages over plain HTTP
 *   commission a month of N verified activations (default 1,000,000; --activations is the same as --rows) by
 *              --dealers D dealers (default 10,000), with 24 months of history, run on the real path (runCommission)
 *              and checked component by component, against one statement computing the upfront total
 *
 * Each run starts its own embedded PostgreSQL in a temp folder, seeds the demo data, and removes everything at the
 * end. The last line printed is one JSON object; the exit code is 1 when a check failed, 2 when the bench failed.
 *
 *   rules      a 268-row, 6-input rate card evaluated on N inputs (default 1,000,000; --evaluations is the same as
 *              --rows) through the run's path: once with 20,000 distinct combinations, once with all distinct; against
 *              the same card as a TypeScript lookup
 *
 *   network    a deterministic network of --members N consultants (default 1,000,000) and --orders N order lines of one
 *              month (default 5,000,000; 3 % returns), the monthly pipeline run step by step on the real path
 *              (claimPipelineStep + executePipelineStep), every KPI, rank and bonus total recomputed by the bench;
 *              against one statement computing every member's group volume (path join)
 *
 *   rebates    a year of --pos-lines N point-of-sale lines (default 1,000,000) of 500 partners and 5,000 products, 50
 *              published programs of every kind accrued on the real path (accrueProgram, one per program), then
 *              --claims N claim lines (default 100,000; ~1,000 a claim, ~5 % deliberately invalid) validated with
 *              submitClaim; every accrual and claim total recomputed by the bench; against one statement joining the
 *              lines to the programs' eligibility (and one join of the claimed pairs to their accruals)
 *
 *   invoices   --invoices N PDF invoices (default 1,000) of --lines N lines each (default 500), over the three carrier
 *              layouts, rendered by the project's renderer and cached in the temp folder; ingested (ingestInvoiceFile) and
 *              processed on the real path by --workers N child processes (default 2, processPendingInvoices each), every
 *              invoice checked against its spec; against pdfPages over every page in as many processes; and one 300-page
 *              invoice alone, for its time and peak memory
 *
 *   points     --members N consultants (default 1,000,000; 5 % with an end customer holding points too) of a loyalty
 *              program with a year of history (--movements N ledger rows, default 10,000,000: earn lots over 13 months,
 *              redemptions and conversions drawing on them oldest-expiring first) and a month of orders (members × 1.5
 *              lines, 3 % returns): the month's earn (earnFromOrders), the expiry (expirePoints), 10,000 redemptions
 *              (redeemProduct) and every balance, on the real path; every balance recomputed by the bench and ~1,000
 *              holders replayed lot by lot; against one statement summing the movements per holder
 *
 *   demo       the first start's seeding on a fresh database: seedDemoData, then seedDemoHistory (a year of history
 *              before today's month, or before --today YYYY-MM-DD's), each timed; checks that every month posted, the
 *              locked months were paid and the statements tie to their runs
 *
 *   api        N dealer sales and N commission lines (default 1,000,000 each) planted across the demo network; the real
 *              server in a child process; a CSV export of every sale as a company admin (time, server VmHWM); then
 *              --rate R requests a second (default 200) for --seconds S (default 60), open loop, as a partner admin:
 *              list with a filter, read by id, keyset page 5,000 (the partner's 5,000th page of 50 by cursor); against the
 *              same requests' SQL alone. Prints {name, rows, seconds, rate, requests, errors, p50Ms, p99Ms, maxMs,
 *              floorSeconds, exportRows, exportSeconds, exportPeakRssMb, ...}
 *
 *   --explain         (reconcile, commission, points) replay the run's statements under EXPLAIN ANALYZE and print the plans
 *   --set name=value  a PostgreSQL setting for the experiment (ALTER SYSTEM; repeatable), e.g. --set work_mem=256MB
 */
import { benchStarted, passed, printResult, progress, result, type AnyBenchResult, type Workload } from './report'

type Options = {
  workload: Workload
  rows: number
  dealers: number
  /** network: the number of order lines (`rows` is the number of members). */
  orders: number
  /** rebates: the number of claim lines (`rows` is the number of POS lines). */
  claims: number
  /** points: the ledger rows of history (`rows` is the number of members). */
  movements: number
  /** invoices: lines per invoice (`rows` is the number of invoices). */
  lines: number
  /** invoices: the processes processing at once. */
  workers: number
  explain: boolean
  /** commission: the upfront table entered as a rule set and paid by the rule-based amount component. */
  rules: boolean
  settings: Record<string, string>
  /** demo: the day the demo is seeded on (default today). */
  today: string
}

const WORKLOADS: readonly Workload[] = [
  'reconcile',
  'import',
  'scrape',
  'commission',
  'rules',
  'network',
  'rebates',
  'invoices',
  'points',
  'demo',
]
const DEFAULT_ROWS: Record<Workload, number> = {
  reconcile: 1_000_000,
  import: 100_000,
  scrape: 10_000,
  commission: 1_000_000,
  rules: 1_000_000,
  network: 1_000_000,
  rebates: 1_000_000,
  invoices: 1_000,
  points: 1_000_000,
  demo: 1,
}
const DEFAULT_DEALERS = 10_000
const DEFAULT_ORDERS = 5_000_000
const DEFAULT_CLAIMS = 100_000
const DEFAULT_MOVEMENTS = 10_000_000
const DEFAULT_INVOICE_LINES = 500
const DEFAULT_WORKERS = 2

const USAGE =
  'usage: npm run bench -- api [--rows N] [--seconds S] [--rate R] | reconcile|import|scrape|commission|rules|network|rebates|invoices|points|demo [--today YYYY-MM-DD] [--rows N] [--dealers N] [--rules] [--evaluations N] [--members N] [--orders N] [--pos-lines N] [--claims N] [--invoices N] [--movements N] [--lines N] [--workers N] [--explain] [--set name=value ...]'

class UsageError extends Error {}

/** "1000000", "1_000_000", "1,000,000", "1e6", "100k" and "1m" are all accepted. */
function parseCount(text: string | undefined, flag = '--rows'): number {
  const match = /^(\d+(?:\.\d+)?(?:e\d+)?)([km]?)$/i.exec((text ?? '').replace(/[_,]/g, ''))
  const value = match ? Number(match[1]) * (match[2]?.toLowerCase() === 'k' ? 1e3 : match[2]?.toLowerCase() === 'm' ? 1e6 : 1) : NaN
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(`${flag} needs a whole number, not ${JSON.stringify(text ?? '')}`)
  return value
}

export function parseArgs(argv: readonly string[]): Options {
  const [workload, ...rest] = argv
  const known = WORKLOADS.find((name) => name === workload)
  if (!known) throw new UsageError(workload ? `unknown workload "${workload}"` : 'name a workload')
  const options: Options = {
    workload: known,
    rows: DEFAULT_ROWS[known],
    dealers: DEFAULT_DEALERS,
    orders: DEFAULT_ORDERS,
    claims: DEFAULT_CLAIMS,
    movements: DEFAULT_MOVEMENTS,
    lines: DEFAULT_INVOICE_LINES,
    workers: DEFAULT_WORKERS,
    explain: false,
    rules: false,
    settings: {},
    today: new Date().toISOString().slice(0, 10),
  }
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = rest[i]!.split(/=(.*)/s, 2) as [string, string | undefined]
    const value = () => inline ?? rest[++i]
    if (
      flag === '--rows' ||
      (flag === '--activations' && known === 'commission') ||
      (flag === '--evaluations' && known === 'rules') ||
      (flag === '--members' && (known === 'network' || known === 'points')) ||
      (flag === '--pos-lines' && known === 'rebates') ||
      (flag === '--invoices' && known === 'invoices')
    )
      options.rows = parseCount(value(), flag)
    else if (flag === '--rules' && known === 'commission') options.rules = true
    else if (flag === '--dealers' && known === 'commission') options.dealers = parseCount(value(), flag)
    else if (flag === '--orders' && known === 'network') options.orders = parseCount(value(), flag)
    else if (flag === '--claims' && known === 'rebates') options.claims = parseCount(value(), flag)
    else if (flag === '--movements' && known === 'points') options.movements = parseCount(value(), flag)
    else if (flag === '--lines' && known === 'invoices') options.lines = parseCount(value(), flag)
    else if (flag === '--workers' && known === 'invoices') options.workers = parseCount(value(), flag)
    else if (flag === '--today' && known === 'demo') {
      const day = value() ?? ''
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new UsageError(`--today needs a day like 2026-12-06, not ${JSON.stringify(day)}`)
      options.today = day
    } else if (flag === '--explain') options.explain = true
    else if (flag === '--set') {
      const setting = value() ?? ''
      const at = setting.indexOf('=')
      if (at <= 0) throw new UsageError(`--set needs name=value, not ${JSON.stringify(setting)}`)
      options.settings[setting.slice(0, at)] = setting.slice(at + 1)
    } else throw new UsageError(`unknown option ${rest[i]}`)
  }
  if (options.explain && known !== 'reconcile' && known !== 'commission' && known !== 'points')
    throw new UsageError('--explain applies to the reconcile, commission and points workloads only')
  return options
}

async function runWorkload(options: Options): Promise<AnyBenchResult> {
  switch (options.workload) {
    case 'reconcile':
      return (await import('./reconcile')).benchReconcile(options)
    case 'import':
      return (await import('./import')).benchImport(options)
    case 'scrape':
      return (await import('./scrape')).benchScrape(options)
    case 'commission':
      return (await import('./commission')).benchCommission(options)
    case 'rules':
      return (await import('./rules')).benchRules(options)
    case 'network':
      return (await import('./network')).benchNetwork({ members: options.rows, orders: options.orders, settings: options.settings })
    case 'rebates':
      return (await import('./rebates')).benchRebates({ posLines: options.rows, claims: options.claims, settings: options.settings })
    case 'invoices':
      return (await import('./invoices')).benchInvoices({ invoices: options.rows, lines: options.lines, workers: options.workers })
    case 'points':
      return (await import('./points')).benchPoints({
        members: options.rows,
        movements: options.movements,
        settings: options.settings,
        explain: options.explain,
      })
    case 'demo':
      return (await import('./demo')).benchDemo({ today: options.today })
  }
}

type ApiOptions = { rows: number; seconds: number; rate: number; settings: Record<string, string> }

/** `api [--rows N] [--seconds S] [--rate R] [--set name=value ...]` (its result line has its own shape). */
export function parseApiArgs(argv: readonly string[]): ApiOptions {
  const options: ApiOptions = { rows: 1_000_000, seconds: 60, rate: 200, settings: {} }
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined]
    const value = () => inline ?? argv[++i]
    if (flag === '--rows') options.rows = parseCount(value(), flag)
    else if (flag === '--seconds') options.seconds = parseCount(value(), flag)
    else if (flag === '--rate') options.rate = parseCount(value(), flag)
    else if (flag === '--set') {
      const setting = value() ?? ''
      const at = setting.indexOf('=')
      if (at <= 0) throw new UsageError(`--set needs name=value, not ${JSON.stringify(setting)}`)
      options.settings[setting.slice(0, at)] = setting.slice(at + 1)
    } else throw new UsageError(`unknown option ${argv[i]}`)
  }
  return options
}

/** The api workload: its own result line ({name: 'api', ...}); exit 1 when a check or target failed, 2 when it could not finish. */
async function mainApi(argv: readonly string[]): Promise<number> {
  let options: ApiOptions
  try {
    options = parseApiArgs(argv)
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    process.stderr.write(`${err.message}\n${USAGE}\n`)
    return 2
  }
  progress(`api benchmark, ${options.rows} dealer sales and commission lines, ${options.rate} requests/s for ${options.seconds} s`)
  try {
    const bench = await (await import('./api')).benchApi(options)
    process.stdout.write(`${JSON.stringify(bench)}\n`)
    return bench.checks === 'ok' && bench.targets && Object.values(bench.targets).every(Boolean) ? 0 : 1
  } catch (err) {
    progress(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    process.stdout.write(`${JSON.stringify({ name: 'api', rows: options.rows, checks: `error: ${describe(err)}` })}\n`)
    return 2
  }
}

async function main(): Promise<number> {
  if (process.argv[2] === 'api') return mainApi(process.argv.slice(3))
  let options: Options
  try {
    options = parseArgs(process.argv.slice(2))
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    process.stderr.write(`${err.message}\n${USAGE}\n`)
    return 2
  }
  benchStarted(options.workload, options.rows)
  progress(
    `${options.workload} benchmark, ${options.workload === 'network' ? `${options.rows} members, ${options.orders} order lines` : options.workload === 'rebates' ? `${options.rows} POS lines, ${options.claims} claim lines` : options.workload === 'invoices' ? `${options.rows} invoices of ${options.lines} lines, ${options.workers} workers` : options.workload === 'points' ? `${options.rows} members, ${options.movements} movements` : options.workload === 'demo' ? `seeding on ${options.today}` : `${options.rows} rows`}${Object.keys(options.settings).length ? `, settings ${JSON.stringify(options.settings)}` : ''}`,
  )
  try {
    const bench = await runWorkload(options)
    printResult(bench)
    return passed(bench) ? 0 : 1
  } catch (err) {
    progress(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    printResult(
      result({ workload: options.workload, rows: options.rows, seconds: null, floorSeconds: null, checks: `error: ${describe(err)}` }),
    )
    return 2
  }
}

/** The error's message and its causes' (drizzle wraps the PostgreSQL error and puts the whole query first). */
function describe(err: unknown): string {
  const messages: string[] = []
  for (let e: unknown = err; e !== undefined && e !== null && messages.length < 4; e = (e as { cause?: unknown }).cause) {
    const message = e instanceof Error ? e.message : String(e)
    messages.push(message.split('\n')[0]!.slice(0, 160))
  }
  return messages.reverse().join(' <- ').replace(/\s+/g, ' ')
}

process.exitCode = await main()
// Payload and the pg pool can leave timers behind; everything was closed, so leave now.
process.exit(process.exitCode)
