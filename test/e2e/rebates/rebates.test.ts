/**
 * Promotions and rebates from governance to the ERP, in Chromium against the built admin and portal, the demo data and
 * the ERP stand-in (in this process; the server's own worker runs the imports and the memo pushes, as `npm start` does).
 *
 * (1) Channel operations (ops@northwind.example) drafts program E2E-SW-25 "E2E switch promotion" in the admin's edit
 *     form — per unit, USD, 2026-11-01..2026-12-31, SW-24P, 25.00 a unit, finance approval above 100.00, claim window
 *     90 days — saves it and submits it; approving it as ops is refused (maker-checker); finance approves it; ops
 *     publishes it. Every status change goes through the form.
 * (2) An admin imports Westgate's sell-through (.xlsx made with exceljs) with the demo's mapping "Westgate sell-through
 *     report": WG-8001/1 SW-24P 6 at 1,150.00 and WG-8001/2 SW-24P 2 at 1,150.00 on 11/24/2026 are accepted, WG-8002/1
 *     (part XX-999) is rejected with its reason (in the rejected rows workbook the import form offers).
 * (3) The dashboard shows the accruals. (4) Westgate (rebates@westgate.example) uploads a claim sheet in the portal at
 *     390 px. (5) It disputes a rejected line with a PDF; ops accepts it at another amount and approves the claim; the
 *     ERP is set to fail the next request; finance approves. (6) The memo reaches the ERP once, on the job's retry.
 * (7) The dashboard, the journal, the memo and the portal agree to the cent.
 *
 * Worked by hand (demo figures from test/int/rebates/flow.test.ts: accrued 9,737.20 in all, DIST-WEST 4,220.00; no
 * claims and no memos in the demo):
 *
 *   Publishing E2E-SW-25 (every partner, region and tier; SW-24P sold 2026-11-01..12-31) accrues the demo's sale
 *     already in its dates: EL-10005/1 (DIST-EAST, 2026-11-18) 4 × 25.00 = 100.00. (The demo's other SW-24P sales are
 *     before November: WG-7002/1 09-03, WG-7101/1 10-08, EL-10002/1 10-14.) The brief expected 200.00 for the program
 *     row: it forgot EL-10005/1, which the program as specified (no partner or region limit) rightly pays.
 *   The import: WG-8001/1 6 × 25.00 = 150.00 and WG-8001/2 2 × 25.00 = 50.00 → E2E-SW-25 accrued 300.00.
 *     GROW-Q4-WEST (DIST-WEST, Q4 sales already above the baseline): 5 % × 8 × 1,150.00 = 5 % × 9,200.00 = 460.00
 *     → 1,045.60 + 460.00 = 1,505.60. Nothing else: Q4-AP-PROMO, PE-AP200-EAST and SD-CB10-WEST are other products,
 *     SW-NE-3PCT is US-NE (DIST-WEST is US-W), VOL-2026-GOLD gold only (DIST-WEST is silver), DEAL-REG-2026 needs a deal.
 *   Accrued: 9,737.20 + 100.00 + 150.00 + 50.00 + 460.00 = 10,497.20; DIST-WEST 4,220.00 + 660.00 = 4,880.00.
 *
 *   Claim CL-000001 (the first of the demo), uploaded by DIST-WEST:
 *     1 WG-8001/1 E2E-SW-25           approved 150.00
 *     2 WG-8001/2 E2E-SW-25           approved  50.00
 *     3 WG-7104/1 SD-CB10-WEST        rejected: sold at 21.00, above the agreed price 19.00
 *     4 WG-8001/1 E2E-SW-25, 7 units  rejected: claims 7 units; the sale was 6
 *     claimed 200.00, approved 200.00.
 *   Line 3 disputed and accepted by ops at 120 × (25.00 − 19.00) = 720.00 → approved 150.00 + 50.00 + 720.00 = 920.00
 *     > 100.00 (E2E-SW-25's finance threshold; SD-CB10-WEST's is the default 10,000.00) → finance review; finance
 *     approves → credit memo CM-000001 for 920.00, pushed once the ERP's one 503 is past.
 *
 *   Dashboard after the memo is issued (sales 2026-01-01..2026-12-31, USD):
 *     accrued 10,497.20; claimed = approved = paid = 920.00; unclaimed 10,497.20 − 150.00 − 50.00 = 10,297.20 (line 3
 *     has no accrual: SD-CB10-WEST accrued nothing on WG-7104/1); expired 0.00; 1 memo issued for 920.00.
 *     E2E-SW-25 row: accrued 300.00, claimed/approved/paid 200.00, unclaimed 100.00 (EL-10005/1).
 *     SD-CB10-WEST row: accrued 1,200.00 (WG-7101/2), claimed/approved/paid 720.00, unclaimed 1,200.00.
 *     GROW-Q4-WEST row: accrued 1,505.60, unclaimed 1,505.60, paid 0.00.
 *   Journal of the memo's month (today's): receivable (account 1200) credited 920.00; debits = credits.
 *   Portal balances for DIST-WEST: accrued 4,880.00, claimed 920.00, paid 920.00, unclaimed 4,880.00 − 200.00 = 4,680.00.
 */
import fs from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { Document, Page as PdfPage, renderToBuffer, Text } from '@react-pdf/renderer'
import type { Browser, Page } from 'playwright-core'
import React from 'react'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { createErpStandIn, type ErpState } from '../../../demo/erp/app'
import { ensureBuilt } from '../../../scripts/build'
import { DEMO_PASSWORD } from '../../../seed/network/data'
import { startTestApp, type TestApp } from '../../support/app'
import { launchChromium, logIn } from '../../support/browser'
import { Api } from '../../support/http'
import { readXlsx, xlsx } from '../../support/telecom'

const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-results')
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-rebates-'))
const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 900 }
const CODE = 'E2E-SW-25'
const PROGRAM = 'E2E switch promotion'
const OPS = 'ops@northwind.example'
const FINANCE = 'finance@northwind.example'
const WESTGATE = 'rebates@westgate.example'

let app: TestApp
let browser: Browser
let erp: { url: string; state: ErpState; server: Server }
let programId = 0
let claimId = 0
let claimNumber = ''
let memoId = 0
let memoNumber = ''

/** A decimal string in cents, so "920.0000" and "920.00" compare equal. */
const cents = (value: string | null | undefined): number => Math.round(Number(value ?? 'NaN') * 100)

async function control(body: unknown): Promise<void> {
  const res = await fetch(`${erp.url}/__control`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status).toBeLessThan(300)
}

beforeAll(async () => {
  ensureBuilt((line) => console.log(line))
  const { app: erpApp, state } = createErpStandIn({ clientId: 'accrue-e2e', clientSecret: 'erp-e2e-secret' })
  const server = await new Promise<Server>((resolve) => {
    const s = erpApp.listen(0, '127.0.0.1', () => resolve(s))
  })
  erp = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, state, server }
  process.env.ACCRUE_ERP_URL = erp.url
  process.env.ACCRUE_ERP_CLIENT_ID = 'accrue-e2e'
  process.env.ACCRUE_ERP_CLIENT_SECRET = 'erp-e2e-secret'
  process.env.ACCRUE_ERP_MAX_ATTEMPTS = '1'
  process.env.ACCRUE_ERP_TIMEOUT_MS = '2000'
  app = await startTestApp('e2e_rebates', { next: 'production', jobs: true })
  browser = await launchChromium()
  fs.mkdirSync(shots, { recursive: true })
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await new Promise<void>((resolve) => {
    if (!erp) return resolve()
    erp.server.closeAllConnections()
    erp.server.close(() => resolve())
  })
})

/** Picks an option of a relationship/select field, opening its menu again if a click landed before hydration. */
async function choose(page: Page, field: string, option: string | RegExp, search?: string): Promise<void> {
  const item = page.locator('.rs__option', { hasText: option }).first()
  await vi.waitFor(
    async () => {
      if (!(await page.locator('.rs__menu').isVisible())) {
        await page.locator(`#field-${field}`).click()
        if (search) await page.locator(`#field-${field} input`).first().fill(search)
      }
      await item.waitFor({ state: 'visible', timeout: 5_000 })
    },
    { timeout: 60_000, interval: 1_000 },
  )
  await item.click()
  await page.locator('.rs__menu').waitFor({ state: 'hidden', timeout: 10_000 })
}

const programStatus = async (): Promise<string> =>
  (await app.sql.query(`select status::text as s from rebate_programs where id = $1`, [programId])).rows[0]?.s

/** Sets the program's status in its edit form and saves; returns what the server answered the form's save. */
async function setStatus(page: Page, label: string): Promise<string> {
  // A save clicked before the form has taken the new value sends nothing: until the form's save reaches the server,
  // load the form again and repeat (the answer may be a refusal; that is for the caller to check).
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${app.url}/admin/collections/rebate-programs/${programId}`)
    await page.locator('#field-code').waitFor()
    await choose(page, 'status', new RegExp(`^${label}$`))
    const saved = page
      .waitForResponse((res) => res.url().includes(`/api/rebate-programs/${programId}`) && res.request().method() === 'PATCH', {
        timeout: 15_000,
      })
      .then((res) => res.text())
      .catch(() => null)
    await page.locator('#action-save').click()
    const answer = await saved
    if (answer !== null) return answer
    if (attempt === 3) throw new Error(`the form never saved status ${label}`)
  }
}

async function portalPage(viewport: { width: number; height: number }, phone: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...(phone ? { isMobile: true, hasTouch: true } : {}) })
  const page = await context.newPage()
  await page.goto(`${app.url}/portal/login`)
  await page.locator('#email').fill(WESTGATE)
  await page.locator('#password').fill(DEMO_PASSWORD)
  await page.getByTestId('portal-login').click()
  await page.waitForURL(/\/portal$/)
  await page.goto(`${app.url}/portal/rebates`)
  await page.getByTestId('rebates-balances').waitFor({ timeout: 30_000 })
  return page
}

/** The page scrolls sideways by nothing: whatever is wide scrolls inside its own box. */
async function noSideScroll(page: Page, where: string, width: number): Promise<void> {
  const scroll = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth))
  expect([where, scroll <= width, scroll]).toEqual([where, true, scroll])
}

/** The figures of one dashboard row (or the totals with `figure-…`), in cents. */
async function rowCents(page: Page, testId: string): Promise<number[]> {
  const amounts = await page
    .getByTestId(testId)
    .locator('td.amount')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-amount')))
  return amounts.map(cents)
}

async function totalsCents(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const f of ['accrued', 'claimed', 'approved', 'paid', 'unclaimed', 'expired'])
    out[f] = cents(await page.getByTestId(`figure-${f}`).getAttribute('data-amount'))
  return out
}

/** Opens the admin's rebates dashboard for 2026 in USD. */
async function dashboard(page: Page): Promise<void> {
  await page.goto(`${app.url}/admin/rebates`)
  await page.getByTestId('rebates-dashboard').waitFor({ timeout: 30_000 })
  await page.getByTestId('dashboard-from').fill('2026-01-01')
  await page.getByTestId('dashboard-to').fill('2026-12-31')
  await page.getByTestId('dashboard-currency').fill('USD')
  await page.getByTestId('dashboard-show').click()
  await page.getByTestId(`dashboard-program-${CODE}`).waitFor({ timeout: 30_000 })
}

/** Opens the claim's panel on the admin's claims board. */
async function openClaim(page: Page): Promise<void> {
  await page.goto(`${app.url}/admin/rebates?tab=claims`)
  const card = page.getByTestId(`claim-card-${claimNumber}`)
  await card.waitFor({ timeout: 30_000 })
  await vi.waitFor(
    async () => {
      if (!(await page.getByTestId('claim-number').isVisible())) await card.click()
      await expect.poll(async () => page.getByTestId('claim-number').innerText(), { timeout: 3_000 }).toBe(claimNumber)
    },
    { timeout: 30_000, interval: 500 },
  )
}

describe('a promotion from governance to the ERP, in the admin and the portal', () => {
  it('(1) ops drafts and submits the program in the admin form; ops may not approve it; finance approves; ops publishes', async () => {
    const ops = await logIn(browser, app.url, OPS)
    await ops.goto(`${app.url}/admin/collections/rebate-programs/create`)
    await ops.locator('#field-code').fill(CODE)
    await ops.locator('#field-name').fill(PROGRAM)
    await choose(ops, 'kind', 'Promotion: an amount per unit')
    await ops.locator('#field-currency').fill('USD')
    for (const [field, day] of [
      ['effectiveFrom', '2026-11-01'],
      ['effectiveTo', '2026-12-31'],
    ] as const) {
      await ops.locator(`#field-${field} input`).fill(day)
      await ops.locator(`#field-${field} input`).press('Enter')
    }
    await choose(ops, 'products', 'Rugged switch 24-port PoE', 'Rugged')
    await ops.locator('#field-ratePerUnit').fill('25.00')
    await ops.locator('#field-financeApprovalAbove').fill('100.00')
    await ops.locator('#field-claimWindowDays').fill('90')
    await ops.locator('#action-save').click()
    await ops.waitForURL(/\/admin\/collections\/rebate-programs\/\d+/, { timeout: 30_000 })
    programId = Number(ops.url().match(/rebate-programs\/(\d+)/)![1])
    const stored = (
      await app.sql.query(
        `select p.code, p.name, p.kind::text as kind, p.status::text as status, p.currency, p.effective_from::text as "from",
                p.effective_to::text as "to", p.rate_per_unit::numeric(12,2)::text as rate,
                p.finance_approval_above::numeric(12,2)::text as finance, p.claim_window_days::int as window,
                (select string_agg(pr.code, ',') from rebate_programs_rels r join products pr on pr.id = r.products_id
                  where r.parent_id = p.id and r.path = 'products') as products
           from rebate_programs p where p.id = $1`,
        [programId],
      )
    ).rows[0]
    expect(stored).toEqual({
      code: CODE,
      name: PROGRAM,
      kind: 'per_unit',
      status: 'draft',
      currency: 'USD',
      from: '2026-11-01',
      to: '2026-12-31',
      rate: '25.00',
      finance: '100.00',
      window: 90,
      products: 'SW-24P',
    })

    await setStatus(ops, 'Submitted')
    await expect.poll(programStatus, { timeout: 30_000 }).toBe('submitted')

    // Ops approving: the server refuses the form's save with the reason, the form shows it, and the program stays
    // submitted. (The refusal is read from the answer the form got: on a cold first start the toast can be gone
    // before a poll of the page reads it.)
    expect(await setStatus(ops, 'Approved')).toContain('only company_admin or finance may approve a program')
    await ops
      .getByText('only company_admin or finance may approve a program')
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined)
    await ops.screenshot({ path: path.join(shots, 'rebates-program-refused.png'), fullPage: true })
    expect(await programStatus()).toBe('submitted')

    const finance = await logIn(browser, app.url, FINANCE)
    await setStatus(finance, 'Approved')
    await expect.poll(programStatus, { timeout: 30_000 }).toBe('approved')
    await finance.context().close()

    await setStatus(ops, 'Published')
    await expect.poll(programStatus, { timeout: 30_000 }).toBe('published')
    const who = (
      await app.sql.query(
        `select s.email as submitted, a.email as approved from rebate_programs p join users s on s.id = p.submitted_by_id
           join users a on a.id = p.approved_by_id where p.id = $1`,
        [programId],
      )
    ).rows[0]
    expect(who).toEqual({ submitted: OPS, approved: FINANCE })
    await ops.context().close()
  })

  it('(2) an admin imports Westgate’s sell-through .xlsx in the import form; the unknown part is rejected with its reason', async () => {
    const page = await logIn(browser, app.url, 'admin@northwind.example')
    const headers = [
      'Inv No',
      'Ln',
      'Inv Date',
      'Ship-to Customer',
      'Mfr Part #',
      'Qty Shipped',
      'Curr',
      'Resale Price',
      'Cost',
      'Deal Reg #',
    ]
    const file = path.join(files, 'westgate-november.xlsx')
    fs.writeFileSync(
      file,
      await xlsx([
        headers,
        ['WG-8001', 1, '11/24/2026', 'Tahoe Ski Resorts', 'SW-24P', 6, 'USD', 1150, 1020, null],
        ['WG-8001', 2, '11/24/2026', 'Tahoe Ski Resorts', 'SW-24P', 2, 'USD', 1150, 1020, null],
        ['WG-8002', 1, '11/25/2026', 'Klamath Water District', 'XX-999', 3, 'USD', 99, 80, null],
      ]),
    )
    await page.goto(`${app.url}/admin/collections/imports/create`)
    await page.locator('input[type="file"]').setInputFiles(file)
    await choose(page, 'mapping', 'Westgate sell-through report')
    await page.locator('#action-save').click()
    await page.waitForURL(/\/admin\/collections\/imports\/\d+/, { timeout: 30_000 })
    const importId = Number(page.url().match(/imports\/(\d+)/)![1])
    await expect.poll(async () => page.getByTestId('job-progress').innerText(), { timeout: 90_000 }).toContain('completed')
    await page.reload()
    await expect
      .poll(async () => page.locator('#field-message').inputValue(), { timeout: 30_000 })
      .toContain('3 rows read: 2 accepted (2 new, 0 updated, 0 already present), 1 rejected.')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rejects-download').click()])
    const rejectsFile = path.join(files, 'rejects.xlsx')
    await download.saveAs(rejectsFile)
    const { rows } = await readXlsx(fs.readFileSync(rejectsFile))
    const errorsAt = rows[0]!.map(String).indexOf('Errors')
    expect(errorsAt).toBeGreaterThanOrEqual(0)
    expect(rows).toHaveLength(2)
    expect(rows[1]![0]).toBe('WG-8002')
    expect(String(rows[1]![errorsAt])).toMatch(/unknown SKU "XX-999"/)
    await page.screenshot({ path: path.join(shots, 'rebates-import.png'), fullPage: true })
    const done = (await app.sql.query(`select rows_read::int as read, accepted::int, rejected::int from imports where id = $1`, [importId]))
      .rows[0]
    expect(done).toEqual({ read: 3, accepted: 2, rejected: 1 })
    await page.context().close()
  })

  it('(3) the accruals appear on the admin dashboard', async () => {
    const page = await logIn(browser, app.url, FINANCE)
    await dashboard(page)
    // accrued, claimed, approved, paid, unclaimed, expired
    await expect.poll(async () => rowCents(page, `dashboard-program-${CODE}`), { timeout: 30_000 }).toEqual([30000, 0, 0, 0, 30000, 0])
    expect(await rowCents(page, 'dashboard-program-GROW-Q4-WEST')).toEqual([150560, 0, 0, 0, 150560, 0])
    expect(await totalsCents(page)).toEqual({
      accrued: 1049720,
      claimed: 0,
      approved: 0,
      paid: 0,
      unclaimed: 1049720,
      expired: 0,
    })
    await page.screenshot({ path: path.join(shots, 'rebates-dashboard-accrued.png'), fullPage: true })
    await page.context().close()
  })

  it('(4) Westgate uploads a claim sheet in the portal at 390 px: each line decided with its reason', async () => {
    const page = await portalPage(PHONE, true)
    // The new sales wait in the unclaimed list under the new program.
    const unclaimed = page.getByTestId('unclaimed-sales')
    await expect.poll(async () => unclaimed.getByTestId(`unclaimed-WG-8001-1-${CODE}`).count(), { timeout: 30_000 }).toBe(1)
    expect(cents(await unclaimed.getByTestId(`unclaimed-WG-8001-1-${CODE}`).locator('td.amount').getAttribute('data-amount'))).toBe(15000)
    expect(cents(await unclaimed.getByTestId(`unclaimed-WG-8001-2-${CODE}`).locator('td.amount').getAttribute('data-amount'))).toBe(5000)
    await noSideScroll(page, 'rebates page at 390 before the claim', PHONE.width)

    const sheet = path.join(files, 'westgate-claim.xlsx')
    fs.writeFileSync(
      sheet,
      await xlsx([
        ['Invoice Number', 'Invoice Line', 'Program', 'Quantity'],
        ['WG-8001', 1, CODE, null],
        ['WG-8001', 2, CODE, null],
        ['WG-7104', 1, 'SD-CB10-WEST', null],
        ['WG-8001', 1, CODE, 7],
      ]),
    )
    await page.getByTestId('claim-upload-file').setInputFiles(sheet)
    await vi.waitFor(
      async () => {
        if ((await page.getByTestId('submitted-claim').count()) === 0 && (await page.getByTestId('claim-upload-send').isEnabled()))
          await page.getByTestId('claim-upload-send').click()
        await page.getByTestId('submitted-claim').waitFor({ timeout: 5_000 })
      },
      { timeout: 60_000, interval: 1_000 },
    )
    const result = page.getByTestId('submitted-claim')
    claimNumber = await result.getByTestId('submitted-claim-number').innerText()
    expect(claimNumber).toBe('CL-000001')
    expect(await result.getAttribute('data-status')).toBe('in_review')
    const lines = await result
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())))
    expect(lines.map((cells) => [cells[0], cells[1], cells[2], cells[4]])).toEqual([
      ['1', 'WG-8001/1', '6', 'approved'],
      ['2', 'WG-8001/2', '2', 'approved'],
      ['3', 'WG-7104/1', '120', 'rejected'],
      ['4', 'WG-8001/1', '7', 'rejected'],
    ])
    expect(lines[0]![5]).toBe('eligible; within the sale, the claim window and the caps')
    expect(lines[2]![5]).toMatch(/^sold at 21(\.0+)?, above the agreed price 19(\.0+)?$/)
    expect(lines[3]![5]).toBe('claims 7 units; the sale was 6')
    expect(await result.locator('p').first().innerText()).toMatch(/2 approved, 2 rejected, 0 to review/)
    const claim = (
      await app.sql.query(
        `select id, claimed_total::numeric(12,2)::text as claimed, approved_total::numeric(12,2)::text as approved, source::text
           from rebate_claims where number = $1`,
        [claimNumber],
      )
    ).rows[0]
    claimId = claim.id
    // 150.00 + 50.00; the rejected lines claim nothing
    expect(claim).toMatchObject({ claimed: '200.00', approved: '200.00', source: 'spreadsheet' })
    await noSideScroll(page, 'rebates page at 390 after the claim', PHONE.width)
    await page.screenshot({ path: path.join(shots, 'portal-rebates-claim-390.png'), fullPage: true })
    await page.context().close()
  })

  it('(5) Westgate disputes the rejected ship-and-debit line with a PDF in the portal; ops accepts it at 720.00 and approves', async () => {
    const page = await portalPage(PHONE, true)
    const claim = page.getByTestId(`claim-${claimNumber}`)
    await claim.waitFor({ timeout: 30_000 })
    const tag = `${claimNumber}-3`
    await vi.waitFor(
      async () => {
        if (!(await claim.evaluate((d) => (d as HTMLDetailsElement).open))) await claim.locator('summary').click()
        await page.getByTestId(`line-${tag}`).waitFor({ timeout: 3_000 })
      },
      { timeout: 30_000, interval: 500 },
    )
    expect(await page.getByTestId(`line-reason-${tag}`).innerText()).toMatch(/above the agreed price/)
    const pdf = await renderToBuffer(
      React.createElement(
        Document,
        null,
        React.createElement(PdfPage, null, React.createElement(Text, null, 'Invoice WG-7104: 120 × CB-10 debited at 19.00 by agreement')),
      ),
    )
    const pdfFile = path.join(files, 'ship-and-debit-agreement.pdf')
    fs.writeFileSync(pdfFile, pdf)
    await page.getByTestId(`dispute-comment-${tag}`).fill('The 21.00 includes 2.00 of freight; the cables went out at 19.00 as agreed.')
    await page.getByTestId(`dispute-file-${tag}`).setInputFiles(pdfFile)
    await page.getByTestId(`dispute-send-${tag}`).click()
    await page.getByTestId(`dispute-sent-${tag}`).waitFor({ timeout: 30_000 })
    await expect.poll(async () => page.getByTestId(`line-${tag}`).getAttribute('data-dispute'), { timeout: 30_000 }).toBe('open')
    await expect.poll(async () => page.getByTestId(`message-attachment-${tag}`).count(), { timeout: 30_000 }).toBe(1)
    expect(await page.getByTestId(`message-attachment-${tag}`).innerText()).toMatch(/ship-and-debit-agreement.*\.pdf/)
    await noSideScroll(page, 'rebates page at 390 with the dispute', PHONE.width)
    await page.screenshot({ path: path.join(shots, 'portal-rebates-dispute-390.png'), fullPage: true })
    await page.context().close()

    const ops = await logIn(browser, app.url, OPS)
    await openClaim(ops)
    expect(await ops.getByTestId('line-status-3').innerText()).toBe('disputed')
    const work = ops.getByTestId('line-work-3')
    await expect.poll(async () => work.getByTestId('thread-3').innerText(), { timeout: 30_000 }).toContain('freight')
    await work.getByTestId('decide-comment-3').fill('Accepted: 120 × (25.00 − 19.00), the freight is not part of the price.')
    await work.getByTestId('decide-amount-3').fill('720.00')
    await work.getByTestId('accept-3').click()
    await expect.poll(async () => ops.getByTestId('line-status-3').innerText(), { timeout: 30_000 }).toBe('approved')
    expect(cents(await ops.getByTestId('claim-line-3').locator('td.amount').nth(2).getAttribute('data-amount'))).toBe(72000)
    expect(cents(await ops.getByTestId('claim-approved-total').getAttribute('data-amount'))).toBe(92000)
    await ops.getByTestId('approve-claim').click()
    await expect
      .poll(async () => ops.getByTestId('claim-message').innerText(), { timeout: 30_000 })
      .toContain('it now waits for finance (above the finance threshold)')
    await expect.poll(async () => ops.getByTestId('claim-status').innerText(), { timeout: 30_000 }).toBe('finance_review')
    await ops.context().close()
  })

  it('(6) finance approves while the ERP fails once: the memo reaches the ERP once, on the retry', async () => {
    const before = erp.state.requests
    await control({ failNext: 1, failWith: 503 })
    const page = await logIn(browser, app.url, FINANCE)
    await openClaim(page)
    await page.getByTestId('approve-claim').click()
    await expect
      .poll(async () => page.getByTestId('claim-message').innerText(), { timeout: 30_000 })
      .toMatch(/^Approved: credit memo CM-\d+ for /)
    memoNumber = (await page.getByTestId('claim-message').innerText()).match(/CM-\d+/)![0]
    expect(memoNumber).toBe('CM-000001')
    const finance = await Api.login(app.url, FINANCE)
    const memo = async () => (await finance.get(`/api/credit-memos?where[claim][equals]=${claimId}&depth=0`)).body.docs[0]
    await expect.poll(async () => (await memo())?.status, { timeout: 90_000, interval: 1_000 }).toBe('issued')
    const issued = await memo()
    memoId = issued.id
    expect(cents(issued.amount)).toBe(92000)
    expect(issued.attempts).toBeGreaterThanOrEqual(2)
    const inErp = erp.state.creditMemos.filter((m) => m.externalId === memoNumber)
    expect(inErp).toHaveLength(1)
    expect(erp.state.creditMemos).toHaveLength(1)
    expect(inErp[0]!.total).toBe('920.00')
    expect(issued.erpNumber).toBe(inErp[0]!.tranId)
    expect(erp.state.requests - before).toBeGreaterThan(1)
    // The panel shows it once read again.
    await openClaim(page)
    await expect.poll(async () => page.getByTestId('memo-status').innerText(), { timeout: 30_000 }).toBe('issued')
    expect(await page.getByTestId('memo-erp-number').innerText()).toBe(issued.erpNumber)
    expect(Number(await page.getByTestId('memo-attempts').innerText())).toBeGreaterThanOrEqual(2)
    expect(await page.getByTestId('claim-status').innerText()).toBe('credited')
    // The drill-down: memo → claim → lines → invoices.
    const drill = page.getByTestId('drilldown')
    await drill.waitFor({ timeout: 30_000 })
    expect(await drill.getByTestId('drilldown-line-1').innerText()).toMatch(/WG-8001\/1[\s\S]*SW-24P/)
    expect(await drill.getByTestId('drilldown-line-3').innerText()).toMatch(/WG-7104\/1[\s\S]*CB-10/)
    expect(await drill.getByTestId('drilldown-invoice-WG-8001-1').innerText()).toMatch(/SW-24P[\s\S]*6/)
    expect(await drill.getByTestId('drilldown-invoice-WG-8001-2').count()).toBe(1)
    await page.screenshot({ path: path.join(shots, 'rebates-claim-credited.png'), fullPage: true })
    await page.context().close()
  })

  it('(7) the dashboard, the journal, the memo and the portal agree to the cent', async () => {
    const page = await logIn(browser, app.url, FINANCE)
    await dashboard(page)
    expect(await totalsCents(page)).toEqual({
      accrued: 1049720,
      claimed: 92000,
      approved: 92000,
      paid: 92000,
      unclaimed: 1029720,
      expired: 0,
    })
    expect(await rowCents(page, `dashboard-program-${CODE}`)).toEqual([30000, 20000, 20000, 20000, 10000, 0])
    expect(await rowCents(page, 'dashboard-program-SD-CB10-WEST')).toEqual([120000, 72000, 72000, 72000, 120000, 0])
    expect(await rowCents(page, 'dashboard-program-GROW-Q4-WEST')).toEqual([150560, 0, 0, 0, 150560, 0])
    expect(await page.getByTestId('memos-issued').innerText()).toBe('1')
    expect(cents(await page.getByTestId('memos-issued-amount').getAttribute('data-amount'))).toBe(92000)
    await page.screenshot({ path: path.join(shots, 'rebates-dashboard-paid.png'), fullPage: true })

    const memoDate = (await app.sql.query(`select memo_date::text as d from credit_memos where id = $1`, [memoId])).rows[0].d as string
    expect(memoDate).toBe(new Date().toISOString().slice(0, 10))
    await page.getByTestId('tab-journal').click()
    await page.getByTestId('accrual-journal').waitFor()
    await page.getByTestId('journal-period').fill(memoDate.slice(0, 7))
    await page.getByTestId('journal-show').click()
    await expect
      .poll(async () => (await page.getByTestId('journal-lines').count()) > 0 && page.getByTestId('journal-lines').innerText(), {
        timeout: 30_000,
      })
      .toContain('1200')
    const lines = await page
      .getByTestId('journal-lines')
      .locator('tbody tr:not(.rb-total)')
      .evaluateAll((rows) =>
        rows.map((r) => {
          const td = r.querySelectorAll('td')
          return [td[0]!.textContent, td[1]!.getAttribute('data-amount'), td[2]!.getAttribute('data-amount')]
        }),
      )
    const receivable = lines.filter(([account]) => account === '1200').reduce((sum, [, , credit]) => sum + cents(credit), 0)
    expect(receivable).toBe(92000)
    const debit = cents(await page.getByTestId('journal-total-debit').getAttribute('data-amount'))
    const credit = cents(await page.getByTestId('journal-total-credit').getAttribute('data-amount'))
    expect(debit).toBe(credit)
    expect(lines.reduce((sum, [, d]) => sum + cents(d), 0)).toBe(debit)
    await page.screenshot({ path: path.join(shots, 'rebates-journal.png'), fullPage: true })
    await page.context().close()

    for (const [viewport, label, phone] of [
      [PHONE, '390', true],
      [DESKTOP, 'desktop', false],
    ] as const) {
      const portal = await portalPage(viewport, phone)
      const memo = portal.getByTestId(`memo-${memoNumber}`)
      await memo.waitFor({ timeout: 30_000 })
      expect(await memo.getAttribute('data-status')).toBe('issued')
      expect(cents(await memo.locator('td.amount').getAttribute('data-amount'))).toBe(92000)
      expect(await memo.innerText()).toContain(erp.state.creditMemos[0]!.tranId)
      expect(await memo.innerText()).toContain(claimNumber)
      const balance = async (figure: string) => cents(await portal.getByTestId(`balance-${figure}`).getAttribute('data-amount'))
      expect([await balance('accrued'), await balance('claimed'), await balance('paid'), await balance('unclaimed')]).toEqual([
        488000, 92000, 92000, 468000,
      ])
      expect(await portal.getByTestId(`claim-status-${claimNumber}`).getAttribute('data-status')).toBe('credited')
      // The claimed sales left the unclaimed list.
      expect(await portal.getByTestId(`unclaimed-WG-8001-1-${CODE}`).count()).toBe(0)
      await noSideScroll(portal, `rebates page at ${label}`, viewport.width)
      await portal.screenshot({ path: path.join(shots, `portal-rebates-${label}.png`), fullPage: true })
      await portal.context().close()
    }
  })
})
