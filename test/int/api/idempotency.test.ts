import { afterAll, beforeAll, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { periodId, planId } from '../../support/commission'
import { Api } from '../../support/http'
import { mappingId } from '../../support/telecom'

/**
 * Issue 21, part 4: a POST that starts work, sent again with the same Idempotency-Key and body, answers the first
 * result and does the work once (rows counted in SQL); the same key with another body is a 409; concurrent
 * duplicates run once; a multipart upload sent twice imports once. Keys belong to their caller.
 */
let app: TestApp
let admin: Api
let run: { plan: number; period: number; mode: 'preview' }

type Sent = { status: number; body: any; headers: Headers }

async function send(api: Api, path: string, key: string | null, data: unknown): Promise<Sent> {
  const headers: Record<string, string> = { authorization: `JWT ${api.token}`, 'content-type': 'application/json' }
  if (key !== null) headers['idempotency-key'] = key
  const res = await fetch(`${app.url}${path}`, { method: 'POST', headers, body: JSON.stringify(data) })
  return { status: res.status, body: await res.json(), headers: res.headers }
}

async function upload(key: string, csv: string, mapping: number): Promise<Sent> {
  const form = new FormData()
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'sales.csv')
  form.append('_payload', JSON.stringify({ mapping }))
  const res = await fetch(`${app.url}/api/imports`, {
    method: 'POST',
    headers: { authorization: `JWT ${admin.token}`, 'idempotency-key': key },
    body: form,
  })
  return { status: res.status, body: await res.json(), headers: res.headers }
}

const count = async (table: string) => Number((await app.sql.query(`select count(*) from ${table}`)).rows[0].count)
const messageOf = (res: Sent) => res.body?.errors?.[0]?.message

beforeAll(async () => {
  app = await startTestApp('api_idempotency')
  admin = await Api.login(app.url, 'admin@northwind.example')
  const program = await admin.post('/api/loyalty-programs', { code: 'IDEM', name: 'Idempotency points', expiryPolicy: 'never' })
  if (program.status !== 201) throw new Error(`program refused: ${JSON.stringify(program.body)}`)
  run = { plan: await planId(admin, 'Telecom dealer plan'), period: await periodId(admin, 'Oct 2026'), mode: 'preview' }
})
afterAll(async () => app?.close())

const ADJUST = '/api/points-movements/adjust'
const goodwill = { program: 'IDEM', consultant: 'GLW-02', points: 100, reason: 'Goodwill' }
const movements = async () =>
  Number((await app.sql.query(`select count(*) from points_movements where kind::text = 'adjust'`)).rows[0].count)

it('without a key, the same points adjustment twice moves points twice (what the key prevents)', async () => {
  const before = await movements()
  expect((await send(admin, ADJUST, null, goodwill)).status).toBe(201)
  expect((await send(admin, ADJUST, null, goodwill)).status).toBe(201)
  expect(await movements()).toBe(before + 2)
})

it('the same key and body returns the first result, replayed, and moves the points once', async () => {
  const before = await movements()
  const first = await send(admin, ADJUST, 'goodwill-1', goodwill)
  const again = await send(admin, ADJUST, 'goodwill-1', goodwill)
  expect([first.status, first.headers.get('idempotent-replayed')]).toEqual([201, null])
  expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 'true'])
  expect(again.body).toEqual(first.body)
  expect(await movements()).toBe(before + 1)
  const stored = await app.sql.query(`select state, status, caller from idempotency_keys where key = 'goodwill-1'`)
  expect(stored.rows).toEqual([{ state: 'done', status: 201, caller: expect.stringMatching(/^users:\d+$/) }])
})

it('a commission run started with a key is answered again with the same run, not a duplicate refusal', async () => {
  const before = await count('commission_runs')
  const first = await send(admin, '/api/commission-runs', 'run-oct-1', run)
  const again = await send(admin, '/api/commission-runs', 'run-oct-1', run)
  expect(first.status).toBe(201)
  expect([again.status, again.headers.get('idempotent-replayed'), again.body.doc.id]).toEqual([201, 'true', first.body.doc.id])
  expect(await count('commission_runs')).toBe(before + 1)
})

it('the same key with another body is a 409 and moves nothing', async () => {
  const before = await movements()
  const other = await send(admin, ADJUST, 'goodwill-1', { ...goodwill, points: 1000 })
  expect([other.status, messageOf(other)]).toEqual([409, 'this Idempotency-Key was used with another request body'])
  expect(await movements()).toBe(before)
})

it('a key belongs to its caller: another login may use the same key for its own request', async () => {
  const ops = await Api.login(app.url, 'ops@northwind.example')
  const before = await movements()
  const theirs = await send(ops, ADJUST, 'goodwill-1', goodwill)
  expect([theirs.status, theirs.headers.get('idempotent-replayed')]).toEqual([201, null])
  expect(await movements()).toBe(before + 1)
})

it('concurrent duplicates: one runs, the others get the replay or a 409', async () => {
  const before = await movements()
  const answers = await Promise.all([1, 2, 3, 4].map(() => send(admin, ADJUST, 'goodwill-concurrent', goodwill)))
  const fresh = answers.filter((a) => a.status === 201 && a.headers.get('idempotent-replayed') === null)
  const others = answers.filter((a) => !fresh.includes(a))
  expect(fresh).toHaveLength(1)
  for (const other of others)
    if (other.status === 409) expect(messageOf(other)).toBe('a request with this Idempotency-Key is still being processed')
    else expect([other.status, other.headers.get('idempotent-replayed'), other.body]).toEqual([201, 'true', fresh[0]!.body])
  expect(await movements()).toBe(before + 1)
})

it('a refusal (4xx) is kept and replayed too; a malformed key is a 400', async () => {
  const first = await send(admin, '/api/commission-runs', 'bad-run', { mode: 'preview' })
  const again = await send(admin, '/api/commission-runs', 'bad-run', { mode: 'preview' })
  expect(first.status).toBe(400)
  expect([again.status, again.headers.get('idempotent-replayed'), again.body]).toEqual([400, 'true', first.body])
  const long = await send(admin, '/api/commission-runs', 'k'.repeat(256), run)
  expect([long.status, messageOf(long)]).toEqual([400, 'Idempotency-Key must be 1 to 255 printable characters'])
})

it('a multipart upload sent twice with one key imports once, whatever boundary each send uses', async () => {
  const mapping = await mappingId(admin, 'Dealer sales (standard template)')
  const csv = 'Dealer Code,Sale Date,Carrier,Activation Type,MDN\nDLR-0101,2026-10-03,VTX,new,5550001111\n'
  const before = await count('imports')
  const first = await upload('import-1', csv, mapping)
  const again = await upload('import-1', csv, mapping)
  expect(first.status).toBe(201)
  expect([again.status, again.headers.get('idempotent-replayed'), again.body.doc.id]).toEqual([201, 'true', first.body.doc.id])
  expect(await count('imports')).toBe(before + 1)
  const changed = await upload('import-1', csv + 'DLR-0102,2026-10-04,VTX,new,5550002222\n', mapping)
  expect([changed.status, messageOf(changed)]).toEqual([409, 'this Idempotency-Key was used with another request body'])
  expect(await count('imports')).toBe(before + 1)
})

it('rows older than 24 hours are ignored: the key works afresh', async () => {
  await app.sql.query(`update idempotency_keys set created_at = now() - interval '25 hours' where key = 'goodwill-1'`)
  const before = await movements()
  const fresh = await send(admin, ADJUST, 'goodwill-1', { ...goodwill, points: 1000 })
  expect([fresh.status, fresh.headers.get('idempotent-replayed')]).toEqual([201, null])
  expect(await movements()).toBe(before + 1)
})
