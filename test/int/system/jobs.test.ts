import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startWorker } from '../../../jobs/runWorker'
import { fireSlot } from '../../../jobs/scheduler'
import { startTestApp, type TestApp } from '../../support/app'
import { Api, fieldErrorOf } from '../../support/http'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
let app: TestApp

beforeAll(async () => {
  app = await startTestApp('jobs')
})
afterAll(async () => app?.close())

/** `npm run worker -- --exit-when-idle` as a separate OS process against the test database. */
function runWorkerProcess(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'jobs/worker.ts', '--exit-when-idle'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: app.databaseUrl, WORKER_CONCURRENCY: '4' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => resolve({ code, output }))
  })
}

describe('job claiming across processes', () => {
  it('two worker processes draining 300 jobs execute each exactly once', async () => {
    const queued: number[] = []
    for (let i = 0; i < 300; i++) {
      const job = await app.payload.jobs.queue({ task: 'verifyNetwork', input: {} })
      queued.push(job.id as number)
    }
    const [a, b] = await Promise.all([runWorkerProcess(), runWorkerProcess()])
    expect(a.code, a.output).toBe(0)
    expect(b.code, b.output).toBe(0)

    const jobs = await app.sql.query<{ id: number; completed: boolean; has_error: boolean; claimed_by: string }>(
      `select id, completed_at is not null as completed, coalesce(has_error, false) as has_error, claimed_by from payload_jobs where id = any($1::int[])`,
      [queued],
    )
    expect(jobs.rows).toHaveLength(300)
    expect(jobs.rows.filter((j) => !j.completed || j.has_error)).toEqual([])
    // Payload logs one entry per task execution: exactly one each means nothing ran twice.
    const runs = await app.sql.query<{ job: number; runs: string }>(
      `select _parent_id as job, count(*) as runs from payload_jobs_log where _parent_id = any($1::int[]) group by _parent_id`,
      [queued],
    )
    expect(runs.rows).toHaveLength(300)
    expect(runs.rows.filter((r) => Number(r.runs) !== 1)).toEqual([])
    const workers = new Set(jobs.rows.map((j) => j.claimed_by))
    expect(workers.size, 'both processes took part').toBe(2)
  })

  it('a job whose worker died is reclaimed after the timeout and completed by another worker', async () => {
    const job = await app.payload.jobs.queue({ task: 'verifyNetwork', input: {} })
    await app.sql.query(
      `update payload_jobs set processing = true, claimed_by = 'dead-host:1:gone', heartbeat_at = now() - interval '10 minutes' where id = $1`,
      [job.id],
    )
    const fresh = await app.payload.jobs.queue({ task: 'verifyNetwork', input: {} })
    await app.sql.query(`update payload_jobs set processing = true, claimed_by = 'busy-host:2:alive', heartbeat_at = now() where id = $1`, [
      fresh.id,
    ])

    const worker = startWorker(app.payload, { exitWhenIdle: true, abandonAfterSeconds: 120, pollMs: 50 })
    await worker.done
    const rows = await app.sql.query(
      `select id, completed_at is not null as completed, processing, claimed_by from payload_jobs where id = any($1::int[]) order by id`,
      [[job.id, fresh.id]],
    )
    expect(rows.rows[0]).toMatchObject({ completed: true, processing: false, claimed_by: worker.id })
    // a job whose worker is still beating is left alone
    expect(rows.rows[1]).toMatchObject({ completed: false, processing: true, claimed_by: 'busy-host:2:alive' })
  })
})

describe('schedules', () => {
  it('a schedule slot enqueues its job exactly once however many processes fire it', async () => {
    const schedule = await app.payload.create({
      collection: 'schedules',
      data: { name: 'Every minute check', task: 'verifyNetwork', cron: '* * * * *', timezone: 'UTC', enabled: true },
    })
    const slot = new Date('2026-11-23T02:00:00.000Z')
    const results = await Promise.all(Array.from({ length: 12 }, () => fireSlot(app.payload, schedule as never, slot)))
    const enqueued = results.filter((id) => id !== null)
    expect(enqueued).toHaveLength(1)
    const slots = await app.sql.query(`select job_id from schedule_slots where schedule_id = $1`, [schedule.id])
    expect(slots.rows).toEqual([{ job_id: enqueued[0] }])
    const next = await fireSlot(app.payload, schedule as never, new Date('2026-11-23T02:01:00.000Z'))
    expect(next).not.toBeNull()
    expect(next).not.toBe(enqueued[0])
  })

  it('deleting a schedule keeps the history of the slots it fired', async () => {
    const schedule = await app.payload.create({
      collection: 'schedules',
      data: { name: 'Short-lived', task: 'verifyNetwork', cron: '0 4 * * *', timezone: 'UTC', enabled: true },
    })
    const jobId = await fireSlot(app.payload, schedule as never, new Date('2026-11-23T04:00:00.000Z'))
    const admin = await Api.login(app.url, 'admin@northwind.example')
    expect((await admin.delete(`/api/schedules/${schedule.id}`)).status).toBe(200)
    const slots = await app.sql.query(`select schedule_id, job_id from schedule_slots where job_id = $1`, [jobId])
    expect(slots.rows).toEqual([{ schedule_id: null, job_id: jobId }])
  })

  it('refuses an invalid cron expression with a 400 naming the field', async () => {
    const admin = await Api.login(app.url, 'admin@northwind.example')
    const res = await admin.post('/api/schedules', { name: 'Broken', task: 'verifyNetwork', cron: '61 * * * *', timezone: 'UTC' })
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)?.path).toBe('cron')
    const short = await admin.post('/api/schedules', { name: 'Short', task: 'verifyNetwork', cron: '* * *', timezone: 'UTC' })
    expect(fieldErrorOf(short.body)?.message).toMatch(/five fields/)
  })

  it('only company admins edit schedules; partners cannot see the queue', async () => {
    const finance = await Api.login(app.url, 'finance@northwind.example')
    expect((await finance.get('/api/schedules')).status).toBe(200)
    expect((await finance.post('/api/schedules', { name: 'F', task: 'verifyNetwork', cron: '0 3 * * *' })).status).toBe(403)
    const partner = await Api.login(app.url, 'admin@summit.example')
    expect((await partner.get('/api/payload-jobs')).status).toBe(403)
    expect((await partner.get('/api/schedules')).status).toBe(403)
  })
})

describe('live job status', () => {
  it('streams state and progress to staff and refuses partners', async () => {
    const job = await app.payload.jobs.queue({ task: 'verifyNetwork', input: {} })
    await app.payload.jobs.runByID({ id: job.id })
    const finance = await Api.login(app.url, 'finance@northwind.example')
    const controller = new AbortController()
    const res = await fetch(`${app.url}/events/jobs?job=${job.id}`, {
      headers: { authorization: `JWT ${finance.token}` },
      signal: controller.signal,
    })
    expect(res.headers.get('content-type')).toBe('text/event-stream')
    const reader = res.body!.getReader()
    const { value } = await reader.read()
    controller.abort()
    const event = JSON.parse(
      new TextDecoder()
        .decode(value)
        .replace(/^data: /, '')
        .trim(),
    )
    const participants = Number((await app.sql.query('select count(*) from participants')).rows[0].count)
    expect(event[0]).toMatchObject({
      id: job.id,
      taskSlug: 'verifyNetwork',
      label: 'checked',
      total: String(participants),
      done: String(participants),
    })
    expect(event[0].completedAt).not.toBeNull()

    const partner = await Api.login(app.url, 'admin@summit.example')
    const refused = await fetch(`${app.url}/events/jobs`, { headers: { authorization: `JWT ${partner.token}` } })
    expect(refused.status).toBe(403)
  })
})
