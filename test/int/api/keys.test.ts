import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { periodId, planId, runPeriod } from '../../support/commission'
import { Api } from '../../support/http'
import { drainJobs } from '../../support/telecom'

/**
 * Issue 21, part 5: scoped API keys over real HTTP. A key acts as its owner login (row-level access as that login),
 * narrowed to its scope; expired, revoked and out-of-scope requests are refused naming why; rotation keeps both
 * secrets working for the overlap; each key has its own rate limit.
 */
let app: TestApp
let admin: Api
let partner: Api
let runId: number
let partnerUserId: number

type KeyResponse = { status: number; body: any; headers: Headers }

async function withKey(
  secret: string,
  method: string,
  path: string,
  data?: unknown,
  header: 'bearer' | 'x-api-key' = 'bearer',
): Promise<KeyResponse> {
  const headers: Record<string, string> = header === 'bearer' ? { authorization: `Bearer ${secret}` } : { 'x-api-key': secret }
  if (data !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${app.url}${path}`, { method, headers, body: data === undefined ? undefined : JSON.stringify(data) })
  const text = await res.text()
  let body: any = text
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON
  }
  return { status: res.status, body, headers: res.headers }
}

async function createKey(fields: Record<string, unknown>): Promise<{ id: number; secret: string; doc: any }> {
  const res = await admin.post('/api/api-keys', fields)
  if (res.status !== 201) throw new Error(`key refused: ${res.status} ${JSON.stringify(res.body)}`)
  return { id: res.body.doc.id, secret: res.body.doc.secret, doc: res.body.doc }
}

const messageOf = (res: { body: any }) => res.body?.errors?.[0]?.message

beforeAll(async () => {
  app = await startTestApp('api_keys')
  await drainJobs(app)
  admin = await Api.login(app.url, 'admin@northwind.example')
  partner = await Api.login(app.url, 'admin@summit.example')
  const october = await periodId(admin, 'Oct 2026')
  runId = (await runPeriod(app, admin, await planId(admin, 'Telecom dealer plan'), october)).id
  partnerUserId = (await app.sql.query(`select id from users where email = 'admin@summit.example'`)).rows[0].id
})
afterAll(async () => app?.close())

describe('a read-only key scoped to commission lines, owned by a partner login', () => {
  let key: { id: number; secret: string; doc: any }
  beforeAll(async () => {
    key = await createKey({ name: 'ERP sync', owner: partnerUserId, access: 'read', collections: ['commission-lines'] })
  })

  it('is shown once at creation: acr_ secret, its first 12 characters as prefix, no hash ever', async () => {
    expect(key.secret).toMatch(/^acr_[A-Za-z0-9_-]{43}$/)
    expect(key.doc.prefix).toBe(key.secret.slice(0, 12))
    expect(key.doc.secretHash).toBeUndefined()
    const read = await admin.get(`/api/api-keys/${key.id}`)
    expect(read.status).toBe(200)
    expect(read.body.secret).toBeUndefined()
    expect(read.body.secretHash).toBeUndefined()
    const stored = await app.sql.query(`select secret_hash, prefix from api_keys where id = $1`, [key.id])
    expect(stored.rows[0].secret_hash).toBe((await import('node:crypto')).createHash('sha256').update(key.secret).digest('hex'))
  })

  it('lists exactly the lines the partner’s own session lists, fewer than all of them', async () => {
    const own = await partner.get('/api/commission-lines?limit=1000&depth=0&sort=id')
    const viaKey = await withKey(key.secret, 'GET', '/api/commission-lines?limit=1000&depth=0&sort=id')
    const all = Number((await app.sql.query(`select count(*) from commission_lines`)).rows[0].count)
    expect(viaKey.status).toBe(200)
    expect(own.body.totalDocs).toBe(own.body.docs.length)
    expect(viaKey.body.docs.length).toBeGreaterThan(0)
    expect(viaKey.body.docs.length).toBeLessThan(all)
    expect(viaKey.body.docs.map((d: any) => d.id)).toEqual(own.body.docs.map((d: any) => d.id))
    const viaHeader = await withKey(key.secret, 'GET', '/api/commission-lines?limit=1&depth=0', undefined, 'x-api-key')
    expect([viaHeader.status, viaHeader.body.totalDocs]).toEqual([200, own.body.docs.length])
  })

  it('acts as the owner: /users/me is the partner login', async () => {
    const me = await withKey(key.secret, 'GET', '/api/users/me')
    expect([me.status, me.body.user?.email]).toEqual([200, 'admin@summit.example'])
  })

  it('is refused a write, another collection and GraphQL with a 403 naming why', async () => {
    const post = await withKey(key.secret, 'POST', '/api/commission-lines', { amount: '1.00' })
    expect([post.status, messageOf(post)]).toEqual([403, "key 'ERP sync' is read-only: POST is refused"])
    const runs = await withKey(key.secret, 'GET', '/api/commission-runs')
    expect([runs.status, messageOf(runs)]).toEqual([403, "key 'ERP sync' may not use collection commission-runs"])
    const graphql = await withKey(key.secret, 'POST', '/api/graphql', { query: '{ CommissionLines { totalDocs } }' })
    expect([graphql.status, messageOf(graphql)]).toEqual([403, "key 'ERP sync' may not use GraphQL: a scoped API key uses the REST API"])
  })

  it('sets lastUsedAt when used', async () => {
    const used = await app.sql.query(`select last_used_at from api_keys where id = $1`, [key.id])
    expect(used.rows[0].last_used_at).toBeInstanceOf(Date)
    expect(Date.now() - used.rows[0].last_used_at.getTime()).toBeLessThan(5 * 60_000)
  })
})

it('an endpoint-scoped key calls that endpoint and nothing else', async () => {
  const key = await createKey({ name: 'Approver', access: 'read-write', collections: [], endpoints: ['POST /commission-runs/:id/approve'] })
  const approve = await withKey(key.secret, 'POST', `/api/commission-runs/${runId}/approve`, {})
  expect([approve.status, approve.body.message ?? messageOf(approve)]).toEqual([200, `run ${runId} approved`])
  expect((await app.sql.query(`select status::text from commission_runs where id = $1`, [runId])).rows[0].status).toBe('approved')
  const lock = await withKey(key.secret, 'POST', `/api/commission-runs/${runId}/lock`, {})
  expect([lock.status, messageOf(lock)]).toEqual([403, "key 'Approver' may not call POST /commission-runs/:id/lock"])
  const read = await withKey(key.secret, 'GET', `/api/commission-runs/${runId}`)
  expect([read.status, messageOf(read)]).toEqual([403, "key 'Approver' may not use collection commission-runs"])
  expect((await app.sql.query(`select status::text from commission_runs where id = $1`, [runId])).rows[0].status).toBe('approved')
})

it('an unknown, revoked or expired key is a 401 naming why; so is a key whose owner is locked', async () => {
  const unknown = await withKey('acr_' + 'x'.repeat(43), 'GET', '/api/commission-lines')
  expect([unknown.status, messageOf(unknown)]).toEqual([401, 'API key not recognised'])
  const expired = await createKey({ name: 'Old', collections: ['*'], expiresAt: '2026-01-01T00:00:00.000Z' })
  const late = await withKey(expired.secret, 'GET', '/api/commission-lines')
  expect([late.status, messageOf(late)]).toEqual([401, "API key 'Old' expired at 2026-01-01T00:00:00.000Z"])
  const revoked = await createKey({ name: 'Revoked', collections: ['*'] })
  expect((await withKey(revoked.secret, 'GET', '/api/commission-lines')).status).toBe(200)
  expect((await admin.patch(`/api/api-keys/${revoked.id}`, { active: false })).status).toBe(200)
  const after = await withKey(revoked.secret, 'GET', '/api/commission-lines')
  expect([after.status, messageOf(after)]).toEqual([401, 'API key not recognised'])
  const owned = await createKey({ name: 'Locked owner', owner: partnerUserId, collections: ['*'] })
  await app.sql.query(`update users set lock_until = now() + interval '10 minutes' where id = $1`, [partnerUserId])
  try {
    const locked = await withKey(owned.secret, 'GET', '/api/commission-lines')
    expect(locked.status).toBe(401)
    expect(messageOf(locked)).toMatch(/^API key 'Locked owner' belongs to a locked login \(locked until /)
  } finally {
    await app.sql.query(`update users set lock_until = null where id = $1`, [partnerUserId])
  }
})

it('rotation: old and new secrets both work during the overlap; the old one is refused once it ends', async () => {
  const key = await createKey({ name: 'Rotating', access: 'read', collections: ['commission-lines'] })
  const before = Date.now()
  const rotated = await admin.post(`/api/api-keys/${key.id}/rotate`, { overlapHours: 2 })
  expect(rotated.status).toBe(200)
  const fresh: string = rotated.body.secret
  expect(fresh).toMatch(/^acr_/)
  expect(fresh).not.toBe(key.secret)
  expect(rotated.body.prefix).toBe(fresh.slice(0, 12))
  const until = new Date(rotated.body.previousValidUntil).getTime()
  expect(until - before).toBeGreaterThanOrEqual(2 * 3_600_000 - 1000)
  expect(until - before).toBeLessThanOrEqual(2 * 3_600_000 + 60_000)
  expect((await withKey(key.secret, 'GET', '/api/commission-lines?limit=1')).status).toBe(200)
  expect((await withKey(fresh, 'GET', '/api/commission-lines?limit=1')).status).toBe(200)
  await app.sql.query(`update api_keys set previous_valid_until = now() - interval '1 minute' where id = $1`, [key.id])
  const old = await withKey(key.secret, 'GET', '/api/commission-lines?limit=1')
  expect(old.status).toBe(401)
  expect(messageOf(old)).toMatch(/^this secret of API key 'Rotating' was replaced by a rotation and stopped working at /)
  expect((await withKey(fresh, 'GET', '/api/commission-lines?limit=1')).status).toBe(200)
  const tooLong = await admin.post(`/api/api-keys/${key.id}/rotate`, { overlapHours: 200 })
  expect([tooLong.status, messageOf(tooLong)]).toEqual([400, 'overlapHours must be a number of hours from 0 to 168 (got 200)'])
})

it('rate limit: the 4th request in a minute of a 3-a-minute key is a 429 with Retry-After', async () => {
  const key = await createKey({ name: 'Slow', collections: ['*'], ratePerMinute: 3 })
  const statuses: number[] = []
  let last: KeyResponse | null = null
  for (let i = 0; i < 4; i++) {
    last = await withKey(key.secret, 'GET', '/api/commission-lines?limit=1')
    statuses.push(last.status)
  }
  expect(statuses).toEqual([200, 200, 200, 429])
  const retryAfter = Number(last!.headers.get('retry-after'))
  expect(retryAfter).toBeGreaterThanOrEqual(1)
  expect(retryAfter).toBeLessThanOrEqual(60)
  expect(messageOf(last!)).toBe(`key 'Slow' is over its limit of 3 requests a minute: retry in ${retryAfter} s`)
  // Another key is counted on its own.
  const other = await createKey({ name: 'Other', collections: ['*'], ratePerMinute: 3 })
  expect((await withKey(other.secret, 'GET', '/api/commission-lines?limit=1')).status).toBe(200)
})

it('a key defaults to its creator as owner; finance and partner logins may not create keys', async () => {
  const key = await createKey({ name: 'Mine', collections: ['*'] })
  const adminId = (await app.sql.query(`select id from users where email = 'admin@northwind.example'`)).rows[0].id
  expect(typeof key.doc.owner === 'object' ? key.doc.owner.id : key.doc.owner).toBe(adminId)
  const finance = await Api.login(app.url, 'finance@northwind.example')
  expect((await finance.post('/api/api-keys', { name: 'Finance key', collections: ['*'] })).status).toBe(403)
  expect((await partner.post('/api/api-keys', { name: 'Partner key', collections: ['*'] })).status).toBe(403)
  expect((await finance.post(`/api/api-keys/${key.id}/rotate`, {})).status).toBe(403)
  expect(Number((await app.sql.query(`select count(*) from api_keys where name in ('Finance key', 'Partner key')`)).rows[0].count)).toBe(0)
})
