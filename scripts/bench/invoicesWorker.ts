/**
 * A child process of the invoices benchmark (`node --import tsx scripts/bench/invoicesWorker.ts <job.json>`), the
 * way production scales: several processes against one database. The job file says what to do:
 *
 *   generate  render the listed invoice specs to PDFs with the project's renderer (not measured; for the cache)
 *   process   processPendingInvoices on the real path until no invoice waits (claims use skip locked)
 *   floor     extract the text of the listed PDFs with pdfPages, every page, and nothing else
 *
 * The child loads its modules and connects first, prints `READY`, waits for one line on stdin, then works and prints
 * `RESULT {json}` with its seconds and its peak RSS (process.resourceUsage().maxRSS, in KB) as its last line.
 */
import { readFile, rename, writeFile } from 'node:fs/promises'
import readline from 'node:readline'

export type GenerateJob = {
  mode: 'generate'
  items: { layout: 'northtel' | 'metrofiber' | 'skywave'; seed: number; lines: number; pdf: string; json: string }[]
}
export type ProcessJob = { mode: 'process'; databaseUrl: string; today: string }
export type FloorJob = { mode: 'floor'; files: string[] }
export type WorkerJob = GenerateJob | ProcessJob | FloorJob

/** What a child reports when it is done. */
export type WorkerResult = {
  seconds: number
  maxRssKb: number
  /** process: invoices processed and their statuses; floor: files and pages read; generate: files written. */
  count: number
  pages?: number
  statuses?: Record<string, number>
  /** process with BENCH_SQL_STATS=1: the time spent waiting for SQL, by statement (its first words). */
  sql?: { seconds: number; statements: number; byStatement: { label: string; count: number; seconds: number }[] }
}

/** When the parent said go: the child's clock starts there (loading modules and connecting are not measured). */
let started = 0

/** Waits for the parent's go (one line on stdin). */
function waitForGo(): Promise<void> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin })
    rl.once('line', () => {
      started = performance.now()
      rl.close()
      resolve()
    })
  })
}

async function generate(job: GenerateJob): Promise<Omit<WorkerResult, 'seconds' | 'maxRssKb'>> {
  const { renderInvoicePdf, sampleInvoiceSpec } = await import('../../seed/billpay/invoicePdf')
  process.stdout.write('READY\n')
  await waitForGo()
  for (const item of job.items) {
    const spec = sampleInvoiceSpec(item.layout, item.seed, item.lines)
    const pdf = await renderInvoicePdf(spec)
    // The spec last: a cached invoice is complete when its JSON is there.
    await writeFile(`${item.pdf}.part`, pdf)
    await rename(`${item.pdf}.part`, item.pdf)
    await writeFile(`${item.json}.part`, JSON.stringify(spec))
    await rename(`${item.json}.part`, item.json)
    process.stdout.write(`generated ${item.pdf}\n`)
  }
  return { count: job.items.length }
}

async function processInvoices(job: ProcessJob): Promise<Omit<WorkerResult, 'seconds' | 'maxRssKb'>> {
  const { default: pg } = await import('pg')
  const { processPendingInvoices } = await import('../../modules/billpay/process')
  const pool = new pg.Pool({ connectionString: job.databaseUrl, max: 4 })
  await pool.query('select 1')
  process.stdout.write('READY\n')
  await waitForGo()
  const statuses: Record<string, number> = {}
  try {
    if (!process.env.BENCH_SQL_STATS) {
      const outcomes = await processPendingInvoices(pool, job.today)
      for (const outcome of outcomes) statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1
      return { count: outcomes.length, statuses }
    }
    // Every statement timed (the pool's client class wrapped): one process runs one invoice at a time, so the sum
    // is the time it waited for PostgreSQL.
    const { instrument, label, record } = await import('./statements')
    await instrument(pool)
    const recorded = await record(() => processPendingInvoices(pool, job.today))
    for (const outcome of recorded.value) statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1
    const by = new Map<string, { count: number; ms: number }>()
    for (const st of recorded.statements) {
      const entry = by.get(label(st.sql)) ?? { count: 0, ms: 0 }
      entry.count++
      entry.ms += st.ms
      by.set(label(st.sql), entry)
    }
    const sql = {
      seconds: recorded.statements.reduce((sum, st) => sum + st.ms, 0) / 1000,
      statements: recorded.statements.length,
      byStatement: [...by]
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, 15)
        .map(([name, e]) => ({ label: name, count: e.count, seconds: Math.round(e.ms) / 1000 })),
    }
    return { count: recorded.value.length, statuses, sql }
  } finally {
    await pool.end()
  }
}

async function floor(job: FloorJob): Promise<Omit<WorkerResult, 'seconds' | 'maxRssKb'>> {
  const { pdfPages } = await import('../../modules/billpay/pdfText')
  process.stdout.write('READY\n')
  await waitForGo()
  let pages = 0
  let lines = 0
  for (const file of job.files) {
    const data = new Uint8Array(await readFile(file))
    for await (const page of pdfPages(data)) {
      pages++
      lines += page.lines.length
    }
  }
  return { count: job.files.length, pages, statuses: { textLines: lines } }
}

async function main(): Promise<void> {
  const job = JSON.parse(await readFile(process.argv[2]!, 'utf8')) as WorkerJob
  const outcome = job.mode === 'generate' ? await generate(job) : job.mode === 'process' ? await processInvoices(job) : await floor(job)
  const result: WorkerResult = {
    ...outcome,
    seconds: (performance.now() - started) / 1000,
    maxRssKb: process.resourceUsage().maxRSS,
  }
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`)
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`worker failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exit(1)
  },
)
