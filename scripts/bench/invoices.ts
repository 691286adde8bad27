/**
 * The invoices benchmark: `invoices` PDF invoices of `lines` lines each, spread over the three carrier layouts, made
 * by the project's renderer (seed/billpay/invoicePdf.tsx) from `sampleInvoiceSpec` — the bench knows nothing of the
 * reader. Rendering is slow (about a second per 500-line invoice), so the PDFs and their specs are cached in a folder
 * of the system temp folder named by the sizes and the generator version, and reused; generating is not measured.
 *
 * Master data (not measured): one carrier account per account number of the specs (the demo's GL and approval rule
 * sets, the demo account of the same carrier as the model for cost centre, location and splits) and the inventory
 * of every service of the specs (bulk SQL, keyed with `serviceKey`).
 *
 * Measured: every PDF ingested on the real path (`ingestInvoiceFile`, source rest), then `workers` child processes
 * (`node --import tsx`, as production scales) each running `processPendingInvoices` against the same database until
 * nothing waits. The floor: the same number of processes extracting the text of the same PDFs with `pdfPages`, every
 * page, and nothing else. Then one 300-page MetroFiber invoice (13,778 lines, also cached) on the real path in a child
 * process of its own, for its time and its peak memory. With BENCH_CPU_PROF=<folder> every child writes a CPU profile.
 *
 * The checks read the database: each invoice's header figures, line count and line amounts against its spec
 * (`invoiceTotals` for new charges and total due), each line's allocations summing to the line, the invoice's to its
 * new charges plus taxes, and its status pending_payment (or approval_needed for the auto-pay limit alone).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type pg from 'pg'

import { serviceKey } from '../../engine/billpay/allocation'
import { D } from '../../engine/core/decimal'
import { ingestInvoiceFile } from '../../modules/billpay/ingest'
import { BILLPAY_ACCOUNTS, BILLPAY_CARRIERS, APPROVAL_RULE_SET, GL_RULE_SET } from '../../seed/billpay/data'
import { invoiceTotals, type InvoiceLayout, type InvoiceSpec } from '../../seed/billpay/invoicePdf'
import { startBenchDatabase } from './database'
import type { GenerateJob, WorkerJob, WorkerResult } from './invoicesWorker'
import { formatSeconds, peakRssMb, progress, round, timed, type InvoicesBenchResult } from './report'

export type InvoicesOptions = { invoices: number; lines: number; workers: number }

/** Bump when the generated invoices change (the renderer, the specs, the layouts' spread): the cache is keyed by it. */
const GENERATOR_VERSION = 'v1'
const LAYOUTS: readonly InvoiceLayout[] = ['northtel', 'metrofiber', 'skywave']
/** Rendering processes. */
const GENERATORS = 2
/** Files ingested at once (REST requests in flight). */
const INGEST_CONCURRENCY = 2
/** The big invoice: MetroFiber, 24 rows on its first page and 46 on each of the 299 others = 300 pages. */
const BIG = { layout: 'metrofiber' as const, seed: 990_001, lines: 24 + 299 * 46, pages: 300 }
const TARGETS = { seconds: 90, ratio: 2, bigRssMb: 500 }
/** Mismatches printed and kept in the result line. */
const SHOWN_MISMATCHES = 12

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'invoicesWorker.ts')
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

type Item = { index: number; layout: InvoiceLayout; seed: number; lines: number; pdf: string; json: string }

/** The cached invoices of a size: invoice i (0-based) is layout i mod 3, seed i + 1. */
function plannedItems(options: InvoicesOptions): Item[] {
  // Keyed by the lines and the generator version only: invoice i is the same at every size, so sizes share files.
  const dir = path.join(os.tmpdir(), `accrue-bench-invoices-${options.lines}-lines-${GENERATOR_VERSION}`)
  fs.mkdirSync(dir, { recursive: true })
  return Array.from({ length: options.invoices }, (_, index) => {
    const name = String(index + 1).padStart(5, '0')
    return {
      index,
      layout: LAYOUTS[index % LAYOUTS.length]!,
      seed: index + 1,
      lines: options.lines,
      pdf: path.join(dir, `${name}.pdf`),
      json: path.join(dir, `${name}.json`),
    }
  })
}

function bigItem(): Item {
  const dir = path.join(os.tmpdir(), `accrue-bench-invoices-big-${BIG.layout}-${BIG.lines}-${GENERATOR_VERSION}`)
  fs.mkdirSync(dir, { recursive: true })
  return { index: 0, ...BIG, pdf: path.join(dir, 'big.pdf'), json: path.join(dir, 'big.json') }
}

// ----- Child processes -----------------------------------------------------------------------------------------------

type Child = { ready: Promise<void>; go(): void; done: Promise<WorkerResult> }

/** Starts a worker child on `job`; it loads and connects, says READY, and starts working at `go()`. */
function startChild(job: WorkerJob, label: string, onLine?: (line: string) => void): Child {
  const jobFile = path.join(os.tmpdir(), `accrue-bench-job-${process.pid}-${label}-${Date.now()}.json`)
  fs.writeFileSync(jobFile, JSON.stringify(job))
  // BENCH_CPU_PROF=<folder>: every child writes a V8 CPU profile there (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', WORKER, jobFile], {
    cwd: PROJECT_ROOT,
    env: process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let markReady: () => void = () => {}
  let failReady: (err: Error) => void = () => {}
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve
    failReady = reject
  })
  let result: WorkerResult | null = null
  let buffered = ''
  let errors = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk
    let at: number
    while ((at = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, at)
      buffered = buffered.slice(at + 1)
      if (line === 'READY') markReady()
      else if (line.startsWith('RESULT ')) result = JSON.parse(line.slice(7)) as WorkerResult
      else if (onLine) onLine(line)
      else if (line.trim()) progress(`  [${label}] ${line}`)
    }
  })
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    errors = (errors + chunk).slice(-4000)
    for (const line of chunk.split('\n')) if (line.trim()) progress(`  [${label} stderr] ${line}`)
  })
  const done = new Promise<WorkerResult>((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      fs.rmSync(jobFile, { force: true })
      const failure = new Error(
        `${label} ended with ${signal ?? `exit code ${code}`}${errors ? `: ${errors.trim().split('\n').at(-1)}` : ''}`,
      )
      failReady(failure)
      if (code === 0 && result) resolve(result)
      else reject(failure)
    })
  })
  // A failure before the go is reported by `done` too; keep `ready` from being an unhandled rejection.
  ready.catch(() => undefined)
  return { ready, go: () => child.stdin.end('go\n'), done }
}

/** Starts `jobs` in as many children, waits until all are ready, starts them together and times them until all end. */
async function runChildren(jobs: WorkerJob[], label: string): Promise<{ seconds: number; results: WorkerResult[] }> {
  const children = jobs.map((job, i) => startChild(job, `${label} ${i + 1}`))
  await Promise.race([Promise.all(children.map((c) => c.ready)), Promise.all(children.map((c) => c.done))])
  const start = performance.now()
  for (const c of children) c.go()
  const results = await Promise.all(children.map((c) => c.done))
  return { seconds: (performance.now() - start) / 1000, results }
}

const maxRssMb = (results: WorkerResult[]) => round(Math.max(...results.map((r) => r.maxRssKb)) / 1024, 1)

// ----- Generating (cached) -------------------------------------------------------------------------------------------

/** Renders the invoices not in the cache yet, in GENERATORS processes; returns the seconds it took and how many. */
async function generateMissing(items: Item[]): Promise<{ seconds: number; generated: number }> {
  const missing = items.filter((item) => !fs.existsSync(item.json) || !fs.existsSync(item.pdf))
  if (missing.length === 0) return { seconds: 0, generated: 0 }
  progress(`generating ${missing.length} invoice PDFs in ${GENERATORS} processes (cached for the next run, not measured)`)
  const start = performance.now()
  let generated = 0
  const children = Array.from({ length: Math.min(GENERATORS, missing.length) }, (_, k) => {
    const job: GenerateJob = {
      mode: 'generate',
      items: missing
        .filter((_, i) => i % GENERATORS === k)
        .map(({ layout, seed, lines, pdf, json }) => ({ layout, seed, lines, pdf, json })),
    }
    return startChild(job, `generator ${k + 1}`, () => {
      generated++
      if (generated % 25 === 0 || generated === missing.length)
        progress(`  ${generated}/${missing.length} generated, ${((performance.now() - start) / 1000).toFixed(1)} s`)
    })
  })
  for (const c of children) c.go()
  await Promise.all(children.map((c) => c.done))
  return { seconds: (performance.now() - start) / 1000, generated: missing.length }
}

async function loadSpec(item: Item): Promise<InvoiceSpec> {
  return JSON.parse(await readFile(item.json, 'utf8')) as InvoiceSpec
}

// ----- Master data -----------------------------------------------------------------------------------------------------

const CARRIER_OF: Record<InvoiceLayout, string> = { northtel: 'NTL', metrofiber: 'MFB', skywave: 'SKW' }

/**
 * One account per account number of the specs, modelled on the demo account of the same carrier (cost centre,
 * location, shared splits, payment method) with the demo's GL and approval rule sets, and every service of the
 * specs in the inventory (the demo account's departments in turn). Returns the accounts and services written.
 */
async function writeMasterData(pool: pg.Pool, items: Item[]): Promise<{ accounts: number; services: number }> {
  const carriers = new Map(
    (
      await pool.query<{ id: number; code: string }>(`select id, code from carriers where code = any($1::text[]) order by id`, [
        BILLPAY_CARRIERS.map((c) => c.code),
      ])
    ).rows.map((r) => [r.code, r.id]),
  )
  const ruleSet = async (name: string) =>
    (await pool.query<{ id: number }>(`select id from rule_sets where name = $1 order by id limit 1`, [name])).rows[0]?.id ?? null
  const glRules = await ruleSet(GL_RULE_SET.name)
  const approvalRules = await ruleSet(APPROVAL_RULE_SET.name)
  if (glRules === null || approvalRules === null) throw new Error('the demo seed made no GL or approval rule set')

  const accounts = new Map<string, { layout: InvoiceLayout; number: string }>()
  const services = new Map<string, { serviceId: string; layout: InvoiceLayout; account: string }>()
  const perLayout = new Map<InvoiceLayout, number>()
  const departments = new Map<string, { department: string; costCentre: string }>()
  for (const item of items) {
    const spec = await loadSpec(item)
    const accountKey = `${item.layout}:${spec.accountNumber}`
    accounts.set(accountKey, { layout: item.layout, number: spec.accountNumber })
    for (const line of spec.lines) {
      if (!line.serviceId) continue
      const key = serviceKey(line.serviceId)
      if (services.has(key)) continue
      services.set(key, { serviceId: line.serviceId, layout: item.layout, account: accountKey })
      const model = BILLPAY_ACCOUNTS.find((a) => a.layout === item.layout)!
      const n = perLayout.get(item.layout) ?? 0
      perLayout.set(item.layout, n + 1)
      departments.set(key, model.departments[n % model.departments.length]!)
    }
  }

  const rows = [...accounts.values()].map(({ layout, number }) => {
    const model = BILLPAY_ACCOUNTS.find((a) => a.layout === layout)!
    const carrier = carriers.get(CARRIER_OF[layout])
    if (carrier === undefined) throw new Error(`the demo seed made no carrier ${CARRIER_OF[layout]}`)
    return { layout, number, model, carrier }
  })
  const inserted = await pool.query<{ id: number; number: string; carrier: number }>(
    `insert into carrier_accounts (name, carrier_id, account_number, enabled, currency, default_cost_centre, location, gl_rules_id,
                                   approval_rules_id, history_factor, payment_method, payee_name, remit_routing, remit_account, updated_at, created_at)
     select t.name, t.carrier, t.number, true, t.currency, t.cc, t.location, $1, $2, '3', t.method::enum_carrier_accounts_payment_method,
            t.payee, t.routing, t.remit, now(), now()
       from unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
            as t(name, carrier, number, currency, cc, location, method, payee, routing, remit)
     on conflict (carrier_id, account_number) do nothing
     returning id, account_number as number, carrier_id as carrier`,
    [
      glRules,
      approvalRules,
      rows.map((r) => `Bench ${r.model.carrier} ${r.number}`),
      rows.map((r) => r.carrier),
      rows.map((r) => r.number),
      rows.map((r) => r.model.currency),
      rows.map((r) => r.model.defaultCostCentre),
      rows.map((r) => r.model.location),
      rows.map((r) => r.model.paymentMethod),
      rows.map((r) => BILLPAY_CARRIERS.find((c) => c.code === r.model.carrier)!.name),
      rows.map((r) => r.model.remitRouting ?? null),
      rows.map((r) => r.model.remitAccount ?? null),
    ],
  )
  // The demo accounts' shared splits on the new accounts (charges with no service: account fees and taxes).
  const splitRows: { order: number; parent: number; id: string; costCentre: string; percent: string }[] = []
  const byCarrier = new Map(BILLPAY_ACCOUNTS.map((a) => [carriers.get(a.carrier), a]))
  for (const account of inserted.rows)
    byCarrier
      .get(account.carrier)
      ?.sharedSplits.forEach((split, i) =>
        splitRows.push({ order: i + 1, parent: account.id, id: `bench-${account.id}-${i + 1}`, ...split }),
      )
  if (splitRows.length)
    await pool.query(
      `insert into carrier_accounts_shared_splits (_order, _parent_id, id, cost_centre, percent)
       select * from unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[])`,
      [
        splitRows.map((s) => s.order),
        splitRows.map((s) => s.parent),
        splitRows.map((s) => s.id),
        splitRows.map((s) => s.costCentre),
        splitRows.map((s) => s.percent),
      ],
    )
  const ids = new Map<string, number>()
  for (const r of (
    await pool.query<{ id: number; number: string; carrier: number }>(
      `select id, account_number as number, carrier_id as carrier from carrier_accounts where account_number = any($1::text[])`,
      [rows.map((r) => r.number)],
    )
  ).rows) {
    const layout = LAYOUTS.find((l) => carriers.get(CARRIER_OF[l]) === r.carrier)
    if (layout) ids.set(`${layout}:${r.number}`, r.id)
  }

  const list = [...services.entries()]
  for (let start = 0; start < list.length; start += 20_000) {
    const batch = list.slice(start, start + 20_000)
    await pool.query(
      `insert into service_inventory (service_id, service_key, kind, account_id, department, cost_centre, updated_at, created_at)
       select t.service, t.key, t.kind::enum_service_inventory_kind, t.account, t.department, t.cc, now(), now()
         from unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[]) as t(service, key, kind, account, department, cc)
       on conflict (service_key) do nothing`,
      [
        batch.map(([, s]) => s.serviceId),
        batch.map(([key]) => key),
        batch.map(([, s]) => (s.layout === 'metrofiber' ? 'circuit' : 'line')),
        batch.map(([, s]) => ids.get(s.account) ?? null),
        batch.map(([key]) => departments.get(key)!.department),
        batch.map(([key]) => departments.get(key)!.costCentre),
      ],
    )
  }
  await pool.query(`analyze carrier_accounts; analyze service_inventory`)
  return { accounts: inserted.rows.length, services: services.size }
}

// ----- Measured: ingesting ---------------------------------------------------------------------------------------------

/** Ingests every file on the real path, INGEST_CONCURRENCY at a time; returns each item's invoice id. */
async function ingestAll(pool: pg.Pool, items: Item[]): Promise<Map<Item, number>> {
  const ids = new Map<Item, number>()
  let next = 0
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i]!
      const outcome = await ingestInvoiceFile(pool, {
        data: await readFile(item.pdf),
        fileName: path.basename(item.pdf),
        source: 'rest',
      })
      if (outcome.duplicate) throw new Error(`${item.pdf} was taken for a duplicate of invoice ${outcome.invoice}`)
      ids.set(item, outcome.invoice)
    }
  }
  await Promise.all(Array.from({ length: INGEST_CONCURRENCY }, lane))
  return ids
}

/** Processes what waits in `workers` child processes, with a progress line from the database every 15 s. */
async function processInChildren(pool: pg.Pool, workers: number, today: string, total: number) {
  const start = performance.now()
  const timer = setInterval(() => {
    void pool
      .query<{ n: number }>(`select count(*)::int as n from carrier_invoices where status not in ('pending_ingestion', 'processing')`)
      .then((r) => progress(`  ${r.rows[0]!.n}/${total} processed, ${((performance.now() - start) / 1000).toFixed(1)} s`))
      .catch(() => undefined)
  }, 15_000)
  try {
    return await runChildren(
      Array.from({ length: workers }, () => ({ mode: 'process' as const, databaseUrl: process.env.DATABASE_URL!, today })),
      'worker',
    )
  } finally {
    clearInterval(timer)
  }
}

// ----- Checks ----------------------------------------------------------------------------------------------------------

type Checked = { invoices: number; failed: number; mismatches: string[]; statuses: Record<string, number>; pages: number }

/** Compares every invoice in the database with its spec; see the file's comment. */
async function checkInvoices(pool: pg.Pool, entries: { item: Item; invoiceId: number }[]): Promise<Checked> {
  const checked: Checked = { invoices: entries.length, failed: 0, mismatches: [], statuses: {}, pages: 0 }
  for (let start = 0; start < entries.length; start += 25) {
    const batch = entries.slice(start, start + 25)
    const ids = batch.map((e) => e.invoiceId)
    const headers = new Map(
      (
        await pool.query<{
          id: number
          invoiceNumber: string | null
          accountNumber: string | null
          statementDate: string | null
          dueDate: string | null
          currency: string | null
          previousBalance: string | null
          payments: string | null
          newCharges: string | null
          taxes: string | null
          totalDue: string | null
          status: string
          checks: { check: string; message: string }[] | null
          problems: unknown[] | null
          lineCount: number | null
          pages: number | null
        }>(
          `select id, invoice_number as "invoiceNumber", account_number as "accountNumber", statement_date::text as "statementDate",
                  due_date::text as "dueDate", currency, previous_balance::text as "previousBalance", payments::text as payments,
                  new_charges::text as "newCharges", taxes::text as taxes, total_due::text as "totalDue", status::text as status, checks,
                  problems, line_count::int as "lineCount", pages::int as pages
             from carrier_invoices where id = any($1::int[])`,
          [ids],
        )
      ).rows.map((r) => [r.id, r]),
    )
    const lines = new Map<number, { lineNo: number; serviceId: string | null; amount: string }[]>()
    for (const r of (
      await pool.query<{ invoice: number; lineNo: number; serviceId: string | null; amount: string }>(
        `select invoice_id as invoice, line_no::int as "lineNo", service_id as "serviceId", amount::text as amount
           from invoice_lines where invoice_id = any($1::int[]) order by invoice_id, line_no`,
        [ids],
      )
    ).rows) {
      const list = lines.get(r.invoice) ?? []
      list.push(r)
      lines.set(r.invoice, list)
    }
    const allocated = new Map<string, string>()
    for (const r of (
      await pool.query<{ invoice: number; lineNo: number | null; amount: string }>(
        `select invoice_id as invoice, line_no::int as "lineNo", sum(amount)::text as amount
           from invoice_allocations where invoice_id = any($1::int[]) group by 1, 2`,
        [ids],
      )
    ).rows)
      allocated.set(`${r.invoice}:${r.lineNo ?? 'none'}`, r.amount)

    for (const { item, invoiceId } of batch) {
      const spec = await loadSpec(item)
      const found: string[] = []
      const h = headers.get(invoiceId)
      const name = `invoice #${invoiceId} (${path.basename(item.pdf)}, ${item.layout})`
      if (!h) {
        found.push('not in the database')
      } else {
        checked.statuses[h.status] = (checked.statuses[h.status] ?? 0) + 1
        checked.pages += h.pages ?? 0
        const totals = invoiceTotals(spec)
        const same = (label: string, want: string, got: string | null) => {
          if (got !== want) found.push(`${label}: expected ${want}, got ${got}`)
        }
        const sameAmount = (label: string, want: string, got: string | null) => {
          if (got === null || !new D(got).eq(want)) found.push(`${label}: expected ${want}, got ${got}`)
        }
        same('invoiceNumber', spec.invoiceNumber, h.invoiceNumber)
        same('accountNumber', spec.accountNumber, h.accountNumber)
        same('statementDate', spec.statementDate, h.statementDate)
        same('dueDate', spec.dueDate, h.dueDate)
        same('currency', spec.currency, h.currency)
        sameAmount('previousBalance', spec.previousBalance, h.previousBalance)
        sameAmount('payments', spec.payments, h.payments)
        sameAmount('newCharges', totals.newCharges, h.newCharges)
        sameAmount('taxes', spec.taxes, h.taxes)
        sameAmount('totalDue', totals.totalDue, h.totalDue)
        const got = lines.get(invoiceId) ?? []
        if (got.length !== spec.lines.length || h.lineCount !== spec.lines.length)
          found.push(`lines: expected ${spec.lines.length}, got ${got.length} rows (line_count ${h.lineCount})`)
        let lineMismatches = 0
        spec.lines.forEach((want, i) => {
          const line = got[i]
          const problem = !line
            ? 'missing'
            : line.lineNo !== i + 1
              ? `numbered ${line.lineNo}`
              : !new D(line.amount).eq(want.amount)
                ? `amount expected ${want.amount}, got ${line.amount}`
                : (line.serviceId === null ? null : serviceKey(line.serviceId)) !==
                    (want.serviceId === null ? null : serviceKey(want.serviceId))
                  ? `service expected ${want.serviceId}, got ${line.serviceId}`
                  : null
          if (problem && lineMismatches++ < 3) found.push(`line ${i + 1}: ${problem}`)
          if (line && !problem) {
            const parts = allocated.get(`${invoiceId}:${line.lineNo}`)
            if (parts === undefined || !new D(parts).eq(line.amount))
              if (lineMismatches++ < 3) found.push(`line ${i + 1}: allocations sum to ${parts ?? 'nothing'}, the line is ${line.amount}`)
          }
        })
        if (lineMismatches > 3) found.push(`… ${lineMismatches - 3} more line mismatches`)
        let total = new D(0)
        for (const [key, amount] of allocated) if (key.startsWith(`${invoiceId}:`)) total = total.plus(amount)
        const want = new D(totals.newCharges).plus(spec.taxes)
        if (!total.eq(want)) found.push(`allocations sum to ${total.toFixed(2)}, new charges + taxes are ${want.toFixed(2)}`)
        const failed = h.checks ?? []
        const limitOnly = h.status === 'approval_needed' && failed.length > 0 && failed.every((f) => f.check === 'limit')
        if (h.status !== 'pending_payment' && !limitOnly)
          found.push(
            `status ${h.status}: ${
              failed
                .map((f) => `${f.check}: ${f.message}`)
                .join('; ')
                .slice(0, 300) || 'no failed check'
            }`,
          )
      }
      if (found.length) {
        checked.failed++
        if (checked.mismatches.length < SHOWN_MISMATCHES) checked.mismatches.push(`${name}: ${found.join('; ')}`.slice(0, 600))
      }
    }
  }
  return checked
}

// ----- The benchmark ---------------------------------------------------------------------------------------------------

export async function benchInvoices(options: InvoicesOptions): Promise<InvoicesBenchResult> {
  const items = plannedItems(options)
  const big = bigItem()
  const generation = await generateMissing([...items, big])
  progress(
    generation.generated
      ? `generated ${generation.generated} invoices in ${formatSeconds(generation.seconds)} (cached in ${path.dirname(items[0]!.pdf)})`
      : `all ${items.length} invoices and the big one found in the cache ${path.dirname(items[0]!.pdf)}`,
  )
  const db = await startBenchDatabase()
  try {
    process.env.INVOICES_DIR = path.join(db.dataDir, 'invoices')
    return await run(db.pool, options, items, big, generation.seconds)
  } finally {
    progress('stopping the database and deleting its folder')
    await db.close()
  }
}

async function run(
  pool: pg.Pool,
  options: InvoicesOptions,
  items: Item[],
  big: Item,
  generateSeconds: number,
): Promise<InvoicesBenchResult> {
  const today = new Date().toISOString().slice(0, 10)
  const master = await timed(() => writeMasterData(pool, [...items, big]))
  progress(
    `master data (not measured): ${master.value.accounts} accounts, ${master.value.services} services in the inventory, ${formatSeconds(master.seconds)}`,
  )
  const waiting = (await pool.query<{ n: number }>(`select count(*)::int as n from carrier_invoices`)).rows[0]!.n
  if (waiting > 0) throw new Error(`the demo seed left ${waiting} invoices; the bench needs none`)

  // Measured: ingest, then process in child processes.
  progress(`ingesting ${items.length} PDFs on the real path (ingestInvoiceFile, ${INGEST_CONCURRENCY} at a time)`)
  const ingest = await timed(() => ingestAll(pool, items))
  progress(`ingest: ${formatSeconds(ingest.seconds)}`)
  progress(`processing in ${options.workers} child processes (processPendingInvoices each)`)
  const processed = await processInChildren(pool, options.workers, today, items.length)
  const seconds = ingest.seconds + processed.seconds
  for (const [i, r] of processed.results.entries())
    progress(
      `  worker ${i + 1}: ${r.count} invoices ${JSON.stringify(r.statuses)} in ${formatSeconds(r.seconds)}, peak RSS ${round(r.maxRssKb / 1024, 1)} MB`,
    )
  for (const [i, r] of processed.results.entries())
    if (r.sql)
      progress(
        `  worker ${i + 1} waited ${formatSeconds(r.sql.seconds)} for ${r.sql.statements} SQL statements (${(r.sql.statements / Math.max(r.count, 1)).toFixed(1)} an invoice): ${r.sql.byStatement.map((st) => `${st.label} ×${st.count} ${st.seconds} s`).join('; ')}`,
      )
  progress(`process: ${formatSeconds(processed.seconds)}; ingest + process ${formatSeconds(seconds)}`)

  // The floor: text extraction alone, same files, same number of processes.
  const floor = await runChildren(
    Array.from({ length: options.workers }, (_, k) => ({
      mode: 'floor' as const,
      files: items.filter((_, i) => i % options.workers === k).map((item) => item.pdf),
    })),
    'floor',
  )
  const pages = floor.results.reduce((s, r) => s + (r.pages ?? 0), 0)
  progress(`floor (pdfPages over every page, ${options.workers} processes): ${formatSeconds(floor.seconds)}, ${pages} pages`)

  // The big invoice, alone.
  progress(`the big invoice: ${BIG.lines} lines on ${BIG.pages} pages (${BIG.layout}), ingested and processed in one child process`)
  const bigIngest = await timed(() => ingestAll(pool, [big]))
  const bigRun = await runChildren([{ mode: 'process', databaseUrl: process.env.DATABASE_URL!, today }], 'big worker')
  const bigFloor = await runChildren([{ mode: 'floor', files: [big.pdf] }], 'big floor')
  progress(
    `big invoice: ingest ${formatSeconds(bigIngest.seconds)}, process ${formatSeconds(bigRun.seconds)} (floor ${formatSeconds(bigFloor.seconds)}), peak RSS ${maxRssMb(bigRun.results)} MB`,
  )

  // Checks.
  progress('checking every invoice against its spec')
  const checked = await checkInvoices(
    pool,
    items.map((item) => ({ item, invoiceId: ingest.value.get(item)! })),
  )
  const bigChecked = await checkInvoices(pool, [{ item: big, invoiceId: bigIngest.value.get(big)! }])
  progress(`checks: ${checked.invoices - checked.failed}/${checked.invoices} invoices hold; statuses ${JSON.stringify(checked.statuses)}`)
  for (const m of [...checked.mismatches, ...bigChecked.mismatches]) progress(`  MISMATCH ${m}`)

  const ratio = floor.seconds > 0 ? seconds / floor.seconds : null
  const peak = maxRssMb(processed.results)
  const bigPeak = maxRssMb(bigRun.results)
  const bigSeconds = bigIngest.seconds + bigRun.seconds
  return {
    workload: 'invoices',
    invoices: items.length,
    linesPerInvoice: options.lines,
    lines: items.length * options.lines,
    pages,
    workers: options.workers,
    seconds: round(seconds),
    ingestSeconds: round(ingest.seconds),
    processSeconds: round(processed.seconds),
    floorSeconds: round(floor.seconds),
    ratio: ratio === null ? null : round(ratio, 2),
    invoicesPerSecond: round(items.length / seconds, 2),
    generateSeconds: round(generateSeconds),
    peakRssMb: peak,
    benchPeakRssMb: peakRssMb(),
    statuses: checked.statuses,
    checks: checked.failed === 0 && bigChecked.failed === 0,
    failedInvoices: checked.failed + bigChecked.failed,
    mismatches: [...checked.mismatches, ...bigChecked.mismatches].slice(0, SHOWN_MISMATCHES),
    bigInvoice: {
      lines: BIG.lines,
      pages: bigFloor.results[0]?.pages ?? 0,
      seconds: round(bigSeconds),
      processSeconds: round(bigRun.seconds),
      floorSeconds: round(bigFloor.seconds),
      ratio: bigFloor.seconds > 0 ? round(bigSeconds / bigFloor.seconds, 2) : null,
      peakRssMb: bigPeak,
      status: Object.keys(bigChecked.statuses)[0] ?? null,
      checks: bigChecked.failed === 0,
    },
    targets: {
      under90s: seconds <= TARGETS.seconds,
      within2xFloor: ratio !== null && ratio <= TARGETS.ratio,
      bigInvoiceUnder500MB: bigPeak < TARGETS.bigRssMb,
    },
  }
}
