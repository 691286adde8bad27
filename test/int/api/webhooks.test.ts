import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signatureHeader, verifySignature } from '../../../engine/api/webhooks'
import { dbPool } from '../../../db/pool'
import { startWorker, type RunningWorker } from '../../../jobs/runWorker'
import { claimDueDeliveries } from '../../../modules/api/webhooks/deliver'
import { startTestApp, type TestApp } from '../../support/app'
import { periodId, planId } from '../../support/commission'
import { Api, fieldErrorOf } from '../../support/http'
import { mappingId } from '../../support/telecom'
import { WebhookReceiver } from '../../support/webhookReceiver'

// A receiver gets 1 s to answer and the first retry comes after ~0.25–0.5 s, so retries happen within the test.
process.env.ACCRUE_WEBHOOK_TIMEOUT_MS = '1000'
process.env.ACCRUE_WEBHOOK_RETRY_BASE_MS = '500'

let app: TestApp
let admin: Api
let finance: Api
let partner: Api
let receiver: WebhookReceiver
let worker: RunningWorker | null = null
let subscriptionId: number

const ALL_EVENTS = [
  'import.completed',
  'import.failed',
  'reconciliation.completed',
  'commission_run.awaiting_approval',
  'commission_run.approved',
  'commission_run.locked',
  'statements.generated',
  'payment_batch.created',
  'payment_batch.paid',
  'proposal.status_changed',
]

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The events written to the outbox, by type, in order. */
async function outbox(): Promise<{ eventId: string; type: string; subject: string }[]> {
  return (await app.sql.query(`select event_id as "eventId", type::text as type, subject from webhook_events order by id`)).rows
}

/** Every delivery of the subscription has reached a final status (delivered or failed). */
async function allSettled(): Promise<boolean> {
  const open = await app.sql.query(`select count(*)::int as n from webhook_deliveries where status in ('pending', 'retrying')`)
  return open.rows[0].n === 0
}

async function jobsIdle(): Promise<boolean> {
  const open = await app.sql.query(
    `select count(*)::int as n from payload_jobs where completed_at is null and not coalesce(has_error, false)`,
  )
  return open.rows[0].n === 0
}

function genuine() {
  return receiver.received.filter((r) => r.verified.ok)
}

beforeAll(async () => {
  app = await startTestApp('api_webhooks')
  receiver = await WebhookReceiver.start()
  admin = await Api.login(app.url, 'admin@northwind.example')
  finance = await Api.login(app.url, 'finance@northwind.example')
  partner = await Api.login(app.url, 'admin@summit.example')
})

afterAll(async () => {
  await worker?.stop()
  await receiver?.close()
  await app?.close()
})

describe('subscriptions', () => {
  it('a company admin subscribes over REST and sees the signing secret once; finance and partners are refused', async () => {
    const refused = await finance.post('/api/webhook-subscriptions', { url: receiver.url, events: ALL_EVENTS })
    expect(refused.status).toBe(403)
    expect((await partner.post('/api/webhook-subscriptions', { url: receiver.url, events: ALL_EVENTS })).status).toBe(403)
    const bad = await admin.post('/api/webhook-subscriptions', { url: 'ftp://hooks.example.com/in', events: ALL_EVENTS })
    expect(bad.status).toBe(400)
    expect(fieldErrorOf(bad.body)).toEqual({ path: 'url', message: 'the URL must start with https:// (not ftp://)' })

    const created = await admin.post('/api/webhook-subscriptions', { url: receiver.url, events: ALL_EVENTS, description: 'test receiver' })
    expect(created.status).toBe(201)
    const secret = created.body.doc.secret as string
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/)
    expect(created.body.doc.secretHint).toBe(secret.slice(-4))
    expect(created.body.doc).not.toHaveProperty('secretSealed')
    subscriptionId = created.body.doc.id
    const read = (await admin.get(`/api/webhook-subscriptions/${subscriptionId}`)).body
    expect(read.secretHint).toBe(secret.slice(-4))
    expect(JSON.stringify(read)).not.toContain(secret)
    expect(read).not.toHaveProperty('secret')
    expect(read).not.toHaveProperty('secretSealed')
    const stored = (await app.sql.query(`select secret_sealed, key_id from webhook_subscriptions where id = $1`, [subscriptionId])).rows[0]
    expect(stored.secret_sealed).toMatch(/^v1\.dev-1\./)
    expect(stored.secret_sealed).not.toContain(secret.slice(6))
    expect((await partner.get(`/api/webhook-subscriptions/${subscriptionId}`)).status).toBe(403)

    // Rotation: only company admins; the new secret is shown once and signs from now on.
    expect((await finance.post(`/api/webhook-subscriptions/${subscriptionId}/rotate-secret`, {})).status).toBe(403)
    const rotated = await admin.post(`/api/webhook-subscriptions/${subscriptionId}/rotate-secret`, {})
    expect(rotated.status).toBe(200)
    expect(rotated.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/)
    expect(rotated.body.secret).not.toBe(secret)
    expect(rotated.body.secretHint).toBe(rotated.body.secret.slice(-4))
    receiver.secret = rotated.body.secret
  })
})

describe('a telecom month emits its events, delivered signed and once', () => {
  it('reconciliation, import, commission run, approval, lock, statements, a batch and its payment each reach the receiver', async () => {
    worker = startWorker(app.payload, { pollMs: 100 })
    // The demo's queued reconciliation (Vertex, October 2026) runs first.
    await waitFor('the demo reconciliation', jobsIdle)
    const sales =
      'Dealer Code,Sale Date,Carrier,Activation Type,MDN,ICCID,IMEI,Rate Plan,Features,Customer Account\nDLR-0301,2026-09-05,TDL,new,3125550199,,,TDL-MAX,,T-9\n'
    const upload = await admin.upload(
      '/api/imports',
      { mapping: await mappingId(admin, 'Dealer sales (standard template)') },
      { name: 'tidal.csv', data: Buffer.from(sales) },
    )
    expect(upload.status).toBe(201)
    const broken = await admin.upload(
      '/api/imports',
      { mapping: await mappingId(admin, 'Dealer sales (standard template)') },
      { name: 'broken.csv', data: Buffer.from('Nothing,Like,The,Template\n1,2,3,4\n') },
    )
    expect(broken.status).toBe(201)
    const run = await finance.post('/api/commission-runs', {
      plan: await planId(admin, 'Telecom dealer plan'),
      period: await periodId(admin, 'Oct 2026'),
      mode: 'post',
    })
    expect(run.status).toBe(201)
    const calculated = await waitFor('the run', async () => {
      const doc = (await admin.get(`/api/commission-runs/${run.body.doc.id}?depth=0`)).body
      return doc.status === 'awaiting_approval' || doc.status === 'failed' ? doc : null
    })
    expect([calculated.status, calculated.message]).toEqual(['awaiting_approval', expect.stringMatching(/^Posted \d+ lines/)])
    const runId = run.body.doc.id
    expect((await finance.post(`/api/commission-runs/${runId}/approve`, {})).status).toBe(200)
    expect((await admin.post(`/api/commission-runs/${runId}/lock`, {})).status).toBe(200)
    expect((await finance.post(`/api/commission-runs/${runId}/statements`, {})).status).toBe(202)
    await waitFor('the statements', jobsIdle)
    const batch = await finance.post('/api/payment-batches', { period: await periodId(admin, 'Oct 2026'), effectiveDate: '2026-11-27' })
    expect(batch.status).toBe(201)
    await waitFor('the jobs', jobsIdle)
    expect((await finance.post(`/api/payment-batches/${batch.body.doc.id}/mark-paid`, {})).status).toBe(200)
    await waitFor('every delivery', allSettled)

    const events = await outbox()
    const imports = (await app.sql.query(`select id, status::text as status from imports order by id`)).rows
    const good = imports.find((i) => i.id === upload.body.doc.id)!
    const bad = imports.find((i) => i.id === broken.body.doc.id)!
    expect([good.status, bad.status]).toEqual(['completed', 'failed'])
    expect(events.map((e) => `${e.type} ${e.subject}`).sort()).toEqual(
      [
        'reconciliation.completed reconciliation-runs/1',
        `import.completed imports/${good.id}`,
        `import.failed imports/${bad.id}`,
        `commission_run.awaiting_approval commission-runs/${runId}`,
        `commission_run.approved commission-runs/${runId}`,
        `commission_run.locked commission-runs/${runId}`,
        `statements.generated commission-runs/${runId}`,
        `payment_batch.created payment-batches/${batch.body.doc.id}`,
        `payment_batch.paid payment-batches/${batch.body.doc.id}`,
      ].sort(),
    )
    // Each event once, verified with the subscription's (rotated) secret, in the order they were written.
    expect(genuine().map((r) => r.eventId)).toEqual(events.map((e) => e.eventId))
    expect(receiver.received.every((r) => r.verified.ok)).toBe(true)
    const awaiting = genuine().find((r) => r.type === 'commission_run.awaiting_approval')!
    const total = (await app.sql.query(`select total::text as total from commission_runs where id = $1`, [runId])).rows[0].total
    expect(awaiting.body.data).toMatchObject({ runId, status: 'awaiting_approval', total, subject: `commission-runs/${runId}` })
    expect(awaiting.body).toMatchObject({ id: awaiting.eventId, type: 'commission_run.awaiting_approval' })
    const completed = genuine().find((r) => r.type === 'import.completed')!
    expect(completed.body.data).toMatchObject({ importId: good.id, status: 'completed', rowsRead: 1 })
    const deliveries = (
      await app.sql.query(`select status::text as status, attempts::int as attempts, response_code::int as code from webhook_deliveries`)
    ).rows
    expect(deliveries.every((d) => d.status === 'delivered' && d.attempts === 1 && d.code === 200)).toBe(true)
  })

  it('a forged, unsigned or stale request is detected by verifySignature', async () => {
    const real = genuine()[0]!
    const now = Math.floor(Date.now() / 1000)
    expect(verifySignature(real.signature, receiver.secret, real.raw, now)).toMatchObject({ ok: true })
    const forgedBody = real.raw.replace(real.eventId, 'evt_forged')
    const send = (headers: Record<string, string>, body: string) =>
      fetch(receiver.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accrue-event-id': 'evt_forged', ...headers },
        body,
      })
    expect((await send({ 'accrue-signature': real.signature! }, forgedBody)).status).toBe(400)
    expect((await send({}, real.raw)).status).toBe(400)
    const stale = signatureHeader(receiver.secret, now - 3600, real.raw)
    expect((await send({ 'accrue-signature': stale }, real.raw)).status).toBe(400)
    expect((await send({ 'accrue-signature': signatureHeader('whsec_guess', now, real.raw) }, real.raw)).status).toBe(400)
    expect(receiver.received.filter((r) => !r.verified.ok).map((r) => (r.verified as { reason: string }).reason)).toEqual([
      'wrong signature',
      'bad format',
      'stale timestamp',
      'wrong signature',
    ])
  })
})

describe('failing receivers', () => {
  it('a receiver answering 500, then one hanging, is retried until it answers, and the business call returns at once', async () => {
    receiver.failNext('fail', 2)
    const started = Date.now()
    const second = await finance.post('/api/payment-batches', { period: await periodId(admin, 'Oct 2026'), effectiveDate: '2026-12-04' })
    expect(second.status).toBe(201)
    expect(Date.now() - started).toBeLessThan(2_000)
    await waitFor('the jobs', jobsIdle)
    await waitFor('the retried delivery', allSettled, 30_000)
    const retried = (
      await app.sql.query(
        `select d.attempts::int as attempts, d.status::text as status, d.response_code::int as code, e.event_id as "eventId"
           from webhook_deliveries d join webhook_events e on e.id = d.event_id where e.subject = $1`,
        [`payment-batches/${second.body.doc.id}`],
      )
    ).rows[0]
    expect(retried).toMatchObject({ attempts: 3, status: 'delivered', code: 200 })
    expect(receiver.refused.filter((r) => r.eventId === retried.eventId).map((r) => r.mode)).toEqual(['fail', 'fail'])

    receiver.failNext('hang', 1)
    const hangStarted = Date.now()
    const third = await finance.post('/api/payment-batches', { period: await periodId(admin, 'Oct 2026'), effectiveDate: '2026-12-11' })
    expect(third.status).toBe(201)
    expect(Date.now() - hangStarted).toBeLessThan(2_000)
    await waitFor('the jobs', jobsIdle)
    await waitFor('the delivery after the hang', allSettled, 30_000)
    const hung = (
      await app.sql.query(
        `select d.attempts::int as attempts, d.status::text as status, e.event_id as "eventId"
           from webhook_deliveries d join webhook_events e on e.id = d.event_id where e.subject = $1`,
        [`payment-batches/${third.body.doc.id}`],
      )
    ).rows[0]
    expect(hung).toMatchObject({ attempts: 2, status: 'delivered' })
    expect(receiver.refused.filter((r) => r.eventId === hung.eventId).map((r) => r.mode)).toEqual(['hang'])
  })
})

describe('worker restarts', () => {
  it('events written while no worker runs, or claimed by a worker that died, arrive once when a worker starts', async () => {
    await worker!.stop()
    worker = null
    const before = genuine().length
    // No worker: the business call still writes its event (the outbox), nothing is sent.
    const batch = await finance.post('/api/payment-batches', { period: await periodId(admin, 'Oct 2026'), effectiveDate: '2026-12-18' })
    expect(batch.status).toBe(201)
    const pending = await app.sql.query(
      `select d.status::text as status from webhook_deliveries d join webhook_events e on e.id = d.event_id where e.subject = $1`,
      [`payment-batches/${batch.body.doc.id}`],
    )
    expect(pending.rows).toEqual([{ status: 'pending' }])
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(genuine().length).toBe(before)
    // A worker claims the delivery and dies before sending it: its lease (1.5 s here) runs out.
    const claimed = await claimDueDeliveries(dbPool(app.payload), 10, 1_500)
    expect(claimed.map((d) => d.type)).toEqual(['payment_batch.created'])
    worker = startWorker(app.payload, { pollMs: 100 })
    await waitFor('the jobs', jobsIdle)
    await waitFor('the delivery after the lease', allSettled, 30_000)
    const events = await outbox()
    const received = genuine().map((r) => r.eventId)
    // Every event of the outbox arrived, and none twice.
    expect(new Set(received).size).toBe(received.length)
    expect(new Set(received)).toEqual(new Set(events.map((e) => e.eventId)))
    const late = (
      await app.sql.query(`select d.attempts::int as attempts, d.status::text as status from webhook_deliveries d where d.id = $1`, [
        claimed[0]!.id,
      ])
    ).rows[0]
    expect(late).toEqual({ attempts: 1, status: 'delivered' })
  })
})

describe('replay', () => {
  it('a company admin replays a delivery: the same event id arrives again, marked as a replay in the log', async () => {
    const first = (await admin.get('/api/webhook-deliveries?sort=id&limit=1&depth=1')).body.docs[0]
    expect(first.status).toBe('delivered')
    expect((await finance.post(`/api/webhook-deliveries/${first.id}/replay`, {})).status).toBe(403)
    expect((await partner.post(`/api/webhook-deliveries/${first.id}/replay`, {})).status).toBe(403)
    const replay = await admin.post(`/api/webhook-deliveries/${first.id}/replay`, {})
    expect(replay.status).toBe(201)
    expect(replay.body.doc).toMatchObject({ replayOf: first.id, status: 'pending', attempts: 0 })
    await waitFor('the replay', allSettled, 30_000)
    const eventId = first.event.eventId as string
    expect(genuine().filter((r) => r.eventId === eventId)).toHaveLength(2)
    const log = (await admin.get(`/api/webhook-deliveries/${replay.body.doc.id}?depth=0`)).body
    expect(log).toMatchObject({ status: 'delivered', attempts: 1, responseCode: 200, replayOf: first.id })
  })
})
