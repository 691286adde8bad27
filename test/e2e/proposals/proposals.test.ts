import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '../../../seed/network/data'
import { ensureBuilt } from '../../../scripts/build'
import { startTestApp, type TestApp } from '../../support/app'
import { launchChromium, logIn } from '../../support/browser'
import { Api } from '../../support/http'

const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-results')
let app: TestApp
let browser: Browser
let proposalId: number
let responseLink: string

/**
 * The whole proposal-to-commission flow on the demo data, in Chromium: an agent proposes, the proposal climbs the
 * chain through the approvers' queue, the prospect accepts on the branded page, the client's billing is imported, the
 * month is run, and every member of the chain finds the right statement, advertising deductions included, in the
 * portal painted in their client owner's brand. Another partner's portal shows none of it.
 *
 * The demo data holds what management set up: a default rule (10 %), the National print program (1 %) and the
 * "Proposal commissions" plan; a West territory program (2 %) is added over REST by the company admin.
 */
beforeAll(async () => {
  ensureBuilt((line) => console.log(line))
  app = await startTestApp('e2e_proposals', { next: 'production', jobs: true })
  browser = await launchChromium()
  fs.mkdirSync(shots, { recursive: true })
  const admin = await Api.login(app.url, 'admin@northwind.example')
  const territory = (await admin.get('/api/territories?where[code][equals]=US-W&depth=0')).body.docs[0].id
  const program = await admin.post('/api/advertising-programs', {
    name: 'West billboards',
    kind: 'territory',
    territory,
    percent: '2',
    startsOn: '2026-10-01',
  })
  if (program.status !== 201) throw new Error(`advertising program: ${JSON.stringify(program.body)}`)
}, 600_000)
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

/** Picks an option of a Payload relationship/select field by its visible label. */
async function choose(page: Page, field: string, option: string): Promise<void> {
  await page.locator(`#field-${field}`).click()
  await page.locator('.rs__option', { hasText: option }).first().click()
}

/** Logs into the partner portal in a fresh context. */
async function portal(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1300, height: 1000 }, acceptDownloads: true })
  const page = await context.newPage()
  await page.goto(`${app.url}/portal`)
  await page.waitForURL(/\/portal\/login/)
  await page.locator('#email').fill(email)
  await page.locator('#password').fill(DEMO_PASSWORD)
  await page.getByTestId('portal-login').click()
  await page.waitForURL(/\/portal$/)
  return page
}

/** An approver opens their queue, finds the proposal, and approves it from its page. */
async function approveFromQueue(email: string, comment: string): Promise<void> {
  const page = await logIn(browser, app.url, email)
  await page.goto(`${app.url}/admin/waiting-for-me`)
  const row = page.getByTestId('waiting-row').filter({ hasText: 'Redwood Logistics' })
  await expect.poll(async () => row.count(), { timeout: 30_000 }).toBe(1)
  await row.getByRole('link').first().click()
  await page.waitForURL(new RegExp(`/admin/collections/proposals/${proposalId}`))
  await page.getByTestId('proposal-comment').fill(comment)
  await page.getByTestId('proposal-approve').click()
  await expect.poll(async () => page.getByTestId('proposal-action-message').innerText(), { timeout: 30_000 }).toMatch(/submitted|approved/)
  await page.context().close()
}

describe('proposal to commission, in Chromium', () => {
  it('an agent creates a prospect and a proposal with their proposed terms, and submits it', async () => {
    const page = await logIn(browser, app.url, 'leo.park@summit.example')
    await page.goto(`${app.url}/admin/collections/prospects/create`)
    await page.locator('#field-company').fill('Redwood Logistics')
    await choose(page, 'territory', 'West')
    await page.getByRole('button', { name: /Add Contact/i }).click()
    await page.locator('#field-contacts__0__name').fill('Jo Reyes')
    await page.locator('#field-contacts__0__email').fill('jo@redwood.example')
    await page.locator('#action-save').click()
    await page.waitForURL(/\/admin\/collections\/prospects\/\d+/)

    await page.goto(`${app.url}/admin/collections/proposals/create`)
    await choose(page, 'prospect', 'Redwood Logistics')
    await page.getByRole('button', { name: /Add Service/i }).click()
    await choose(page, 'services__0__service', 'Managed mobility')
    await page.locator('#field-services__0__quantity').fill('2')
    await page.getByRole('button', { name: /Add Service/i }).click()
    await choose(page, 'services__1__service', 'Fleet tracking')
    await page.getByRole('button', { name: /Add Term/i }).click()
    await choose(page, 'terms__0__participant', 'Leo Park')
    await page.locator('#field-terms__0__rate').fill('12')
    await page.locator('#action-save').click()
    await page.waitForURL(/\/admin\/collections\/proposals\/\d+/)
    proposalId = Number(page.url().match(/proposals\/(\d+)/)![1])

    await page.getByTestId('proposal-submit').click()
    await expect
      .poll(async () => (await app.sql.query(`select status::text as s from proposals where id = $1`, [proposalId])).rows[0].s, {
        timeout: 30_000,
      })
      .toBe('submitted')
    await page.context().close()
  })

  it('climbs the chain one level at a time from each approver\u2019s queue; the top approves and sends the signed link', async () => {
    const managerPortal = await portal('dana.ruiz@summit.example')
    expect(await managerPortal.getByTestId('portal-waiting').innerText()).toContain('Redwood Logistics')
    await managerPortal.context().close()
    await approveFromQueue('dana.ruiz@summit.example', 'Agent manager: fine')
    // The agent cannot read the participants above its manager, yet its portal says whose turn it is.
    const agentPortal = await portal('leo.park@summit.example')
    expect(await agentPortal.getByTestId('portal-proposals-row').filter({ hasText: 'Redwood Logistics' }).innerText()).toMatch(
      /submitted\s+Pacific Territory LLC/,
    )
    await agentPortal.context().close()
    // The territory owner decides from the portal: a return without a comment is refused in words, then it approves.
    const ownerPortal = await portal('admin@pacific.example')
    const waiting = ownerPortal.getByTestId('portal-waiting-row').filter({ hasText: 'Redwood Logistics' })
    await waiting.getByTestId('portal-return').click()
    await expect
      .poll(async () => waiting.getByTestId('portal-action-message').innerText(), { timeout: 30_000 })
      .toContain('a comment is required to return a proposal: tell the author what to change')
    await waiting.getByTestId('portal-comment').fill('Territory: fine')
    await waiting.getByTestId('portal-approve').click()
    await expect
      .poll(
        async () => (await app.sql.query(`select waiting_for_name from proposals where id = $1`, [proposalId])).rows[0].waiting_for_name,
        { timeout: 30_000 },
      )
      .toBe('Summit Wireless Partners')
    await expect.poll(async () => ownerPortal.getByTestId('portal-waiting-row').count(), { timeout: 30_000 }).toBe(0)
    await ownerPortal.context().close()
    await approveFromQueue('admin@summit.example', 'Partner: approved')
    await approveFromQueue('admin@northwind.example', 'Company: approved')
    expect((await app.sql.query(`select status::text as s from proposals where id = $1`, [proposalId])).rows[0].s).toBe('approved')

    const page = await logIn(browser, app.url, 'admin@northwind.example')
    await page.goto(`${app.url}/admin/collections/proposals/${proposalId}`)
    await page.getByTestId('proposal-send').click()
    const link = page.getByTestId('proposal-link')
    await expect.poll(async () => link.count(), { timeout: 30_000 }).toBe(1)
    responseLink = (await link.getAttribute('href'))!
    expect(responseLink).toMatch(new RegExp(`^${app.url}/respond/`))
    await page.screenshot({ path: path.join(shots, 'proposal-sent.png'), fullPage: true })
    const history = (
      await app.sql.query(`select action from proposals_history where _parent_id = $1 order by _order`, [proposalId])
    ).rows.map((r) => r.action)
    expect(history).toEqual(['created', 'submit', 'approve', 'approve', 'approve', 'approve', 'send'])
    await page.reload()
    const steps = (await page.getByTestId('history-row').allInnerTexts()).map((t) =>
      t
        .split('\t')
        .slice(1)
        .map((c) => c.trim()),
    )
    expect(steps).toEqual([
      ['Created', 'Leo Park', ''],
      ['Submitted', 'Leo Park', ''],
      ['Approved', 'Dana Ruiz', 'Agent manager: fine'],
      ['Approved', 'Pacific Territory LLC', 'Territory: fine'],
      ['Approved', 'Summit Wireless Partners', 'Partner: approved'],
      ['Approved', 'Northwind Communications', 'Company: approved'],
      ['Sent to the prospect', 'Northwind Communications', ''],
    ])
    await page.context().close()
    // The agent reads the same history, but not the names of the participants above it.
    const agentPage = await logIn(browser, app.url, 'leo.park@summit.example')
    await agentPage.goto(`${app.url}/admin/collections/proposals/${proposalId}`)
    const agentSteps = (await agentPage.getByTestId('history-row').allInnerTexts()).map((t) => t.split('\t')[2]?.trim())
    expect(agentSteps).toEqual([
      'Leo Park',
      'Leo Park',
      'an approver above you',
      'an approver above you',
      'an approver above you',
      'an approver above you',
      'an approver above you',
    ])
    await agentPage.context().close()
  })

  it('the prospect answers on a page in the partner\u2019s brand, without a login; a tampered link is refused', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(responseLink.slice(0, -3) + (responseLink.endsWith('AAA') ? 'BBB' : 'AAA'))
    await expect.poll(async () => page.getByTestId('respond-refused').innerText()).toBe('This link has been altered and is not valid.')
    await page.goto(responseLink)
    expect(await page.getByTestId('portal-brand-name').innerText()).toBe('Summit Wireless')
    expect(await page.getByTestId('respond-title').innerText()).toBe('A proposal for Redwood Logistics')
    expect(await page.getByTestId('respond-services').innerText()).toContain('Managed mobility (per 25 lines)')
    await page.getByTestId('respond-accept').click()
    await expect.poll(async () => page.getByTestId('respond-outcome').innerText()).toBe('Thank you: the proposal is accepted.')
    await page.screenshot({ path: path.join(shots, 'proposal-accepted.png'), fullPage: true })
    await context.close()
    const prospect = (await app.sql.query(`select status::text as status, client_code from prospects where company = 'Redwood Logistics'`))
      .rows[0]
    expect(prospect.status).toBe('client')
  })

  it('the company admin imports the client\u2019s October billing, runs the month and generates the statements', async () => {
    const clientCode = (await app.sql.query(`select client_code from prospects where company = 'Redwood Logistics'`)).rows[0].client_code
    const csv = [
      'Client Code,Service Code,Charged On,Frequency,Charged,Commissionable,Non-commissionable',
      `${clientCode},MGD-MOB,2026-10-01,monthly,900.00,900.00,0.00`,
      `${clientCode},FLEET-TRK,2026-10-06,weekly,95.00,80.00,15.00`,
      `${clientCode},FLEET-TRK,2026-10-13,weekly,95.00,80.00,15.00`,
    ].join('\n')
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-e2e-')), 'redwood-october.csv')
    fs.writeFileSync(file, csv)
    const page = await logIn(browser, app.url, 'admin@northwind.example')
    await page.goto(`${app.url}/admin/collections/imports/create`)
    await page.locator('input[type="file"]').setInputFiles(file)
    await choose(page, 'mapping', 'Billing engine export')
    await page.locator('#action-save').click()
    await page.waitForURL(/\/admin\/collections\/imports\/\d+/)
    await expect.poll(async () => page.getByTestId('job-progress').innerText(), { timeout: 60_000 }).toContain('completed')
    expect((await app.sql.query(`select count(*)::int as n from billing_lines`)).rows[0].n).toBe(3)

    await page.goto(`${app.url}/admin/collections/commission-runs/create`)
    await choose(page, 'period', 'Oct 2026')
    await choose(page, 'plan', 'Proposal commissions')
    await page.locator('#action-save').click()
    await page.waitForURL(/\/admin\/collections\/commission-runs\/\d+/)
    const runId = Number(page.url().match(/commission-runs\/(\d+)/)![1])
    await expect
      .poll(async () => (await app.sql.query(`select status::text as s from commission_runs where id = $1`, [runId])).rows[0].s, {
        timeout: 120_000,
      })
      .toBe('awaiting_approval')
    await page.reload()
    await page.getByTestId('run-statements').click()
    await expect
      .poll(
        async () => (await app.sql.query(`select count(*)::int as n from commission_statements where run_id = $1`, [runId])).rows[0].n,
        { timeout: 120_000 },
      )
      .toBe(4)
    await page.context().close()
  })

  // Commissionable October billing of the client: 900.00 + 80.00 + 80.00. The agent is paid by the proposal's own
  // rule (the 12 % they proposed, fixed at approval), everyone above by the default 10 %. Each advertising program
  // deducts its percentage of the payee's proposal commission, rounded half-even to the cent.
  const expected: [string, string, string[], string][] = [
    ['leo.park@summit.example', 'Leo Park', ['Proposal commission (3)USD 127.20', 'Advertising deduction (2)USD -3.81'], 'USD 123.39'],
    ['dana.ruiz@summit.example', 'Dana Ruiz', ['Proposal commission (3)USD 106.00', 'Advertising deduction (2)USD -3.18'], 'USD 102.82'],
    [
      'admin@pacific.example',
      'Pacific Territory LLC',
      ['Proposal commission (3)USD 106.00', 'Advertising deduction (2)USD -3.18'],
      'USD 102.82',
    ],
    [
      'admin@summit.example',
      'Summit Wireless Partners',
      ['Proposal commission (3)USD 106.00', 'Advertising deduction (2)USD -3.18'],
      'USD 102.82',
    ],
  ]
  for (const [email, name, groups, total] of expected) {
    it(`${name} sees their October statement in the Summit brand, with the advertising deductions, to the cent`, async () => {
      const page = await portal(email)
      expect(await page.getByTestId('portal-brand-name').innerText()).toBe('Summit Wireless')
      expect(await page.getByTestId('portal-brand').getAttribute('data-primary')).toBe('#0f766e')
      expect(await page.getByTestId('portal-who').innerText()).toContain(name)
      const statement = page.getByTestId('portal-statement').filter({ hasText: 'Oct 2026' })
      expect(await statement.count()).toBe(1)
      expect(await statement.getByTestId('statement-total').innerText()).toBe(total)
      const shown = (await statement.locator('li[data-testid^="statement-group-"]').allInnerTexts()).map((t) => t.replace(/\s+/g, ''))
      expect(shown).toEqual(groups.map((g) => g.replace(/\s+/g, '')))
      const deductions = (await statement.getByTestId('statement-line-advertising').allInnerTexts()).map((t) =>
        t.replace(/\s+/g, ' ').trim(),
      )
      expect(deductions.map((d) => d.replace(/ USD.*/, ''))).toEqual(['National print (1 %)', 'West billboards (2 %)'])
      expect(await page.getByTestId('portal-clients').innerText()).toContain('Redwood Logistics')
      if (email === 'leo.park@summit.example') {
        await page.screenshot({ path: path.join(shots, 'portal-agent.png'), fullPage: true })
        const [pdf] = await Promise.all([page.waitForEvent('download'), statement.getByTestId('statement-pdf').click()])
        const { text } = await extractText(await getDocumentProxy(new Uint8Array(fs.readFileSync((await pdf.path())!))), {
          mergePages: true,
        })
        expect(fs.readFileSync((await pdf.path())!).toString('latin1')).toContain('/Subtype /Image') // the brand's SVG logo, rendered to PNG
        expect(text).toContain('National print (1 %)')
        expect(text).toContain('123.39')
      }
      await page.context().close()
    })
  }

  it('the reports show the month by participant, rule scope and service and by advertising program, and export to xlsx', async () => {
    const page = await logIn(browser, app.url, 'admin@northwind.example')
    await page.goto(`${app.url}/admin/proposal-reports`)
    const commission = page.getByTestId('report-commission')
    await expect.poll(async () => commission.count(), { timeout: 30_000 }).toBe(1)
    expect(await commission.getByTestId('report-total').innerText()).toContain('USD 445.20') // 127.20 + 3 × 106.00
    expect(await commission.innerText()).toMatch(
      /Leo Park \(SUM-PAC-AG1\)\s+proposal\s+Managed mobility \(per 25 lines\)\s+1\s+USD 108\.00/,
    )
    expect(await page.getByTestId('report-advertising').getByTestId('report-total').first().innerText()).toContain('USD -13.35') // 3.81 + 3 × 3.18
    expect(await page.getByTestId('report-status-age').innerText()).toContain('accepted')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-commission').click()])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile((await download.path())!)
    const values = workbook.worksheets[0]!.getSheetValues()
      .flat()
      .map((v) => String(v))
    expect(values).toContain('445.2')
    await page.screenshot({ path: path.join(shots, 'proposal-reports.png'), fullPage: true })
    await page.context().close()
  })

  it('a partner of another brand sees their own brand and none of Summit\u2019s proposals, clients or statements', async () => {
    const page = await portal('admin@coastal.example')
    expect(await page.getByTestId('portal-brand-name').innerText()).toBe('Coastal Connect')
    expect(await page.getByTestId('portal-brand').getAttribute('data-primary')).toBe('#b45309')
    const body = await page.locator('main').innerText()
    expect(body).not.toContain('Redwood Logistics')
    expect(await page.getByTestId('portal-statement').filter({ hasText: 'Oct 2026' }).count()).toBe(0)
    await page.screenshot({ path: path.join(shots, 'portal-coastal.png'), fullPage: true })
    // The download links are the foundation's REST endpoints: another partner's statement is not theirs to fetch.
    const summitStatement = (
      await app.sql.query(`select s.id from commission_statements s join participants p on p.id = s.participant_id where p.code = 'SUM'`)
    ).rows[0].id
    // Fetched from the page, as the browser follows a download link (with its Sec-Fetch-Site header: Payload ignores a
    // session cookie on a request that carries neither it nor an Origin).
    const status = await page.evaluate(
      async (url) => (await fetch(url)).status,
      `${app.url}/api/commission-statements/${summitStatement}/pdf`,
    )
    expect(status).toBe(404)
    await page.context().close()
  })
})
