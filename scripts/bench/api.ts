/**
 * The API benchmark (issue 21, Performance): `rows` dealer sales and `rows` commission lines planted with bulk SQL
 * across the demo network (ANALYZE after), the real server started as a child process (Express + Payload's REST,
 * no Next, no jobs), then:
 *
 * 1. a CSV export of every dealer sale as a company admin through `GET /api/dealer-sales/export`, timed to the last
 *    byte, with the server's peak memory read from /proc/<pid>/status (VmHWM);
 * 2. an open-loop load as a partner admin (row-level access on: only the partner's subtree): `rate` requests a
 *    second for `seconds`, each fired on schedule whether or not the earlier ones answered (keep-alive agent), a
 *    third each of
 *      - list with a filter: commission lines of one period and component, limit 50 (Payload's list, with its count);
 *      - read by id: a dealer sale the partner may read;
 *      - keyset page 5,000: `/api/dealer-sales/keyset?limit=50&after=…` at the partner's 5,000th page of 50 (row
 *        ~250,000 of theirs): the deep page an offset would have to walk to, which keyset reaches by the primary key.
 *    Latency is from the scheduled send time to the last byte (so a stall counts against every request it delays).
 * 3. the floor: the same requests' SQL alone, one after another on one connection straight to PostgreSQL.
 *
 * Prints one JSON line: {name, rows, seconds, rate, requests, errors, p50Ms, p99Ms, maxMs, floorSeconds, exportRows,
 * exportSeconds, exportPeakRssMb}. Targets: p99 ≤ 50 ms with no error; the export in ≤ 15 s under 300 MB.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type pg from 'pg'

import { DEMO_PASSWORD } from '../../seed/network/data'
import { startBenchDatabase } from './database'
import { formatSeconds, progress, round, timed } from './report'
import { seededRandom } from '../../engine/core/seededRandom'

export type ApiBenchOptions = { rows: number; seconds: number; rate: number; settings: Record<string, string> }

export type ApiBenchResult = {
  name: 'api'
  rows: number
  seconds: number
  rate: number
  requests: number
  errors: number
  p50Ms: number | null
  p99Ms: number | null
  maxMs: number | null
  /** Per kind of request: count, errors, p50 and p99. */
  byKind: Record<string, { requests: number; errors: number; p50Ms: number | null; p99Ms: number | null }>
  /** The same requests' SQL alone, sequentially on one connection. */
  floorSeconds: number | null
  floorP99Ms: number | null
  exportRows: number | null
  exportSeconds: number | null
  /** The server's VmHWM after the export (its peak since it started, boot included). */
  exportPeakRssMb: number | null
  /** The server's VmRSS just before the export, and the most it reached during it (sampled every 50 ms). */
  exportRssBeforeMb: number | null
  exportRssDuringMaxMb: number | null
  /** Server CPU seconds the export took (robust to a busy machine, unlike the wall clock). */
  exportCpuSeconds: number | null
  /** Server CPU milliseconds per request of the load. */
  serverCpuMsPerRequest: number | null
  /** The machine's 1-minute load average when the bench ended (other processes compete for the 2 cores). */
  loadAverage: number
  partnerRows: { sales: number; lines: number } | null
  checks: string
  targets: { p99Under50ms: boolean; noErrors: boolean; exportUnder15s: boolean; exportUnder300MB: boolean } | null
}

const PARTNER = 'admin@summit.example'
const PARTNER_CODE = 'SUM'
const ADMIN = 'admin@northwind.example'
const KEYSET_PAGE = 5_000
const PAGE_SIZE = 50

export async function benchApi(options: ApiBenchOptions): Promise<ApiBenchResult> {
  const db = await startBenchDatabase(options.settings)
  let server: ChildProcess | null = null
  try {
    await plant(db.pool, options.rows)
    const started = await startServerChild(db.dataDir)
    server = started.child
    return await run(db.pool, started.url, started.child.pid!, options)
  } finally {
    if (server && server.exitCode === null) {
      progress('stopping the server')
      server.kill('SIGTERM')
      await new Promise((resolve) => server!.once('exit', resolve))
    }
    progress('stopping the database and deleting its folder')
    await db.close()
  }
}

/** `rows` dealer sales and `rows` commission lines, spread round-robin over the demo's participants. */
export async function plant(pool: pg.Pool, rows: number): Promise<void> {
  const planted = await timed(async () => {
    await pool.query(`
      insert into dealer_sales (dealer_id, sale_date, carrier_id, activation_type, mdn, iccid, rate_plan_id, features, customer_account, natural_key)
      with p as (select id, (row_number() over (order by id) - 1)::int as n, count(*) over ()::int as c from participants),
           plans as (select id, carrier_id, (row_number() over (order by id) - 1)::int as n, count(*) over ()::int as c from rate_plans)
      select p.id, date '2026-01-01' + (g % 365), plans.carrier_id,
             (array['new','upgrade','port_in','downgrade','feature_add'])[1 + g % 5]::enum_dealer_sales_activation_type,
             (2000000000::bigint + g)::text, '8901' || lpad(g::text, 15, '0'), plans.id,
             case when g % 3 = 0 then 'HOTSPOT,INTL' else 'BASIC' end, 'ACCT-' || (g % 50000), 'bench-' || g
        from generate_series(1, ${rows}) g
        join p on p.n = g % p.c
        join plans on plans.n = (g / 7) % plans.c`)
    const periods = (await pool.query<{ id: number }>(`select id from commission_periods order by id`)).rows
    const plan = (await pool.query<{ id: number }>(`select id from compensation_plans order by id limit 1`)).rows[0]
    if (periods.length === 0 || !plan) throw new Error('the demo data has no commission periods or no compensation plan')
    await pool.query(`insert into commission_runs (title, period_id, plan_id) select 'Bench run ' || id, id, $1 from commission_periods`, [
      plan.id,
    ])
    await pool.query(`
      insert into commission_lines (run_id, period_id, payee_id, component, amount, currency, held, description, sale_id)
      with p as (select id, (row_number() over (order by id) - 1)::int as n, count(*) over ()::int as c from participants),
           r as (select id, period_id, (row_number() over (order by id) - 1)::int as n, count(*) over ()::int as c
                   from commission_runs where title like 'Bench run %'),
           s as (select min(id) as first from dealer_sales where natural_key like 'bench-%')
      select r.id, r.period_id, p.id,
             (array['upfront','volume_bonus','plan_change','residual','chargeback','override'])[1 + g % 6]::enum_commission_lines_component,
             round(((g::bigint * 7919) % 50000) / 100.0 - 50, 2), 'USD', g % 50 = 0, 'Bench line ' || g, s.first + g - 1
        from generate_series(1, ${rows}) g
        join p on p.n = g % p.c
        join r on r.n = (g / 11) % r.c
        cross join s`)
    await pool.query('analyze dealer_sales; analyze commission_lines; analyze participants; analyze commission_runs')
  })
  progress(`planted ${rows} dealer sales and ${rows} commission lines in ${formatSeconds(planted.seconds)} (not timed)`)
}

/** The real server in its own process (so its memory is measured alone): Express + Payload's REST on a free port. */
export async function startServerChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  progress('starting the server (a child process: Express + Payload REST, no Next, no jobs)')
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve'], {
    env: { ...process.env, ACCRUE_BENCH_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  // Ctrl-C stops the bench with process.exit (scripts/bench/database.ts): the server goes with it.
  process.once('exit', () => child.kill('SIGTERM'))
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8')
      for (let at = buffered.indexOf('\n'); at >= 0; at = buffered.indexOf('\n')) {
        const line = buffered.slice(0, at)
        buffered = buffered.slice(at + 1)
        const match = /^ACCRUE_BENCH_SERVER (\S+)$/.exec(line)
        if (match) resolve(match[1]!)
      }
    })
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening`)))
  })
  progress(`server listening at ${url} (pid ${child.pid})`)
  return { child, url }
}

/** The child: boot the server and say where it listens. */
async function serve(): Promise<void> {
  const { startServer } = await import('../../server')
  const server = await startServer({ port: 0, next: false, jobs: false })
  process.stdout.write(`ACCRUE_BENCH_SERVER ${server.url}\n`)
  process.once('SIGTERM', () => {
    void server.close().finally(() => process.exit(0))
  })
}

type Kind = 'list' | 'read' | 'keyset'
type Planned = { kind: Kind; path: string; sql: { text: string; values: unknown[] }[] }

async function run(pool: pg.Pool, url: string, pid: number, options: ApiBenchOptions): Promise<ApiBenchResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })
  const adminToken = await login(url, ADMIN)
  const partnerToken = await login(url, PARTNER)
  const partner = (await pool.query<{ id: number }>(`select id from participants where code = $1`, [PARTNER_CODE])).rows[0]
  if (!partner) throw new Error(`the demo has no participant ${PARTNER_CODE}`)
  const segment = `%/${partner.id}/%`

  // 1. The export, before the load (its peak memory is then the export's, not the load's).
  progress(`exporting every dealer sale as CSV as ${ADMIN}`)
  const exported = await exportCsv(url, adminToken, agent, pid)
  const expectedExport = Number((await pool.query(`select count(*) from dealer_sales`)).rows[0].count)
  progress(
    `export: ${exported.rows} rows (${(exported.bytes / 1024 / 1024).toFixed(1)} MB) in ${formatSeconds(exported.seconds)} (server CPU ${exported.cpuSeconds} s), server RSS ${exported.baselineRssMb} MB before, ${exported.sampledPeakRssMb} MB at most during it, VmHWM ${exported.peakRssMb} MB; status ${exported.status}`,
  )

  // 2. What the partner may read, to aim the requests at.
  const ownedSales = (
    await pool.query<{ id: number }>(
      `select s.id from dealer_sales s join participants p on p.id = s.dealer_id where p.path like $1 order by s.id`,
      [segment],
    )
  ).rows.map((r) => r.id)
  const ownedLines = Number(
    (await pool.query(`select count(*) from commission_lines l join participants p on p.id = l.payee_id where p.path like $1`, [segment]))
      .rows[0].count,
  )
  const periods = (await pool.query<{ id: number }>(`select distinct period_id as id from commission_lines order by 1`)).rows.map(
    (r) => r.id,
  )
  progress(`the partner ${PARTNER} may read ${ownedSales.length} dealer sales and ${ownedLines} commission lines`)
  if (ownedSales.length < PAGE_SIZE * 4) throw new Error('the partner owns too few dealer sales to page through')

  const total = Math.round(options.rate * options.seconds)
  const plan: Planned[] = []
  const components = ['upfront', 'volume_bonus', 'plan_change', 'residual', 'chargeback', 'override']
  const random = seededRandom(21)
  const deepAt = Math.min((KEYSET_PAGE - 1) * PAGE_SIZE, ownedSales.length - PAGE_SIZE - 1)
  const readColumns = `s.*`
  for (let i = 0; i < total; i++) {
    const kind: Kind = (['list', 'read', 'keyset'] as const)[i % 3]!
    if (kind === 'list') {
      const period = periods[Math.floor(random() * periods.length)]!
      const component = components[Math.floor(random() * components.length)]!
      plan.push({
        kind,
        path: `/api/commission-lines?where[period][equals]=${period}&where[component][equals]=${component}&limit=${PAGE_SIZE}&depth=0`,
        sql: [
          {
            text: `select l.* from commission_lines l where l.period_id = $1 and l.component = $2 and l.payee_id in (select id from participants where path like $3) order by l.id desc limit ${PAGE_SIZE}`,
            values: [period, component, segment],
          },
          {
            text: `select count(*) from commission_lines l where l.period_id = $1 and l.component = $2 and l.payee_id in (select id from participants where path like $3)`,
            values: [period, component, segment],
          },
        ],
      })
    } else if (kind === 'read') {
      const id = ownedSales[Math.floor(random() * ownedSales.length)]!
      plan.push({
        kind,
        path: `/api/dealer-sales/${id}?depth=0`,
        sql: [
          {
            text: `select ${readColumns} from dealer_sales s where s.id = $1 and s.dealer_id in (select id from participants where path like $2)`,
            values: [id, segment],
          },
        ],
      })
    } else {
      const at = Math.max(0, deepAt - Math.floor(random() * 2_000))
      const after = ownedSales[at]!
      plan.push({
        kind,
        path: `/api/dealer-sales/keyset?limit=${PAGE_SIZE}&after=${Buffer.from(String(after)).toString('base64url')}`,
        sql: [
          {
            text: `select ${readColumns} from dealer_sales s where s.id > $1 and s.dealer_id in (select id from participants where path like $2) order by s.id limit ${PAGE_SIZE + 1}`,
            values: [after, segment],
          },
        ],
      })
    }
  }

  // Warm-up (not measured): each kind once, checked.
  for (const kind of ['list', 'read', 'keyset'] as const) {
    const sample = plan.find((p) => p.kind === kind)!
    const res = await get(url, sample.path, partnerToken, agent)
    if (res.status !== 200) throw new Error(`${kind} ${sample.path} answered ${res.status}: ${res.body.slice(0, 300)}`)
  }

  progress(`load: ${options.rate} requests a second for ${options.seconds} s as ${PARTNER} (${total} requests, open loop)`)
  const cpuBefore = cpuSecondsOf(pid)
  const outcomes = await openLoop(url, partnerToken, agent, plan, options.rate)
  const cpuAfter = cpuSecondsOf(pid)
  const serverCpuMsPerRequest = cpuBefore === null || cpuAfter === null ? null : round(((cpuAfter - cpuBefore) * 1000) / plan.length, 2)
  progress(`server CPU per request: ${serverCpuMsPerRequest} ms (user + system, from /proc; the load average was ${loadAverage()})`)
  agent.destroy()
  const errors = outcomes.filter((o) => o.status !== 200)
  for (const error of errors.slice(0, 5)) progress(`  error: ${error.kind} ${error.status} ${error.detail}`)
  const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b)
  const byKind: ApiBenchResult['byKind'] = {}
  for (const kind of ['list', 'read', 'keyset'] as const) {
    const mine = outcomes.filter((o) => o.kind === kind)
    const sorted = mine.map((o) => o.ms).sort((a, b) => a - b)
    byKind[kind] = {
      requests: mine.length,
      errors: mine.filter((o) => o.status !== 200).length,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
    }
    progress(`  ${kind}: ${JSON.stringify(byKind[kind])}`)
  }

  progress('floor: the same requests’ SQL alone, one after another on one connection')
  const client = await pool.connect()
  const floorTimes: number[] = []
  let floorSeconds: number
  try {
    const floor = await timed(async () => {
      for (const planned of plan) {
        const start = performance.now()
        for (const statement of planned.sql) await client.query(statement)
        floorTimes.push(performance.now() - start)
      }
    })
    floorSeconds = floor.seconds
  } finally {
    client.release()
  }
  floorTimes.sort((a, b) => a - b)
  progress(`floor: ${formatSeconds(floorSeconds)} for ${plan.length} requests' SQL (p99 ${round(percentile(floorTimes, 99) ?? 0, 2)} ms)`)

  const p99 = percentile(latencies, 99)
  const checks = [
    exported.status === 200 ? null : `export answered ${exported.status}`,
    exported.rows === expectedExport ? null : `export: expected ${expectedExport} rows, got ${exported.rows}`,
    errors.length === 0 ? null : `${errors.length} requests failed`,
  ].filter((c): c is string => c !== null)
  return {
    name: 'api',
    rows: options.rows,
    seconds: options.seconds,
    rate: options.rate,
    requests: outcomes.length,
    errors: errors.length,
    p50Ms: percentile(latencies, 50),
    p99Ms: p99,
    maxMs: latencies.length ? round(latencies[latencies.length - 1]!, 1) : null,
    byKind,
    floorSeconds: round(floorSeconds),
    floorP99Ms: percentile(floorTimes, 99),
    exportRows: exported.rows,
    exportSeconds: round(exported.seconds),
    exportPeakRssMb: exported.peakRssMb,
    exportRssBeforeMb: exported.baselineRssMb,
    exportRssDuringMaxMb: exported.sampledPeakRssMb,
    exportCpuSeconds: exported.cpuSeconds,
    serverCpuMsPerRequest,
    loadAverage: loadAverage(),
    partnerRows: { sales: ownedSales.length, lines: ownedLines },
    checks: checks.length === 0 ? 'ok' : checks.join('; '),
    targets: {
      p99Under50ms: p99 !== null && p99 <= 50,
      noErrors: errors.length === 0,
      exportUnder15s: exported.seconds <= 15,
      exportUnder300MB: exported.sampledPeakRssMb !== null && exported.sampledPeakRssMb < 300,
    },
  }
}

async function login(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  const body = (await res.json()) as { token?: string }
  if (res.status !== 200 || !body.token) throw new Error(`login as ${email} failed: ${res.status}`)
  return body.token
}

function get(url: string, pathname: string, token: string, agent: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}${pathname}`, { agent, headers: { authorization: `JWT ${token}` } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('error', reject)
  })
}

type Outcome = { kind: Kind; status: number; ms: number; detail: string }

/** Fires request i at start + i/rate seconds, never waiting for earlier answers; latency is from that scheduled time. */
async function openLoop(url: string, token: string, agent: http.Agent, plan: Planned[], rate: number): Promise<Outcome[]> {
  const outcomes: Promise<Outcome>[] = []
  const start = performance.now() + 20
  const intervalMs = 1000 / rate
  let next = 0
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now()
      while (next < plan.length && start + next * intervalMs <= now) {
        const planned = plan[next]!
        const scheduled = start + next * intervalMs
        outcomes.push(
          get(url, planned.path, token, agent).then(
            (res) => ({
              kind: planned.kind,
              status: res.status,
              ms: performance.now() - scheduled,
              detail: res.status === 200 ? '' : res.body.slice(0, 200),
            }),
            (err: Error) => ({ kind: planned.kind, status: 0, ms: performance.now() - scheduled, detail: err.message }),
          ),
        )
        next++
      }
      if (next >= plan.length) resolve()
      else setTimeout(tick, Math.max(0, Math.min(intervalMs, start + next * intervalMs - performance.now())))
    }
    tick()
  })
  return Promise.all(outcomes)
}

/** The export streamed and counted (CSV records = lines minus the header; no quoted line breaks in the bench data). */
async function exportCsv(
  url: string,
  token: string,
  agent: http.Agent,
  pid: number,
): Promise<{
  status: number
  rows: number
  bytes: number
  seconds: number
  peakRssMb: number | null
  baselineRssMb: number | null
  sampledPeakRssMb: number | null
  cpuSeconds: number | null
}> {
  const baselineRssMb = procStatusMb(pid, 'VmRSS')
  const cpuBefore = cpuSecondsOf(pid)
  let sampledPeakRssMb = baselineRssMb
  const sampler = setInterval(() => {
    const rss = procStatusMb(pid, 'VmRSS')
    if (rss !== null && (sampledPeakRssMb === null || rss > sampledPeakRssMb)) sampledPeakRssMb = rss
  }, 50)
  const start = performance.now()
  const { status, lines, bytes } = await new Promise<{ status: number; lines: number; bytes: number }>((resolve, reject) => {
    const req = http.get(`${url}/api/dealer-sales/export?format=csv`, { agent, headers: { authorization: `JWT ${token}` } }, (res) => {
      let lines = 0
      let bytes = 0
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length
        for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, lines, bytes }))
      res.on('error', reject)
    })
    req.on('error', reject)
  })
  const seconds = (performance.now() - start) / 1000
  clearInterval(sampler)
  const cpuAfter = cpuSecondsOf(pid)
  return {
    status,
    rows: Math.max(0, lines - 1),
    bytes,
    seconds,
    peakRssMb: procStatusMb(pid, 'VmHWM'),
    baselineRssMb,
    sampledPeakRssMb,
    cpuSeconds: cpuBefore === null || cpuAfter === null ? null : round(cpuAfter - cpuBefore),
  }
}

/** A memory figure of a process (VmRSS now, VmHWM its peak) in MB, from /proc. */
function procStatusMb(pid: number, key: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? round(Number(match[1]) / 1024, 1) : null
  } catch {
    return null
  }
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat (clock ticks of 1/100 s). */
function cpuSecondsOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return null
  }
}

function loadAverage(): number {
  return round(os.loadavg()[0]!, 2)
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!, 1)
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href && process.argv.includes('--serve')) {
  serve().catch((err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exit(1)
  })
}
