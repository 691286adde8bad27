import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '../../../seed/network/data'
import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'
import { mappingId } from '../../support/telecom'

/**
 * What the web process enforces before Payload or Next sees a request (issue #12, items 6, 9 and 11): cross-site
 * writes refused, security headers on every page and API answer, request bodies limited by route, and password
 * guessing throttled without telling which emails have a login. Started as `npm start` is: no PUBLIC_URL, so the
 * server's own origin is the only one allowed. ACCRUE_TRUST_PROXY=loopback lets each test play a different client
 * address through X-Forwarded-For.
 */
let app: TestApp
let admin: Api
const EVIL = 'http://evil.example'
const CROSS_ORIGIN = /^Cross-origin request refused/

beforeAll(async () => {
  process.env.ACCRUE_TRUST_PROXY = 'loopback'
  process.env.ACCRUE_LOGIN_LIMIT_IP = '15'
  delete process.env.PUBLIC_URL
  app = await startTestApp('security_http')
  admin = await Api.login(app.url, 'admin@northwind.example')
})
afterAll(async () => app?.close())

/** Logs in over REST the way the admin's login form does, and returns the session cookie it sets. */
async function sessionCookie(email: string): Promise<string> {
  const res = await fetch(`${app.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  expect(res.status).toBe(200)
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('payload-token='))
  expect(cookie).toBeDefined()
  return cookie!.split(';')[0]!
}

async function prospectCount(): Promise<number> {
  return Number((await app.sql.query('select count(*)::int as n from prospects')).rows[0].n)
}

/** A prospect as the admin's form posts it: multipart with the document in `_payload`. */
async function postProspect(headers: Record<string, string>): Promise<{ status: number; body: any }> {
  const territory = (await admin.get('/api/territories?where[code][equals]=US-W&depth=0')).body.docs[0].id
  const form = new FormData()
  form.append(
    '_payload',
    JSON.stringify({ company: 'Forged Freight', territory, contacts: [{ name: 'Eve', email: 'eve@forged.example' }] }),
  )
  const res = await fetch(`${app.url}/api/prospects`, { method: 'POST', headers, body: form })
  const text = await res.text()
  return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : text }
}

describe('cross-site writes (CSRF)', () => {
  it('refuses a cookie-authenticated POST from another origin, or from an opaque (null) origin, with 403 and creates nothing', async () => {
    const cookie = await sessionCookie('leo.park@summit.example')
    const before = await prospectCount()
    for (const origin of [EVIL, 'null']) {
      const res = await postProspect({ cookie, origin })
      expect(res.status, JSON.stringify(res.body)).toBe(403)
      expect(res.body.errors[0].message).toMatch(CROSS_ORIGIN)
    }
    const byReferer = await postProspect({ cookie, referer: `${EVIL}/attack.html` })
    expect(byReferer.status).toBe(403)
    expect(byReferer.body.errors[0].message).toMatch(CROSS_ORIGIN)
    expect(await prospectCount()).toBe(before)
  })

  it('refuses a cookie-authenticated write that names no origin at all (no Origin, no Referer)', async () => {
    const cookie = await sessionCookie('leo.park@summit.example')
    const before = await prospectCount()
    const res = await postProspect({ cookie })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/must carry an Origin or Referer/)
    expect(await prospectCount()).toBe(before)
  })

  it('accepts the same write from the server\u2019s own origin, and from a script using its token in the Authorization header', async () => {
    const cookie = await sessionCookie('leo.park@summit.example')
    const sameOrigin = await postProspect({ cookie, origin: app.url })
    expect(sameOrigin.status, JSON.stringify(sameOrigin.body)).toBe(201)
    const agent = await Api.login(app.url, 'leo.park@summit.example')
    const scripted = await postProspect({ authorization: `JWT ${agent.token}` })
    expect(scripted.status, JSON.stringify(scripted.body)).toBe(201)
  })

  it('standing: every state-changing route (each collection, each custom endpoint, GraphQL, the Next pages) refuses a cookie write from another origin', async () => {
    const cookie = await sessionCookie('admin@northwind.example')
    const routes: [string, string][] = [
      ['POST', '/api/graphql'],
      ['POST', '/admin'],
      ['POST', '/portal'],
      ['POST', '/respond/any-token'],
    ]
    for (const collection of app.payload.config.collections) {
      routes.push(['POST', `/api/${collection.slug}`], ['PATCH', `/api/${collection.slug}/1`], ['DELETE', `/api/${collection.slug}/1`])
      for (const endpoint of collection.endpoints || []) {
        if (endpoint.method === 'get') continue
        routes.push([endpoint.method.toUpperCase(), `/api/${collection.slug}${endpoint.path.replace(/:\w+/g, '1')}`])
      }
    }
    for (const endpoint of app.payload.config.endpoints) {
      if (endpoint.method !== 'get') routes.push([endpoint.method.toUpperCase(), `/api${endpoint.path.replace(/:\w+/g, '1')}`])
    }
    expect(routes.length).toBeGreaterThan(120)
    const notRefused: string[] = []
    for (const [method, path] of routes) {
      const res = await fetch(`${app.url}${path}`, {
        method,
        headers: { cookie, origin: EVIL, 'content-type': 'application/json' },
        body: '{}',
      })
      const body = (await res.json().catch(() => null)) as { errors?: { message: string }[] } | null
      if (res.status !== 403 || !CROSS_ORIGIN.test(body?.errors?.[0]?.message ?? '')) notRefused.push(`${method} ${path} → ${res.status}`)
    }
    expect(notRefused).toEqual([])
  })
})

describe('security headers', () => {
  // The admin, portal and prospect pages (served by Next) are checked in Chromium: test/e2e/security-headers.test.ts.
  it('standing: every API answer (read, refused, error) and the health checks carry CSP, frame, sniffing and referrer headers', async () => {
    for (const path of ['/api/users/me', '/api/prospects', '/api/prospects/999999', '/api/no-such-collection', '/healthz', '/readyz']) {
      const res = await fetch(`${app.url}${path}`)
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp, path).toContain("default-src 'self'")
      expect(csp, path).toContain("frame-ancestors 'self'")
      expect(csp, path).toContain("object-src 'none'")
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN')
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('referrer-policy'), path).toBe('same-origin')
      // Served over plain HTTP (no https PUBLIC_URL): no HSTS, no upgrade of requests the browser could not make.
      expect(res.headers.get('strict-transport-security'), path).toBeNull()
      expect(csp, path).not.toContain('upgrade-insecure-requests')
    }
  })
})

/** A request whose body is written by `write`; resolves on the response (even before the body is all sent). */
function rawRequest(path: string, headers: http.OutgoingHttpHeaders, write: (req: http.ClientRequest) => void, timeoutMs = 8000) {
  return new Promise<{ status: number; ms: number; body: any }>((resolve, reject) => {
    const started = performance.now()
    const req = http.request(`${app.url}${path}`, { method: 'POST', headers })
    const timer = setTimeout(() => {
      req.destroy()
      reject(new Error(`no answer within ${timeoutMs} ms: the server is reading the whole body`))
    }, timeoutMs)
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        clearTimeout(timer)
        req.destroy()
        const text = Buffer.concat(chunks).toString('utf8')
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: text.startsWith('{') ? JSON.parse(text) : text })
      })
    })
    req.on('error', () => {}) // the server closes the connection after a 413 while the body is still being sent
    write(req)
  })
}

describe('request body limits', () => {
  const MB = 1024 * 1024

  it('answers a 50 MB anonymous JSON body with 413 at once, without waiting for the body', async () => {
    const res = await rawRequest('/api/prospects', { 'content-type': 'application/json', 'content-length': 50 * MB }, (req) =>
      req.write(`[${'1,'.repeat(MB / 2)}`),
    )
    expect(res.status).toBe(413)
    expect(res.body.errors[0].message).toMatch(/larger than this server accepts at \/api\/prospects \(1 MB\)/)
    expect(res.ms).toBeLessThan(3000)
  })

  it('answers a body sent without a length (chunked) with 413 as soon as it passes the limit', async () => {
    const res = await rawRequest('/api/users/login', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, (req) => {
      for (let i = 0; i < 12; i++) req.write(Buffer.alloc(256 * 1024, 0x20))
    })
    expect(res.status).toBe(413)
  })

  it('standing: every collection refuses a 2 MB JSON body with 413, upload collections included (files come as multipart)', async () => {
    const accepted: string[] = []
    for (const collection of app.payload.config.collections) {
      const res = await rawRequest(`/api/${collection.slug}`, { 'content-type': 'application/json', 'content-length': 2 * MB }, (req) =>
        req.write('{"a":"'),
      )
      if (res.status !== 413) accepted.push(`${collection.slug} → ${res.status}`)
    }
    expect(accepted).toEqual([])
  })

  it('still takes a 2 MB spreadsheet upload on the imports collection', async () => {
    const header =
      'ACT_DATE;ACT_TYPE;MDN;SIM_ICCID;DEVICE_IMEI;PLAN_CODE;FEATURES;ACCOUNT_NO;AGENT_CODE;STATUS;DEACT_DATE;ACT_COMM;FEAT_COMM;SPIFF\r\n'
    const rows: string[] = []
    for (let i = 0; rows.length * 110 < 2 * MB; i++) {
      const n = String(i).padStart(7, '0')
      rows.push(`14.09.2026;NEW;555${n};8901${n}00000000;35${n}000000;VTX-UNL-5G;;A-${i};DLR-0101;active;;1.150,00;20,00;0\r\n`)
    }
    const data = Buffer.from(header + rows.join(''), 'utf8')
    expect(data.length).toBeGreaterThan(2 * MB)
    const created = await admin.upload(
      '/api/imports',
      { mapping: await mappingId(admin, 'Vertex Wireless portal export') },
      { name: 'big-export.csv', data, type: 'text/csv' },
    )
    expect(created.status, JSON.stringify(created.body)).toBe(201)
  })
})

type Attempt = { status: number; body: unknown; ms: number; retryAfter: string | null }

async function attemptLogin(email: string, password: string, address: string): Promise<Attempt> {
  const started = performance.now()
  const res = await fetch(`${app.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password }),
  })
  const body = await res.json()
  return { status: res.status, body, ms: performance.now() - started, retryAfter: res.headers.get('retry-after') }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

describe('password guessing', () => {
  it('an email without a login costs as long to refuse as a wrong password (medians within a generous band)', async () => {
    const known = [
      'ops@northwind.example',
      'auditor@northwind.example',
      'user@summit.example',
      'user@pacific.example',
      'sam.ortiz@summit.example',
    ]
    const knownMs: number[] = []
    const unknownMs: number[] = []
    for (const [i, email] of known.entries()) {
      const wrong = await attemptLogin(email, 'not-the-password', '198.51.100.10')
      const unknown = await attemptLogin(`nobody-${i}@nowhere.example`, 'not-the-password', '198.51.100.10')
      expect([wrong.status, unknown.status]).toEqual([401, 401])
      expect(unknown.body).toEqual(wrong.body)
      knownMs.push(wrong.ms)
      unknownMs.push(unknown.ms)
    }
    const ratio = median(unknownMs) / median(knownMs)
    expect(ratio, `unknown ${median(unknownMs).toFixed(0)} ms vs wrong password ${median(knownMs).toFixed(0)} ms`).toBeGreaterThan(0.6)
    expect(ratio).toBeLessThan(1.7)
  })

  it('a locked login answers exactly as an unknown email, in the same time, including the attempt that locks it', async () => {
    const unknown = await attemptLogin('nobody@nowhere.example', DEMO_PASSWORD, '198.51.100.20')
    expect(unknown.status).toBe(401)
    for (let i = 0; i < 5; i++) {
      const wrong = await attemptLogin('admin@coastal.example', `wrong-${i}`, '198.51.100.20')
      expect(wrong.status).toBe(401)
      expect(wrong.body).toEqual(unknown.body)
    }
    expect(
      (await app.sql.query(`select lock_until > now() as locked from users where email = 'admin@coastal.example'`)).rows[0].locked,
    ).toBe(true)
    const lockedMs: number[] = []
    const unknownMs: number[] = []
    for (let i = 0; i < 3; i++) {
      const locked = await attemptLogin('admin@coastal.example', DEMO_PASSWORD, '198.51.100.20')
      expect(locked.status).toBe(401)
      expect(locked.body).toEqual(unknown.body)
      lockedMs.push(locked.ms)
      unknownMs.push((await attemptLogin(`nobody-${i}@nowhere.example`, DEMO_PASSWORD, '198.51.100.20')).ms)
    }
    const ratio = median(lockedMs) / median(unknownMs)
    expect(ratio, `locked ${median(lockedMs).toFixed(0)} ms vs unknown ${median(unknownMs).toFixed(0)} ms`).toBeGreaterThan(0.6)
    expect(ratio).toBeLessThan(1.7)
  })

  it('over GraphQL too, a locked login answers exactly as an unknown email (either the equal-cost check or the global lockout hook alone keeps it so)', async () => {
    const graphqlLogin = async (email: string, password: string) => {
      const res = await fetch(`${app.url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.30' },
        body: JSON.stringify({
          query: 'mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }',
          variables: { email, password },
        }),
      })
      const body = (await res.json()) as { errors?: { message: string; extensions?: { statusCode?: number } }[] }
      return { message: body.errors?.[0]?.message, statusCode: body.errors?.[0]?.extensions?.statusCode }
    }
    const unknown = await graphqlLogin('nobody@nowhere.example', 'wrong')
    expect(unknown.message).toBe('The email or password provided is incorrect.')
    for (let i = 0; i < 5; i++) expect(await graphqlLogin('user@coastal.example', `wrong-${i}`)).toEqual(unknown)
    expect(
      (await app.sql.query(`select lock_until > now() as locked from users where email = 'user@coastal.example'`)).rows[0].locked,
    ).toBe(true)
    expect(await graphqlLogin('user@coastal.example', DEMO_PASSWORD)).toEqual(unknown)
  })

  it('throttles one email after 10 failed logins with 429 and Retry-After, the right password included, known email or not', async () => {
    for (const email of ['finance@northwind.example', 'ghost@nowhere.example']) {
      for (let i = 0; i < 10; i++) {
        const address = `192.0.2.${i + 1}`
        const res = await attemptLogin(email, `guess-${i}`, address)
        expect(res.status).toBe(401)
      }
      const throttled = await attemptLogin(email, email.startsWith('finance') ? DEMO_PASSWORD : 'guess-11', '192.0.2.200')
      expect(throttled.status).toBe(429)
      expect((throttled.body as { errors: { message: string }[] }).errors[0]!.message).toMatch(
        /^Too many failed logins\. Try again in 15 minutes\.$/,
      )
      expect(Number(throttled.retryAfter)).toBeGreaterThan(800)
      expect(Number(throttled.retryAfter)).toBeLessThanOrEqual(900)
    }
  })

  it('throttles one client address after its limit of failed logins (15 here) whatever emails it tries, and not another address', async () => {
    for (let i = 0; i < 15; i++) expect((await attemptLogin(`spray-${i}@nowhere.example`, 'password1', '203.0.113.7')).status).toBe(401)
    const throttled = await attemptLogin('spray-new@nowhere.example', 'password1', '203.0.113.7')
    expect(throttled.status).toBe(429)
    expect(Number(throttled.retryAfter)).toBeGreaterThan(0)
    expect((await attemptLogin('leo.park@summit.example', DEMO_PASSWORD, '203.0.113.8')).status).toBe(200)
  })

  it('a successful login does not count against its address: 20 logins in a row from one address all succeed', async () => {
    for (let i = 0; i < 20; i++) expect((await attemptLogin('dana.ruiz@summit.example', DEMO_PASSWORD, '203.0.113.50')).status).toBe(200)
  })
})
