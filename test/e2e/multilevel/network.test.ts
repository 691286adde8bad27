/**
 * A network plan from configuration to the consultant's portal, in Chromium against the built admin and the demo data
 * (the server's own worker runs the jobs, as `npm start` does).
 *
 * (a) An admin builds a plan in the admin forms: a new compensation plan "E2E network plan" and its version from
 *     2026-11-01 with a unilevel block (10 %, 5 %), a differential block on the demo's three ranks (BRONZE 5 %,
 *     SILVER 10 %, GOLD 15 %), the demo's leadership bonus rule set and an 80 % advance block; approves it; and a
 *     pipeline type "E2E monthly" with the demo's career plan ("Glow career plan": the demo's ranks and rank rules,
 *     activity minimum 100) and the eleven monthly steps.
 * (b) It imports November's orders of the demo's Glow consultants from an .xlsx (exceljs) through the admin's import
 *     form, with a mapping for source network_orders made over REST for the test.
 * (c) It creates the November pipeline run and runs every step from the wizard, checking what each step reports.
 * (d) Marco Silva (GLW-02, consultant@glow.example) reads his network page in the portal at 390 px and at desktop width.
 *
 * November, worked by hand (SKU-GLOW: VQ 100, VC 80 a unit; ranks first hit: GOLD PV ≥ 100 & GV ≥ 800, SILVER PV ≥ 100
 * & GV ≥ 500, BRONZE PV ≥ 100; a member earns with PV ≥ 100):
 *
 *   GLW-01 1 unit (PV 100)
 *   ├─ GLW-02 Marco 1 unit (PV 100, VC 80)
 *   │   ├─ GLW-04 2 units (PV 200, VC 160) ─┬─ GLW-07 1 unit (PV 100, VC 80)
 *   │   │                                    └─ GLW-08 nothing
 *   │   └─ GLW-05 1 unit (PV 100, VC 80) ─── GLW-09 nothing
 *   └─ GLW-03 1 unit ── GLW-06 nothing ── GLW-10 nothing
 *
 *   GLW-02: GV 100 + (200 + 100) + 100 = 500 → SILVER (not GOLD: GV < 800); L1VC 160 + 80 = 240; active legs 2.
 *   GLW-04 GV 300, GLW-05 GV 100, GLW-07 GV 100 → BRONZE each.
 *   GLW-02's rank card: next GOLD; PV has 100, needs ≥ 100, met; GV has 500, needs ≥ 800, gap 300.
 *   GLW-02's bonuses:
 *     unilevel: level 1 10 % × (160 + 80) = 24.00, level 2 5 % × 80 (GLW-07) = 4.00 → 28.00;
 *     differential (SILVER 10 %): own 10 % × 80 = 8.00; over GLW-04, GLW-05 and GLW-07 (BRONZE 5 %) 5 % × (160 + 80 + 80)
 *       = 16.00 → 24.00;
 *     leadership bonus (SILVER with ≥ 2 active legs): 4 % × L1VC 240 = 9.60;
 *     advance: nothing was advanced in November, nothing recovered.
 *   Total 61.60.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { MONTHLY_STEPS } from '../../../seed/multilevel/data'
import { DEMO_PASSWORD } from '../../../seed/network/data'
import { ensureBuilt } from '../../../scripts/build'
import { startTestApp, type TestApp } from '../../support/app'
import { launchChromium, logIn } from '../../support/browser'
import { Api } from '../../support/http'
import { readXlsx, xlsx } from '../../support/telecom'

const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-results')
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-network-'))
const PHONE = { width: 390, height: 844 }
const PLAN = 'E2E network plan'
const PIPELINE = 'E2E monthly'
const MAPPING = 'Glow orders (e2e)'
const HEADERS = ['Order', 'Line', 'Date', 'Consultant', 'Product', 'Qty', 'Currency']
/** November's orders: [order, consultant, units of SKU-GLOW, day]. */
const ORDERS: [string, string, number, number][] = [
  ['NOV-01', 'GLW-01', 1, 4],
  ['NOV-02', 'GLW-02', 1, 5],
  ['NOV-03', 'GLW-03', 1, 6],
  ['NOV-04', 'GLW-04', 2, 9],
  ['NOV-05', 'GLW-05', 1, 12],
  ['NOV-07', 'GLW-07', 1, 18],
]

let app: TestApp
let browser: Browser
let page: Page

beforeAll(async () => {
  ensureBuilt((line) => console.log(line))
  app = await startTestApp('e2e_multilevel_network', { next: 'production', jobs: true })
  browser = await launchChromium()
  fs.mkdirSync(shots, { recursive: true })
  page = await logIn(browser, app.url, 'admin@northwind.example')
}, 600_000)
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

/**
 * Picks an option of a relationship/select field, opening its menu again if a click landed before hydration. A
 * relationship lists its first page of options only: `search` types into the field to find one further down.
 */
async function choose(field: string, option: string | RegExp, search?: string): Promise<void> {
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

/** Saves the document and waits for the edit page of the saved document. */
async function save(collection: string): Promise<number> {
  await page.locator('#action-save').click()
  await page.waitForURL(new RegExp(`/admin/collections/${collection}/\\d+`), { timeout: 30_000 })
  return Number(page.url().match(new RegExp(`${collection}/(\\d+)`))![1])
}

/** Adds a row to an array field and waits for its first input (`#field-<path>__<n>__<name>`), clicking again if needed. */
async function addRow(label: RegExp, firstInput: string): Promise<void> {
  await vi.waitFor(
    async () => {
      if ((await page.locator(firstInput).count()) === 0) await page.getByRole('button', { name: label }).last().click()
      await page.locator(firstInput).waitFor({ state: 'visible', timeout: 3_000 })
    },
    { timeout: 30_000, interval: 500 },
  )
}

/** The page scrolls sideways by nothing: whatever is wide scrolls inside its own box. */
async function noSideScroll(p: Page, where: string, width: number): Promise<void> {
  const scroll = await p.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth))
  expect([where, scroll]).toEqual([where, width])
}

describe('a network plan configured in the admin, settled from the wizard, read in the portal', () => {
  let planVersion: number
  let runId: number

  it('(a) an admin creates the plan, its version (unilevel, differential, bonus, advance), approves it, and a pipeline type', async () => {
    await page.goto(`${app.url}/admin/collections/compensation-plans/create`)
    await page.locator('#field-name').fill(PLAN)
    await page.locator('#field-description').fill('Made by the e2e test on the demo’s ranks and rules.')
    await save('compensation-plans')

    await page.goto(`${app.url}/admin/collections/plan-versions/create`)
    await choose('plan', PLAN)
    await page.locator('#field-effectiveFrom input').fill('2026-11-01')
    await page.locator('#field-effectiveFrom input').press('Enter')
    const addBlock = async (label: string) => {
      await page
        .getByRole('button', { name: /Add Component/i })
        .first()
        .click()
      await page.getByRole('button', { name: label }).click()
    }
    await addBlock('Unilevel')
    for (const [i, percent] of ['10', '5'].entries()) {
      await addRow(/Add Level/i, `#field-components__0__levels__${i}__level`)
      await page.locator(`#field-components__0__levels__${i}__level`).fill(String(i + 1))
      await page.locator(`#field-components__0__levels__${i}__percent`).fill(percent)
    }
    await addBlock('Differential (stair-step)')
    for (const [i, [rank, percent]] of [
      ['BRONZE', '5'],
      ['SILVER', '10'],
      ['GOLD', '15'],
    ].entries()) {
      await addRow(/Add Rate/i, `#field-components__1__rates__${i}__rank`)
      await page.locator(`#field-components__1__rates__${i}__rank`).fill(rank!)
      await page.locator(`#field-components__1__rates__${i}__percent`).fill(percent!)
    }
    await addBlock('Network bonus (rule)')
    await choose('components__2__ruleSet', 'Glow leadership bonus')
    await addBlock('Advance')
    await page.locator('#field-components__3__percent').fill('80')
    planVersion = await save('plan-versions')
    await expect.poll(async () => page.locator('#field-title').inputValue(), { timeout: 30_000 }).toContain(PLAN)
    await choose('status', 'Approved')
    await page.locator('#action-save').click()
    await expect
      .poll(async () => (await app.sql.query(`select status::text as s from plan_versions where id = $1`, [planVersion])).rows[0]?.s, {
        timeout: 30_000,
      })
      .toBe('approved')
    const admin = await Api.login(app.url, 'admin@northwind.example')
    const version = (await admin.get(`/api/plan-versions/${planVersion}?depth=0`)).body
    expect(
      version.components.map((c: any) => [
        c.blockType,
        c.levels?.map((l: any) => [l.level, l.percent]) ?? c.rates?.map((r: any) => [r.rank, r.percent]) ?? c.percent ?? 'rule',
      ]),
    ).toEqual([
      [
        'unilevel',
        [
          [1, '10'],
          [2, '5'],
        ],
      ],
      [
        'differential',
        [
          ['BRONZE', '5'],
          ['SILVER', '10'],
          ['GOLD', '15'],
        ],
      ],
      ['network_bonus', 'rule'],
      ['advance', '80'],
    ])

    await page.goto(`${app.url}/admin/collections/pipeline-types/create`)
    await page.locator('#field-name').fill(PIPELINE)
    await choose('category', 'Monthly')
    await choose('careerPlan', 'Glow career plan')
    await choose('compensationPlan', PLAN)
    const labels = await stepLabels()
    for (const [i, step] of MONTHLY_STEPS.entries()) {
      await addRow(/Add Step/i, `#field-steps__${i}__step`)
      await choose(`steps__${i}__step`, new RegExp(`^${labels[step]}$`))
    }
    await save('pipeline-types')
    const type = (
      await app.sql.query(
        `select t.id, c.name as career, p.name as plan from pipeline_types t join career_plans c on c.id = t.career_plan_id
           join compensation_plans p on p.id = t.compensation_plan_id where t.name = $1`,
        [PIPELINE],
      )
    ).rows[0]
    expect(type).toMatchObject({ career: 'Glow career plan', plan: PLAN })
    const steps = (await app.sql.query(`select step::text from pipeline_types_steps where _parent_id = $1 order by _order`, [type.id])).rows
    expect(steps.map((s) => s.step)).toEqual([...MONTHLY_STEPS])
  })

  it('(b) imports November’s orders of the Glow consultants from an .xlsx through the admin import form', async () => {
    const admin = await Api.login(app.url, 'admin@northwind.example')
    const fields = ['orderNumber', 'line', 'bookedOn', 'consultantCode', 'productCode', 'quantity', 'currency']
    const mapping = await admin.post('/api/import-mappings', {
      name: MAPPING,
      source: 'network_orders',
      columns: fields.map((field, i) => ({ field, header: HEADERS[i] })),
    })
    expect(mapping.status, JSON.stringify(mapping.body)).toBe(201)
    const file = path.join(downloads, 'glow-november.xlsx')
    fs.writeFileSync(
      file,
      await xlsx([
        HEADERS,
        ...ORDERS.map(([order, consultant, units, day]) => [
          order,
          1,
          new Date(Date.UTC(2026, 10, day)),
          consultant,
          'SKU-GLOW',
          units,
          'USD',
        ]),
      ]),
    )
    await page.goto(`${app.url}/admin/collections/imports/create`)
    await page.locator('input[type="file"]').setInputFiles(file)
    await choose('mapping', MAPPING)
    const importId = await save('imports')
    await expect.poll(async () => page.getByTestId('job-progress').innerText(), { timeout: 60_000 }).toContain('completed')
    const done = (await app.sql.query(`select rows_read::int as read, accepted::int, rejected::int from imports where id = $1`, [importId]))
      .rows[0]
    expect(done).toEqual({ read: 6, accepted: 6, rejected: 0 })
    const volumes = await app.sql.query(
      `select p.code, sum(o.qualifying_volume)::int as vq, sum(o.commissionable_volume)::int as vc from network_orders o
         join participants p on p.id = o.consultant_id where o.booked_on >= '2026-11-01' group by p.code order by p.code`,
    )
    expect(volumes.rows).toEqual([
      { code: 'GLW-01', vq: 100, vc: 80 },
      { code: 'GLW-02', vq: 100, vc: 80 },
      { code: 'GLW-03', vq: 100, vc: 80 },
      { code: 'GLW-04', vq: 200, vc: 160 },
      { code: 'GLW-05', vq: 100, vc: 80 },
      { code: 'GLW-07', vq: 100, vc: 80 },
    ])
  })

  it('(c) creates the November run and runs every step from the wizard, each reporting what it did', async () => {
    await page.goto(`${app.url}/admin/collections/pipeline-runs/create`)
    await choose('pipelineType', PIPELINE)
    await choose('cycle', /^Nov 2026$/, 'Nov 2026')
    runId = await save('pipeline-runs')
    await page.getByTestId('pipeline-wizard').waitFor()
    // The wizard sits in the document controls: its toggle opens the steps panel (clicked again if before hydration).
    await vi.waitFor(
      async () => {
        if (!(await page.getByTestId('pipeline-wizard-panel').isVisible())) await page.getByTestId('pipeline-wizard-toggle').click()
        await page.getByTestId('pipeline-wizard-panel').waitFor({ state: 'visible', timeout: 2_000 })
      },
      { timeout: 30_000, interval: 500 },
    )
    const details: Record<string, string> = {}
    const stored = async (step: string): Promise<string | null> =>
      (
        await app.sql.query(
          `select s->>'status' as status from pipeline_runs r cross join lateral jsonb_array_elements(r.steps) s where r.id = $1 and s->>'step' = $2`,
          [runId, step],
        )
      ).rows[0]?.status ?? null
    let clickProblem: string | null = null
    for (const step of MONTHLY_STEPS) {
      const row = page.getByTestId(`step-${step}`)
      const button = page.getByTestId(`run-${step}`)
      await expect.poll(async () => button.isEnabled({ timeout: 5_000 }), { timeout: 30_000 }).toBe(true)
      // A click before hydration does nothing: click again until the run records the step as started.
      await vi.waitFor(
        async () => {
          if ((await stored(step)) !== 'pending') return
          try {
            await button.click({ timeout: 5_000 })
          } catch (err) {
            // Recorded for the report below; the button's own handler is still what queues the step.
            clickProblem ??= `${step}: ${(err as Error).message.split('\n')[0]}`
            await page.screenshot({ path: path.join(shots, 'network-wizard-click.png'), fullPage: true })
            await button.dispatchEvent('click')
          }
          await expect.poll(async () => stored(step), { timeout: 3_000 }).not.toBe('pending')
        },
        { timeout: 30_000, interval: 500 },
      )
      await expect.poll(async () => stored(step), { timeout: 90_000, interval: 500 }).toMatch(/^(done|failed)$/)
      await expect.poll(async () => row.getAttribute('data-status', { timeout: 5_000 }), { timeout: 30_000 }).toMatch(/^(done|failed)$/)
      expect(`${step}: ${await row.getAttribute('data-status')} ${await row.innerText()}`).toMatch(new RegExp(`^${step}: done`))
      details[step] = await row.innerText()
    }
    await page.screenshot({ path: path.join(shots, 'network-wizard.png'), fullPage: true })
    expect(clickProblem, 'a run button could not be clicked like a user would').toBeNull()
    expect(details.integrate_network).toMatch(/members in one tree, \d+ levels deep, no cycles/)
    expect(details.return_indicators).toMatch(/returns/)
    expect(details.calculate_indicators).toMatch(/KPIs \(.*PV.*GV.*\) for \d+ members from \d+ order lines/)
    expect(details.calculate_rank).toMatch(/Glow ranks v1 ranked \d+ members/)
    expect(details.calculate_rank).toMatch(/SILVER 2/) // GLW-01 (GV 700) and GLW-02
    expect(details.calculate_rank).toMatch(/BRONZE 4/) // GLW-03, -04, -05, -07
    expect(details.calculate_bonuses).toMatch(/bonus run #\d+: \d+ lines/)
    expect(details.validate_bonuses).toMatch(/approved and locked by admin@northwind\.example/)
    expect(details.review_and_pay).toMatch(/payment batch #\d+ created for Nov 2026/)
    const run = (
      await app.sql.query(`select status::text as status, commission_run_id as commission from pipeline_runs where id = $1`, [runId])
    ).rows[0]
    expect(run.status).toBe('closed')
    const marco = await app.sql.query(
      `select l.component::text as component, sum(l.amount)::numeric(12,2)::text as amount from commission_lines l
         join participants p on p.id = l.payee_id where l.run_id = $1 and p.code = 'GLW-02' group by l.component order by l.component::text`,
      [run.commission],
    )
    expect(marco.rows).toEqual([
      { component: 'differential', amount: '24.00' },
      { component: 'network_bonus', amount: '9.60' },
      { component: 'unilevel', amount: '28.00' },
    ])
  })

  it('(d) the consultant reads KPIs, rank, rank card and bonuses in the portal at 390 px and at desktop width', async () => {
    for (const [viewport, label] of [
      [PHONE, '390'],
      [{ width: 1280, height: 900 }, 'desktop'],
    ] as const) {
      const context = await browser.newContext({
        viewport,
        acceptDownloads: true,
        ...(label === '390' ? { isMobile: true, hasTouch: true } : {}),
      })
      const portal = await context.newPage()
      await portal.goto(`${app.url}/portal/login`)
      await portal.locator('#email').fill('consultant@glow.example')
      await portal.locator('#password').fill(DEMO_PASSWORD)
      await portal.getByTestId('portal-login').click()
      await portal.waitForURL(/\/portal$/)
      await portal.getByRole('link', { name: 'My network' }).click()
      await portal.waitForURL(/\/portal\/network/)
      await portal.getByTestId('network-summary').waitFor()
      expect(await portal.getByTestId('summary-cycle').innerText()).toContain('Nov 2026')
      expect(await portal.getByTestId('kpi-PV').getAttribute('data-value')).toBe('100')
      expect(await portal.getByTestId('kpi-GV').getAttribute('data-value')).toBe('500')
      expect(await portal.getByTestId('kpi-L1VC').getAttribute('data-value')).toBe('240')
      expect(await portal.getByTestId('kpis-asof').innerText()).toMatch(/^As of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/)
      expect(await portal.getByTestId('rank-paid').innerText()).toBe('Silver (SILVER)')
      expect(await portal.getByTestId('rank-honorary').innerText()).toBe('none') // recorded only above the paid rank
      expect(await portal.getByTestId('rank-next').innerText()).toBe('Gold')
      const gv = portal.getByTestId('card-GV')
      expect([await gv.getAttribute('data-met'), await gv.getAttribute('data-gap')]).toEqual(['no', '300'])
      expect(await gv.innerText()).toContain('has 500 · needs >= 800 · gap 300')
      expect(await gv.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('62') // 500 of 800, 62.5 % shown half-even
      expect(await portal.getByTestId('card-PV').getAttribute('data-met')).toBe('yes')
      // The statement's lines, one per component and member it comes from, and their sums by component.
      const lines = await portal
        .getByTestId('bonus-line')
        .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-component'), r.children[1]!.textContent, r.children[2]!.textContent]))
      expect(lines).toEqual(
        expect.arrayContaining([
          ['unilevel', 'level 1 on GLW-04', 'USD 16.00'],
          ['unilevel', 'level 1 on GLW-05', 'USD 8.00'],
          ['unilevel', 'level 2 on GLW-07', 'USD 4.00'],
          ['differential', 'own volume', 'USD 8.00'],
          ['differential', 'differential on GLW-04', 'USD 8.00'],
        ]),
      )
      const cents: Record<string, number> = {}
      for (const [component, , amount] of lines)
        cents[component!] = (cents[component!] ?? 0) + Math.round(Number(amount!.replace(/[^\d.-]/g, '')) * 100)
      expect(cents).toEqual({ unilevel: 2800, differential: 2400, network_bonus: 960 })
      expect(await portal.getByTestId('bonus-total').locator('td.amount').innerText()).toBe('USD 61.60')
      // The downline: his two recruits, then Daniel's two on expanding.
      const tree = portal.getByTestId('network-tree')
      await expect
        .poll(async () => tree.getByTestId('tree-node').evaluateAll((n) => n.map((e) => e.getAttribute('data-code'))), { timeout: 30_000 })
        .toEqual(['GLW-04', 'GLW-05'])
      await tree.getByTestId('tree-toggle-GLW-04').click()
      await expect
        .poll(async () => tree.getByTestId('tree-node').evaluateAll((n) => n.map((e) => e.getAttribute('data-code'))), { timeout: 30_000 })
        .toEqual(['GLW-04', 'GLW-07', 'GLW-08', 'GLW-05'])
      expect(await tree.locator('[data-code="GLW-04"]').innerText()).toMatch(/BRONZE[\s\S]*PV 200[\s\S]*GV 300/)
      await noSideScroll(portal, `network page at ${label}`, viewport.width)
      await portal.screenshot({ path: path.join(shots, `portal-network-${label}.png`), fullPage: true })
      const [extract] = await Promise.all([portal.waitForEvent('download'), portal.getByTestId('summary-extract').click()])
      expect(extract.suggestedFilename()).toMatch(/^extract-\d+\.xlsx$/)
      await context.close()
    }
  })

  it('(e) the admin’s Network view: search a member, expand down to it, read its 360° and download the settlement', async () => {
    const november = (await app.sql.query(`select id from commission_periods where starts_on = '2026-11-01' and cycle = 'regular'`)).rows[0]
      .id
    await page.goto(`${app.url}/admin/network?cycle=${november}`)
    expect(await page.getByTestId('network-cycle').inputValue()).toBe(String(november))
    const tree = page.getByTestId('network-tree')
    await expect.poll(async () => tree.locator('[data-code="GLW-01"]').count(), { timeout: 30_000 }).toBe(1)
    await tree.getByTestId('tree-search').fill('Hugo')
    await tree.getByTestId('tree-search-go').click()
    await tree.getByTestId('tree-hit-GLW-08').click()
    // Expanded down the path: GLW-01 → GLW-02 → GLW-04 → GLW-08, which is selected.
    await expect.poll(async () => tree.locator('[data-code="GLW-08"]').count(), { timeout: 30_000 }).toBe(1)
    const panel = page.getByTestId('network-360')
    await expect.poll(async () => panel.getByTestId('summary-member').innerText(), { timeout: 30_000 }).toContain('GLW-08')
    await tree.getByTestId('tree-select-GLW-02').click()
    await expect.poll(async () => panel.getByTestId('summary-member').innerText(), { timeout: 30_000 }).toContain('GLW-02')
    expect(await panel.getByTestId('kpi-GV').getAttribute('data-value')).toBe('500')
    expect(await panel.getByTestId('rank-paid').innerText()).toBe('Silver (SILVER)')
    expect(await panel.getByTestId('bonus-total').getAttribute('data-amount')).toMatch(/^61\.60*$/)
    await page.screenshot({ path: path.join(shots, 'admin-network.png'), fullPage: true })
    const [settlement] = await Promise.all([page.waitForEvent('download'), page.getByTestId('network-settlement').click()])
    const file = path.join(downloads, 'settlement.xlsx')
    await settlement.saveAs(file)
    const { rows } = await readXlsx(fs.readFileSync(file))
    const header = rows[0]!.map(String)
    const marco = rows.find((r) => r[0] === 'GLW-02')!
    expect(marco[header.indexOf('Bonuses')]).toBe(61.6)
    expect(marco[header.indexOf('Paid rank')]).toBe('SILVER')
  })
})

/** The wizard's step labels as the pipeline-type form lists them. */
async function stepLabels(): Promise<Record<string, string>> {
  const { STEP_INFO } = await import('../../../engine/multilevel/pipeline')
  return Object.fromEntries(Object.entries(STEP_INFO).map(([step, info]) => [step, info.label]))
}
