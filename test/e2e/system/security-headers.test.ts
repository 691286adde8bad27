import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureBuilt } from '../../../scripts/build'
import { DEMO_PASSWORD } from '../../../seed/network/data'
import { startTestApp, type TestApp } from '../../support/app'
import { launchChromium, logIn } from '../../support/browser'

/**
 * The security headers on the pages Next serves (issue #12, item 9), in Chromium: the admin, the partner portal and
 * the prospect's answer page carry them, work under the CSP (no violation reported), and refuse to be framed by
 * another origin.
 */
let app: TestApp
let browser: Browser

beforeAll(async () => {
  ensureBuilt((line) => console.log(line))
  app = await startTestApp('e2e_headers', { next: 'production' })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

/** Console messages in which Chromium reports a blocked resource or script. */
function cspViolations(page: Page): string[] {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  return violations
}

function expectSecurityHeaders(headers: Record<string, string>, path: string): void {
  expect(headers['content-security-policy'], path).toContain("frame-ancestors 'self'")
  expect(headers['x-frame-options'], path).toBe('SAMEORIGIN')
  expect(headers['x-content-type-options'], path).toBe('nosniff')
  expect(headers['referrer-policy'], path).toBe('same-origin')
}

describe('security headers on the Next pages', () => {
  it('the admin carries them and works under its CSP: login, dashboard, a list and a document', async () => {
    const page = await logIn(browser, app.url, 'admin@northwind.example')
    const violations = cspViolations(page)
    for (const path of ['/admin', '/admin/collections/participants', '/admin/collections/participants/create']) {
      const res = await page.goto(`${app.url}${path}`)
      expect(res?.status(), path).toBe(200)
      expectSecurityHeaders(res!.headers(), path)
      await page.locator('nav').first().waitFor()
    }
    expect(violations).toEqual([])
    await page.context().close()
  })

  it('the partner portal and the prospect answer page carry them, and the portal login works under the CSP', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const violations = cspViolations(page)
    const login = await page.goto(`${app.url}/portal/login`)
    expectSecurityHeaders(login!.headers(), '/portal/login')
    await page.locator('#email').fill('dana.ruiz@summit.example')
    await page.locator('#password').fill(DEMO_PASSWORD)
    await page.getByTestId('portal-login').click()
    await page.waitForURL(/\/portal$/)
    const respond = await page.goto(`${app.url}/respond/not-a-real-token`)
    expectSecurityHeaders(respond!.headers(), '/respond/not-a-real-token')
    expect(violations).toEqual([])
    await context.close()
  })

  it('another origin cannot frame the admin (frame-ancestors)', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const violations = cspViolations(page)
    await page.setContent(`<iframe src="${app.url}/admin/login"></iframe>`)
    await expect.poll(() => violations.join('\n'), { timeout: 15_000 }).toMatch(/frame-ancestors/)
    await context.close()
  })
})
