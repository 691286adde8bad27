/**
 * Telecom bill payment in Chromium against the built admin, the demo data, the carrier-portal stand-in (its billing
 * page), the drop folder and the payment provider stand-in (all in this process; the server's own worker reads the
 * invoices, as `npm start` does).
 *
 * (1) Finance opens /admin/billpay and presses "Collect now": the NorthTel portal offers this month's bill and one 2.5×
 *     the account's six-month average; the drop folder holds MetroFiber's and SkyWave's bills, a MetroFiber bill whose
 *     printed new charges (100.00) do not match its lines, and a NorthTel bill in a layout its template does not know.
 *     Four go straight to pending payment; the two others appear in the review queue by themselves (server-sent events).
 * (2) The reviewer opens the MetroFiber bill beside its PDF, selects a line (highlighted on its page), corrects the new
 *     charges to the sum of the lines and approves; a second page (an admin's queue) loses the row live.
 * (3) The changed-layout bill: the reviewer keys in its header and one line for its charges, and approves.
 * (4) "Run payments now": five paid (the provider charges three, MetroFiber's two go in a NACHA CCD file), the 2.5× bill
 *     held by the 2× breaker. A second run and two more at once over REST pay nothing more (the provider counts charges).
 * (5) The hold is released with a reason beside the PDF; the next run pays it, once. (6) The reports tab draws the spend.
 *
 * Expected figures come from the specs the PDFs were rendered from (seed/billpay: invoiceTotals), never from the system.
 */
import fs from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { createCarrierPortal } from '../../../demo/carrier-portal/app'
import { D } from '../../../engine/core/decimal'
import { DEMO_PORTAL } from '../../../demo/carrier-portal/demoAccount'
import { createPaymentProviderStandIn } from '../../../demo/payment-provider/app'
import { ensureBuilt } from '../../../scripts/build'
import { BILLPAY_ACCOUNTS } from '../../../seed/billpay/data'
import { invoiceTotals } from '../../../seed/billpay/invoicePdf'
import { accountSpecs, demoPortalInvoices, largeInvoiceSpec, seedBillpayHistory, writeDemoDropFolder } from '../../../seed/billpay/write'
import { startTestApp, type TestApp } from '../../support/app'
import { launchChromium, logIn } from '../../support/browser'
import { Api } from '../../support/http'

const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-results')
const today = new Date().toISOString().slice(0, 10)
const spec = (code: string) =>
  accountSpecs(
    BILLPAY_ACCOUNTS.find((a) => a.carrier === code)!,
    today,
  ).current
const FINANCE = 'finance@northwind.example'
const API_KEY = 'sk_test_e2e'

let app: TestApp
let browser: Browser
let finance: Page
let servers: Server[] = []
let providerUrl = ''

async function listen(app: import('express').Express): Promise<string> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  servers.push(server)
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const charges = async (): Promise<number> => ((await (await fetch(`${providerUrl}/__payments`)).json()) as { count: number }).count
const invoiceId = async (number: string): Promise<number> =>
  (await app.sql.query(`select id from carrier_invoices where invoice_number = $1 and duplicate_of_id is null`, [number])).rows[0]?.id
const statusOf = async (id: number): Promise<string> =>
  (await app.sql.query(`select status::text as s from carrier_invoices where id = $1`, [id])).rows[0]?.s

beforeAll(async () => {
  ensureBuilt((line) => console.log(line))
  process.env.INVOICES_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-e2e-invoices-'))
  process.env.INVOICE_DROP_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-e2e-drop-'))
  process.env.INVOICE_DROP_SETTLE_SECONDS = '0'
  providerUrl = await listen(createPaymentProviderStandIn({ apiKey: API_KEY }).app)
  Object.assign(process.env, { PAYMENT_PROVIDER_URL: providerUrl, PAYMENT_PROVIDER_API_KEY: API_KEY, PAYMENT_PROVIDER_TIMEOUT_MS: '3000' })
  const portalUrl = await listen(
    createCarrierPortal({
      username: DEMO_PORTAL.username,
      password: DEMO_PORTAL.password,
      totpSecret: DEMO_PORTAL.totpSecret,
      rows: [],
      invoices: await demoPortalInvoices(today),
    }),
  )
  app = await startTestApp('e2e_billpay', { next: 'production', jobs: true })
  await seedBillpayHistory(app.payload, today)
  await writeDemoDropFolder(today)
  const admin = await Api.login(app.url, 'admin@northwind.example')
  const connector = await admin.get(`/api/carrier-connectors?where[fetches][equals]=invoices&depth=0`)
  expect((await admin.patch(`/api/carrier-connectors/${connector.body.docs[0].id}`, { loginUrl: `${portalUrl}/login` })).status).toBe(200)
  browser = await launchChromium()
  fs.mkdirSync(shots, { recursive: true })
  finance = await logIn(browser, app.url, FINANCE)
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
  for (const server of servers) {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  servers = []
})

async function openInvoice(page: Page, id: number): Promise<void> {
  await page.goto(`${app.url}/admin/billpay?tab=invoice&invoice=${id}`)
  await page.getByTestId('invoice-status').waitFor({ state: 'visible', timeout: 60_000 })
}

describe('bill payment in the admin', () => {
  it('collects from the portal and the drop folder; the exceptions arrive in the review queue by themselves', async () => {
    await finance.goto(`${app.url}/admin/billpay`)
    await finance.getByTestId('collect-now').click()
    const mfbWrong = `${spec('MFB').invoiceNumber}-C`
    await vi.waitFor(async () => expect(await invoiceId(mfbWrong)).toBeGreaterThan(0), { timeout: 120_000, interval: 500 })
    const wrongId = await invoiceId(mfbWrong)
    // No reload: the queue lists the invoice once the worker has read it.
    await finance.getByTestId(`queue-row-${wrongId}`).waitFor({ state: 'visible', timeout: 120_000 })
    const layoutFile = `${spec('NTL').invoiceNumber}-NEW.pdf`
    const layoutId = (await app.sql.query(`select id from carrier_invoices where file_name = $1 order by id`, [layoutFile])).rows[0].id
    await finance.getByTestId(`queue-row-${layoutId}`).waitFor({ state: 'visible', timeout: 60_000 })
    expect(await finance.getByTestId(`queue-status-${wrongId}`).textContent()).toContain('approval_needed')
    for (const number of [
      spec('NTL').invoiceNumber,
      largeInvoiceSpec(BILLPAY_ACCOUNTS[0]!, today).invoiceNumber,
      spec('MFB').invoiceNumber,
      spec('SKW').invoiceNumber,
    ])
      await vi.waitFor(async () => expect(await statusOf(await invoiceId(number))).toBe('pending_payment'), {
        timeout: 60_000,
        interval: 500,
      })
    await finance.screenshot({ path: path.join(shots, 'billpay-queue.png'), fullPage: true })
  }, 300_000)

  it('corrects the bill whose lines do not add up beside its PDF and approves it; another open queue drops it live', async () => {
    const number = `${spec('MFB').invoiceNumber}-C`
    const id = await invoiceId(number)
    const watcher = await logIn(browser, app.url, 'admin@northwind.example')
    await watcher.goto(`${app.url}/admin/billpay`)
    await watcher.getByTestId(`queue-row-${id}`).waitFor({ state: 'visible', timeout: 60_000 })

    await openInvoice(finance, id)
    expect(await finance.getByTestId('invoice-status').textContent()).toContain('approval_needed')
    await finance.locator('[data-testid="pdf-page"][data-rendered]').first().waitFor({ timeout: 60_000 })
    await finance.getByTestId('line-3').click()
    await finance.getByTestId('pdf-highlight').waitFor({ state: 'visible', timeout: 30_000 })
    expect(await finance.getByTestId('pdf-highlight').getAttribute('data-line')).toBe('3')
    await finance.screenshot({ path: path.join(shots, 'billpay-review.png'), fullPage: true })

    await finance.getByTestId('header-newCharges').fill(invoiceTotals(spec('MFB')).newCharges)
    await finance.getByTestId('save-corrections').click()
    await vi.waitFor(async () => expect(await finance.getByTestId('invoice-checks').count()).toBe(0), { timeout: 30_000, interval: 500 })
    await finance.getByTestId('approve-invoice').click()
    await vi.waitFor(async () => expect(await finance.getByTestId('invoice-status').textContent()).toContain('pending_payment'), {
      timeout: 30_000,
      interval: 300,
    })
    // The admin's queue, opened before, loses the row without a reload.
    await watcher.getByTestId(`queue-row-${id}`).waitFor({ state: 'detached', timeout: 30_000 })
    await watcher.context().close()
    const events = await app.sql.query(`select kind, details from invoice_events where invoice_id = $1 and kind = 'correction'`, [id])
    expect(events.rows[0].details.changes[0]).toMatchObject({ field: 'header.newCharges', after: invoiceTotals(spec('MFB')).newCharges })
  }, 300_000)

  it('keys in the bill whose layout changed and approves it', async () => {
    const layoutFile = `${spec('NTL').invoiceNumber}-NEW.pdf`
    const id = (await app.sql.query(`select id from carrier_invoices where file_name = $1 order by id`, [layoutFile])).rows[0].id
    const ntl = { ...spec('NTL'), invoiceNumber: `${spec('NTL').invoiceNumber}-N` }
    const totals = invoiceTotals(ntl)
    await openInvoice(finance, id)
    expect(await finance.getByTestId('invoice-status').textContent()).toContain('approval_needed')
    const header: Record<string, string> = {
      accountNumber: ntl.accountNumber,
      invoiceNumber: ntl.invoiceNumber,
      statementDate: ntl.statementDate,
      dueDate: ntl.dueDate,
      currency: ntl.currency,
      previousBalance: ntl.previousBalance,
      payments: ntl.payments,
      newCharges: totals.newCharges,
      taxes: ntl.taxes,
      totalDue: totals.totalDue,
    }
    // Each figure is in the form before the next is typed: the input holds it and is marked changed (the page's state
    // has it, not only the DOM).
    const key = async (fields: string[]) => {
      for (const field of fields) {
        const input = finance.getByTestId(`header-${field}`)
        await input.fill(header[field]!)
        await vi.waitFor(
          async () => {
            expect(await input.inputValue()).toBe(header[field])
            expect(await input.getAttribute('class')).toBe('changed')
          },
          { timeout: 10_000, interval: 100 },
        )
      }
    }
    const typedFirst = ['accountNumber', 'invoiceNumber', 'statementDate', 'dueDate']
    await key(typedFirst)
    // Meanwhile an admin sets the currency over REST: the page refreshes live, keeps what the reviewer typed and shows
    // the admin's currency in the field the reviewer had not touched.
    const admin = await Api.login(app.url, 'admin@northwind.example')
    expect((await admin.post(`/api/carrier-invoices/${id}/correct`, { header: { currency: ntl.currency } })).status).toBe(200)
    await finance.getByTestId('invoice-stale').waitFor({ state: 'visible', timeout: 30_000 })
    await vi.waitFor(async () => expect(await finance.getByTestId('header-currency').inputValue()).toBe(ntl.currency), {
      timeout: 30_000,
      interval: 200,
    })
    for (const field of typedFirst) expect(await finance.getByTestId(`header-${field}`).inputValue()).toBe(header[field])
    await key(['previousBalance', 'payments', 'newCharges', 'taxes', 'totalDue'])
    await finance.getByTestId('save-corrections').click()
    // The save has landed when the database holds every keyed-in figure (not when the inputs show what was typed).
    const stored = async () =>
      (
        await app.sql.query(
          `select account_number as "accountNumber", invoice_number as "invoiceNumber", statement_date::text as "statementDate",
                  due_date::text as "dueDate", currency, previous_balance::text as "previousBalance", payments::text as payments,
                  new_charges::text as "newCharges", taxes::text as taxes, total_due::text as "totalDue", status::text as status
             from carrier_invoices where id = $1`,
          [id],
        )
      ).rows[0]
    await vi.waitFor(
      async () => {
        const row = await stored()
        const amounts = ['previousBalance', 'payments', 'newCharges', 'taxes', 'totalDue']
        for (const [field, value] of Object.entries(header))
          expect([field, amounts.includes(field) && row[field] !== null ? new D(row[field]).toFixed(2) : row[field]]).toEqual([
            field,
            value,
          ])
        expect(row.status).toBe('approval_needed')
      },
      { timeout: 30_000, interval: 300 },
    )
    await vi.waitFor(async () => expect(await finance.getByTestId('invoice-message').textContent()).toMatch(/^Saved \d+ header field/), {
      timeout: 30_000,
      interval: 300,
    })
    for (const [field, value] of Object.entries(header)) expect(await finance.getByTestId(`header-${field}`).inputValue()).toBe(value)
    const lines = (await app.sql.query(`select count(*)::int as n from invoice_lines where invoice_id = $1`, [id])).rows[0].n
    expect(lines).toBe(0)
    await finance.getByTestId('add-line').locator('summary').click()
    await finance.getByTestId('add-line-description').fill('Charges of the period, keyed in from the PDF')
    await finance.getByTestId('add-line-chargeType').fill('MRC')
    await finance.getByTestId('add-line-amount').fill(totals.newCharges)
    await finance.getByTestId('add-line-glCode').fill('6410')
    await finance.getByTestId('add-line-costCentre').fill('CC-100')
    await finance.getByTestId('add-line-submit').click()
    await finance.getByTestId('line-1').waitFor({ state: 'visible', timeout: 30_000 })
    // What is left is what approval is for: the parts of the file the reader could not read.
    await vi.waitFor(
      async () => {
        const checks = await finance.getByTestId('invoice-checks').textContent()
        expect(checks).toMatch(/could not be read/)
        expect(checks).not.toMatch(/sum to|missing|no carrier account|GL rule|inventory/)
      },
      { timeout: 30_000, interval: 500 },
    )
    await finance.getByTestId('approve-invoice').click()
    await vi.waitFor(async () => expect(await finance.getByTestId('invoice-status').textContent()).toContain('pending_payment'), {
      timeout: 30_000,
      interval: 300,
    })
  }, 300_000)

  it('pays each invoice once, holds the one at more than twice its average, and pays it once released', async () => {
    await finance.goto(`${app.url}/admin/billpay?tab=payments`)
    await finance.getByTestId('pay-run').click()
    await finance.getByTestId('payrun-summary').waitFor({ state: 'visible', timeout: 60_000 })
    expect(await finance.getByTestId('payrun-paid-count').textContent()).toBe('5')
    expect(await finance.getByTestId('payrun-held-count').textContent()).toBe('1')
    expect(await charges()).toBe(3)
    const large = await invoiceId(largeInvoiceSpec(BILLPAY_ACCOUNTS[0]!, today).invoiceNumber)
    expect(await statusOf(large)).toBe('on_hold')

    await finance.getByTestId('pay-run').click()
    await vi.waitFor(async () => expect(await finance.getByTestId('payrun-paid-count').textContent()).toBe('0'), {
      timeout: 60_000,
      interval: 300,
    })
    const api = await Api.login(app.url, FINANCE)
    const [a, b] = await Promise.all([api.post('/api/carrier-invoices/pay-run', {}), api.post('/api/carrier-invoices/pay-run', {})])
    expect([...a.body.paid, ...b.body.paid]).toEqual([])
    expect(await charges()).toBe(3)

    await openInvoice(finance, large)
    expect(await finance.getByTestId('invoice-status').textContent()).toContain('on_hold')
    await finance.getByTestId('release-invoice').click()
    await finance.getByTestId('decision-reason').fill('Three new sites went live this month; confirmed with NorthTel')
    await finance.getByTestId('confirm-release').click()
    await vi.waitFor(async () => expect(await finance.getByTestId('invoice-status').textContent()).toContain('pending_payment'), {
      timeout: 30_000,
      interval: 300,
    })
    await finance.goto(`${app.url}/admin/billpay?tab=payments`)
    await finance.getByTestId('pay-run').click()
    await vi.waitFor(async () => expect(await finance.getByTestId('payrun-paid-count').textContent()).toBe('1'), {
      timeout: 60_000,
      interval: 300,
    })
    expect(await charges()).toBe(4)
    expect(await statusOf(large)).toBe('paid')
    const live = await app.sql.query(
      `select invoice_id, count(*)::int as n from invoice_payments where status = 'confirmed' and worker <> 'demo-history' group by 1 having count(*) > 1`,
    )
    expect(live.rows).toEqual([])
  }, 300_000)

  it('draws the spend by carrier in the reports', async () => {
    await finance.goto(`${app.url}/admin/billpay?tab=reports`)
    await finance.getByTestId('report-by-carrier').waitFor({ state: 'visible', timeout: 60_000 })
    await finance.screenshot({ path: path.join(shots, 'billpay-reports.png'), fullPage: true })
    expect(await finance.getByTestId('report-by-carrier').textContent()).toContain('NTL')
  }, 120_000)
})
