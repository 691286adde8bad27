import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

import { parse as parseCsv } from 'csv-parse/sync'
import { afterAll, describe, expect, it } from 'vitest'

import { createCarrierPortal, type PortalOptions } from '../../../demo/carrier-portal/app'
import { formatCents, formatDate } from '../../../demo/carrier-portal/columns'
import { activationRows, type ActivationRowSettings } from '../../../demo/carrier-portal/data'
import { base32Decode, base32Encode, hotp, totpAt, verifyTotp } from '../../../demo/carrier-portal/totp'
import { luhnValid, parseDate, parseDecimal, parseIdentifier } from '../../../engine/ingest/cells'
import { MAPPINGS } from '../../../seed/telecom/data'

const USER = 'dealer.demo'
const PASSWORD = 'Vertex#2026'
/** RFC 6238's SHA-1 test key, ASCII "12345678901234567890", in base32. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'
const OCTOBER: ActivationRowSettings = { count: 10_000, from: '2026-10-01', days: 31, seed: 1 }
const VERTEX_MAPPING = MAPPINGS.find((m) => m.name === 'Vertex Wireless portal export')!
const MAPPING_HEADERS = VERTEX_MAPPING.columns.map((c) => c.header)

// ---------------------------------------------------------------------------------------------
// A portal on a free port, and a browser-like client with a cookie jar that does not follow redirects.

const servers: Server[] = []
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))))
})

async function startPortal(overrides: Partial<PortalOptions> = {}): Promise<string> {
  const app = createCarrierPortal({ username: USER, password: PASSWORD, rows: OCTOBER, ...overrides })
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  servers.push(server)
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

type Reply = { status: number; location: string | null; body: string; headers: Headers; setCookies: string[] }

class Browser {
  readonly jar = new Map<string, string>()
  constructor(readonly base: string) {}

  async request(path: string, init: { method?: string; form?: Record<string, string>; json?: unknown } = {}): Promise<Reply> {
    const headers: Record<string, string> = {}
    if (this.jar.size > 0) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ')
    let body: string | undefined
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      body = new URLSearchParams(init.form).toString()
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(init.json)
    }
    const res = await fetch(`${this.base}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' })
    const setCookies = res.headers.getSetCookie()
    for (const line of setCookies) {
      const [pair] = line.split(';')
      const eq = pair!.indexOf('=')
      const name = pair!.slice(0, eq)
      if (/max-age=0/i.test(line)) this.jar.delete(name)
      else this.jar.set(name, pair!.slice(eq + 1))
    }
    return { status: res.status, location: res.headers.get('location'), body: await res.text(), headers: res.headers, setCookies }
  }

  get(path: string) {
    return this.request(path)
  }
  post(path: string, form: Record<string, string>) {
    return this.request(path, { form })
  }
}

const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)![1]!
const sessionCookie = (reply: Reply) => reply.setCookies.find((c) => c.startsWith('VTXSESSION='))
const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")

function tableOf(html: string, id: string): { headers: string[]; rows: string[][] } | null {
  const table = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(html)
  if (!table) return null
  const cells = (tr: string, tag: string) =>
    [...tr.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => decode(m[1]!))
  const [head, body] = table[1]!.split('<tbody>')
  return { headers: cells(head!, 'th'), rows: [...body!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1]!, 'td')) }
}

const nextHref = (html: string) => /<a class="next-page" rel="next" href="([^"]+)"/.exec(html)?.[1]
const pageInfo = (html: string) => /<span class="page-info">([^<]+)<\/span>/.exec(html)?.[1]

async function signIn(base: string): Promise<Browser> {
  const browser = new Browser(base)
  const form = await browser.get('/login')
  const reply = await browser.post('/login', { _csrf: csrfOf(form.body), username: USER, password: PASSWORD })
  expect(reply.status).toBe(303)
  expect(reply.location).toBe('/reports/activations')
  return browser
}

// ---------------------------------------------------------------------------------------------

describe('TOTP (RFC 6238, SHA-1)', () => {
  it('reproduces the RFC 6238 SHA-1 test vectors, 8 digits and the 6-digit codes the portal asks for', () => {
    const key = Buffer.from('12345678901234567890', 'ascii')
    expect(base32Encode(key)).toBe(RFC_SECRET)
    expect(base32Decode(RFC_SECRET).toString('ascii')).toBe('12345678901234567890')
    expect(hotp(key, Math.floor(59 / 30), 8)).toBe('94287082')
    expect(hotp(key, Math.floor(1111111109 / 30), 8)).toBe('07081804')
    expect(hotp(key, Math.floor(1234567890 / 30), 8)).toBe('89005924')
    expect(hotp(key, Math.floor(2000000000 / 30), 8)).toBe('69279037')
    expect(totpAt(RFC_SECRET, 59)).toBe('287082')
    expect(totpAt(RFC_SECRET, 1111111109)).toBe('081804')
    expect(totpAt(RFC_SECRET, 1234567890)).toBe('005924')
  })

  it('accepts the code one 30 s step either side of now and refuses two steps away or a malformed code', () => {
    const t = 1234567890
    expect(verifyTotp(RFC_SECRET, '005924', t)).toBe(true)
    expect(verifyTotp(RFC_SECRET, '005924', t + 30)).toBe(true)
    expect(verifyTotp(RFC_SECRET, '005924', t - 30)).toBe(true)
    expect(verifyTotp(RFC_SECRET, '005924', t + 60)).toBe(false)
    expect(verifyTotp(RFC_SECRET, '005924', t - 60)).toBe(false)
    expect(verifyTotp(RFC_SECRET, '05924', t)).toBe(false)
    expect(verifyTotp(RFC_SECRET, '89005924', t)).toBe(false)
  })
})

describe('Vertex portal data', () => {
  const rows = activationRows(OCTOBER)

  it('generates 10,000 rows with valid ICCID, IMEI and MDN, unique per row, sorted by date then ICCID, the same every time', () => {
    expect(rows).toHaveLength(10_000)
    for (const row of rows) {
      expect(row.iccid).toMatch(/^8901\d{15}$/)
      expect(luhnValid(row.iccid)).toBe(true)
      expect(row.imei).toMatch(/^\d{15}$/)
      expect(luhnValid(row.imei)).toBe(true)
      expect(row.mdn).toMatch(/^[2-9]\d{9}$/)
    }
    expect(new Set(rows.map((r) => r.iccid)).size).toBe(10_000)
    expect(new Set(rows.map((r) => r.imei)).size).toBe(10_000)
    expect(new Set(rows.map((r) => r.mdn)).size).toBe(10_000)
    const keys = rows.map((r) => `${r.activationDate}|${r.iccid}`)
    expect(keys).toEqual([...keys].sort())
    expect(rows[0]!.activationDate).toBe('2026-10-01')
    expect(rows[9_999]!.activationDate).toBe('2026-10-31')
    expect(activationRows(OCTOBER)).toEqual(rows)
    expect(activationRows({ ...OCTOBER, seed: 2 })[0]!.iccid).not.toBe(rows[0]!.iccid)
  })

  it('uses only the catalog plans, demo dealers and activation types, and prices with the Vertex Q4 program', () => {
    expect(new Set(rows.map((r) => r.planCode))).toEqual(new Set(['VTX-UNL-5G', 'VTX-ESS', 'VTX-BIZ']))
    expect(new Set(rows.map((r) => r.agentCode))).toEqual(new Set(['DLR-0101', 'DLR-0102', 'DLR-0201', 'DLR-0301', 'DLR-0302']))
    expect(new Set(rows.map((r) => r.activationType))).toEqual(new Set(['new', 'upgrade', 'port_in', 'feature_add', 'downgrade']))
    const newUnl = rows.find((r) => r.activationType === 'new' && r.planCode === 'VTX-UNL-5G')!
    expect(newUnl.actCommCents).toBe(16_000)
    const portUnl = rows.find((r) => r.activationType === 'port_in' && r.planCode === 'VTX-UNL-5G')!
    expect([portUnl.actCommCents, portUnl.spiffCents]).toEqual([18_500, 5_000])
    const hotspotOnly = rows.find((r) => r.activationType === 'new' && r.features === 'HOTSPOT')!
    expect(hotspotOnly.featCommCents).toBe(2_000)
    expect(rows.every((r) => r.activationType !== 'feature_add' || (r.actCommCents === 0 && r.features !== ''))).toBe(true)
    expect(rows.some((r) => r.spiffCents === 115_000)).toBe(true)
    const isPlainNew = (r: (typeof rows)[number]) => r.activationType === 'new' && r.planCode !== 'VTX-UNL-5G'
    expect(activationRows({ count: 100, from: '2026-09-01', days: 1 }).find(isPlainNew)!.actCommCents).toBe(10_000)
    expect(rows.find(isPlainNew)!.actCommCents).toBe(11_000)
  })

  it('writes dates DD.MM.YYYY and amounts with comma decimals and dot thousands, exactly', () => {
    expect(formatDate('2026-10-03')).toBe('03.10.2026')
    expect(formatDate('')).toBe('')
    expect(formatCents(115_000)).toBe('1.150,00')
    expect(formatCents(123_456_789)).toBe('1.234.567,89')
    expect(formatCents(0)).toBe('0,00')
    expect(formatCents(5)).toBe('0,05')
    expect(formatCents(-1_250)).toBe('-12,50')
  })
})

describe('Vertex portal sign-in', () => {
  it('refuses a sign-in without the form CSRF token, with a wrong one, with a reused one, or from another browser', async () => {
    const base = await startPortal()
    const browser = new Browser(base)
    const form = await browser.get('/login')
    expect(form.status).toBe(200)
    expect(form.setCookies.some((c) => /^VTXPRE=[0-9a-f]{48}; Path=\/; HttpOnly; SameSite=Lax$/.test(c))).toBe(true)
    const token = csrfOf(form.body)

    const missing = await browser.post('/login', { username: USER, password: PASSWORD })
    expect(missing.status).toBe(403)
    expect(missing.body).toContain('Your sign-in form has expired. Please try again.')
    expect(sessionCookie(missing)).toBeUndefined()

    const wrong = await browser.post('/login', { _csrf: 'not-the-token', username: USER, password: PASSWORD })
    expect(wrong.status).toBe(403)
    expect(sessionCookie(wrong)).toBeUndefined()

    const other = new Browser(base)
    await other.get('/login')
    const stolen = await other.post('/login', { _csrf: token, username: USER, password: PASSWORD })
    expect(stolen.status).toBe(403)
    expect(sessionCookie(stolen)).toBeUndefined()

    const ok = await browser.post('/login', { _csrf: token, username: USER, password: PASSWORD })
    expect(ok.status).toBe(303)
    expect(ok.location).toBe('/reports/activations')
    expect(sessionCookie(ok)).toMatch(/^VTXSESSION=[0-9a-f]{48}; Path=\/; HttpOnly; SameSite=Lax$/)

    const replay = await new Browser(base).post('/login', { _csrf: token, username: USER, password: PASSWORD })
    expect(replay.status).toBe(403)

    const report = await browser.get('/reports/activations')
    expect(report.status).toBe(200)
    expect(report.body).toContain(`Signed in as <strong id="current-user">${USER}</strong>`)
  })

  it('keeps a wrong password on the login page (HTTP 200) with "Invalid username or password" and no session', async () => {
    const base = await startPortal()
    const browser = new Browser(base)
    const form = await browser.get('/login')
    const reply = await browser.post('/login', { _csrf: csrfOf(form.body), username: USER, password: 'wrong' })
    expect(reply.status).toBe(200)
    expect(reply.location).toBeNull()
    expect(reply.body).toContain('<div class="alert alert-error" role="alert" id="login-error">Invalid username or password</div>')
    expect(reply.body).toContain('<form id="login-form" method="post" action="/login">')
    expect(reply.body).toContain(`value="${USER}"`)
    expect(sessionCookie(reply)).toBeUndefined()
    expect(browser.jar.has('VTXSESSION')).toBe(false)
    const unknownUser = await browser.post('/login', { _csrf: csrfOf(reply.body), username: 'someone', password: PASSWORD })
    expect(unknownUser.status).toBe(200)
    expect(unknownUser.body).toContain('Invalid username or password')
    const report = await browser.get('/reports/activations')
    expect([report.status, report.location]).toEqual([302, '/login?expired=1'])
  })

  it('asks for the TOTP code after the password when a secret is configured: a wrong code is refused, the current one signs in', async () => {
    const base = await startPortal({ totpSecret: RFC_SECRET })
    const browser = new Browser(base)
    const form = await browser.get('/login')
    const password = await browser.post('/login', { _csrf: csrfOf(form.body), username: USER, password: PASSWORD })
    expect([password.status, password.location]).toEqual([303, '/login/otp'])
    expect(sessionCookie(password)).toBeUndefined()
    expect((await browser.get('/reports/activations')).location).toBe('/login?expired=1')

    const step = await browser.get('/login/otp')
    expect(step.status).toBe(200)
    expect(step.body).toContain('<input id="otp" name="code"')

    const nowSeconds = Date.now() / 1000
    const valid = new Set([-90, -60, -30, 0, 30, 60, 90].map((d) => totpAt(RFC_SECRET, nowSeconds + d)))
    const wrongCode = ['000000', '111111', '222222', '333333'].find((c) => !valid.has(c))!
    const wrong = await browser.post('/login/otp', { _csrf: csrfOf(step.body), code: wrongCode })
    expect(wrong.status).toBe(200)
    expect(wrong.body).toContain('id="otp-error">Invalid verification code</div>')
    expect(sessionCookie(wrong)).toBeUndefined()

    const right = await browser.post('/login/otp', { _csrf: csrfOf(wrong.body), code: totpAt(RFC_SECRET, Date.now() / 1000) })
    expect([right.status, right.location]).toEqual([303, '/reports/activations'])
    expect(sessionCookie(right)).toMatch(/HttpOnly; SameSite=Lax$/)
    expect((await browser.get('/reports/activations')).status).toBe(200)
    // The pending step is used up: the OTP page now sends a new visitor back to the password form.
    expect((await browser.get('/login/otp')).location).toBe('/login')
  })

  it('sends the browser back to the password form after five wrong codes', async () => {
    const base = await startPortal({ totpSecret: RFC_SECRET })
    const browser = new Browser(base)
    const form = await browser.get('/login')
    await browser.post('/login', { _csrf: csrfOf(form.body), username: USER, password: PASSWORD })
    const valid = new Set([-90, -60, -30, 0, 30, 60, 90].map((d) => totpAt(RFC_SECRET, Date.now() / 1000 + d)))
    const wrongCode = ['000000', '111111', '222222', '333333'].find((c) => !valid.has(c))!
    let page = (await browser.get('/login/otp')).body
    for (let attempt = 1; attempt <= 4; attempt++) {
      const reply = await browser.post('/login/otp', { _csrf: csrfOf(page), code: wrongCode })
      expect(reply.body).toContain('Invalid verification code')
      page = reply.body
    }
    const fifth = await browser.post('/login/otp', { _csrf: csrfOf(page), code: wrongCode })
    expect(fifth.status).toBe(200)
    expect(fifth.body).toContain('id="login-error">Too many invalid verification codes. Please sign in again.</div>')
    expect(fifth.body).toContain('<form id="login-form"')
    expect((await browser.get('/login/otp')).location).toBe('/login')
  })

  it('skips the code step entirely for a browser that never passed the password check', async () => {
    const base = await startPortal({ totpSecret: RFC_SECRET })
    const browser = new Browser(base)
    await browser.get('/login')
    const direct = await browser.post('/login/otp', { _csrf: 'x', code: totpAt(RFC_SECRET, Date.now() / 1000) })
    expect([direct.status, direct.location]).toEqual([303, '/login'])
    expect(sessionCookie(direct)).toBeUndefined()
  })
})

describe('Vertex portal sessions', () => {
  it('sends a session idle past its TTL back to /login?expired=1 with "Your session has expired"', async () => {
    let clock = Date.parse('2026-11-02T09:00:00Z')
    const base = await startPortal({ sessionTtlSeconds: 60, now: () => clock })
    const browser = await signIn(base)
    clock += 50_000
    expect((await browser.get('/reports/activations')).status).toBe(200)
    clock += 50_000 // 100 s after sign-in, 50 s idle: the idle timer restarted at the last request
    expect((await browser.get('/reports/activations?page=2')).status).toBe(200)
    clock += 61_000
    const expired = await browser.get('/reports/activations?page=3')
    expect([expired.status, expired.location]).toEqual([302, '/login?expired=1'])
    const csv = await browser.get('/reports/activations.csv')
    expect([csv.status, csv.location]).toEqual([302, '/login?expired=1'])
    const login = await browser.get('/login?expired=1')
    expect(login.status).toBe(200)
    expect(login.body).toContain('id="login-notice">Your session has expired. Please sign in again.</div>')
  })

  it('ends every session on {"expireSessions": true} from the control endpoint', async () => {
    const base = await startPortal()
    const browser = await signIn(base)
    const control = await new Browser(base).request('/__control', { json: { expireSessions: true } })
    expect(control.status).toBe(200)
    expect(JSON.parse(control.body)).toEqual({ layout: 'standard', failNext: null, sessions: 0, expired: 1 })
    expect((await browser.get('/reports/activations')).location).toBe('/login?expired=1')
    expect((await new Browser(base).get('/reports/activations')).location).toBe('/login?expired=1')
  })
})

describe('Vertex activations report', () => {
  const rows = activationRows(OCTOBER)

  it('pages 10,000 rows 50 at a time over 200 pages, in a fixed order, the last page without a next link', async () => {
    const browser = await signIn(await startPortal())
    const first = await browser.get('/reports/activations')
    expect(first.status).toBe(200)
    expect(pageInfo(first.body)).toBe('Page 1 of 200')
    expect(first.body).toContain('Showing 1–50 of 10000 activations')
    expect(first.body).toContain('<input id="from" name="from" type="date" value="2026-10-01">')
    expect(first.body).toContain('<input id="to" name="to" type="date" value="2026-10-31">')
    expect(first.body).toContain('<button id="apply" type="submit">Apply</button>')
    const table = tableOf(first.body, 'activations')!
    expect(table.headers).toEqual(MAPPING_HEADERS)
    expect(table.rows).toHaveLength(50)
    expect(table.rows[0]![3]).toBe(rows[0]!.iccid)
    expect(decode(nextHref(first.body)!)).toBe('/reports/activations?from=2026-10-01&to=2026-10-31&page=2')

    const iccids: string[] = []
    let href: string | undefined = '/reports/activations?from=2026-10-01&to=2026-10-31&page=1'
    let last = first
    while (href) {
      last = await browser.get(decode(href))
      const pageRows = tableOf(last.body, 'activations')!.rows
      expect(pageRows).toHaveLength(50)
      iccids.push(...pageRows.map((r) => r[3]!))
      href = nextHref(last.body)
    }
    expect(pageInfo(last.body)).toBe('Page 200 of 200')
    expect(last.body).not.toContain('class="next-page"')
    expect(last.body).toContain('<a class="prev-page" rel="prev"')
    expect(iccids).toEqual(rows.map((r) => r.iccid))

    const beyond = await browser.get('/reports/activations?page=999')
    expect(pageInfo(beyond.body)).toBe('Page 200 of 200')
  })

  it('narrows the rows to the date filter, and rejects a date that is not YYYY-MM-DD', async () => {
    const browser = await signIn(await startPortal())
    const expected = rows.filter((r) => r.activationDate >= '2026-10-05' && r.activationDate <= '2026-10-06')
    expect(expected).toHaveLength(645)
    const reply = await browser.get('/reports/activations?from=2026-10-05&to=2026-10-06')
    expect(pageInfo(reply.body)).toBe('Page 1 of 13')
    expect(reply.body).toContain('Showing 1–50 of 645 activations')
    const lastPage = await browser.get('/reports/activations?from=2026-10-05&to=2026-10-06&page=13')
    const tail = tableOf(lastPage.body, 'activations')!.rows
    expect(tail).toHaveLength(45)
    expect(tail.at(-1)![3]).toBe(expected.at(-1)!.iccid)
    expect(new Set(tail.map((r) => r[0]))).toEqual(new Set(['06.10.2026']))
    expect(tableOf(reply.body, 'activations')!.rows[0]![0]).toBe('05.10.2026')
    expect(decode(/<a id="export-csv" class="button" href="([^"]+)"/.exec(reply.body)![1]!)).toBe(
      '/reports/activations.csv?from=2026-10-05&to=2026-10-06',
    )

    const bad = await browser.get('/reports/activations?from=05.10.2026&to=2026-10-06')
    expect(bad.status).toBe(400)
    expect(bad.body).toContain('Enter dates as YYYY-MM-DD.')
    expect(tableOf(bad.body, 'activations')!.rows).toHaveLength(0)
    const reversed = await browser.get('/reports/activations?from=2026-10-07&to=2026-10-06')
    expect(reversed.status).toBe(400)
    expect(reversed.body).toContain('The start date must not be after the end date.')
  })

  it('exports every row of the range as ;-delimited CSV with comma decimals, headed exactly as the Vertex import mapping expects', async () => {
    const browser = await signIn(await startPortal())
    const reply = await browser.get('/reports/activations.csv?from=2026-10-05&to=2026-10-06')
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(reply.headers.get('content-disposition')).toBe('attachment; filename="vertex-activations-2026-10-05-2026-10-06.csv"')
    expect(VERTEX_MAPPING.csvDelimiter).toBe(';')
    expect(VERTEX_MAPPING.decimalSeparator).toBe(',')
    const lines = reply.body.split('\r\n')
    expect(lines[0]).toBe(MAPPING_HEADERS.join(';'))
    const records = parseCsv(reply.body, { delimiter: ';' }) as string[][]
    expect(records).toHaveLength(1 + 645)
    expect(records[0]).toEqual(MAPPING_HEADERS)

    const expected = rows.filter((r) => r.activationDate >= '2026-10-05' && r.activationDate <= '2026-10-06')
    const row = expected[0]!
    const first = records[1]!
    expect(first).toEqual([
      '05.10.2026',
      row.activationType,
      row.mdn,
      row.iccid,
      row.imei,
      row.planCode,
      row.features,
      row.accountNo,
      row.agentCode,
      row.status,
      formatDate(row.deactivationDate),
      formatCents(row.actCommCents),
      formatCents(row.featCommCents),
      formatCents(row.spiffCents),
    ])
    // The import's own cell parsers read what the portal writes.
    const dateFormats = VERTEX_MAPPING.dateFormats.split(',').map((f) => f.trim())
    expect(parseDate(first[0]!, { dateFormats })).toEqual({ ok: true, value: '2026-10-05' })
    expect(parseIdentifier(first[3]!, 'iccid')).toEqual({ ok: true, value: row.iccid })
    expect(parseIdentifier(first[4]!, 'imei')).toEqual({ ok: true, value: row.imei })
    for (const record of records.slice(1)) for (const amount of record.slice(11)) expect(amount).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}$/)

    // The HTML table shows the same values as the file.
    const page = await browser.get('/reports/activations?from=2026-10-05&to=2026-10-06')
    expect(tableOf(page.body, 'activations')!.rows).toEqual(records.slice(1, 51))

    const all = await browser.get('/reports/activations.csv')
    expect(all.headers.get('content-disposition')).toBe('attachment; filename="vertex-activations-2026-10-01-2026-10-31.csv"')
    const allRecords = parseCsv(all.body, { delimiter: ';' }) as string[][]
    expect(allRecords).toHaveLength(10_001)
    const bonus = allRecords.find((r) => r[13] === '1.150,00')!
    expect(bonus[5]).toBe('VTX-BIZ')
    expect(parseDecimal(bonus[13]!, { decimalSeparator: ',' })).toEqual({ ok: true, value: '1150' })
    const unl = allRecords.find((r) => r[1] === 'port_in' && r[5] === 'VTX-UNL-5G')!
    expect([unl[11], unl[13]]).toEqual(['185,00', '50,00'])
  })

  it('renames headers, the table id and moves the export into div.toolbar-v2 #download-report in the changed layout', async () => {
    const base = await startPortal()
    const browser = await signIn(base)
    const control = new Browser(base)
    expect(JSON.parse((await control.request('/__control', { json: { layout: 'changed' } })).body)).toMatchObject({ layout: 'changed' })

    const reply = await browser.get('/reports/activations')
    expect(tableOf(reply.body, 'activations')).toBeNull()
    const table = tableOf(reply.body, 'activation-report')!
    expect(table.headers).toEqual([
      'ACT_DATE',
      'ACT_TYPE',
      'MDN',
      'ICCID_NUMBER',
      'IMEI_NUMBER',
      'PLAN_CODE',
      'FEATURES',
      'ACCOUNT_NO',
      'DEALER_CODE',
      'STATUS',
      'DEACT_DATE',
      'ACTIVATION_COMMISSION',
      'FEATURE_COMMISSION',
      'SPIFF',
    ])
    expect(table.rows).toHaveLength(50)
    expect(reply.body).not.toContain('id="export-csv"')
    expect(reply.body).toMatch(
      /<div class="toolbar-v2"><a id="download-report" class="button" href="\/reports\/activations\.csv\?from=2026-10-01&amp;to=2026-10-31" download>/,
    )
    const csv = await browser.get('/reports/activations.csv?from=2026-10-01&to=2026-10-01')
    expect(csv.body.split('\r\n')[0]).toBe(table.headers.join(';'))
    expect(csv.body.split('\r\n')[0]).not.toBe(MAPPING_HEADERS.join(';'))

    const rejected = await control.request('/__control', { json: { layout: 'modern' } })
    expect(rejected.status).toBe(400)
    expect(JSON.parse(rejected.body)).toEqual({ errors: ['layout must be one of standard, changed'] })

    await control.request('/__control', { json: { layout: 'standard' } })
    const back = await browser.get('/reports/activations')
    expect(tableOf(back.body, 'activations')!.headers).toEqual(MAPPING_HEADERS)
    expect(back.body).toContain('<div class="toolbar"><a id="export-csv" class="button"')
  })
})

describe('Vertex portal error modes', () => {
  it('answers the next N requests with an injected 503 "Service temporarily unavailable", then recovers', async () => {
    const base = await startPortal()
    const browser = await signIn(base)
    const control = new Browser(base)
    const armed = await control.request('/__control', { json: { failNext: { status: 503, times: 2 } } })
    expect(JSON.parse(armed.body)).toMatchObject({ failNext: { status: 503, times: 2 } })

    const one = await browser.get('/reports/activations')
    expect(one.status).toBe(503)
    expect(one.headers.get('retry-after')).toBe('1')
    expect(one.body).toContain('<h1 id="error-title">Service temporarily unavailable</h1>')
    const two = await browser.get('/reports/activations.csv')
    expect(two.status).toBe(503)
    expect(JSON.parse((await control.get('/__control')).body)).toEqual({ layout: 'standard', failNext: null, sessions: 1 })
    const three = await browser.get('/reports/activations')
    expect(three.status).toBe(200)
    expect(pageInfo(three.body)).toBe('Page 1 of 200')
  })

  it('can start with injected 500s from the options, hitting the login page too', async () => {
    const base = await startPortal({ failures: { failNext: { status: 500, times: 1 } } })
    const browser = new Browser(base)
    const failed = await browser.get('/login')
    expect(failed.status).toBe(500)
    expect(failed.body).toContain('Service temporarily unavailable')
    expect((await browser.get('/login')).status).toBe(200)
    const invalid = await browser.request('/__control', { json: { failNext: { status: 502, times: 1 } } })
    expect(JSON.parse(invalid.body)).toEqual({ errors: ['failNext.status must be 500 or 503'] })
  })

  it('answers an unknown route with a 404 page', async () => {
    const browser = await signIn(await startPortal())
    const reply = await browser.get('/reports/commissions')
    expect(reply.status).toBe(404)
    expect(reply.body).toContain('<h1 id="error-title">Page not found</h1>')
  })
})
