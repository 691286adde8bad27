import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createCarrierPortal } from '../../../demo/carrier-portal/app'
import { DEMO_PORTAL } from '../../../demo/carrier-portal/demoAccount'
import { ensureBuilt } from '../../../scripts/build'
import { startTestApp, type TestApp } from '../../support/app'
import { launchChromium, logIn as logInAs } from '../../support/browser'

const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-results')
let app: TestApp
let browser: Browser
let portal: Server
let portalUrl: string

const logIn = (email: string): Promise<Page> => logInAs(browser, app.url, email)
const control = (body: unknown) =>
  fetch(`${portalUrl}/__control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

beforeAll(async () => {
  ensureBuilt((line) => console.log(line))
  app = await startTestApp('e2e_scrape', { next: 'production', jobs: true })
  browser = await launchChromium()
  const server = createCarrierPortal({
    username: DEMO_PORTAL.username,
    password: DEMO_PORTAL.password,
    totpSecret: DEMO_PORTAL.totpSecret,
    rows: { count: 620, from: '2026-10-01', days: 31 },
  })
  portal = await new Promise<Server>((resolve) => {
    const s = server.listen(0, () => resolve(s))
  })
  portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
  await new Promise((resolve) => portal?.close(resolve))
})

/** Clicks "Run now" on the connector's page (for the days given, else its look-back period) and waits on the run's page until it has ended. */
async function runFromAdmin(
  page: Page,
  connectorId: number,
  period?: { from: string; to: string },
): Promise<{ id: number; status: string }> {
  await open(page, `${app.url}/admin/collections/carrier-connectors/${connectorId}`)
  if (period) {
    // Filled again until the button's own echo shows both days: a fill before React has hydrated the page is lost.
    for (let attempt = 1; ; attempt++) {
      await page.getByTestId('run-from').fill(period.from)
      await page.getByTestId('run-to').fill(period.to)
      if ((await page.getByTestId('run-period').innerText()) === `${period.from} – ${period.to}`) break
      if (attempt === 20) throw new Error('the run period never reached the Run now button')
      await page.waitForTimeout(250)
    }
  }
  await page.getByTestId('run-connector').click()
  await page.waitForURL(/\/admin\/collections\/scrape-runs\/\d+/)
  const id = Number(/scrape-runs\/(\d+)/.exec(page.url())![1])
  const status = async () => (await app.sql.query(`select status::text from scrape_runs where id = $1`, [id])).rows[0].status as string
  await expect.poll(status, { timeout: 90_000, interval: 500 }).toMatch(/^(completed|failed)$/)
  await open(page, page.url())
  return { id, status: await status() }
}

/**
 * Opens a page, again when Chromium aborted the navigation because the page was still navigating on its own (a
 * save's redirect, the button's reload): seen once on a loaded machine as net::ERR_ABORTED.
 */
async function open(page: Page, url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url)
      return
    } catch (err) {
      if (attempt === 3 || !String(err).includes('ERR_ABORTED')) throw err
      await page.waitForLoadState().catch(() => undefined)
    }
  }
}

describe('carrier portal scraping in the admin', () => {
  it('an admin stores the portal credentials, points the demo connector at the portal, runs it and sees the records arrive and reconcile; a changed portal fails with a diagnosis and a screenshot and raises the alert', async () => {
    const page = await logIn('admin@northwind.example')

    // Credentials: typed once, sealed, shown masked from then on.
    await page.goto(`${app.url}/admin/collections/portal-credentials/create`)
    await page.locator('#field-name').fill('Vertex login (test portal)')
    await page.locator('#field-username').fill(DEMO_PORTAL.username)
    await page.locator('#field-password').fill(DEMO_PORTAL.password)
    await page.locator('#field-totpSecret').fill(DEMO_PORTAL.totpSecret)
    await page.locator('#action-save').click()
    await page.waitForURL(/\/admin\/collections\/portal-credentials\/\d+/)
    await expect.poll(async () => page.locator('#field-password').inputValue()).toBe('••••••')
    expect(await page.content()).not.toContain(DEMO_PORTAL.password)

    // The seeded demo connector, pointed at this portal and this credential.
    const connector = (await app.sql.query(`select id from carrier_connectors where name = 'Vertex Wireless dealer portal'`)).rows[0]
      .id as number
    await page.goto(`${app.url}/admin/collections/carrier-connectors/${connector}`)
    await page.locator('#field-loginUrl').fill(`${portalUrl}/login`)
    await page.locator('#field-failureThreshold').fill('2')
    await page.locator('#field-credential').click()
    await page.locator('.rs__option', { hasText: 'Vertex login (test portal)' }).click()
    await page.locator('#action-save').click()
    await expect
      .poll(async () => (await app.sql.query(`select login_url from carrier_connectors where id = $1`, [connector])).rows[0].login_url)
      .toBe(`${portalUrl}/login`)

    const before = (await app.sql.query(`select count(*)::int as n from carrier_records`)).rows[0].n as number
    // October, the month the portal holds and the demo reconciliation covers (the look-back period moves with the clock).
    const ok = await runFromAdmin(page, connector, { from: '2026-10-01', to: '2026-10-31' })
    expect(ok.status).toBe('completed')
    expect(
      (await app.sql.query(`select period_from::text as "from", period_to::text as "to" from scrape_runs where id = $1`, [ok.id])).rows[0],
    ).toEqual({ from: '2026-10-01', to: '2026-10-31' })
    await expect.poll(async () => page.locator('#field-rowsFetched').inputValue()).toBe('620')
    await page.screenshot({ path: path.join(shots, 'scrape-run-completed.png'), fullPage: true })
    const after = (await app.sql.query(`select count(*)::int as n from carrier_records`)).rows[0].n as number
    const accepted = (await app.sql.query(`select accepted from scrape_runs where id = $1`, [ok.id])).rows[0].accepted as number
    expect(after - before).toBe(Number(accepted))
    expect(Number(accepted)).toBeGreaterThan(500)

    // The scraped October records reconcile: the demo run, run again, now counts them (no dealer reported them).
    const reconRun = (await app.sql.query(`select id from reconciliation_runs where title like 'VTX%'`)).rows[0].id as number
    const unreported = async () =>
      (
        await app.sql.query(
          `select (summary->'classes'->'not_reported'->>'carrierRecords')::int as n, status::text from reconciliation_runs where id = $1`,
          [reconRun],
        )
      ).rows[0]
    await expect.poll(async () => (await unreported()).status, { timeout: 60_000 }).toBe('completed')
    const notReportedBefore = (await unreported()).n as number
    await page.goto(`${app.url}/admin/collections/reconciliation-runs/${reconRun}`)
    await page.getByTestId('rerun').click()
    await expect.poll(async () => (await unreported()).n, { timeout: 60_000 }).toBeGreaterThan(notReportedBefore + 500)

    // The portal changes its layout: the next runs fail with the step and selector, a screenshot, and an alert.
    await control({ layout: 'changed' })
    const drift = await runFromAdmin(page, connector)
    expect(drift.status).toBe('failed')
    await expect.poll(async () => page.locator('#field-diagnosis').inputValue()).toContain('step 11 (readTable "table#activations")')
    await page.screenshot({ path: path.join(shots, 'scrape-run-drift.png'), fullPage: true })
    // The run keeps a screenshot of the portal page; staff open it from the run (served to the admin session).
    const shot = (
      await app.sql.query(`select e.url from scrape_runs r join scrape_evidence e on e.id = r.screenshot_id where r.id = $1`, [drift.id])
    ).rows[0]
    expect(shot.url).toMatch(new RegExp(`scrape-run-${drift.id}-attempt-\\d+\\.png$`))
    // Opened in the browser, as staff open it from the run (a navigation carries Sec-Fetch-Site, which Payload needs
    // to accept the session cookie on a request without an Origin).
    const image = await page.goto(`${app.url}${shot.url}`)
    expect(image?.status()).toBe(200)
    expect((await image!.body()).subarray(0, 4).toString('hex')).toBe('89504e47')
    await runFromAdmin(page, connector)
    await page.goto(`${app.url}/admin/collections/notifications`)
    await expect
      .poll(async () => page.locator('table tbody').innerText(), { timeout: 30_000 })
      .toContain('Carrier portal "Vertex Wireless dealer portal" is failing')
    await control({ layout: 'standard' })
    await page.context().close()
  }, 300_000)
})
