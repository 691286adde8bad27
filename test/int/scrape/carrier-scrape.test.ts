import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createCarrierPortal } from '../../../demo/carrier-portal/app'
import { VERTEX_PORTAL_STEPS } from '../../../seed/scrape/connectors'
import { startTestApp, type TestApp } from '../../support/app'
import { Api, fieldErrorOf } from '../../support/http'
import { drainJobs, mappingId } from '../../support/telecom'

/**
 * The whole scraper path over REST with a real worker and Chromium against the portal stand-in: credentials sealed
 * and never returned, a configured connector run on demand, records imported once, drift diagnosed with evidence,
 * alerts after the threshold, permanent failures not retried, transient ones retried.
 */
const PASSWORD = 'Vertex#2026!secret'
const TOTP = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF'
let app: TestApp
let admin: Api
let portal: Server
let portalUrl: string
let connectorId: number

const control = (body: unknown) =>
  fetch(`${portalUrl}/__control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

type Run = {
  id: number
  status: string
  failureKind: string | null
  diagnosis: string | null
  rowsFetched: number
  accepted: number
  rejected: number
  inserted: number
  attempts: number
  screenshot: number | null
  html: string | null
}

/** Runs the connector now and works the queue (waiting out retry backoff) until the run has ended. */
async function runConnector(id = connectorId, period = { from: '2026-10-01', to: '2026-10-05' }): Promise<Run> {
  const res = await admin.post(`/api/carrier-connectors/${id}/run`, period)
  if (res.status !== 202) throw new Error(`run refused: ${res.status} ${JSON.stringify(res.body)}`)
  for (let i = 0; i < 60; i++) {
    await drainJobs(app)
    const run = (await admin.get(`/api/scrape-runs/${res.body.run}?depth=0`)).body as Run
    if (run.status === 'completed' || run.status === 'failed') return run
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error('the run did not end')
}

async function createCredential(name: string, password: string): Promise<number> {
  const res = await admin.post('/api/portal-credentials?depth=0', { name, username: 'dealer.demo', password, totpSecret: TOTP })
  if (res.status !== 201) throw new Error(`credential refused: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc.id
}

async function createConnector(name: string, credential: number, extra: Record<string, unknown> = {}): Promise<number> {
  const carrier = (await admin.get('/api/carriers?where[code][equals]=VTX')).body.docs[0].id
  const res = await admin.post('/api/carrier-connectors?depth=0', {
    name,
    carrier,
    mapping: await mappingId(admin, 'Vertex Wireless portal export'),
    loginUrl: `${portalUrl}/login`,
    credential,
    steps: VERTEX_PORTAL_STEPS,
    ...extra,
  })
  if (res.status !== 201) throw new Error(`connector refused: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc.id
}

beforeAll(async () => {
  app = await startTestApp('carrier_scrape')
  admin = await Api.login(app.url, 'admin@northwind.example')
  const server = createCarrierPortal({
    username: 'dealer.demo',
    password: PASSWORD,
    totpSecret: TOTP,
    rows: { count: 620, from: '2026-10-01', days: 31 },
  })
  portal = await new Promise<Server>((resolve) => {
    const s = server.listen(0, () => resolve(s))
  })
  portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`
  connectorId = await createConnector('Vertex portal', await createCredential('Vertex dealer login', PASSWORD), {
    failureThreshold: 2,
    failureWindow: 3,
  })
})
afterAll(async () => {
  await app?.close()
  await new Promise((resolve) => portal?.close(resolve))
})

describe('credentials', () => {
  it('are sealed at rest and never returned: the API shows a mask, the database holds ciphertext with its key id', async () => {
    const id = (await admin.get('/api/portal-credentials?depth=0')).body.docs[0].id
    const doc = (await admin.get(`/api/portal-credentials/${id}`)).body
    expect(doc).toMatchObject({ username: 'dealer.demo', password: '••••••', totpSecret: '••••••', keyId: 'dev-1' })
    expect(JSON.stringify(doc)).not.toContain(PASSWORD)
    expect(doc.passwordSealed).toBeUndefined()
    const row = (
      await app.sql.query('select password, totp_secret, password_sealed, totp_sealed from portal_credentials where id = $1', [id])
    ).rows[0]
    expect([row.password, row.totp_secret]).toEqual([null, null])
    expect(row.password_sealed).toMatch(/^v1\.dev-1\./)
    expect(row.password_sealed).not.toContain(PASSWORD)
    const graphql = await admin.post('/api/graphql', { query: `{ PortalCredential(id: ${id}) { username password } }` })
    expect(JSON.stringify(graphql.body)).not.toContain(PASSWORD)
    const audit = await app.sql.query(`select changes::text from audit_events where collection_slug = 'portal-credentials'`)
    expect(audit.rows.map((r) => r.changes).join(' ')).not.toContain(PASSWORD)
    const partner = await Api.login(app.url, 'admin@summit.example')
    expect((await partner.get('/api/portal-credentials')).status).toBe(403)
    expect((await partner.get('/api/carrier-connectors')).status).toBe(403)
  })

  it('a TOTP secret that is not base32 is refused', async () => {
    const res = await admin.post('/api/portal-credentials', { name: 'bad totp', username: 'x', password: 'y', totpSecret: 'not base32!' })
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)?.path).toBe('totpSecret')
  })
})

describe('runs', () => {
  it('a configured connector fetches the period through the import path; running it again adds nothing', async () => {
    const run = await runConnector()
    expect(run).toMatchObject({ status: 'completed', rowsFetched: 100, failureKind: null })
    expect(run.accepted + run.rejected).toBe(100)
    expect(run.inserted).toBe(run.accepted)
    const imported = await app.sql.query(
      `select count(*)::int as n from carrier_records r join scrape_runs s on s.import_id = r.import_id where s.id = $1`,
      [run.id],
    )
    expect(imported.rows[0].n).toBe(run.accepted)
    const again = await runConnector()
    expect(again).toMatchObject({ status: 'completed', rowsFetched: 100, inserted: 0 })
  })

  it('a run for a period that would end before it starts is refused, naming the field, and nothing is queued', async () => {
    const before = (await app.sql.query(`select count(*)::int as n from scrape_runs`)).rows[0].n as number
    const backwards = await admin.post(`/api/carrier-connectors/${connectorId}/run`, { from: '2026-10-05', to: '2026-10-01' })
    expect(backwards.status).toBe(400)
    expect(fieldErrorOf(backwards.body)).toEqual({
      path: 'periodFrom',
      message: 'the period starts (2026-10-05) after it ends (2026-10-01)',
    })
    const notADay = await admin.post(`/api/carrier-connectors/${connectorId}/run`, { from: '10/05/2026' })
    expect(notADay.status).toBe(400)
    expect(notADay.body.errors[0].message).toBe('from must be a real day (YYYY-MM-DD): "10/05/2026"')
    // Only the start given: the period ends yesterday, so a start after yesterday is refused on the run's field.
    const future = await admin.post(`/api/carrier-connectors/${connectorId}/run`, { from: '2999-01-01' })
    expect(future.status).toBe(400)
    expect(fieldErrorOf(future.body)?.path).toBe('periodFrom')
    expect(fieldErrorOf(future.body)?.message).toMatch(/^the period starts \(2999-01-01\) after it ends \(\d{4}-\d{2}-\d{2}\)$/)
    expect((await app.sql.query(`select count(*)::int as n from scrape_runs`)).rows[0].n).toBe(before)
  })

  it('a changed portal layout fails with a diagnosis, a screenshot and masked HTML, and alerts after the threshold', async () => {
    await control({ layout: 'changed' })
    try {
      const first = await runConnector()
      expect(first).toMatchObject({ status: 'failed', failureKind: 'drift', attempts: 1 })
      expect(first.diagnosis).toBe(
        'step 11 (readTable "table#activations"): the portal no longer matches the connector — the element was not found in time',
      )
      expect(first.screenshot).toEqual(expect.any(Number))
      expect(first.html).toContain('activation-report')
      expect(first.html).not.toContain(PASSWORD)
      expect((await admin.get(`/api/notifications?where[connector][equals]=${connectorId}`)).body.totalDocs).toBe(0)
      await runConnector()
      const alerts = (await admin.get(`/api/notifications?where[connector][equals]=${connectorId}`)).body
      expect(alerts.totalDocs).toBe(1)
      expect(alerts.docs[0]).toMatchObject({ title: 'Carrier portal "Vertex portal" is failing', level: 'error' })
      expect(alerts.docs[0].message).toMatch(/^2 of its last 3 runs failed\. Latest: step 11/)
      await runConnector()
      expect((await admin.get(`/api/notifications?where[connector][equals]=${connectorId}`)).body.totalDocs).toBe(1)
    } finally {
      await control({ layout: 'standard' })
    }
  }, 120_000)

  it('a wrong password ends the run at once (not retried) with the portal\u2019s reason', async () => {
    const wrong = await createConnector('Vertex portal, wrong password', await createCredential('Vertex wrong login', 'not-the-password'))
    const run = await runConnector(wrong)
    expect(run).toMatchObject({ status: 'failed', failureKind: 'permanent', attempts: 1 })
    expect(run.diagnosis).toBe('step 5 (failIfPresent "#login-error"): the portal refused the sign-in: Invalid username or password')
  })

  it('a portal error page is retried with backoff and the run then completes', async () => {
    await control({ failNext: { status: 503, times: 1 } })
    const run = await runConnector()
    expect(run).toMatchObject({ status: 'completed', attempts: 2, rowsFetched: 100 })
  }, 60_000)

  it('a scheduled run (task input {"connector": id}) creates its own run for the look-back period ending yesterday', async () => {
    const job = await app.payload.jobs.queue({ task: 'scrapeCarrier', input: { connector: connectorId } })
    await drainJobs(app)
    const runs = await admin.get(`/api/scrape-runs?where[job][equals]=${job.id}&depth=0`)
    expect(runs.body.totalDocs).toBe(1)
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
    const weekBefore = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10)
    expect(runs.body.docs[0]).toMatchObject({ trigger: 'schedule', status: 'completed', attempts: 1 })
    expect([String(runs.body.docs[0].periodFrom).slice(0, 10), String(runs.body.docs[0].periodTo).slice(0, 10)]).toEqual([
      weekBefore,
      yesterday,
    ])
  })
})
