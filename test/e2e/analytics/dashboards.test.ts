/**
 * Dashboards in Chromium against the built admin and the demo data: the company admin (who needs no grant) follows
 * "Dashboards" in the navigation to /admin/dashboards, sees a card per widget with its chart drawn (an svg surface for
 * the bar, line and pie charts), and downloads the sales report, which opens with exceljs: a bold header row and one
 * row per order line, the order line inserted here among them (E2E-AN-1, 123.45 USD, today).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import ExcelJS from 'exceljs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureBuilt } from '../../../scripts/build'
import { startTestApp, type TestApp } from '../../support/app'
import { launchChromium, logIn } from '../../support/browser'

const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-results')
const today = new Date().toISOString().slice(0, 10)

let app: TestApp
let browser: Browser

beforeAll(async () => {
  ensureBuilt((line) => console.log(line))
  app = await startTestApp('e2e_analytics', { next: 'production' })
  browser = await launchChromium()
  fs.mkdirSync(shots, { recursive: true })
  const consultant = (await app.sql.query<{ id: number }>(`select id from participants where code = 'GLW-02'`)).rows[0]!.id
  const product = (await app.sql.query<{ id: number }>(`select id from products order by id limit 1`)).rows[0]!.id
  await app.sql.query(
    `insert into network_orders (order_number, line, kind, booked_on, consultant_id, product_id, quantity, currency, unit_price, discount,
                                 amount, qualifying_volume, commissionable_volume)
     values ('E2E-AN-1', 1, 'order', $1, $2, $3, 1, 'USD', 123.45, 0, 123.45, 0, 0)`,
    [today, consultant, product],
  )
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe('dashboards in the admin', () => {
  it('shows the charts and downloads a report', async () => {
    const page = await logIn(browser, app.url, 'admin@northwind.example')
    await page.goto(`${app.url}/admin`)
    // "Dashboards" is in the navigation (which may be collapsed at this width): follow its link.
    const nav = page.locator('[data-testid="dashboards-nav"]').first()
    expect(await nav.textContent()).toBe('Dashboards')
    const href = await nav.getAttribute('href')
    expect(href).toBe('/admin/dashboards')
    await page.goto(`${app.url}${href}`)
    await page.locator('[data-testid="widget-sales_by_month"]').waitFor()

    for (const key of ['sales_by_month', 'network_activity', 'network_growth', 'tickets_by_status']) {
      const card = page.locator(`[data-testid="widget-${key}"]`)
      await card.locator('svg.recharts-surface').first().waitFor({ timeout: 30_000 })
      expect(await card.locator('svg.recharts-surface').count()).toBeGreaterThan(0)
    }
    // Ten widgets for the company admin; this month's bar of the sales chart is drawn (a rectangle path).
    expect(await page.locator('[data-testid^="widget-"]').count()).toBe(10)
    expect(await page.locator('[data-testid="widget-sales_by_month"] .recharts-bar-rectangle').count()).toBeGreaterThan(0)
    await page.screenshot({ path: path.join(shots, 'analytics-dashboards.png'), fullPage: true })

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="report-sales"]').click()])
    expect(download.suggestedFilename()).toBe('sales.xlsx')
    const file = await download.path()
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(file)
    const sheet = book.worksheets[0]!
    expect((sheet.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['Booked on', 'Order', 'Line', 'Kind'])
    expect(sheet.getRow(1).font?.bold).toBe(true)
    const lines = await app.sql.query<{ n: number }>(`select count(*)::int as n from network_orders`)
    expect(sheet.rowCount - 1).toBe(lines.rows[0]!.n)
    const ours: unknown[] = []
    sheet.eachRow((row) => {
      if (row.getCell(2).value === 'E2E-AN-1') ours.push(row.getCell(1).value, row.getCell(12).value)
    })
    expect(ours).toEqual([today, 123.45])
    await page.context().close()
  })
})
