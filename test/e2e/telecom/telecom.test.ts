import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lineKeys } from '../../../seed/reconcile/reconData'
import { ensureBuilt } from '../../../scripts/build'
import { startTestApp, type TestApp } from '../../support/app'
import { launchChromium, logIn as logInAs } from '../../support/browser'

const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-results')
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-downloads-'))
let app: TestApp
let browser: Browser

beforeAll(async () => {
  ensureBuilt((line) => console.log(line))
  // With jobs on, the server's own worker runs imports and the demo reconciliation, as `npm start` does.
  app = await startTestApp('e2e_telecom', { next: 'production', jobs: true })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

const logIn = (email: string): Promise<Page> => logInAs(browser, app.url, email)

async function download(page: Page, testId: string, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])
  const target = path.join(downloads, name)
  await file.saveAs(target)
  return target
}

describe('telecom data in the admin', () => {
  it('an admin downloads the template, fills it, imports it, watches progress and downloads the rejected rows', async () => {
    const page = await logIn('admin@northwind.example')
    const mapping = (await app.sql.query(`select id from import_mappings where name = 'Dealer sales (standard template)'`)).rows[0].id
    await page.goto(`${app.url}/admin/collections/import-mappings/${mapping}`)
    const templatePath = await download(page, 'template-download', 'template.xlsx')

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(templatePath)
    const sheet = workbook.getWorksheet('Data')!
    const row = (n: number, plan: string) => {
      const k = lineKeys(800_000 + n)
      return ['DLR-0101', new Date(Date.UTC(2026, 8, 10 + n)), 'VTX', 'new', k.mdn, k.iccid, k.imei, plan, 'HOTSPOT', `E2E-${n}`]
    }
    sheet.getRow(2).values = row(1, 'VTX-UNL-5G')
    sheet.getRow(3).values = row(2, 'VTX-NOPE')
    sheet.getRow(4).values = row(3, 'VTX-ESS')
    const filled = path.join(downloads, 'september-sales.xlsx')
    await workbook.xlsx.writeFile(filled)

    await page.goto(`${app.url}/admin/collections/imports/create`)
    await page.locator('input[type="file"]').setInputFiles(filled)
    await page.locator('#field-mapping').click()
    await page.locator('.rs__option', { hasText: 'Dealer sales (standard template)' }).click()
    await page.locator('#action-save').click()
    await page.waitForURL(/\/admin\/collections\/imports\/\d+/)
    const progress = page.getByTestId('job-progress')
    await expect.poll(async () => progress.innerText(), { timeout: 60_000 }).toContain('completed')
    await page.screenshot({ path: path.join(shots, 'import-progress.png') })

    await page.reload()
    await expect
      .poll(async () => page.locator('#field-message').inputValue(), { timeout: 30_000 })
      .toContain('3 rows read: 2 accepted (2 new, 0 updated, 0 already present), 1 rejected.')
    const rejectsPath = await download(page, 'rejects-download', 'rejects.xlsx')
    const rejects = new ExcelJS.Workbook()
    await rejects.xlsx.readFile(rejectsPath)
    const rejected = rejects.worksheets[0]!
    expect(rejected.getRow(1).getCell(11).value).toBe('Errors')
    expect(rejected.getRow(2).getCell(11).value).toBe(
      `Rate Plan: unknown rate plan "VTX-NOPE" for this carrier: add it to the mapping's value translations`,
    )
    expect(rejected.getRow(2).getCell(12).value).toBe(3)
    expect(rejected.rowCount).toBe(2)
    await page.context().close()
  })

  it("an admin tries a mapping on a carrier's file in the admin: the preview shows each row's fate and writes nothing", async () => {
    const page = await logIn('admin@northwind.example')
    const mapping = (await app.sql.query(`select id from import_mappings where name = 'Dealer sales (standard template)'`)).rows[0].id
    const k = lineKeys(810_001)
    const file = path.join(downloads, 'preview.csv')
    fs.writeFileSync(
      file,
      [
        'Dealer Code,Sale Date,Carrier,Activation Type,MDN,ICCID,IMEI,Rate Plan,Features,Customer Account',
        `DLR-0101,2026-09-20,Vertex Wireless,new,${k.mdn},${k.iccid},,VTX-UNL-5G,,P-1`,
        `DLR-0101,2026-09-20,VTX,GA,${lineKeys(810_002).mdn},,,VTX-UNL-5G,,P-2`,
        'End of report',
      ].join('\n'),
    )
    const before = (await app.sql.query(`select count(*)::int as n from dealer_sales`)).rows[0].n
    await page.goto(`${app.url}/admin/collections/import-mappings/${mapping}`)
    await page.getByTestId('preview-file').setInputFiles(file)
    await page.getByTestId('preview-run').click()
    const counts = page.getByTestId('preview-counts')
    await expect
      .poll(async () => (await counts.count()) > 0 && (await counts.innerText()), { timeout: 30_000 })
      .toContain(
        '2 rows read: 1 would be accepted (1 new, 0 already imported, 0 repeated in the file), 1 rejected; 0 blank rows and 1 footer lines skipped.',
      )
    expect(await page.getByTestId('preview-rows').innerText()).toContain('VTX-UNL-5G')
    expect(await page.getByTestId('preview-unknown').innerText()).toContain('GA')
    await page.screenshot({ path: path.join(shots, 'mapping-preview.png'), fullPage: true })
    expect((await app.sql.query(`select count(*)::int as n from dealer_sales`)).rows[0].n).toBe(before)
    await page.context().close()
  })

  it('the demo reconciliation shows every class populated, with the money at stake', async () => {
    const page = await logIn('finance@northwind.example')
    const run = (await app.sql.query(`select id from reconciliation_runs where title like 'VTX%'`)).rows[0].id
    const status = async () => (await app.sql.query(`select status from reconciliation_runs where id = $1`, [run])).rows[0].status
    await expect.poll(status, { timeout: 60_000 }).toBe('completed')
    await page.goto(`${app.url}/admin/collections/reconciliation-runs/${run}`)
    const summary = page.getByTestId('recon-summary')
    await expect.poll(async () => (await summary.count()) > 0, { timeout: 60_000 }).toBe(true)
    for (const name of [
      'matched',
      'not_with_carrier',
      'not_reported',
      'rate_plan_mismatch',
      'amount_mismatch',
      'duplicate_claim',
      'deactivated_in_window',
    ]) {
      const cells = await page.getByTestId(`class-${name}`).locator('td').allInnerTexts()
      const count = name === 'not_reported' ? Number(cells[2]) : Number(cells[1])
      expect([name, count > 0]).toEqual([name, true])
    }
    expect(await summary.innerText()).toMatch(/Overpayment avoided: [\d,]+\.\d\d/)
    await page.screenshot({ path: path.join(shots, 'reconciliation-summary.png'), fullPage: true })
    await page.goto(`${app.url}/admin/collections/discrepancies?limit=10`)
    await expect.poll(async () => page.locator('table tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(0)
    await page.context().close()
  })
})
