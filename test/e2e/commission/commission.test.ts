import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { ensureBuilt } from '../../../scripts/build'
import { startTestApp, type TestApp } from '../../support/app'
import { launchChromium, logIn as logInAs } from '../../support/browser'

const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-results')
let app: TestApp
let browser: Browser
let page: Page

beforeAll(async () => {
  ensureBuilt((line) => console.log(line))
  // With jobs on, the server's own worker runs the demo reconciliation, the commission run, statements and payments.
  app = await startTestApp('e2e_commission', { next: 'production', jobs: true })
  browser = await launchChromium()
  fs.mkdirSync(shots, { recursive: true })
  const deadline = Date.now() + 120_000
  while ((await app.sql.query(`select status::text as s from reconciliation_runs limit 1`)).rows[0]?.s !== 'completed') {
    if (Date.now() > deadline) throw new Error('the demo reconciliation did not complete within 2 minutes')
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  page = await logInAs(browser, app.url, 'admin@northwind.example')
}, 600_000)
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

/**
 * Picks an option of a Payload relationship/select field. A click that lands before React has hydrated the field
 * opens nothing (seen once on a loaded CI machine), so the menu is opened again until the option shows.
 */
async function choose(field: string, option: string): Promise<void> {
  const item = page.locator('.rs__option', { hasText: option }).first()
  await vi.waitFor(
    async () => {
      if (!(await page.locator('.rs__menu').isVisible())) await page.locator(`#field-${field}`).click()
      await item.waitFor({ state: 'visible', timeout: 5_000 })
    },
    { timeout: 60_000, interval: 1_000 },
  )
  await item.click()
}

/** Reloads the document until a read-only select shows the wanted status. */
async function waitForStatus(wanted: string, timeout = 120_000): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.reload()
        return page.locator('#field-status').innerText()
      },
      { timeout, interval: 1_000 },
    )
    .toContain(wanted)
}

describe('a period from plan to payment in the admin', () => {
  it('an admin builds a plan version, and approving it freezes it', async () => {
    await page.goto(`${app.url}/admin/collections/plan-versions/create`)
    await choose('plan', 'Telecom dealer plan')
    await page.locator('#field-effectiveFrom input').fill('2026-12-01')
    await page.locator('#field-effectiveFrom input').press('Enter')
    await page.getByRole('button', { name: /Add Component/i }).click()
    await page.getByRole('button', { name: 'Residual' }).click()
    await page.locator('#field-components__0__percent').fill('4')
    await page.locator('#field-components__0__months').fill('12')
    await page.locator('#action-save').click()
    await page.waitForURL(/\/admin\/collections\/plan-versions\/\d+/)
    await expect
      .poll(async () => page.locator('#field-title').inputValue(), { timeout: 30_000 })
      .toBe('Telecom dealer plan v2 from 2026-12-01')
    await choose('status', 'Approved')
    await page.locator('#action-save').click()
    await expect
      .poll(async () => (await app.sql.query(`select status::text as s from plan_versions where version = 2`)).rows[0]?.s, {
        timeout: 30_000,
      })
      .toBe('approved')
  })

  it('runs October, shows its steps, prints statements that tie, approves, locks, pays, and the ledger balances', async () => {
    await page.goto(`${app.url}/admin/collections/commission-runs/create`)
    await choose('period', 'Oct 2026')
    await choose('plan', 'Telecom dealer plan')
    await page.locator('#action-save').click()
    await page.waitForURL(/\/admin\/collections\/commission-runs\/\d+/)
    const runId = Number(page.url().match(/commission-runs\/(\d+)/)![1])
    await waitForStatus('awaiting approval')
    await expect.poll(async () => page.getByTestId('step-validate').getAttribute('data-status')).toBe('done')
    await page.screenshot({ path: path.join(shots, 'commission-run.png'), fullPage: true })

    await page.getByTestId('run-statements').click()
    await expect
      .poll(
        async () => (await app.sql.query(`select count(*)::int as n from commission_statements where run_id = $1`, [runId])).rows[0].n,
        { timeout: 120_000 },
      )
      .toBeGreaterThan(3)
    const bay = (
      await app.sql.query(
        `select s.id, s.total::text as total from commission_statements s join participants p on p.id = s.participant_id where s.run_id = $1 and p.code = 'DLR-0101'`,
        [runId],
      )
    ).rows[0]
    const lines = (
      await app.sql.query(
        `select sum(amount)::text as s from commission_lines l join participants p on p.id = l.payee_id where run_id = $1 and p.code = 'DLR-0101'`,
        [runId],
      )
    ).rows[0].s
    expect(bay.total).toBe(lines)
    await page.goto(`${app.url}/admin/collections/commission-statements/${bay.id}`)
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statement-pdf').click()])
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(fs.readFileSync((await pdf.path())!))), { mergePages: true })
    expect(text).toContain(`USD ${Number(lines).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`)

    await page.goto(`${app.url}/admin/collections/commission-runs/${runId}`)
    await page.getByTestId('run-approve').click()
    await waitForStatus('approved')
    await page.getByTestId('run-lock').click()
    await waitForStatus('locked')

    await page.goto(`${app.url}/admin/collections/payment-batches/create`)
    await choose('period', 'Oct 2026')
    await page.locator('#field-effectiveDate input').fill('2026-11-27')
    await page.locator('#field-effectiveDate input').press('Enter')
    await page.locator('#action-save').click()
    await page.waitForURL(/\/admin\/collections\/payment-batches\/\d+/)
    await waitForStatus('Ready')
    const [nacha] = await Promise.all([page.waitForEvent('download'), page.getByTestId('batch-nacha').click()])
    const records = fs.readFileSync((await nacha.path())!, 'ascii').split('\n')
    expect(records.every((r) => r.length === 94)).toBe(true)
    await page.getByTestId('batch-mark-paid').click()
    await waitForStatus('Paid')

    const dealer = (await app.sql.query(`select id from participants where code = 'DLR-0101'`)).rows[0].id
    await page.goto(`${app.url}/admin/collections/participants/${dealer}`)
    await expect.poll(async () => page.getByTestId('ledger-balances').innerText(), { timeout: 30_000 }).toContain('Balances')
    const accrued = await page.getByTestId('ledger-accrued').locator('td').nth(1).innerText()
    const paid = await page.getByTestId('ledger-paid').locator('td').nth(1).innerText()
    expect(accrued).toBe(paid)
    expect(accrued).toBe(Number(lines).toFixed(2))
    await page.screenshot({ path: path.join(shots, 'payee-ledger.png'), fullPage: true })
  })

  it('the dashboard charts the posted payouts and the leakage', async () => {
    await page.goto(`${app.url}/admin/commission-dashboard`)
    await expect.poll(async () => page.getByTestId('dashboard').count(), { timeout: 30_000 }).toBe(1)
    for (const id of ['chart-components', 'chart-carriers', 'top-payees', 'movers', 'chart-leakage'])
      expect(await page.getByTestId(id).count()).toBe(1)
    await expect.poll(async () => page.getByTestId('top-payees').innerText()).toContain('Bay Mobile Store')
    await page.screenshot({ path: path.join(shots, 'commission-dashboard.png'), fullPage: true })
  })
})
