/**
 * The consultant's loyalty page (/portal/loyalty) in Chromium at 390 px, against the built portal, the demo data and
 * the loyalty demo (seed/loyalty: the Glow Stars program, stars on the catalog, the wallet rates, two referrals and the
 * convention goal). Marco Silva (GLW-02, consultant@glow.example) reads his stars, redeems a product, converts stars to
 * credit and back, and reads his coupons, referrals and goals.
 *
 * Worked by hand (seed/multilevel GLOW_ORDERS, seed/loyalty PRODUCT_POINTS and CONVERSION_RATES):
 *
 *   Earn job for October 2026 (staff, POST /api/points-movements/earn): GLW-02's orders are
 *     GL-1002 SKU-GLOW × 2 on 2026-10-03 → 2 × 10 = 20 stars, expiring 2027-10-03 (12 months);
 *     GL-1011 SKU-MIST × 2 on 2026-10-25 → 2 × 3  =  6 stars, expiring 2027-10-25.
 *     The earn rules add nothing: "Glow duo" needs serum and mist in ONE order (they are two orders), "Gold order" needs
 *     rank GOLD (the demo has no member cycles until a pipeline runs, so no rank).
 *   Staff adjustment +300 "Welcome bonus" (POST /api/points-movements/adjust) → a lot of 300 booked today.
 *   Balance 20 + 6 + 300 = 326 stars; what expires when: 2027-10-03 → 20, 2027-10-25 → 6, (today + 12 months) → 300.
 *   Redeem 1 × Hydra mist (SKU-MIST, 40 stars): 326 − 40 = 286; taken oldest-expiring first: 20 (the 2027-10-03 lot),
 *     6 (2027-10-25), 14 from the 300 → only the bonus lot is left: 300 − 14 = 286 expiring in 12 months.
 *   Convert 100 stars to USD at 0.05 USD a star: 100 × 0.05 = USD 5.00 of credit; 286 − 100 = 186 stars.
 *   Convert USD 1.00 back at 20 stars a USD: 1.00 × 20 = 20 stars; 186 + 20 = 206 stars; credit 5.00 − 1.00 = USD 4.00.
 *   Redeem 2 × Glow serum (SKU-GLOW, 120 stars each): 2 × 120 = 240 > 206 held → refused, nothing written: still 206.
 *
 *   Coupons: staff issue GLW-02 an amount coupon of 10 USD usable until 2030-12-31 → one card, "USD 10.00 off", ready.
 *   Referrals (seed/loyalty REFERRALS): GLW-05 Emma Rossi and GLW-08 Hugo Lima, no reward run yet → 0 stars each.
 *   Goal "Convention 2027" (2026-10-01 .. 2027-03-31), four items: stars earned 20 + 6 = 26 < 500 (the bonus is an
 *     adjustment, the 20 stars bought with credit a conversion: neither counts); sales 2 × 50.00 + 2 × 12.50 = 125.00
 *     < 1,000; referrals who joined in the period 0 < 2 (both joined 2026-03-01); the training ticked by staff → met.
 *     1 of 4 = 25 %.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureBuilt } from '../../../scripts/build'
import { DEMO_PASSWORD } from '../../../seed/network/data'
import { seedLoyaltyDemo } from '../../../seed/loyalty/write'
import { startTestApp, type TestApp } from '../../support/app'
import { launchChromium } from '../../support/browser'
import { Api } from '../../support/http'

const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-results')
const PHONE = { width: 390, height: 844 }
const CONSULTANT = 'consultant@glow.example'
/**
 * ACCRUE_E2E_REUSE_BUILD=1 serves the existing `.next` build as it is (the REST API always runs from the source) instead
 * of rebuilding when any source changed: for working on the page while other work changes the tree.
 */
const REUSE_BUILD = process.env.ACCRUE_E2E_REUSE_BUILD === '1'

let app: TestApp
let browser: Browser
let staff: Api
let glw02 = 0

beforeAll(async () => {
  if (!REUSE_BUILD) ensureBuilt((line) => console.log(line))
  app = await startTestApp('e2e_loyalty_portal', { next: 'production' })
  browser = await launchChromium()
  expect(await seedLoyaltyDemo(app.payload)).toBe(true)
  glw02 = (await app.sql.query<{ id: number }>(`select id from participants where code = 'GLW-02'`)).rows[0]!.id
  staff = await Api.login(app.url, 'admin@northwind.example')
}, 1_200_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

/** Logs the consultant into the portal on a phone and opens the loyalty page from the home's link. */
async function loyaltyOnPhone(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  await page.goto(`${app.url}/portal/login`)
  await page.locator('#email').fill(CONSULTANT)
  await page.locator('#password').fill(DEMO_PASSWORD)
  await page.getByTestId('portal-login').click()
  await page.waitForURL(/\/portal$/)
  expect(await page.getByTestId('portal-loyalty-link').innerText()).toBe('My stars')
  await page.getByTestId('portal-loyalty-link').click()
  await page.waitForURL(/\/portal\/loyalty$/)
  await page.getByTestId('points-balance').waitFor({ timeout: 60_000 })
  return page
}

/** The page scrolls sideways by nothing at 390 px: whatever is wide wraps or scrolls inside its own box. */
async function noSideScroll(page: Page, where: string): Promise<void> {
  const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth))
  expect([where, width <= PHONE.width, width]).toEqual([where, true, width])
}

/** Waits until the balance on screen is `points` (the sections read again after every change). */
async function balanceIs(page: Page, points: number, text: string): Promise<void> {
  await expect.poll(async () => page.getByTestId('points-balance').getAttribute('data-points'), { timeout: 30_000 }).toBe(String(points))
  expect(await page.getByTestId('points-balance').innerText()).toBe(text)
}

describe('a consultant reads, redeems and converts his stars in the portal at 390 px', () => {
  it('earns stars on his October orders and a staff bonus (REST), and reads balance, expiry and movements', async () => {
    const earn = await staff.post('/api/points-movements/earn', { from: '2026-10-01', to: '2026-10-31' })
    expect(earn.status, JSON.stringify(earn.body)).toBe(200)
    const bonus = await staff.post('/api/points-movements/adjust', {
      program: 'STARS',
      consultant: 'GLW-02',
      points: 300,
      reason: 'Welcome bonus',
    })
    expect(bonus.status, JSON.stringify(bonus.body)).toBe(201)

    const page = await loyaltyOnPhone()
    await balanceIs(page, 326, '326 stars') // 20 + 6 + 300
    await noSideScroll(page, 'loyalty page on arrival')

    const expiring = page.getByTestId('points-expiring').locator('li')
    expect(await expiring.count()).toBe(3)
    expect(await page.getByTestId('expires-2027-10-03').getAttribute('data-points')).toBe('20')
    expect(await page.getByTestId('expires-2027-10-03').innerText()).toMatch(/usable until 2027-10-03\s+20 stars/)
    expect(await page.getByTestId('expires-2027-10-25').getAttribute('data-points')).toBe('6')
    expect(await expiring.nth(2).getAttribute('data-points')).toBe('300')

    const movements = page.getByTestId('points-movement')
    expect(await movements.count()).toBe(3)
    // Newest first: the bonus (today), then 2026-10-25, then 2026-10-03.
    expect(await movements.evaluateAll((cards) => cards.map((c) => [c.getAttribute('data-kind'), c.getAttribute('data-points')]))).toEqual([
      ['adjust', '300'],
      ['earn', '6'],
      ['earn', '20'],
    ])
    expect(await movements.nth(0).innerText()).toContain('Welcome bonus')
    expect(await movements.nth(2).innerText()).toContain('2026-10-03')
    await page.context().close()
  })

  it('redeems a mist (balance down by exactly 40), converts 100 stars to USD 5.00 and USD 1.00 back, and is refused 2 serums', async () => {
    const page = await loyaltyOnPhone()
    await balanceIs(page, 326, '326 stars')

    const mist = page.getByTestId('redeem-SKU-MIST')
    expect(await mist.getAttribute('data-redeem-points')).toBe('40')
    expect(await mist.innerText()).toContain('40 stars each')
    await page.getByTestId('redeem-go-SKU-MIST').click()
    await page.getByTestId('redeem-done-SKU-MIST').waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('redeem-done-SKU-MIST').innerText()).toMatch(
      /^Redeemed 1 × Hydra mist for 40 stars \(redemption #\d+\)\.$/,
    )
    await balanceIs(page, 286, '286 stars') // 326 − 40
    // Oldest-expiring first: the 20 and the 6 are gone, 14 came from the bonus lot.
    await expect.poll(async () => page.getByTestId('points-expiring').locator('li').count()).toBe(1)
    expect(await page.getByTestId('points-expiring').locator('li').first().getAttribute('data-points')).toBe('286')
    expect(await page.getByTestId('points-movement').first().getAttribute('data-kind')).toBe('redeem')
    expect(await page.getByTestId('points-movement').first().getAttribute('data-points')).toBe('-40')
    await noSideScroll(page, 'after the redemption')

    expect(await page.getByTestId('wallet-empty').innerText()).toBe('No account credit yet.')
    await page.getByTestId('convert-direction').selectOption('to_credit')
    await page.getByTestId('convert-currency').selectOption('USD')
    await page.getByTestId('convert-value').fill('100')
    await page.getByTestId('convert-go').click()
    await page.getByTestId('convert-done').waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('convert-done').innerText()).toBe('Converted 100 stars to USD 5.00 of credit at 0.05 USD per star.')
    await balanceIs(page, 186, '186 stars') // 286 − 100
    await expect.poll(async () => page.getByTestId('wallet-USD').getAttribute('data-amount'), { timeout: 30_000 }).toMatch(/^5\.00(00)?$/)
    expect(await page.getByTestId('wallet-USD').innerText()).toContain('USD 5.00')

    await page.getByTestId('convert-direction').selectOption('to_points')
    await page.getByTestId('convert-value').fill('1.00')
    await page.getByTestId('convert-go').click()
    await expect
      .poll(async () => page.getByTestId('convert-done').innerText(), { timeout: 30_000 })
      .toBe('Converted USD 1.00 of credit to 20 stars at 20 stars per USD.')
    await balanceIs(page, 206, '206 stars') // 186 + 20
    await expect.poll(async () => page.getByTestId('wallet-USD').getAttribute('data-amount'), { timeout: 30_000 }).toMatch(/^4\.00(00)?$/)

    await page.getByTestId('redeem-qty-SKU-GLOW').fill('2')
    await page.getByTestId('redeem-go-SKU-GLOW').click()
    await page.getByTestId('redeem-error-SKU-GLOW').waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('redeem-error-SKU-GLOW').innerText()).toContain('206 held, 240 asked') // 2 × 120
    await page.reload()
    await balanceIs(page, 206, '206 stars')
    const redemptions = await app.sql.query<{ n: number }>(`select count(*)::int as n from points_redemptions where consultant_id = $1`, [
      glw02,
    ])
    expect(redemptions.rows[0]!.n).toBe(1)

    await noSideScroll(page, 'after the conversions')
    await page.screenshot({ path: path.join(shots, 'portal-loyalty-390.png'), fullPage: true })
    await page.context().close()
  })

  it('reads a coupon staff issued, his two referrals, and the convention goal at 25 % once staff tick the training', async () => {
    const coupon = await staff.post('/api/coupons/issue', {
      consultant: 'GLW-02',
      kind: 'amount',
      value: '10',
      currency: 'USD',
      expiresOn: '2030-12-31',
      label: 'Thank you',
    })
    expect(coupon.status, JSON.stringify(coupon.body)).toBe(201)
    const code = coupon.body.doc.code as string
    const goal = (await app.sql.query<{ id: number }>(`select id from loyalty_goals where name = 'Convention 2027'`)).rows[0]!.id
    const tick = await staff.post(`/api/loyalty-goals/${goal}/check`, { consultant: 'GLW-02', item: 'Complete the product training' })
    expect(tick.status, JSON.stringify(tick.body)).toBeLessThan(300)

    const page = await loyaltyOnPhone()
    const card = page.getByTestId(`coupon-${code}`)
    await card.waitFor({ timeout: 30_000 })
    expect(await card.getAttribute('data-status')).toBe('issued')
    expect(await page.getByTestId(`coupon-value-${code}`).innerText()).toBe('USD 10.00 off')
    expect(await card.innerText()).toContain('2030-12-31')

    await page.getByTestId('referrals').waitFor({ timeout: 30_000 })
    const referrals = page.getByTestId('referral')
    expect(await referrals.evaluateAll((cards) => cards.map((c) => c.querySelector('strong')?.textContent))).toEqual([
      'GLW-05 · Emma Rossi',
      'GLW-08 · Hugo Lima',
    ])
    expect(await referrals.first().getAttribute('data-points')).toBe('0')

    const convention = page.getByTestId('goal')
    await convention.first().waitFor({ timeout: 30_000 })
    expect(await convention.count()).toBe(1)
    expect(await convention.first().getAttribute('data-percent')).toBe('25') // 1 of 4
    expect(await convention.first().getByTestId('goal-percent').innerText()).toBe('25 %')
    expect(
      await convention
        .first()
        .getByTestId('goal-item')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-met'))),
    ).toEqual(['no', 'no', 'no', 'yes'])
    expect(await convention.first().getByTestId('goal-item').first().innerText()).toContain('so far 26')
    await noSideScroll(page, 'coupons, referrals and goals')
    await page.screenshot({ path: path.join(shots, 'portal-loyalty-390-all.png'), fullPage: true })
    await page.context().close()
  })
})
