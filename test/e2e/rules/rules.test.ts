import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { ensureBuilt } from '../../../scripts/build'
import { startTestApp, type TestApp } from '../../support/app'
import { launchChromium, logIn } from '../../support/browser'
import { periodId, planId, runPeriod } from '../../support/commission'
import { Api } from '../../support/http'
import { drainJobs } from '../../support/telecom'

const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-results')
/** The starting table's columns, as the editor lays them out: row handle, carrier, ratePlan, activationType | label, amount. */
const COLUMN = { activationType: 3, label: 4, amount: 5 }

let app: TestApp
let browser: Browser
let page: Page
let ruleSetId: number
let versionId: number

beforeAll(async () => {
  ensureBuilt((line) => console.log(line))
  app = await startTestApp('e2e_rules', { next: 'production', jobs: false })
  await drainJobs(app) // the demo reconciliation, so October can be run
  browser = await launchChromium()
  fs.mkdirSync(shots, { recursive: true })
}, 600_000)
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

/** Picks an option of a Payload relationship/select field, reopening the menu until React has hydrated the field. */
async function choose(field: string, option: string): Promise<void> {
  const item = page.locator('.rs__option', { hasText: option }).first()
  await vi.waitFor(
    async () => {
      if (!(await page.locator('.rs__menu').isVisible())) {
        await page.locator(`#field-${field} input`).focus()
        await page.keyboard.press('ArrowDown')
      }
      await item.waitFor({ state: 'visible', timeout: 5_000 })
    },
    { timeout: 60_000, interval: 1_000 },
  )
  await item.click()
}

/** In the decision table: a condition "column equals value", picked as a business user does (operator, then value). */
async function condition(row: Locator, column: number, value: string): Promise<void> {
  const cell = row.locator('td').nth(column)
  await cell.locator('.op-trigger').click()
  await page.locator('.op-dropdown-popover:visible').getByRole('button', { name: 'equals', exact: true }).click()
  await cell.locator('.ant-select').click()
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${value}"]`).click()
}

/** In the decision table: types an output cell (an expression: text in quotes, numbers as they are). */
async function output(row: Locator, column: number, text: string): Promise<void> {
  await row.locator('td').nth(column).click()
  await page.keyboard.type(text)
  await page.keyboard.press('Escape') // closes the cell's suggestions
}

/** Fills the Try it form (other inputs empty), runs it and returns the panel's answer once it came. */
async function tryIt(inputs: Record<string, string>): Promise<{ results: string; fired: string }> {
  for (const input of await page.locator('[data-testid^="try-input-"]').all()) await input.fill('')
  for (const [field, value] of Object.entries(inputs)) await page.getByTestId(`try-input-${field}`).fill(value)
  await page.waitForTimeout(300) // the editor reports changes after 100 ms
  await page.getByTestId('try-run').click()
  const answer = page.locator('[data-testid="try-result"], [data-testid="try-error"], [data-testid="try-problems"]')
  await answer.first().waitFor({ timeout: 30_000 })
  expect(await answer.first().getAttribute('data-testid'), await answer.first().innerText()).toBe('try-result')
  return { results: await page.getByTestId('try-results').innerText(), fired: await page.getByTestId('try-fired').innerText() }
}

describe('a business user writes a dealer plan as a decision table, and a second user approves it', () => {
  it('writes the table in the JDM editor, tries it, keeps test cases, saves and submits', async () => {
    page = await logIn(browser, app.url, 'ops@northwind.example')
    await page.goto(`${app.url}/admin/collections/rule-sets/create`)
    await page.locator('#field-name').fill('Dealer plan amounts')
    await choose('purpose', 'Commission amount per verified sale')
    await page.locator('#action-save').click()
    await page.waitForURL(/\/admin\/collections\/rule-sets\/\d+/)
    ruleSetId = Number(page.url().match(/rule-sets\/(\d+)/)![1])

    await page.goto(`${app.url}/admin/collections/rule-versions/create`)
    await choose('ruleSet', 'Dealer plan amounts')
    await page.locator('#field-effectiveFrom input').fill('2026-10-01')
    await page.locator('#field-effectiveFrom input').press('Enter')
    // A new draft starts with request → "Lines" (collect) → response; the table's columns are the purpose's fields.
    await page.getByTestId('rule-editor-graph').getByText('Edit Table').click()
    const table = page.locator('.grl-dt')
    await expect.poll(async () => table.locator('thead').last().innerText()).toMatch(/Activation type[\s\S]*Line label[\s\S]*Amount/)
    const rows: [string, string, string][] = [
      ['upgrade', '"Upgrade"', '15'],
      ['downgrade', '"Downgrade"', '-10'],
      ['new', '"Base rebate"', '40'],
      ['port_in', '"Base rebate"', '40'],
      ['port_in', '"Port-in bonus"', '25'],
      ['feature_add', '"Feature add-on"', '5'],
    ]
    const tableRows = table.locator('tbody tr.table-row')
    for (const [i, [activationType, label, amount]] of rows.entries()) {
      // A click that lands while the previous cell commits its text re-renders the table and is lost: click until the row shows.
      await vi.waitFor(
        async () => {
          if ((await tableRows.count()) === i) await page.getByRole('button', { name: 'Add row' }).click()
          expect(await tableRows.count()).toBe(i + 1)
        },
        { timeout: 30_000, interval: 1_000 },
      )
      const row = table.locator(`tbody tr[data-virtual-index="${i}"]`)
      await condition(row, COLUMN.activationType, activationType)
      await output(row, COLUMN.label, label)
      await output(row, COLUMN.amount, amount)
    }

    // Try it on the unsaved draft: a port-in pays the base rebate and the bonus on top (rows 4 and 5 fire).
    const portIn = await tryIt({ carrier: 'ATT', activationType: 'port_in', features: 'INS, HOTSPOT' })
    expect(portIn.results).toMatch(/Base rebate\s+40[\s\S]*Port-in bonus\s+25/)
    expect(portIn.fired).toMatch(/Lines\s+4\s+Activation type: "port_in"\s+Line label: "Base rebate"; Amount: 40/)
    expect(portIn.fired).toMatch(/Lines\s+5\s+Activation type: "port_in"\s+Line label: "Port-in bonus"; Amount: 25/)
    await page.getByTestId('try-keep').click()
    expect((await tryIt({ activationType: 'downgrade' })).results).toMatch(/Downgrade\s+-10/)
    await page.getByTestId('try-keep').click()
    expect((await tryIt({ activationType: 'upgrade' })).results).toMatch(/Upgrade\s+15/)
    await page.getByTestId('try-keep').click()
    // "Fill from a real sale" takes the inputs of a verified sale of the demo data.
    await page.getByTestId('try-sample').selectOption({ index: 1 })
    expect(await page.getByTestId('try-input-carrier').inputValue()).not.toBe('')
    expect(await page.getByTestId('try-input-activationType').inputValue()).not.toBe('')

    await page.locator('#action-save').click()
    await page.waitForURL(/\/admin\/collections\/rule-versions\/\d+/)
    versionId = Number(page.url().match(/rule-versions\/(\d+)/)![1])
    await expect.poll(async () => page.getByTestId('test-results').innerText(), { timeout: 30_000 }).toContain('3 of 3 pass')
    const saved = (await app.sql.query(`select content, status::text as status from rule_versions where id = $1`, [versionId])).rows[0]
    const lines = saved.content.nodes.find((n: { type: string }) => n.type === 'decisionTableNode')
    expect(lines.content.hitPolicy).toBe('collect')
    expect(lines.content.rules).toHaveLength(6)
    expect(saved.status).toBe('draft')

    await page.getByTestId('rule-editor-graph').getByText('Edit Table').click()
    await page.waitForTimeout(500)
    await page.getByTestId('rule-editor').screenshot({ path: path.join(shots, 'rule-editor.png') })

    await choose('status', 'Submitted')
    await page.locator('#action-save').click()
    await expect
      .poll(async () => (await app.sql.query(`select status::text as s from rule_versions where id = $1`, [versionId])).rows[0].s, {
        timeout: 30_000,
      })
      .toBe('submitted')
  })

  it('a company admin, who did not write it, approves it in the admin, and the editor is then read-only', async () => {
    page = await logIn(browser, app.url, 'admin@northwind.example')
    await page.goto(`${app.url}/admin/collections/rule-versions/${versionId}`)
    await choose('status', 'Approved')
    await page.locator('#action-save').click()
    await expect
      .poll(async () => (await app.sql.query(`select status::text as s from rule_versions where id = $1`, [versionId])).rows[0].s, {
        timeout: 30_000,
      })
      .toBe('approved')
    await page.reload()
    await page.getByTestId('rule-editor-graph').getByText('Edit Table').click()
    await expect.poll(async () => page.locator('.grl-dt tbody tr.table-row').count()).toBe(6)
    expect(await page.getByRole('button', { name: 'Add row' }).isDisabled()).toBe(true)
  })

  it('a plan priced by the rule set runs October, and "why this amount" names the rule version and the row that fired', async () => {
    const admin = await Api.login(app.url, 'admin@northwind.example')
    const plan = await planId(admin, 'Telecom dealer plan')
    const version = await admin.post('/api/plan-versions', {
      plan,
      effectiveFrom: '2026-10-01',
      components: [{ blockType: 'rule_amount', ruleSet: ruleSetId }],
    })
    expect(version.status).toBe(201)
    expect((await admin.patch(`/api/plan-versions/${version.body.doc.id}`, { status: 'approved' })).status).toBe(200)
    const run = await runPeriod(app, admin, plan, await periodId(admin, 'Oct 2026'))
    expect(`${run.status}: ${run.message}`).toMatch(/^awaiting_approval/)
    const bonus = (
      await app.sql.query(
        `select id, round(amount, 2)::text as amount from commission_lines where run_id = $1 and component = 'rule_amount' and description like '%Port-in bonus%' order by id limit 1`,
        [run.id],
      )
    ).rows[0]
    expect(bonus.amount).toBe('25.00')

    await page.goto(`${app.url}/admin/collections/commission-lines/${bonus.id}`)
    await page.getByTestId('why').click()
    const why = await page.getByTestId('why-rule').innerText()
    expect(why).toContain('Rule set Dealer plan amounts v1')
    expect(why).toMatch(/table Lines row 5/)
    await page.screenshot({ path: path.join(shots, 'rule-why.png'), fullPage: true })
  })
})
