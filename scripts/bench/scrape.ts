/**
 * The scrape benchmark: the carrier-portal stand-in (demo/carrier-portal) started in this process with `rows`
 * activations over October 2026 (50 a page), a sealed portal credential, a connector with the seeded Vertex steps and
 * a scrape run, all created through the Local API. Timed: `scrapeRun` itself, as the scrapeCarrier job calls it
 * (launching Chromium on first use, signing in with TOTP, reading every page, building the .xlsx, the import). The
 * floor is the same sign-in and the same pages fetched over plain HTTP with a hand-kept cookie jar, counting rows.
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'
import type pg from 'pg'

import { createCarrierPortal, PAGE_SIZE } from '../../demo/carrier-portal/app'
import { totp } from '../../engine/scrape/totp'
import { jobProgress } from '../../jobs/progress'
import { scrapeRun } from '../../modules/scrape/scrapeRun'
import { closeSharedBrowser } from '../../modules/scrape/sharedBrowser'
import { VERTEX_PORTAL_STEPS } from '../../seed/scrape/connectors'
import { startBenchDatabase } from './database'
import { combineChecks, formatSeconds, peakRssMb, progress, result, timed, type BenchResult } from './report'
import { instrument, label, record, type Statement } from './statements'

export type ScrapeOptions = { rows: number; settings: Record<string, string> }

const MAPPING = 'Vertex Wireless portal export'
const CARRIER = 'VTX'
const USERNAME = 'dealer.demo'
const PASSWORD = 'Vertex#2026!bench'
const TOTP_SECRET = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF'
const PERIOD = { from: '2026-10-01', to: '2026-10-31' }
const REPORT_PATH = '/reports/activations'

export async function benchScrape(options: ScrapeOptions): Promise<BenchResult> {
  const chromiumBefore = chromiumPids()
  const db = await startBenchDatabase(options.settings)
  let portal: Portal | null = null
  try {
    portal = await startPortal(options.rows)
    progress(
      `portal stand-in listening at ${portal.url} (${options.rows} rows, ${Math.ceil(options.rows / PAGE_SIZE)} pages for the period)`,
    )
    return await run(db.payload, db.pool, portal, chromiumBefore, options)
  } finally {
    // Also on failure: no browser may outlive the bench.
    await closeSharedBrowser().catch((err: unknown) => progress(`closing the browser failed: ${(err as Error).message}`))
    await portal?.close()
    progress('stopping the database and deleting its folder')
    await db.close()
  }
}

type Portal = {
  url: string
  /** When each kind of request first/last reached the portal (performance.now() ms), for the breakdown. */
  hits: { first: number | null; firstReport: number | null; lastReport: number | null; reports: number }
  resetHits(): void
  close(): Promise<void>
}

/** The portal in this process on a free port, behind a thin handler that notes when the browser reaches it. */
async function startPortal(rows: number): Promise<Portal> {
  const app = createCarrierPortal({
    username: USERNAME,
    password: PASSWORD,
    totpSecret: TOTP_SECRET,
    rows: { count: rows, from: PERIOD.from, days: 31 },
  })
  const hits: Portal['hits'] = { first: null, firstReport: null, lastReport: null, reports: 0 }
  const server = http.createServer((req, res) => {
    const now = performance.now()
    hits.first ??= now
    if ((req.url ?? '').startsWith(`${REPORT_PATH}?`)) {
      hits.firstReport ??= now
      hits.lastReport = now
      hits.reports++
    }
    app(req, res)
  })
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    resetHits: () => Object.assign(hits, { first: null, firstReport: null, lastReport: null, reports: 0 }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

async function run(
  payload: Payload,
  pool: pg.Pool,
  portal: Portal,
  chromiumBefore: Set<number>,
  options: ScrapeOptions,
): Promise<BenchResult> {
  const expectedPages = Math.max(1, Math.ceil(options.rows / PAGE_SIZE))

  const floor = await timed(() => plainHttpWalk(portal.url))
  progress(
    `floor (plain HTTP: sign-in with TOTP and ${floor.value.pages} pages): ${formatSeconds(floor.seconds)}, ${floor.value.rows} rows`,
  )
  if (floor.value.rows !== options.rows || floor.value.pages !== expectedPages) {
    throw new Error(
      `the plain-HTTP walk read ${floor.value.rows} rows on ${floor.value.pages} pages, expected ${options.rows} on ${expectedPages}`,
    )
  }

  const runId = await createRun(payload, pool, portal.url)
  progress(`created credential, connector and scrape run ${runId} through the Local API`)
  // Progress goes to the run's queued job row, as the job task would.
  const onProgress = jobProgress(
    payload,
    ((await payload.findByID({ collection: 'scrape-runs', id: runId, depth: 0 })).job as number | null) ?? 0,
  )

  await instrument(pool)
  portal.resetHits()
  progress('running scrapeRun (timed: Chromium launch, TOTP sign-in, every page, the .xlsx, the import)')
  const startedAt = performance.now()
  const measured = await record(() => timed(() => scrapeRun(payload, runId, 1, true, onProgress)))
  const endedAt = performance.now()
  const seconds = measured.value.seconds
  progress(
    `scrapeRun: ${formatSeconds(seconds)} (${Math.round(options.rows / seconds)} rows/s); ${JSON.stringify(measured.value.value)}; peak RSS so far ${peakRssMb()} MB`,
  )
  printBreakdown(portal.hits, startedAt, endedAt, measured.statements)

  const ours = ourChromium(chromiumBefore)
  const closed = await timed(() => closeSharedBrowser())
  progress(`closeSharedBrowser: ${formatSeconds(closed.seconds)} (the browser had ${ours.length} processes)`)
  const leftover = await leftoverChromium(ours)

  const checks = combineChecks(
    await checkRun(pool, runId, options.rows, expectedPages),
    ours.length === 0
      ? 'no Chromium process of this bench was found while its browser was open'
      : leftover.length === 0
        ? 'ok'
        : `Chromium processes left after closeSharedBrowser: ${leftover.map((p) => `${p.pid} (${p.state})`).join(', ')}`,
  )
  progress(`checks: ${checks}`)
  return result({ workload: 'scrape', rows: options.rows, seconds, floorSeconds: floor.seconds, checks })
}

/** The credential (sealed by its hook), the connector with the seeded Vertex steps, and a run of October 2026. */
async function createRun(payload: Payload, pool: pg.Pool, portalUrl: string): Promise<number> {
  const carrier = (await pool.query<{ id: number }>(`select id from carriers where code = $1`, [CARRIER])).rows[0]
  const mapping = (await pool.query<{ id: number }>(`select id from import_mappings where name = $1`, [MAPPING])).rows[0]
  if (!carrier || !mapping) throw new Error(`the demo data has no carrier ${CARRIER} or no mapping "${MAPPING}"`)
  const credential = await payload.create({
    collection: 'portal-credentials',
    data: { name: 'Bench Vertex login', username: USERNAME, password: PASSWORD, totpSecret: TOTP_SECRET } as never,
    depth: 0,
  })
  const connector = await payload.create({
    collection: 'carrier-connectors',
    data: {
      name: 'Bench Vertex portal',
      carrier: carrier.id,
      mapping: mapping.id,
      loginUrl: `${portalUrl}/login`,
      credential: credential.id,
      steps: VERTEX_PORTAL_STEPS,
    } as never,
    depth: 0,
  })
  // Creating the run queues its scrapeCarrier job; no worker runs here, the bench calls scrapeRun itself.
  const run = await payload.create({
    collection: 'scrape-runs',
    data: { connector: connector.id, periodFrom: PERIOD.from, periodTo: PERIOD.to } as never,
    depth: 0,
  })
  return run.id as number
}

async function checkRun(pool: pg.Pool, runId: number, rows: number, pages: number): Promise<string> {
  const run = (
    await pool.query<{
      status: string
      rowsFetched: number | null
      pages: number | null
      accepted: number | null
      rejected: number | null
      diagnosis: string | null
    }>(
      `select status::text as status, rows_fetched::int as "rowsFetched", pages::int as pages, accepted::int as accepted, rejected::int as rejected, diagnosis
         from scrape_runs where id = $1`,
      [runId],
    )
  ).rows[0]
  if (!run) return `scrape run ${runId} not found`
  progress(`run ${runId}: ${JSON.stringify(run)}`)
  return combineChecks(
    run.status === 'completed' ? 'ok' : `status ${run.status} (${run.diagnosis ?? 'no diagnosis'})`,
    run.rowsFetched === rows ? 'ok' : `rowsFetched: expected ${rows}, got ${run.rowsFetched}`,
    run.pages === pages ? 'ok' : `pages: expected ${pages}, got ${run.pages}`,
    (run.accepted ?? 0) + (run.rejected ?? 0) === rows
      ? 'ok'
      : `accepted + rejected: expected ${rows}, got ${run.accepted} + ${run.rejected}`,
  )
}

/** Where the time went, from when the browser reached the portal and what SQL the run sent. */
function printBreakdown(hits: Portal['hits'], startedAt: number, endedAt: number, statements: readonly Statement[]): void {
  const s = (ms: number) => `${(ms / 1000).toFixed(3)} s`
  if (hits.first !== null && hits.firstReport !== null && hits.lastReport !== null) {
    progress(`  until the first request reaches the portal (run lookups, Chromium launch, context): ${s(hits.first - startedAt)}`)
    progress(`  sign-in with TOTP until the first report page is requested: ${s(hits.firstReport - hits.first)}`)
    progress(
      `  report pages 1..${hits.reports} (request of the first to request of the last): ${s(hits.lastReport - hits.firstReport)} (${s((hits.lastReport - hits.firstReport) / Math.max(1, hits.reports - 1))} a page)`,
    )
    progress(`  after the last page was requested (reading it, the .xlsx, the stored file, the import): ${s(endedAt - hits.lastReport)}`)
  }
  const groups = new Map<string, { count: number; ms: number }>()
  for (const statement of statements) {
    const group = groups.get(label(statement.sql)) ?? { count: 0, ms: 0 }
    group.count++
    group.ms += statement.ms
    groups.set(label(statement.sql), group)
  }
  const total = [...groups.values()].reduce((sum, group) => sum + group.ms, 0)
  progress(`  SQL time ${s(total)} (${statements.length} statements); the heaviest:`)
  for (const [name, group] of [...groups].sort((a, b) => b[1].ms - a[1].ms).slice(0, 6)) {
    progress(`  ${group.ms.toFixed(1).padStart(9)} ms  ${String(group.count).padStart(4)}x  ${name}`)
  }
}

// --- The floor: the same walk over plain HTTP ------------------------------------------------------------------

/** A cookie jar for one origin: name → value, from Set-Cookie headers (Max-Age=0 deletes). */
class CookieJar {
  private readonly cookies = new Map<string, string>()

  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';')
      const eq = pair.indexOf('=')
      if (eq <= 0) continue
      const name = pair.slice(0, eq).trim()
      if (attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.cookies.delete(name)
      else this.cookies.set(name, pair.slice(eq + 1).trim())
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }
}

const CSRF = /name="_csrf" value="([^"]+)"/
const PAGE_INFO = /Page (\d+) of (\d+)/
const decodeHtml = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')

/** Signs in (CSRF, password, TOTP) and reads every report page of the period; counts rows and pages, nothing else. */
async function plainHttpWalk(baseUrl: string): Promise<{ rows: number; pages: number }> {
  const jar = new CookieJar()
  const request = async (
    path: string,
    form?: Record<string, string>,
  ): Promise<{ status: number; location: string | null; body: string }> => {
    const res = await fetch(new URL(path, baseUrl), {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ? new URLSearchParams(form).toString() : undefined,
    })
    jar.take(res)
    return { status: res.status, location: res.headers.get('location'), body: await res.text() }
  }
  const csrfOf = (body: string, where: string) => {
    const match = CSRF.exec(body)
    if (!match) throw new Error(`floor: no CSRF token on ${where}`)
    return decodeHtml(match[1]!)
  }

  const login = await request('/login')
  const signIn = await request('/login', { _csrf: csrfOf(login.body, '/login'), username: USERNAME, password: PASSWORD })
  if (signIn.status !== 303 || signIn.location !== '/login/otp')
    throw new Error(`floor: sign-in answered ${signIn.status} ${signIn.location ?? ''}`)
  const otp = await request('/login/otp')
  const verified = await request('/login/otp', { _csrf: csrfOf(otp.body, '/login/otp'), code: totp(TOTP_SECRET, Date.now()) })
  if (verified.status !== 303) throw new Error(`floor: the one-time code was refused (${verified.status})`)

  let rows = 0
  let pages = 0
  for (let pageNo = 1, last = 1; pageNo <= last; pageNo++) {
    const report = await request(`${REPORT_PATH}?${new URLSearchParams({ from: PERIOD.from, to: PERIOD.to, page: String(pageNo) })}`)
    if (report.status !== 200) throw new Error(`floor: page ${pageNo} answered ${report.status} ${report.location ?? ''}`)
    const info = PAGE_INFO.exec(report.body)
    if (!info || Number(info[1]) !== pageNo) throw new Error(`floor: page ${pageNo} does not say which page it is`)
    last = Number(info[2])
    const tbody = report.body.slice(report.body.indexOf('<tbody>'), report.body.indexOf('</tbody>'))
    rows += tbody.split('<tr>').length - 1
    pages++
  }
  return { rows, pages }
}

// --- Browser processes -----------------------------------------------------------------------------------------

type ProcessInfo = { pid: number; ppid: number; state: string; startTicks: number; command: string }

/** Every process whose command line or name mentions chrom(e|ium), zombies included (state Z). */
function chromiumProcesses(): ProcessInfo[] {
  const found: ProcessInfo[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      // Fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime
      // cstime priority nice threads itrealvalue starttime ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim()
      if (/chrom/i.test(command) || /chrom/i.test(name)) {
        found.push({
          pid: Number(entry),
          ppid: Number(fields[1]),
          state: fields[0] ?? '?',
          startTicks: Number(fields[19]),
          command: command || `[${name}]`,
        })
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return found
}

function chromiumPids(): Set<number> {
  return new Set(chromiumProcesses().map((p) => p.pid))
}

/** The parent of every process, for walking up to this one. */
function parents(): Map<number, number> {
  const map = new Map<number, number>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      map.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // Gone.
    }
  }
  return map
}

function descendsFromUs(pid: number, parentOf: Map<number, number>): boolean {
  for (let p = parentOf.get(pid), hops = 0; p !== undefined && p > 1 && hops < 64; p = parentOf.get(p), hops++)
    if (p === process.pid) return true
  return false
}

/** Clock ticks a second (for /proc start times); 100 on every Linux this runs on. */
const TICKS = 100

/**
 * This bench's Chromium processes while the browser is still open: the new ones below this process, and the crash
 * handlers Chromium detaches at once (their parent is then PID 1) that started within 2 s of our browser.
 * Chromium started by anyone else (another engineer's tests) in the meantime is not counted.
 */
function ourChromium(before: Set<number>): ProcessInfo[] {
  const parentOf = parents()
  const fresh = chromiumProcesses().filter((p) => !before.has(p.pid))
  const below = fresh.filter((p) => descendsFromUs(p.pid, parentOf))
  if (below.length === 0) return []
  const launched = Math.min(...below.map((p) => p.startTicks))
  const detached = fresh.filter((p) => p.ppid === 1 && !below.includes(p) && Math.abs(p.startTicks - launched) <= 2 * TICKS)
  return [...below, ...detached]
}

/**
 * Which of `ours` are still there after the browser was closed (waits up to 3 s). Zombies (exited, waiting for
 * PID 1 to reap them) are reported but do not count: they run nothing and hold no memory.
 */
async function leftoverChromium(ours: readonly ProcessInfo[]): Promise<ProcessInfo[]> {
  const pids = new Set(ours.map((p) => p.pid))
  let left: ProcessInfo[] = []
  let zombies: ProcessInfo[] = []
  for (let i = 0; i < 30; i++) {
    const now = chromiumProcesses().filter((p) => pids.has(p.pid))
    left = now.filter((p) => p.state !== 'Z')
    zombies = now.filter((p) => p.state === 'Z')
    if (left.length === 0) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  if (zombies.length > 0)
    progress(
      `  ${zombies.length} of our ${ours.length} Chromium processes exited but are not reaped yet (zombies of PID 1): ${zombies.map((p) => p.pid).join(', ')}`,
    )
  for (const p of left) progress(`  left over: pid ${p.pid} (parent ${p.ppid}) state ${p.state}: ${p.command.slice(0, 160)}`)
  return left
}
