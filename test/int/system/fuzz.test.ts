import fc from 'fast-check'
import type { Endpoint, Field, SanitizedCollectionConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'

/**
 * Malformed input is the client's fault: for every collection and every custom endpoint (both enumerated from the
 * running Payload config), malformed `where`, sort, paging, ids and bodies sent as an admin, a partner user and
 * anonymously get a 4xx, never a 5xx. Deterministic: the garbage comes from fast-check with a fixed seed.
 */
let app: TestApp
let clients: { role: string; api: Api }[]
const firstIds = new Map<string, number>()

const SEED = 20261205
const ROLES = [
  { role: 'admin', email: 'admin@northwind.example' },
  { role: 'partner user', email: 'user@summit.example' },
] as const

beforeAll(async () => {
  app = await startTestApp('fuzz')
  clients = [
    ...(await Promise.all(ROLES.map(async ({ role, email }) => ({ role, api: await Api.login(app.url, email) })))),
    { role: 'anonymous', api: new Api(app.url, null) },
  ]
  for (const collection of app.payload.config.collections) {
    const table = collection.dbName ?? collection.slug.replace(/-/g, '_')
    const row = await app.sql
      .query<{ id: number }>(`select id from "${table}" order by id limit 1`)
      .catch(() => ({ rows: [] as { id: number }[] }))
    if (row.rows[0]) firstIds.set(collection.slug, row.rows[0].id)
  }
})
afterAll(async () => app?.close())

type Probe = { method: string; path: string; body?: string; contentType?: string }
type Failure = { role: string; probe: Probe; status: number; body: string }

/** Garbage scalars: NUL bytes, huge and odd numbers, nested brackets, very long strings, plus fast-check's own. */
const FIXED_GARBAGE = [
  '\u0000',
  'a\u0000b',
  'NaN',
  '-1',
  '1e400',
  '0x10',
  '-',
  '',
  ' ',
  '[]',
  '{}',
  '%',
  '\\',
  "'",
  '"',
  '1.5',
  '9'.repeat(40),
  'x'.repeat(20_000),
  '2026-13-45',
  'true',
  'null',
  '🙂',
]
const randomGarbage = fc.sample(fc.oneof(fc.string({ unit: 'binary', maxLength: 24 }), fc.double().map(String), fc.bigInt().map(String)), {
  seed: SEED,
  numRuns: 12,
})
const GARBAGE = [...FIXED_GARBAGE, ...randomGarbage]
const pick = (i: number) => GARBAGE[i % GARBAGE.length]!
const enc = encodeURIComponent
const BAD_IDS = ['abc', 'NaN', '-1', '0', '1.5', '1e400', '%00', '9'.repeat(30), 'versions', '%20']

function dataFields(fields: Field[], prefix = ''): { path: string; type: string }[] {
  const out: { path: string; type: string }[] = []
  for (const field of fields) {
    if ('name' in field && field.name) {
      out.push({ path: `${prefix}${field.name}`, type: field.type })
      if (field.type === 'group') out.push(...dataFields(field.fields, `${prefix}${field.name}.`))
      if (field.type === 'array') out.push(...dataFields(field.fields, `${prefix}${field.name}.`))
    } else if ('fields' in field) out.push(...dataFields(field.fields as Field[], prefix))
    else if (field.type === 'tabs')
      for (const tab of field.tabs) out.push(...dataFields(tab.fields, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix))
  }
  return out
}

const TYPED_OPERATORS = ['equals', 'in', 'all', 'exists', 'greater_than', 'like', 'not_like', 'contains', 'near', 'within']
const OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'near',
  'within',
  'intersects',
]

/** Malformed list queries for one collection: every operator and garbage on the id, sort and paging. */
function queryProbes(collection: SanitizedCollectionConfig): string[] {
  const queries = OPERATORS.map((op, i) => `where[id][${op}]=${enc(pick(i))}`)
  queries.push(
    'where[nosuchfield][equals]=1',
    'where[id][bogus_operator]=1',
    'where[or][0][id][equals]=abc',
    'where[and][x][id][equals]=1',
    'where[or]=1',
    'where=1',
    'where[]=1',
    'where[id]=1',
    `where[${enc('\u0000')}][equals]=1`,
    'where[id][equals][]=1&where[id][equals][]=2',
    'where[id][equals][nested]=1',
    'sort=nosuchfield',
    'sort=-',
    'sort=--id',
    `sort=${enc('\u0000')}`,
    'sort=id,',
    'sort[]=id&sort[x]=1',
    `sort=${'a'.repeat(5000)}`,
    'page=-1',
    'page=0',
    'page=abc',
    'page=1e400',
    'page=1.5',
    'limit=-5',
    'limit=1e9',
    'limit=abc',
    'limit=NaN',
    'depth=99',
    'depth=-1',
    'depth=abc',
    'depth=1e400',
    'select[nosuchfield]=true',
    'select=1',
    'populate=1',
    'joins=1',
    'draft=maybe',
    'locale=zz',
    'pagination=abc',
  )
  return queries.map((q) => `/api/${collection.slug}?${q}`)
}

/**
 * The operators whose SQL depends on the column's type, on one field of every type (from up to three collections
 * each), with garbage values: `near` on text, `like` and `not_like` on dates and numbers, arrays and nested objects.
 */
function typedFieldProbes(collections: SanitizedCollectionConfig[]): string[] {
  const seen = new Map<string, number>()
  const probes: string[] = []
  let i = 0
  for (const collection of collections) {
    const types = new Set<string>()
    for (const field of dataFields(collection.fields)) {
      if (['join', 'ui'].includes(field.type) || types.has(field.type) || (seen.get(field.type) ?? 0) >= 3) continue
      types.add(field.type)
      seen.set(field.type, (seen.get(field.type) ?? 0) + 1)
      const where = (rest: string) => `/api/${collection.slug}?where[${field.path}]${rest}`
      for (const op of TYPED_OPERATORS) probes.push(where(`[${op}]=${enc(pick(i++))}`))
      probes.push(
        where(`[in][0]=${enc(pick(i++))}&where[${field.path}][in][1][x]=1`),
        where('[equals][nested]=1'),
        where('[not_like]=2026-01-01'),
        where(`[like]=${enc('\u0000')}`),
      )
    }
  }
  return probes
}

function bodies(collection: SanitizedCollectionConfig): { body: string; contentType: string }[] {
  const fields = dataFields(collection.fields).filter((f) => !f.path.includes('.'))
  const filled = (value: unknown) => JSON.stringify(Object.fromEntries(fields.map((f) => [f.path, value])))
  return [
    { body: '{"bad json', contentType: 'application/json' },
    { body: 'null', contentType: 'application/json' },
    { body: '[1,2]', contentType: 'application/json' },
    { body: '"text"', contentType: 'application/json' },
    { body: filled('NaN'), contentType: 'application/json' },
    { body: filled('\u0000'), contentType: 'application/json' },
    { body: filled([{ a: 1 }]), contentType: 'application/json' },
    { body: filled({ nested: { deeper: true } }), contentType: 'application/json' },
    { body: filled('1e400'), contentType: 'application/json' },
    { body: filled(1e308), contentType: 'application/json' },
    { body: filled(-1), contentType: 'application/json' },
    { body: filled('0x10'), contentType: 'application/json' },
    { body: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    { body: '--x\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{bad\r\n--x--', contentType: 'multipart/form-data; boundary=x' },
  ]
}

/** Endpoints that would end the fuzzing session or run the job queue inline; everything else is probed. */
const SKIPPED = new Set(['users post /logout', 'payload-jobs get /run', 'payload-jobs get /handle-schedules'])

function endpointProbes(slug: string | null, endpoints: Endpoint[]): Probe[] {
  const probes: Probe[] = []
  for (const endpoint of endpoints) {
    const method = endpoint.method.toUpperCase()
    if (SKIPPED.has(`${slug} ${endpoint.method} ${endpoint.path}`)) continue
    const hasParams = endpoint.path.includes(':')
    const values = hasParams ? BAD_IDS : ['']
    values.forEach((value, v) => {
      const path = endpoint.path.replace(/:(\w+)\??/g, () => value)
      const base = `/api${slug ? `/${slug}` : ''}${path === '/' ? '' : path}`
      if (method === 'GET' || method === 'DELETE')
        probes.push({
          method,
          path: `${base}?${['depth=-1', 'page=abc', 'limit=-5', 'where[id][near]=x', `sort=${enc('\u0000')}`][v % 5]}`,
        })
      else probes.push({ method, path: base, body: bodyFor(v), contentType: 'application/json' })
    })
    if (!hasParams && method !== 'GET' && method !== 'DELETE')
      for (let b = 0; b < 6; b++)
        probes.push({ method, path: `/api${slug ? `/${slug}` : ''}${endpoint.path}`, body: bodyFor(b), contentType: 'application/json' })
  }
  return probes
}

function bodyFor(i: number): string {
  const values: unknown[] = ['NaN', '1e400', 1e308, '\u0000', [[]], { a: { b: {} } }]
  const v = values[i % values.length]
  return i % 7 === 6
    ? '{bad json'
    : JSON.stringify({
        id: v,
        amount: v,
        from: v,
        to: v,
        days: v,
        token: v,
        decision: v,
        period: v,
        plan: v,
        participant: v,
        email: v,
        password: v,
        data: v,
      })
}

async function send(api: Api, probe: Probe): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = api.token ? { authorization: `JWT ${api.token}` } : {}
  if (probe.contentType) headers['content-type'] = probe.contentType
  const res = await fetch(`${app.url}${probe.path}`, { method: probe.method, headers, body: probe.body })
  return { status: res.status, body: (await res.text()).slice(0, 300) }
}

/** Every probe as the admin (who passes access checks and reaches the SQL); every fourth as the others. */
async function sweep(probes: Probe[]): Promise<Failure[]> {
  const failures: Failure[] = []
  for (const { role, api } of clients) {
    const queue = role === 'admin' ? [...probes] : probes.filter((_, i) => i % 4 === 0)
    const worker = async () => {
      for (let probe = queue.shift(); probe; probe = queue.shift()) {
        const res = await send(api, probe)
        if (res.status >= 500)
          failures.push({ role, probe: { ...probe, body: probe.body?.slice(0, 200) }, status: res.status, body: res.body })
      }
    }
    await Promise.all([worker(), worker(), worker(), worker()])
  }
  return failures
}

function report(failures: Failure[]): string[] {
  const lines = failures.map(
    (f) =>
      `${f.role}: ${f.probe.method} ${f.probe.path.slice(0, 160)} ${(f.probe.body ?? '').slice(0, 60)} → ${f.status} ${f.body.slice(0, 120)}`,
  )
  return lines.length > 60 ? [...lines.slice(0, 60), `… and ${lines.length - 60} more`] : lines
}

describe('malformed input never gets a 5xx', () => {
  it('list queries: malformed where, sort and paging on every collection, as admin, partner user and anonymous', async () => {
    const collections = app.payload.config.collections
    const probes = [...collections.flatMap(queryProbes), ...typedFieldProbes(collections)].map((path) => ({ method: 'GET', path }))
    expect(probes.length).toBeGreaterThan(2000)
    expect(report(await sweep(probes))).toEqual([])
  })

  it('ids: malformed ids on read, update, delete and versions of every collection', async () => {
    const probes: Probe[] = []
    for (const c of app.payload.config.collections) {
      for (const id of BAD_IDS) {
        probes.push({ method: 'GET', path: `/api/${c.slug}/${id}` }, { method: 'DELETE', path: `/api/${c.slug}/${id}` })
        probes.push({ method: 'GET', path: `/api/${c.slug}/versions/${id}` })
        probes.push({ method: 'PATCH', path: `/api/${c.slug}/${id}`, body: '{"x":1}', contentType: 'application/json' })
      }
      probes.push(
        { method: 'GET', path: `/api/${c.slug}/versions` },
        { method: 'GET', path: `/api/${c.slug}/versions?where[id][near]=x&page=-1` },
      )
    }
    expect(report(await sweep(probes))).toEqual([])
  })

  it('bodies: invalid JSON, wrong types, huge numbers and NaN strings on create and update of every collection', async () => {
    const probes: Probe[] = []
    for (const c of app.payload.config.collections) {
      for (const { body, contentType } of bodies(c)) {
        probes.push({ method: 'POST', path: `/api/${c.slug}`, body, contentType })
        const id = firstIds.get(c.slug)
        if (id !== undefined && c.slug !== 'users') probes.push({ method: 'PATCH', path: `/api/${c.slug}/${id}`, body, contentType })
      }
    }
    expect(report(await sweep(probes))).toEqual([])
  })

  it('custom endpoints (collection and root, enumerated from the config) with malformed path params and bodies', async () => {
    // Payload's own collection endpoints share one handler across collections (and are fuzzed above); the rest are custom.
    const uses = new Map<unknown, number>()
    for (const c of app.payload.config.collections)
      for (const e of (c.endpoints || []) as Endpoint[]) uses.set(e.handler, (uses.get(e.handler) ?? 0) + 1)
    const custom = (endpoints: Endpoint[]) => endpoints.filter((e) => uses.get(e.handler) === 1)
    const probes = [
      ...endpointProbes(null, (app.payload.config.endpoints || []) as Endpoint[]),
      ...app.payload.config.collections.flatMap((c) => endpointProbes(c.slug, custom((c.endpoints || []) as Endpoint[]))),
    ]
    expect(probes.length).toBeGreaterThan(200)
    expect(report(await sweep(probes))).toEqual([])
  })
})

describe('the cases the outside probe found are 4xx that say what is wrong', () => {
  const message = (body: any) => String(body?.errors?.[0]?.data?.errors?.[0]?.message ?? body?.errors?.[0]?.message ?? '')

  it('not_like and like on a date, near on text, NUL bytes, a NaN id and page=-1 are 400s', async () => {
    const [adminApi] = clients.map((c) => c.api)
    const cases: [string, RegExp][] = [
      ['/api/participants?where[joinedOn][not_like]=2026', /not_like matches text; joinedOn is a date field/],
      ['/api/participants?where[joinedOn][like]=2026', /like matches text; joinedOn is a date field/],
      ['/api/participants?where[name][near]=1,2', /near filters only location fields; name is text/],
      [`/api/participants?where[name][equals]=${enc('a\u0000b')}`, /NUL byte/],
      ['/api/participants/NaN', /ids are positive whole numbers; "NaN" is not one/],
      ['/api/participants?page=-1', /page is a whole number from 1/],
      // Past the guard, the database's refusal is the safety net's 400 (not a 500).
      ['/api/brands?where[logo][equals]=abc', /cannot be used here/],
    ]
    for (const [path, expected] of cases) {
      const res = await adminApi!.get(path)
      expect(res.status, path).toBe(400)
      expect(message(res.body), path).toMatch(expected)
    }
  })

  it('GET /api/<collection>/versions is a 404 for a collection without versions, for every login', async () => {
    for (const { role, api } of clients) {
      for (const c of app.payload.config.collections.filter((c) => !c.versions && c.endpoints !== false)) {
        const res = await api.get(`/api/${c.slug}/versions`)
        expect(res.status, `${role} ${c.slug}`).toBe(404)
      }
    }
  })

  it('a commission note amount of NaN, 1e400 or 0x10 is a 400 on the amount field, like 12.5 sent as a number', async () => {
    const finance = await Api.login(app.url, 'finance@northwind.example')
    const ids = async (sql: string) => (await app.sql.query<{ id: number }>(sql)).rows[0]!.id
    const base = {
      participant: await ids(`select id from participants where code = 'SUM-PAC-AG1'`),
      period: await ids(`select id from commission_periods where status = 'open' order by starts_on limit 1`),
      plan: await ids('select id from compensation_plans order by id limit 1'),
      reason: 'fuzz',
    }
    for (const amount of ['NaN', '1e400', '0x10', 12.5]) {
      const res = await finance.post('/api/commission-notes', { ...base, amount })
      expect(res.status, String(amount)).toBe(400)
      expect(res.body.errors[0].data.errors[0].path, String(amount)).toBe('amount')
    }
    expect((await finance.post('/api/commission-notes', { ...base, amount: '12.50' })).status).toBe(201)
  })

  it('payment-batches/abc/mark-paid and other custom endpoints with a malformed id are 400s naming the id', async () => {
    const finance = await Api.login(app.url, 'finance@northwind.example')
    for (const [method, path] of [
      ['POST', '/api/payment-batches/abc/mark-paid'],
      ['GET', '/api/payment-batches/NaN/nacha'],
      ['POST', '/api/commission-runs/1e400/approve'],
      ['GET', '/api/payments/ledger/-1'],
    ] as const) {
      const res = await finance.request(method, path)
      expect(res.status, path).toBe(400)
      expect(message(res.body), path).toMatch(/must be a positive whole number|ids are positive whole numbers/)
    }
  })
})
