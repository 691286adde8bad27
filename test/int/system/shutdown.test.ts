import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { drainJobs } from '../../support/telecom'

/**
 * `npm run worker` processes stopped with SIGTERM while a job runs. The job is kept running for as long as the
 * test wants by holding an exclusive lock on `participants`, which the verifyNetwork task reads first.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
let app: TestApp
const children: ChildProcess[] = []

type WorkerProcess = { child: ChildProcess; id: string; output: () => string; exit: Promise<number | null> }

beforeAll(async () => {
  app = await startTestApp('shutdown')
  await drainJobs(app) // the demo seed queues a reconciliation run
})
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})
afterAll(async () => app?.close())

async function startWorkerProcess(env: Record<string, string>, args: string[] = []): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'jobs/worker.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: app.databaseUrl, WORKER_CONCURRENCY: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const id = await until(
    () => /worker (\S+) running/.exec(output)?.[1] ?? null,
    () => `the worker did not start:\n${output}`,
    exit,
  )
  return { child, id, output: () => output, exit }
}

/** Polls `probe` until it returns a value; fails when `ended` settles first or after a minute. */
async function until<T>(probe: () => T | null | Promise<T | null>, failure: () => string, ended?: Promise<unknown>): Promise<T> {
  let over = false
  void ended?.then(() => (over = true))
  for (const deadline = Date.now() + 60_000; Date.now() < deadline && !over;) {
    const value = await probe()
    if (value !== null) return value
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const value = await probe()
  if (value !== null) return value
  throw new Error(failure())
}

/** Holds `participants` exclusively until released: a verifyNetwork job waits on it, still running. */
async function holdParticipants(): Promise<{ release: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: app.databaseUrl })
  await client.connect()
  await client.query('begin')
  await client.query('lock table participants in access exclusive mode')
  return {
    release: async () => {
      await client.query('rollback')
      await client.end()
    },
  }
}

type JobRow = { processing: boolean; claimed_by: string | null; completed: boolean; has_error: boolean; runs: string[] }

async function jobRow(id: number): Promise<JobRow> {
  const result = await app.sql.query<JobRow>(
    `select coalesce(processing, false) as processing, claimed_by, completed_at is not null as completed, coalesce(has_error, false) as has_error,
            array(select state::text from payload_jobs_log where _parent_id = payload_jobs.id order by executed_at) as runs
       from payload_jobs where id = $1`,
    [id],
  )
  return result.rows[0]!
}

/** Sessions of the test database waiting for a lock on `participants` (the held verifyNetwork reads). */
async function waitingOnParticipants(): Promise<number> {
  const result = await app.sql.query(
    `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike '%from participants%'`,
  )
  return result.rows[0].n
}

async function queueCheck(): Promise<number> {
  return (await app.payload.jobs.queue({ task: 'verifyNetwork', input: {} })).id as number
}

describe('SIGTERM while a job runs', () => {
  it('a job still running when the grace period ends is handed back, and completed exactly once by another worker', async () => {
    const lock = await holdParticipants()
    let job: number
    try {
      job = await queueCheck()
      const a = await startWorkerProcess({ ACCRUE_SHUTDOWN_GRACE_SECONDS: '2' })
      await until(
        async () => ((await jobRow(job)).claimed_by === a.id && (await waitingOnParticipants()) === 1 ? true : null),
        () => `worker A never ran the job:\n${a.output()}`,
      )

      const signalled = Date.now()
      a.child.kill('SIGTERM')
      expect(await a.exit, a.output()).toBe(0)
      const took = Date.now() - signalled
      expect(took, 'the running job had its grace period').toBeGreaterThanOrEqual(2_000)
      expect(took, 'and the worker did not wait longer than that and a margin').toBeLessThan(2_000 + 10_000)
      expect(a.output()).toContain(`handed back to the queue: ${job}`)

      // Back in the queue, with nothing recorded of the cut-off run, and the worker's sessions gone from the server.
      expect(await jobRow(job)).toEqual({ processing: false, claimed_by: null, completed: false, has_error: false, runs: [] })
      expect(await waitingOnParticipants()).toBe(0)
    } finally {
      await lock.release()
    }

    const b = await startWorkerProcess({}, ['--exit-when-idle'])
    expect(await b.exit, b.output()).toBe(0)
    expect(await jobRow(job)).toEqual({ processing: false, claimed_by: b.id, completed: true, has_error: false, runs: ['succeeded'] })
  })

  it('a job that finishes within the grace period completes in the stopping worker, which claims nothing more', async () => {
    const lock = await holdParticipants()
    let released = false
    try {
      const first = await queueCheck()
      const a = await startWorkerProcess({ ACCRUE_SHUTDOWN_GRACE_SECONDS: '60' })
      await until(
        async () => ((await jobRow(first)).claimed_by === a.id && (await waitingOnParticipants()) === 1 ? true : null),
        () => `worker A never ran the job:\n${a.output()}`,
      )

      const signalled = Date.now()
      a.child.kill('SIGTERM')
      await until(
        () => (a.output().includes(`waiting up to 60 s for job(s) ${first}`) ? true : null),
        () => `worker A did not start stopping:\n${a.output()}`,
        a.exit,
      )
      const second = await queueCheck()
      await lock.release()
      released = true
      expect(await a.exit, a.output()).toBe(0)
      expect(Date.now() - signalled, 'it stopped as soon as its job was done, not at the end of the grace period').toBeLessThan(30_000)
      expect(a.output()).not.toContain('handed back')

      expect(await jobRow(first)).toEqual({ processing: false, claimed_by: a.id, completed: true, has_error: false, runs: ['succeeded'] })
      expect(await jobRow(second)).toEqual({ processing: false, claimed_by: null, completed: false, has_error: false, runs: [] })
      const b = await startWorkerProcess({}, ['--exit-when-idle'])
      expect(await b.exit, b.output()).toBe(0)
      expect(await jobRow(second)).toEqual({ processing: false, claimed_by: b.id, completed: true, has_error: false, runs: ['succeeded'] })
    } finally {
      if (!released) await lock.release()
    }
  })
})
