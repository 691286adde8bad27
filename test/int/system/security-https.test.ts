import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '../../../seed/network/data'
import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'

/**
 * A deployment behind HTTPS: PUBLIC_URL is its https address and ACCRUE_ALLOWED_ORIGINS adds a second origin its
 * pages are served from (issue #12, items 6 and 9). The session cookie is then Secure, HSTS is sent, and only those
 * origins may write with the cookie (the listening address no longer counts).
 */
let app: TestApp
const PUBLIC = 'https://accrue.test'
const SECOND = 'https://partners.accrue.test'

beforeAll(async () => {
  process.env.PUBLIC_URL = PUBLIC
  process.env.ACCRUE_ALLOWED_ORIGINS = ` ${SECOND} , not a url`
  app = await startTestApp('security_https')
})
afterAll(async () => {
  delete process.env.PUBLIC_URL
  delete process.env.ACCRUE_ALLOWED_ORIGINS
  await app?.close()
})

async function login(): Promise<Response> {
  return fetch(`${app.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'leo.park@summit.example', password: DEMO_PASSWORD }),
  })
}

describe('served over HTTPS (PUBLIC_URL https://…)', () => {
  it('marks the session cookie Secure, HttpOnly and SameSite=Lax', async () => {
    const res = await login()
    expect(res.status).toBe(200)
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('payload-token='))!
    expect(cookie).toMatch(/;\s*Secure/i)
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
  })

  it('sends Strict-Transport-Security and asks the browser to upgrade insecure requests', async () => {
    const res = await fetch(`${app.url}/api/users/me`)
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/)
    expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests')
  })

  it('allows cookie writes from PUBLIC_URL and ACCRUE_ALLOWED_ORIGINS only, not from the bare listening address', async () => {
    const cookie = (await login()).headers
      .getSetCookie()
      .find((c) => c.startsWith('payload-token='))!
      .split(';')[0]!
    const agent = await Api.login(app.url, 'leo.park@summit.example')
    const territory = (await agent.get('/api/territories?where[code][equals]=US-W&depth=0')).body.docs[0].id
    const post = (origin: string) =>
      fetch(`${app.url}/api/prospects`, {
        method: 'POST',
        headers: { cookie, origin, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify({ company: `From ${origin}`, territory, contacts: [{ name: 'Jo', email: 'jo@example.com' }] }),
      })
    expect((await post(PUBLIC)).status).toBe(201)
    expect((await post(SECOND)).status).toBe(201)
    const local = await post(app.url)
    expect(local.status).toBe(403)
    expect(((await local.json()) as { errors: { message: string }[] }).errors[0]!.message).toContain('PUBLIC_URL')
    expect(app.payload.config.csrf).toEqual(expect.arrayContaining([PUBLIC, SECOND]))
    expect(app.payload.config.csrf).not.toContain(app.url)
  })
})
