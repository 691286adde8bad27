import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureBuilt } from '../../../scripts/build'
import { startTestApp, type TestApp } from '../../support/app'
import { launchChromium, logIn as logInAs } from '../../support/browser'

const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-results')
let app: TestApp
let browser: Browser

beforeAll(async () => {
  ensureBuilt((line) => console.log(line))
  app = await startTestApp('e2e', { next: 'production' })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

const logIn = (email: string): Promise<Page> => logInAs(browser, app.url, email)

describe('admin panel in Chromium', () => {
  it('a company admin logs in, sees the participants list, creates a participant and finds it in the list', async () => {
    const page = await logIn('admin@northwind.example')
    const names = await page.goto(`${app.url}/admin/collections/participants?limit=100`).then(() => page.locator('table tbody').innerText())
    expect(names).toContain('Summit Wireless Partners')
    expect(names).toContain('Coastal Connect Partners')

    await page.goto(`${app.url}/admin/collections/participants/create`)
    await page.locator('#field-name').fill('Mountain View Mobile')
    await page.locator('#field-kind').click()
    await page.locator('.rs__option', { hasText: /^Dealer$/ }).click()
    await page.locator('#field-parent').click()
    await page.keyboard.type('Pacific')
    await page.locator('.rs__option', { hasText: 'Pacific Territory LLC' }).click()
    await page.locator('#action-save').click()
    await page.waitForURL(/\/admin\/collections\/participants\/\d+/)
    await page.screenshot({ path: path.join(shots, 'participant-created.png') })

    const list = await page.goto(`${app.url}/admin/collections/participants?limit=100`).then(() => page.locator('table tbody').innerText())
    expect(list).toContain('Mountain View Mobile')
    const stored = await app.sql.query(`select path, kind from participants where name = 'Mountain View Mobile'`)
    expect(stored.rows[0].kind).toBe('dealer')
    expect(stored.rows[0].path).toMatch(/^\/\d+\/\d+\/\d+\/\d+\/$/)
    await page.context().close()
  })

  it("a partner admin sees its own network but not the sibling partner's participants", async () => {
    const page = await logIn('admin@summit.example')
    await page.goto(`${app.url}/admin/collections/participants?limit=100`)
    const body = page.locator('table tbody')
    await body.waitFor()
    const text = await body.innerText()
    await page.screenshot({ path: path.join(shots, 'partner-participants.png') })
    expect(text).toContain('Summit Wireless Partners')
    expect(text).toContain('Pacific Territory LLC')
    expect(text).not.toContain('Coastal Connect Partners')
    expect(text).not.toContain('Harbor Wireless')
    const coastalId = (await app.sql.query(`select id from participants where code = 'COA'`)).rows[0].id
    await page.goto(`${app.url}/admin/collections/participants/${coastalId}`)
    await page.locator('body').waitFor()
    expect(await page.locator('body').innerText()).not.toContain('Coastal Connect Partners')
    await page.context().close()
  })
})

describe('job status in the admin', () => {
  it('finance opens a finished job and sees its state and progress', async () => {
    const job = await app.payload.jobs.queue({ task: 'verifyNetwork', input: {} })
    await app.payload.jobs.runByID({ id: job.id })
    const page = await logIn('finance@northwind.example')
    await page.goto(`${app.url}/admin/collections/payload-jobs/${job.id}`)
    const progress = page.locator('[data-testid="job-progress"]')
    await progress.waitFor({ timeout: 30_000 })
    await page.screenshot({ path: path.join(shots, 'job-progress.png') })
    const participants = Number((await app.sql.query('select count(*) from participants')).rows[0].count)
    const text = await progress.innerText()
    expect(text).toContain('completed')
    expect(text).toContain(`${participants} / ${participants}`)
    await page.context().close()
  })
})
