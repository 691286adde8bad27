import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'

/**
 * Issue 12, item 12: "Run now" queues one run per connector at a time (a second request, however many arrive at once,
 * gets the queued or running one back), a scheduled run does not start beside it, and a body that cannot be read is a
 * 400 naming the problem with nothing queued.
 */
let app: TestApp
let admin: Api
let connectorId: number

const runsOf = async (connector: number): Promise<{ id: number; status: string; job: number | null }[]> =>
  (await app.sql.query(`select id, status, job from scrape_runs where connector_id = $1 order by id`, [connector])).rows
const jobsOf = async (connector: number): Promise<number> =>
  Number(
    (
      await app.sql.query(
        `select count(*) from payload_jobs where task_slug = 'scrapeCarrier' and completed_at is null
           and (input->>'runId')::int in (select id from scrape_runs where connector_id = $1)`,
        [connector],
      )
    ).rows[0].count,
  )

/** A raw POST with any body (the Api client only sends JSON it serialized itself). */
const rawPost = async (path: string, body: string, contentType = 'application/json') => {
  const res = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { authorization: `JWT ${admin.token}`, 'content-type': contentType },
    body,
  })
  const text = await res.text()
  let parsed: any = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // kept as text
  }
  return { status: res.status, body: parsed }
}

/** A fresh connector (a copy of the demo one), so every test starts with no runs. */
async function newConnector(name: string): Promise<number> {
  const demo = (await admin.get('/api/carrier-connectors?where[fetches][equals]=report&depth=0&limit=1')).body.docs[0]
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = demo
  const res = await admin.post('/api/carrier-connectors?depth=0', {
    ...fields,
    name,
    steps: demo.steps.map(({ id: _s, ...step }: { id: string }) => step),
  })
  if (res.status !== 201) throw new Error(`connector refused: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc.id
}

beforeAll(async () => {
  app = await startTestApp('security_connectors')
  admin = await Api.login(app.url, 'admin@northwind.example')
  connectorId = await newConnector('Probe target')
})
afterAll(async () => {
  await app?.close()
})

describe('Run now queues one run per connector at a time', () => {
  it('ten concurrent requests queue exactly one run and every answer names it', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => admin.post(`/api/carrier-connectors/${connectorId}/run`, { from: '2026-10-01', to: '2026-10-05' })),
    )
    const runs = await runsOf(connectorId)
    expect(runs).toHaveLength(1)
    expect(await jobsOf(connectorId)).toBe(1)
    const runId = runs[0]!.id
    expect(answers.map((a) => a.body.run)).toEqual(Array(10).fill(runId))
    expect(answers.filter((a) => a.status === 202)).toHaveLength(1)
    const again = answers.filter((a) => a.status === 200)
    expect(again).toHaveLength(9)
    for (const answer of again)
      expect(answer.body.message).toBe(`run ${runId} is already queued for this connector; it was not queued again`)
  })

  it('a request while the run is running returns that run, saying it is running', async () => {
    const [run] = await runsOf(connectorId)
    await app.sql.query(`update scrape_runs set status = 'running' where id = $1`, [run!.id])
    const res = await admin.post(`/api/carrier-connectors/${connectorId}/run`, {})
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      run: run!.id,
      status: 'running',
      message: `run ${run!.id} is already running for this connector; it was not queued again`,
    })
    expect(await runsOf(connectorId)).toHaveLength(1)
  })

  it('once the run has ended, the next request queues a new one', async () => {
    const [run] = await runsOf(connectorId)
    await app.sql.query(`update scrape_runs set status = 'completed' where id = $1`, [run!.id])
    const res = await admin.post(`/api/carrier-connectors/${connectorId}/run`, {})
    expect(res.status).toBe(202)
    expect(res.body.run).not.toBe(run!.id)
    expect(await runsOf(connectorId)).toHaveLength(2)
  })

  it('a run whose job ended without finishing the run (a crashed worker) does not block the connector', async () => {
    const connector = await newConnector('Stuck run')
    const first = await admin.post(`/api/carrier-connectors/${connector}/run`, {})
    expect(first.status).toBe(202)
    await app.sql.query(`update scrape_runs set status = 'running' where id = $1`, [first.body.run])
    await app.sql.query(
      `update payload_jobs set has_error = true, completed_at = now() where id = (select job from scrape_runs where id = $1)`,
      [first.body.run],
    )
    const second = await admin.post(`/api/carrier-connectors/${connector}/run`, {})
    expect(second.status).toBe(202)
    expect(second.body.run).not.toBe(first.body.run)
  })

  it('creating a run through /api/scrape-runs while one is queued is refused, naming the queued run', async () => {
    const connector = await newConnector('Direct create')
    const first = await admin.post(`/api/carrier-connectors/${connector}/run`, {})
    expect(first.status).toBe(202)
    const direct = await Promise.all(Array.from({ length: 3 }, () => admin.post('/api/scrape-runs', { connector })))
    for (const res of direct) {
      expect(res.status).toBe(409)
      expect(res.body.errors[0].message).toBe(`run ${first.body.run} is already queued for this connector; wait for it to end`)
    }
    expect(await runsOf(connector)).toHaveLength(1)
  })
})

describe('a scheduled run does not start beside a queued or running one', () => {
  it('the schedule task skips the connector while a run is active, and runs it when none is', async () => {
    const connector = await newConnector('Scheduled')
    const manual = await admin.post(`/api/carrier-connectors/${connector}/run`, {})
    expect(manual.status).toBe(202)
    const { scheduleScrapeRun } = await import('../../../modules/scrape/oneRunPerConnector')
    const skipped = await scheduleScrapeRun(app.payload, connector, 999_001)
    expect(skipped).toEqual({ started: false, runId: manual.body.run, status: 'queued' })
    expect(await runsOf(connector)).toHaveLength(1)

    await app.sql.query(`update scrape_runs set status = 'failed' where id = $1`, [manual.body.run])
    const started = await scheduleScrapeRun(app.payload, connector, 999_002)
    expect(started.started).toBe(true)
    expect(started.runId).not.toBe(manual.body.run)
    // a retry of the same scheduled job finds its own run again instead of being refused by it
    const retried = await scheduleScrapeRun(app.payload, connector, 999_002)
    expect(retried).toEqual({ started: true, runId: started.runId, status: 'queued' })
    expect(await runsOf(connector)).toHaveLength(2)
  })
})

describe('malformed bodies are 400s naming the problem, with nothing queued', () => {
  const cases: [string, string, string, string][] = [
    ['invalid JSON', '{"from": "2026-10-01",', 'application/json', 'the body is not valid JSON'],
    ['a JSON array', '["2026-10-01"]', 'application/json', 'the body must be a JSON object {"from"?, "to"?}'],
    ['a JSON string', '"2026-10-01"', 'application/json', 'the body must be a JSON object {"from"?, "to"?}'],
    ['an unknown field', '{"from": "2026-10-01", "connector": 1}', 'application/json', 'unknown field "connector" (allowed: from, to)'],
    ['a number for a day', '{"from": 20261001}', 'application/json', 'from must be a day (YYYY-MM-DD), not a number'],
    ['an object for a day', '{"to": {"$gt": "2026-10-01"}}', 'application/json', 'to must be a day (YYYY-MM-DD), not an object'],
    ['a day that does not exist', '{"from": "2026-02-30"}', 'application/json', 'from must be a real day (YYYY-MM-DD): "2026-02-30"'],
    ['a form body', 'from=2026-10-01', 'application/x-www-form-urlencoded', 'the body must be JSON (content-type application/json)'],
  ]
  it.each(cases)('%s', async (_name, body, contentType, message) => {
    const connector = await newConnector(`Malformed ${_name}`)
    const res = await rawPost(`/api/carrier-connectors/${connector}/run`, body, contentType)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toContain(message)
    expect(await runsOf(connector)).toHaveLength(0)
  })

  it('an empty body is the default period (no body is not an error)', async () => {
    const connector = await newConnector('Empty body')
    const res = await rawPost(`/api/carrier-connectors/${connector}/run`, '')
    expect(res.status).toBe(202)
    expect(await runsOf(connector)).toHaveLength(1)
  })
})
