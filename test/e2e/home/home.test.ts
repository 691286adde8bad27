/**
 * The operations home in Chromium on the demo with a year of history: a company admin, finance, a partner admin and
 * an agent each log in and land on the home (the admin's root), whose items are exactly the ones their access lets
 * them read, each count equal to a count written here in SQL from the item's meaning and the login's scope (staff the
 * whole network, others their participant's subtree), and whose links open the list filtered to those same rows.
 * Screenshots of the home go to test-results/ (the README shows them).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureBuilt } from '../../../scripts/build'
import { startTestApp, type TestApp } from '../../support/app'
import { launchChromium, logIn, logInPortalOnPhone, pageScrollWidth, PHONE } from '../../support/browser'

const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-results')
const REUSE_BUILD = process.env.ACCRUE_E2E_REUSE_BUILD === '1'
const today = new Date().toISOString().slice(0, 10)

/** Who is looking: the login's id, its participant, and the subtree segment it is limited to (null for staff). */
type Viewer = { userId: number; participantId: number; scope: string | null }

/** Days before today at UTC midnight, the way the home's filters bound "created N days ago". */
const daysAgo = (n: number) => `((v.today - ${n})::timestamp at time zone 'UTC')`

/**
 * Each item's meaning in SQL (the item list of the issue) over `t`, the item's table, and `v`: `v.today`, `v.user_id`,
 * `v.participant_id`; `scopeBy` names the row's participant column, which a login outside the staff must reach.
 */
const ITEMS: Record<string, { table: string; scopeBy: string | null; where: string }> = {
  'imports-failed': { table: 'imports', scopeBy: null, where: `t.status = 'failed' and t.created_at >= ${daysAgo(30)}` },
  'imports-rejects': { table: 'imports', scopeBy: null, where: `t.rejected > 0 and t.created_at >= ${daysAgo(30)}` },
  'scrapes-failing': { table: 'scrape_runs', scopeBy: null, where: `t.status = 'failed' and t.created_at >= ${daysAgo(7)}` },
  'discrepancies-mine': { table: 'discrepancies', scopeBy: 'dealer_id', where: `t.status = 'open' and t.owner_id = v.user_id` },
  'discrepancies-open-week': { table: 'discrepancies', scopeBy: 'dealer_id', where: `t.status = 'open' and t.created_at >= ${daysAgo(7)}` },
  'discrepancies-open-month': {
    table: 'discrepancies',
    scopeBy: 'dealer_id',
    where: `t.status = 'open' and t.created_at >= ${daysAgo(30)} and t.created_at < ${daysAgo(7)}`,
  },
  'discrepancies-open-older': {
    table: 'discrepancies',
    scopeBy: 'dealer_id',
    where: `t.status = 'open' and t.created_at < ${daysAgo(30)}`,
  },
  'discrepancies-disputed': { table: 'discrepancies', scopeBy: 'dealer_id', where: `t.status = 'disputed'` },
  'runs-awaiting-approval': { table: 'commission_runs', scopeBy: null, where: `t.status = 'awaiting_approval'` },
  'batches-to-release': { table: 'payment_batches', scopeBy: null, where: `t.status = 'ready'` },
  'batches-failed': { table: 'payment_batches', scopeBy: null, where: `t.status = 'failed'` },
  'proposals-waiting-for-me': {
    table: 'proposals',
    scopeBy: 'author_participant_id',
    where: `t.status = 'submitted' and t.waiting_for_id = v.participant_id`,
  },
  'proposals-returned-to-me': {
    table: 'proposals',
    scopeBy: 'author_participant_id',
    where: `t.status = 'returned' and t.author_id = v.user_id`,
  },
  'claims-in-review': { table: 'rebate_claims', scopeBy: 'partner_id', where: `t.status = 'in_review'` },
  'claims-finance-review': { table: 'rebate_claims', scopeBy: 'partner_id', where: `t.status = 'finance_review'` },
  'invoices-approval-needed': { table: 'carrier_invoices', scopeBy: null, where: `t.status = 'approval_needed'` },
  'invoices-problems': { table: 'carrier_invoices', scopeBy: null, where: `t.status in ('on_hold', 'error')` },
  'tickets-mine': {
    table: 'tickets',
    scopeBy: 'consultant_id',
    where: `t.assignee_id = v.user_id and t.status in ('open', 'in_progress')`,
  },
  'tickets-open': { table: 'tickets', scopeBy: 'consultant_id', where: `t.status in ('open', 'in_progress', 'waiting_on_consultant')` },
  'notifications-open': { table: 'notifications', scopeBy: null, where: `t.acknowledged is not true` },
}

/** The items a login outside the staff sees: those on collections its participant's subtree may read. */
const SUBTREE_ITEMS = Object.keys(ITEMS).filter((key) => ITEMS[key]!.scopeBy !== null)
const STAFF_ITEMS = Object.keys(ITEMS)

const LOGINS = [
  { email: 'admin@northwind.example', staff: true, items: STAFF_ITEMS },
  { email: 'finance@northwind.example', staff: true, items: STAFF_ITEMS },
  { email: 'admin@summit.example', staff: false, items: SUBTREE_ITEMS },
  { email: 'leo.park@summit.example', staff: false, items: SUBTREE_ITEMS },
]

let app: TestApp
let browser: Browser

beforeAll(async () => {
  if (!REUSE_BUILD) ensureBuilt((line) => console.log(line))
  app = await startTestApp('e2e_home', { next: 'production', history: true })
  browser = await launchChromium()
  fs.mkdirSync(shots, { recursive: true })
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

async function viewerOf(email: string, staff: boolean): Promise<Viewer> {
  const row = (
    await app.sql.query<{ id: number; participant_id: number }>(`select id, participant_id from users where email = $1`, [email])
  ).rows[0]!
  return { userId: row.id, participantId: row.participant_id, scope: staff ? null : `/${row.participant_id}/` }
}

async function expectedCount(key: string, viewer: Viewer): Promise<number> {
  const item = ITEMS[key]!
  const join = item.scopeBy ? `left join participants p on p.id = t.${item.scopeBy}` : ''
  const scope = item.scopeBy ? `and (v.scope is null or p.path like '%' || v.scope || '%')` : `and v.scope is null`
  const rows = await app.sql.query<{ n: number }>(
    `with v as (select $1::date as today, $2::text as scope, $3::int as user_id, $4::int as participant_id)
     select count(*)::int as n from v, ${item.table} t ${join} where ${item.where} ${scope}`,
    [today, viewer.scope, viewer.userId, viewer.participantId],
  )
  return rows.rows[0]!.n
}

async function shownItems(page: Page): Promise<Map<string, number>> {
  const items = page.locator('[data-testid^="ops-count-"]')
  const shown = new Map<string, number>()
  for (let i = 0; i < (await items.count()); i++) {
    const testId = (await items.nth(i).getAttribute('data-testid'))!
    shown.set(testId.replace('ops-count-', ''), Number(await items.nth(i).textContent()))
  }
  return shown
}

/** The number of rows the admin list shows: "1-10 of 25" in its page controls, or the table's rows, or 0. */
async function listCount(page: Page): Promise<number> {
  await page.locator('.collection-list, .list-controls').first().waitFor({ timeout: 30_000 })
  const info = page.locator('.page-controls__page-info')
  if ((await info.count()) > 0) {
    const text = (await info.first().textContent()) ?? ''
    const match = /of\s+([\d,]+)/.exec(text)
    if (match) return Number(match[1]!.replace(/,/g, ''))
  }
  return page.locator('.collection-list table tbody tr').count()
}

describe('the operations home', () => {
  it('seeds a demo where every login has something on its home', async () => {
    const statuses = await app.sql.query<{ status: string }>(`select distinct status::text as status from discrepancies order by 1`)
    expect(statuses.rows.map((r) => r.status)).toEqual(['disputed', 'open', 'resolved', 'written_off'])
  })

  for (const login of LOGINS) {
    it(`${login.email} lands on a home whose counts match the database, with links to the filtered lists`, async () => {
      const viewer = await viewerOf(login.email, login.staff)
      const page = await logIn(browser, app.url, login.email)
      await page.goto(`${app.url}/admin`)
      await page.locator('[data-testid="ops-home"]').waitFor({ timeout: 60_000 })
      const shown = await shownItems(page)
      expect([...shown.keys()].sort()).toEqual([...login.items].sort())
      let nonZero = 0
      for (const key of login.items) {
        const expected = await expectedCount(key, viewer)
        expect(shown.get(key), `${login.email}: ${key}`).toBe(expected)
        if (expected > 0) nonZero++
      }
      expect(nonZero, `${login.email} has something to do on the demo`).toBeGreaterThan(0)
      await page.screenshot({
        path: path.join(shots, `home-${login.email.split('@')[0]}-${login.email.split('@')[1]!.split('.')[0]}.png`),
        fullPage: true,
      })

      // Every non-empty item's link opens its list filtered to the same rows, as this login reads them.
      for (const key of login.items) {
        if (shown.get(key)! === 0) continue
        const href = await page.locator(`[data-testid="ops-link-${key}"]`).getAttribute('href')
        expect(href).toMatch(/^\/admin\/collections\/[a-z-]+\?where/)
        const list = await page.context().newPage()
        await list.goto(`${app.url}${href}`)
        expect(await listCount(list), `${login.email}: list behind ${key}`).toBe(shown.get(key))
        await list.close()
      }
      await page.context().close()
    }, 300_000)
  }

  it('shows the headline figures with their trend, and Accrue’s own face', async () => {
    const page = await logIn(browser, app.url, 'finance@northwind.example')
    await page.goto(`${app.url}/admin`)
    const paid = page.locator('[data-testid="ops-figure-paid:USD"]')
    await paid.waitFor()
    const month = today.slice(0, 7)
    const lastMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7)
    const paidIn = async (m: string) =>
      (
        await app.sql.query<{ total: string }>(
          `select to_char(coalesce(sum(amount), 0), 'FM999,999,990.00') as total from payments
            where status = 'paid' and to_char(paid_at at time zone 'UTC', 'YYYY-MM') = $1`,
          [m],
        )
      ).rows[0]!.total
    expect(await page.locator('[data-testid="ops-figure-value-paid:USD"]').textContent()).toBe(`USD ${await paidIn(month)}`)
    expect(await paid.textContent()).toContain(`(USD ${await paidIn(lastMonth)})`)
    expect(await paid.locator('svg rect').count()).toBe(6)
    await expect(page.locator('[data-testid="ops-figure-leakage:USD"]').count()).resolves.toBe(1)
    // The icon in the navigation and the title are Accrue's, and the login page says what the product is.
    expect(await page.title()).toContain('Accrue')
    await page.context().close()
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    const login = await context.newPage()
    await login.goto(`${app.url}/admin/login`)
    await login.locator('[data-testid="accrue-logo"]').waitFor()
    expect(await login.locator('[data-testid="accrue-login-intro"]').textContent()).toContain('channel compensation')
    await login.screenshot({ path: path.join(shots, 'admin-login.png') })
    await context.close()
  }, 120_000)

  it('opens a new login’s discrepancy list oldest first and keeps the System group collapsed', async () => {
    const page = await logIn(browser, app.url, 'ops@northwind.example')
    await page.goto(`${app.url}/admin/collections/discrepancies`)
    await page.locator('.collection-list table tbody tr').first().waitFor()
    const firstHref = await page.locator('.collection-list table tbody tr').first().locator('a').first().getAttribute('href')
    const oldest = await app.sql.query<{ id: number }>(`select id from discrepancies order by created_at, id limit 1`)
    expect(firstHref).toMatch(new RegExp(`/admin/collections/discrepancies/${oldest.rows[0]!.id}$`))
    await page.goto(`${app.url}/admin`)
    await page.locator('[data-testid="ops-home"]').waitFor()
    expect(await page.locator('#nav-group-System, [id="nav-group-System"]').count()).toBe(1)
    expect(await page.locator('.nav-group.System').getAttribute('class')).toContain('nav-group--collapsed')
    await page.context().close()
  }, 120_000)

  it('fills the commission dashboard and the partner portal on the demo (screenshots for the README)', async () => {
    const admin = await logIn(browser, app.url, 'finance@northwind.example')
    await admin.goto(`${app.url}/admin/commission-dashboard`)
    await admin.locator('svg.recharts-surface').first().waitFor({ timeout: 60_000 })
    expect(await admin.getByText('No posted runs yet').count()).toBe(0)
    await admin.screenshot({ path: path.join(shots, 'demo-commission-dashboard.png'), fullPage: true })
    await admin.context().close()

    const portal = await logInPortalOnPhone(browser, app.url, 'admin@summit.example')
    expect(await portal.locator('[data-testid="portal-statement"]').count()).toBeGreaterThan(0)
    expect(await portal.getByText('No payments yet').count()).toBe(0)
    expect(await pageScrollWidth(portal)).toBeLessThanOrEqual(PHONE.width)
    await portal.screenshot({ path: path.join(shots, 'demo-portal-390.png') })
    await portal.context().close()
  }, 180_000)
})
