import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signLink } from '../../../engine/proposals/signedLink'
import { linkSecret } from '../../../modules/proposals/responseLink'
import { DEMO_PASSWORD } from '../../../seed/network/data'
import { ensureBuilt } from '../../../scripts/build'
import { startTestApp, type TestApp } from '../../support/app'
import { launchChromium, logIn } from '../../support/browser'
import { Api } from '../../support/http'
import { readXlsx } from '../../support/telecom'

const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-results')
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-downloads-'))
const PHONE = { width: 390, height: 844 }
const DEALER = 'owner@baymobile.example'
const COMMENT = 'We activated this line on the 4th; the customer still uses it. Please check again with Vertex.'

let app: TestApp
let browser: Browser

async function until(what: string, check: () => Promise<boolean>, timeout = 120_000): Promise<void> {
  const deadline = Date.now() + timeout
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeout / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/**
 * The demo data as the server's own worker leaves it (Vertex October reconciled, the month's commission run posted),
 * plus a portal login for Bay Mobile Store (DLR-0101): the demo has no login attached to a dealer.
 */
beforeAll(async () => {
  ensureBuilt((line) => console.log(line))
  app = await startTestApp('e2e_portal_sales', { next: 'production', jobs: true })
  browser = await launchChromium()
  fs.mkdirSync(shots, { recursive: true })
  await until(
    'the demo reconciliation',
    async () => (await app.sql.query(`select status::text as s from reconciliation_runs`)).rows[0]?.s === 'completed',
  )
  const admin = await Api.login(app.url, 'admin@northwind.example')
  const id = async (sql: string) => (await app.sql.query(sql)).rows[0].id as number
  const run = await admin.post('/api/commission-runs', {
    plan: await id(`select id from compensation_plans where name = 'Telecom dealer plan'`),
    period: await id(`select id from commission_periods where label = 'Oct 2026'`),
    mode: 'post',
  })
  if (run.status !== 201) throw new Error(`commission run: ${JSON.stringify(run.body)}`)
  await until(
    'the October commission run',
    async () =>
      (await app.sql.query(`select status::text as s from commission_runs where id = $1`, [run.body.doc.id])).rows[0]?.s ===
      'awaiting_approval',
  )
  const login = await admin.post('/api/users', {
    email: DEALER,
    name: 'Bianca Bay',
    password: DEMO_PASSWORD,
    participant: await id(`select id from participants where code = 'DLR-0101'`),
    roles: ['agent'],
  })
  if (login.status !== 201) throw new Error(`dealer login: ${JSON.stringify(login.body)}`)
}, 600_000)
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

/** Logs into the partner portal at phone width in a fresh context. */
async function portalOnPhone(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, acceptDownloads: true, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  await page.goto(`${app.url}/portal`)
  await page.waitForURL(/\/portal\/login/)
  await noSideScroll(page, 'login')
  await page.locator('#email').fill(email)
  await page.locator('#password').fill(DEMO_PASSWORD)
  await page.getByTestId('portal-login').click()
  await page.waitForURL(/\/portal$/)
  return page
}

/** The page scrolls sideways by nothing at phone width: whatever is wide scrolls inside its own box. */
async function noSideScroll(page: Page, where: string): Promise<void> {
  const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth))
  expect([where, width]).toEqual([where, PHONE.width])
}

describe('a dealer reads why a sale was not paid and disputes it; staff see the dispute', () => {
  let discrepancyId: number
  let saleId: string

  it('on a phone, the dealer finds an unpaid sale in My sales, reads why, disputes it, and downloads the month', async () => {
    const page = await portalOnPhone(DEALER)
    await noSideScroll(page, 'home')

    await page.getByRole('link', { name: 'My sales' }).click()
    await page.waitForURL(/\/portal\/sales/)
    expect(await page.locator('h2').first().innerText()).toBe('My sales · Oct 2026')
    await noSideScroll(page, 'my sales')
    const all = await page.getByTestId('portal-sale').count()
    expect(all).toBeGreaterThan(10)
    // Both kinds are on the page: sales paid to the cent, and sales not paid.
    expect(await page.locator('[data-testid="portal-sale"][data-paid="yes"]').first().getByTestId('sale-paid').innerText()).toMatch(
      /^USD \d+\.\d\d$/,
    )

    await page.getByTestId('sales-unpaid-filter').click()
    await page.waitForURL(/unpaid=1/)
    await expect.poll(async () => page.locator('[data-testid="portal-sale"][data-paid="yes"]').count()).toBe(0)
    const card = page.locator('[data-testid="portal-sale"][data-status="not_with_carrier"]').first()
    saleId = (await card.getAttribute('data-sale-id'))!
    expect(await card.getByTestId('sale-status').innerText()).toBe('Not found at the carrier')
    expect(await card.getByTestId('sale-paid').innerText()).toBe('Not paid')
    expect(await card.getByTestId('sale-reason').innerText()).toBe(
      "Not found at the carrier: The carrier's records for the period have no line with these identifiers, so nothing is paid until it is verified.",
    )

    await card.getByText('Dispute this line').click()
    await card.getByTestId('sale-dispute-comment').fill(COMMENT)
    await noSideScroll(page, 'dispute form open')
    await card.getByTestId('sale-dispute-send').click()
    const same = page.locator(`[data-testid="portal-sale"][data-sale-id="${saleId}"]`)
    await expect.poll(async () => same.getByTestId('sale-disputed').count(), { timeout: 30_000 }).toBe(1)
    expect(await same.getByTestId('sale-disputed').innerText()).toMatch(
      /^You disputed this line on \d{4}-\d\d-\d\d \d\d:\d\d UTC; it is open with our team\.$/,
    )
    await page.screenshot({ path: path.join(shots, 'portal-sales-390.png'), fullPage: true })
    await noSideScroll(page, 'after the dispute')

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sales-export').click()])
    expect(file.suggestedFilename()).toBe('my-sales-2026-10.xlsx')
    const target = path.join(downloads, file.suggestedFilename())
    await file.saveAs(target)
    const { rows } = await readXlsx(fs.readFileSync(target))
    expect(rows).toHaveLength(all + 1)
    expect(new Set(rows.slice(1).map((r) => r[2]))).toEqual(new Set(['DLR-0101']))
    expect(rows.slice(1).filter((r) => r[13] instanceof Date)).toHaveLength(1)

    const found = await app.sql.query<{ id: number }>(
      `select id from discrepancies where sale_id = $1 and dealer_disputed_at is not null`,
      [Number(saleId)],
    )
    expect(found.rowCount).toBe(1)
    discrepancyId = found.rows[0]!.id
    await page.context().close()
  })

  it('staff open the discrepancy in the admin and read the dealer’s comment and the dispute time', async () => {
    const page = await logIn(browser, app.url, 'admin@northwind.example')
    await page.goto(`${app.url}/admin/collections/discrepancies/${discrepancyId}`)
    await expect
      .poll(async () => page.locator('textarea').evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value)), {
        timeout: 30_000,
      })
      .toContain(`Dealer dispute: ${COMMENT}`)
    const year = String(new Date().getUTCFullYear())
    await expect.poll(async () => page.locator('#field-dealerDisputedAt input').inputValue(), { timeout: 30_000 }).toContain(year)
    await page.screenshot({ path: path.join(shots, 'discrepancy-dealer-dispute.png'), fullPage: true })

    await page.goto(`${app.url}/admin/collections/discrepancies?where[dealerDisputedAt][exists]=true`)
    await expect.poll(async () => page.locator('.table tbody tr').count(), { timeout: 30_000 }).toBe(1)
    expect(await page.locator('.table thead').innerText()).toContain('Disputed by the dealer')
  })
})

describe('every portal page at 390 px', () => {
  it('an agent with a proposal, the territory owner above two dealers, and the prospect’s answer page scroll no page sideways', async () => {
    // A proposal, so the agent's home has rows in its tables and the answer page has a services table.
    const agent = await Api.login(app.url, 'leo.park@summit.example')
    const territory = (await agent.get('/api/territories?where[code][equals]=US-W&depth=0')).body.docs[0].id
    const prospect = await agent.post('/api/prospects', {
      company: 'Redwood Logistics International Holdings',
      territory,
      contacts: [{ name: 'Jo Reyes', email: 'jo@redwood.example' }],
    })
    const service = (await agent.get('/api/services?where[code][equals]=MGD-MOB&depth=0')).body.docs[0].id
    const proposal = await agent.post('/api/proposals', { prospect: prospect.body.doc.id, services: [{ service, quantity: 2 }] })
    expect(proposal.status, JSON.stringify(proposal.body)).toBe(201)

    const home = await portalOnPhone('leo.park@summit.example')
    expect(await home.getByTestId('portal-proposals-row').count()).toBe(1)
    await noSideScroll(home, 'agent home')
    await home.screenshot({ path: path.join(shots, 'portal-home-390.png'), fullPage: true })
    await home.goto(`${app.url}/portal/sales`)
    await noSideScroll(home, 'agent sales (none)')

    const owner = await portalOnPhone('admin@pacific.example')
    await owner.getByRole('link', { name: 'My sales' }).click()
    await owner.waitForURL(/\/portal\/sales/)
    expect(
      new Set(await owner.getByTestId('portal-sale').evaluateAll((cards) => cards.map((c) => c.querySelector('dd')!.textContent))),
    ).toEqual(new Set(['Bay Mobile Store (DLR-0101)', 'Valley Cellular (DLR-0102)']))
    await noSideScroll(owner, 'territory owner sales')

    const expiresAt = new Date(Date.now() + 86_400_000).toISOString()
    const token = signLink({ proposalId: proposal.body.doc.id, action: 'respond', expiresAt }, linkSecret(app.payload))
    await home.goto(`${app.url}/respond/${token}`)
    expect(await home.getByTestId('respond-title').innerText()).toBe('A proposal for Redwood Logistics International Holdings')
    await noSideScroll(home, 'answer page')
    await home.goto(`${app.url}/respond/${token.slice(0, -4)}AAAA`)
    await home.getByTestId('respond-refused').waitFor()
    await noSideScroll(home, 'answer page refused')
  })
})
