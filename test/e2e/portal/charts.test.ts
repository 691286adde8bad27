import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { LINE_COMPONENT_LABELS, type LineComponent } from '../../../engine/commission/components/types'
import { DEMO_PASSWORD } from '../../../seed/network/data'
import { ensureBuilt } from '../../../scripts/build'
import { startTestApp, type TestApp } from '../../support/app'
import { PHONE, launchChromium, logInPortalOnPhone, pageScrollWidth } from '../../support/browser'
import { Api } from '../../support/http'

const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-results')
const BAY = 'charts@baymobile.example'
const VALLEY = 'charts@valleycellular.example'
const MONTH = '2026-10'
const POSTED = `r.mode = 'post' and r.status in ('awaiting_approval', 'approved', 'locked')`

let app: TestApp
let browser: Browser
let runId: number
let bayId: number
let statementId: number

async function until(what: string, check: () => Promise<boolean>, timeout = 180_000): Promise<void> {
  const deadline = Date.now() + timeout
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeout / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/** "USD 1,234.50" from the database's "1234.50" (the test's own formatting, not the product's). */
function usd(text: string): string {
  const negative = text.startsWith('-')
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.')
  return `USD ${negative ? '-' : ''}${whole!.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`
}

/** Component → amount ("1234.50") rows from SQL, as a plain object. */
async function amounts(sql: string, params: unknown[]): Promise<Record<string, string>> {
  const rows = (await app.sql.query<{ c: string; t: string }>(sql, params)).rows
  return Object.fromEntries(rows.map((r) => [r.c, r.t]))
}

const label = (component: string) => LINE_COMPONENT_LABELS[component as LineComponent] ?? component

/**
 * The demo as the server's worker leaves it (Vertex October reconciled), the dealer plan's October run posted (made
 * here unless the demo already has one) with its statements, and portal logins for two dealers: Bay Mobile Store
 * (DLR-0101) and Valley Cellular (DLR-0102).
 */
beforeAll(async () => {
  ensureBuilt((line) => console.log(line))
  app = await startTestApp('e2e_portal_charts', { next: 'production', jobs: true })
  browser = await launchChromium()
  fs.mkdirSync(shots, { recursive: true })
  await until('the demo reconciliation', async () =>
    (await app.sql.query(`select status::text as s from reconciliation_runs`)).rows.some((r) => r.s === 'completed'),
  )
  const admin = await Api.login(app.url, 'admin@northwind.example')
  const id = async (sql: string) => (await app.sql.query(sql)).rows[0]?.id as number | undefined
  const plan = (await id(`select id from compensation_plans where name = 'Telecom dealer plan'`))!
  const period = (await id(`select id from commission_periods where label = 'Oct 2026'`))!
  const existing = await id(`select id from commission_runs where plan_id = ${plan} and period_id = ${period} and mode = 'post'`)
  if (existing) runId = existing
  else {
    const run = await admin.post('/api/commission-runs', { plan, period, mode: 'post' })
    if (run.status !== 201) throw new Error(`commission run: ${JSON.stringify(run.body)}`)
    runId = run.body.doc.id
  }
  await until('the October commission run', async () =>
    ['awaiting_approval', 'approved', 'locked'].includes(
      (await app.sql.query(`select status::text as s from commission_runs where id = $1`, [runId])).rows[0]?.s,
    ),
  )
  bayId = (await id(`select id from participants where code = 'DLR-0101'`))!
  const statementOf = async () =>
    (await app.sql.query(`select id from commission_statements where run_id = $1 and participant_id = $2`, [runId, bayId])).rows[0]?.id
  if (!(await statementOf())) {
    const queued = await admin.post(`/api/commission-runs/${runId}/statements`, {})
    if (queued.status !== 202) throw new Error(`statements: ${JSON.stringify(queued.body)}`)
    await until('Bay Mobile’s October statement', async () => Boolean(await statementOf()))
  }
  statementId = await statementOf()
  for (const [email, code, name] of [
    [BAY, 'DLR-0101', 'Bianca Bay'],
    [VALLEY, 'DLR-0102', 'Victor Valley'],
  ] as const) {
    const login = await admin.post('/api/users', {
      email,
      name,
      password: DEMO_PASSWORD,
      participant: await id(`select id from participants where code = '${code}'`),
      roles: ['agent'],
    })
    if (login.status !== 201) throw new Error(`login ${email}: ${JSON.stringify(login.body)}`)
  }
}, 900_000)
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

const portalOnPhone = (email: string): Promise<Page> => logInPortalOnPhone(browser, app.url, email)

/** Nothing scrolls the page sideways at phone width. */
async function noSideScroll(page: Page, where: string): Promise<void> {
  const width = await pageScrollWidth(page)
  expect([where, width]).toEqual([where, PHONE.width])
}

describe('a dealer reads their earnings by month and component, and a statement’s breakdown', () => {
  it('the home’s trend shows October and each component’s amount as the posted lines add up, without side scroll at 390 px', async () => {
    const month = await amounts(
      `select l.component::text as c, sum(l.amount)::numeric(20, 2)::text as t
         from commission_lines l join commission_runs r on r.id = l.run_id join commission_periods p on p.id = l.period_id
        where l.payee_id = $1 and ${POSTED} and to_char(p.starts_on, 'YYYY-MM') = $2 group by 1 having sum(l.amount) <> 0`,
      [bayId, MONTH],
    )
    const window = await amounts(
      `select l.component::text as c, sum(l.amount)::numeric(20, 2)::text as t
         from commission_lines l join commission_runs r on r.id = l.run_id join commission_periods p on p.id = l.period_id
        where l.payee_id = $1 and ${POSTED}
          and p.starts_on >= date_trunc('month', now()) - interval '11 months' and p.starts_on < date_trunc('month', now()) + interval '1 month'
        group by 1`,
      [bayId],
    )
    const monthTotal = (
      await app.sql.query<{ t: string }>(
        `select sum(l.amount)::numeric(20, 2)::text as t
           from commission_lines l join commission_runs r on r.id = l.run_id join commission_periods p on p.id = l.period_id
          where l.payee_id = $1 and ${POSTED} and to_char(p.starts_on, 'YYYY-MM') = $2`,
        [bayId, MONTH],
      )
    ).rows[0]!.t
    expect(Object.keys(month).length).toBeGreaterThan(0)

    const page = await portalOnPhone(BAY)
    const trend = page.locator('[data-testid="earnings-trend"][data-currency="USD"]')
    await trend.waitFor()
    await noSideScroll(page, 'home')
    expect(await trend.getByTestId('trend-month').count()).toBe(12)
    // The legend: every component with its twelve-month total, and its pattern swatch.
    const legend = await trend
      .getByTestId('trend-legend')
      .evaluateAll((items) =>
        items.map((li) => [
          li.getAttribute('data-component'),
          li.querySelector('.chart-label')!.textContent,
          li.querySelector('[data-testid="trend-legend-total"]')!.textContent,
          li.querySelector('svg')!.getAttribute('data-pattern'),
        ]),
      )
    expect(Object.fromEntries(legend.map(([c, l, t]) => [c, [l, t]]))).toEqual(
      Object.fromEntries(Object.entries(window).map(([c, t]) => [c, [label(c), usd(t)]])),
    )
    expect(new Set(legend.map((row) => row[3])).size).toBe(legend.length)

    const october = trend.locator(`[data-testid="trend-month"][data-month="${MONTH}"]`)
    expect(await october.locator('.trend-label').innerText()).toContain('Oct 2026')
    expect(await october.getByTestId('trend-month-total').innerText()).toBe(usd(monthTotal))
    if ((await october.getAttribute('open')) === null) await october.locator('summary').click()
    const parts = await october
      .getByTestId('trend-part')
      .evaluateAll((items) =>
        items.map((li) => [
          li.getAttribute('data-component'),
          li.querySelector('.chart-label')!.textContent,
          li.querySelector('[data-testid="trend-part-amount"]')!.textContent,
        ]),
      )
    expect(Object.fromEntries(parts.map(([c, l, t]) => [c, [l, t]]))).toEqual(
      Object.fromEntries(Object.entries(month).map(([c, t]) => [c, [label(c), usd(t)]])),
    )
    // The bar draws one patterned segment per component of the month.
    expect((await october.locator('svg.chart-bar rect').evaluateAll((r) => r.map((x) => x.getAttribute('data-component')))).sort()).toEqual(
      Object.keys(month).sort(),
    )
    // The screen-reader table has the month's row with the same total.
    expect(await trend.getByTestId('trend-table').locator('tbody tr', { hasText: 'Oct 2026' }).locator('td').last().textContent()).toBe(
      usd(monthTotal),
    )
    await noSideScroll(page, 'home, October open')
    await page.screenshot({ path: path.join(shots, 'portal-earnings-trend-390.png'), fullPage: true })

    // The statements list links to the statement page.
    await page.locator(`[data-testid="statement-open"][href="/portal/statements/${statementId}"]`).click()
    await page.waitForURL(new RegExp(`/portal/statements/${statementId}$`))
    await page.getByTestId('statement-breakdown').waitFor()
    await noSideScroll(page, 'statement')
    await page.screenshot({ path: path.join(shots, 'portal-statement-390.png'), fullPage: true })
    await page.context().close()
  })

  it('the statement page’s breakdown chart names each component with its amount and the total, as the run’s lines add up', async () => {
    const expected = await amounts(
      `select component::text as c, sum(amount)::numeric(20, 2)::text as t from commission_lines where run_id = $1 and payee_id = $2 group by 1`,
      [runId, bayId],
    )
    const total = (
      await app.sql.query<{ t: string; n: number }>(
        // n: the lines the page lists, at most 200 of each component.
        `select sum(t)::numeric(20, 2)::text as t, sum(least(n, 200))::int as n
           from (select sum(amount) as t, count(*) as n from commission_lines where run_id = $1 and payee_id = $2 group by component) g`,
        [runId, bayId],
      )
    ).rows[0]!
    const page = await portalOnPhone(BAY)
    await page.goto(`${app.url}/portal/statements/${statementId}`)
    const chart = page.getByTestId('statement-breakdown')
    const rows = await chart
      .getByTestId('breakdown-row')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.getAttribute('data-component'),
          tr.querySelector('[data-testid="breakdown-label"]')!.textContent,
          tr.querySelector('[data-testid="breakdown-amount"]')!.textContent,
        ]),
      )
    expect(Object.fromEntries(rows.map(([c, l, t]) => [c, [l, t]]))).toEqual(
      Object.fromEntries(Object.entries(expected).map(([c, t]) => [c, [label(c), usd(t)]])),
    )
    expect(await chart.getByTestId('breakdown-total').innerText()).toBe(usd(total.t))
    expect(await page.getByTestId('statement-detail-total').innerText()).toBe(usd(total.t))
    expect(await page.getByTestId('statement-detail-line').count()).toBe(total.n)
    await noSideScroll(page, 'statement')
    await page.context().close()
  })

  it('over HTTP, only the statement’s own dealer opens it: the other dealer, a made-up id and a non-number get 404', async () => {
    const bay = await Api.login(app.url, BAY)
    const valley = await Api.login(app.url, VALLEY)
    const mine = await bay.get(`/portal/statements/${statementId}`)
    expect(mine.status).toBe(200)
    expect(mine.body).toContain('data-testid="statement-breakdown"')
    const theirs = await valley.get(`/portal/statements/${statementId}`)
    expect(theirs.status).toBe(404)
    expect(theirs.body).not.toContain('statement-breakdown')
    expect((await bay.get(`/portal/statements/999999`)).status).toBe(404)
    expect((await bay.get(`/portal/statements/abc`)).status).toBe(404)
  })

  it('the PDF statement prints the breakdown: each component’s label and amount under "By component"', async () => {
    const expected = await amounts(
      `select component::text as c, sum(amount)::numeric(20, 2)::text as t from commission_lines where run_id = $1 and payee_id = $2 group by 1`,
      [runId, bayId],
    )
    const bay = await Api.login(app.url, BAY)
    const pdf = await bay.download(`/api/commission-statements/${statementId}/pdf`)
    expect(pdf.status).toBe(200)
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.data)), { mergePages: true })
    const flat = text.replace(/\s+/g, ' ')
    const start = flat.indexOf('By component')
    expect(start).toBeGreaterThan(-1)
    const chart = flat.slice(start, flat.indexOf('Subtotal ·', start))
    for (const [component, amount] of Object.entries(expected)) expect(chart).toContain(`${label(component)} ${usd(amount)}`)
  })
})
