/**
 * The loyalty journey of the "Done means", in Chromium at 390 px against the built portal, the Glow Stars demo
 * (seed/loyalty) and the server's own REST API. Marco Silva (GLW-02, consultant@glow.example) is on the VIP list and
 * referred GLW-05 (seed/loyalty/data.ts); stars are 10 a serum (SKU-GLOW, 50.00) and 3 a mist (SKU-MIST, 12.50), a mist
 * costs 40 stars, 1 star = USD 0.05, and stars expire 12 months after the day they are earned.
 *
 * Worked by hand:
 *   (1) An old order (REST): GLW-02 bought 4 mists on 2025-11-10 → 4 × 3 = 12 stars, last usable day 2026-11-10.
 *   (2) A referral (REST): GLW-05 ordered in October (GL-1005, demo) and orders 2 serums on 2026-11-15 (2 × 50.00 =
 *       100.00); the November campaign's referral rules give GLW-02 "Referral continuity" (2 campaigns in a row ≥ 2)
 *       50 stars and "Referral sales" (100.00 ≥ 100) USD 10.00 of credit.
 *   (3) Order 1 in the portal: 3 serums, freight 12.00. Incentives: 150.00 ≥ 150 → freight waived; 3 serums → a free
 *       mist; VIP → 5 % off = 7.50; 150.00 ≥ 100 → a USD 10.00 coupon for the next order (60 days).
 *       Total 150.00 − 7.50 + 0.00 = 142.50. Stars: 3 × 10 = 30 (the free mist, at price 0, earns none and does not
 *       make the "Glow duo" rule fire). Balance 12 + 50 + 30 = 92.
 *   (4) Expiry (REST, the job's path): the 12 stars of 2025-11-10 expire → 80.
 *   (5) Redeem a mist in the portal: 80 − 40 = 40.
 *   (6) Convert the rest, 40 stars, to credit: 40 × 0.05 = USD 2.00 → 0 stars; credit 10.00 + 2.00 = USD 12.00.
 *   (7) Order 2 in the portal with the coupon and USD 5.00 of credit: 2 mists = 25.00, freight 12.00. Incentives: VIP
 *       5 % = 1.25 (25.00 × 0.05); no free freight (25.00 < 150); no coupon earned (25.00 < 100). Coupon 10.00 (at most
 *       the 23.75 of products left); credit 5.00. Total 25.00 − 1.25 − 10.00 + 12.00 − 5.00 = 20.75. Stars: 2 × 3 = 6.
 *       Credit 12.00 − 5.00 = USD 7.00.
 *   (8) The coupon again (REST): refused, naming the order it was used on.
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
const REUSE_BUILD = process.env.ACCRUE_E2E_REUSE_BUILD === '1'

let app: TestApp
let browser: Browser
let staff: Api
let page: Page

beforeAll(async () => {
  if (!REUSE_BUILD) ensureBuilt((line) => console.log(line))
  app = await startTestApp('e2e_loyalty_journey', { next: 'production' })
  browser = await launchChromium()
  expect(await seedLoyaltyDemo(app.payload)).toBe(true)
  staff = await Api.login(app.url, 'admin@northwind.example')
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })
  page = await context.newPage()
  await page.goto(`${app.url}/portal/login`)
  await page.locator('#email').fill('consultant@glow.example')
  await page.locator('#password').fill(DEMO_PASSWORD)
  await page.getByTestId('portal-login').click()
  await page.waitForURL(/\/portal$/)
}, 1_200_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

async function openLoyalty(): Promise<void> {
  await page.goto(`${app.url}/portal/loyalty`)
  await page.getByTestId('points-balance').waitFor({ timeout: 60_000 })
}

async function balanceIs(points: number): Promise<void> {
  await expect.poll(async () => page.getByTestId('points-balance').getAttribute('data-points'), { timeout: 30_000 }).toBe(String(points))
}

async function creditIs(amount: string): Promise<void> {
  await expect
    .poll(async () => page.getByTestId('wallet-USD').getAttribute('data-amount'), { timeout: 30_000 })
    .toMatch(new RegExp(`^${amount.replace('.', '\\.')}(00)?$`))
}

async function noSideScroll(where: string): Promise<void> {
  const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth))
  expect([where, width <= PHONE.width, width]).toEqual([where, true, width])
}

async function order(quantities: Record<string, string>, freight: string, extra: { coupon?: string; credit?: string } = {}): Promise<void> {
  for (const [sku, quantity] of Object.entries(quantities)) await page.getByTestId(`order-qty-${sku}`).fill(quantity)
  await page.getByTestId('order-freight').fill(freight)
  if (extra.coupon) await page.getByTestId('order-coupon').fill(extra.coupon)
  if (extra.credit) await page.getByTestId('order-credit').fill(extra.credit)
  await page.getByTestId('order-check').click()
  await page.getByTestId('order-evaluation').waitFor({ timeout: 30_000 })
}

describe('a consultant earns, sees stars expire, redeems, converts and uses a coupon (portal at 390 px and REST)', () => {
  it('earns on an old order and on a referral (REST)', async () => {
    const old = await staff.post('/api/network-orders/import', {
      lines: [
        {
          orderNumber: 'OLD-1',
          line: 1,
          bookedOn: '2025-11-10',
          consultantCode: 'GLW-02',
          productCode: 'SKU-MIST',
          quantity: 4,
          currency: 'USD',
        },
      ],
    })
    expect(old.status, JSON.stringify(old.body)).toBe(200)
    const earned = await staff.post('/api/points-movements/earn', { from: '2025-11-01', to: '2025-11-30' })
    expect(earned.status, JSON.stringify(earned.body)).toBe(200)

    const referred = await staff.post('/api/network-orders/import', {
      lines: [
        {
          orderNumber: 'REF-1',
          line: 1,
          bookedOn: '2026-11-15',
          consultantCode: 'GLW-05',
          productCode: 'SKU-GLOW',
          quantity: 2,
          currency: 'USD',
        },
      ],
    })
    expect(referred.status, JSON.stringify(referred.body)).toBe(200)
    const november = (
      await app.sql.query<{ id: number }>(
        `select id from commission_periods where cycle = 'regular' and frequency = 'monthly' and starts_on::date = '2026-11-01'`,
      )
    ).rows[0]!.id
    const rewards = await staff.post('/api/loyalty-programs/referrals', { period: november })
    expect(rewards.status, JSON.stringify(rewards.body)).toBe(200)
    const mine = rewards.body.rewards
      .filter((r: { referrer: string }) => r.referrer === 'GLW-02')
      .map((r: { label: string; points: number | null; amount: string | null }) => [
        r.label,
        r.points,
        r.amount === null ? null : Number(r.amount),
      ])
    expect(mine.sort()).toEqual([
      ['Referral continuity', 50, null],
      ['Referral sales', null, 10],
    ])

    await openLoyalty()
    await balanceIs(62) // 12 + 50
    expect(await page.getByTestId('referral').first().getAttribute('data-points')).toBe('50')
    await creditIs('10.00')
    await noSideScroll('loyalty page after the referral')
  })

  it('places order 1 in the portal: free freight, a free mist, 5 % VIP, a coupon for the next order; 30 stars', async () => {
    await order({ 'SKU-GLOW': '3' }, '12.00')
    const applied = await page
      .getByTestId('order-applied')
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')))
    expect(applied.sort()).toEqual(['coupon_amount', 'discount_percent', 'freight_waived', 'gift'])
    expect(await page.getByTestId('order-applied').innerText()).toContain('when orderAmount: >= 150')
    expect(await page.getByTestId('order-total').innerText()).toBe('USD 142.50')
    await noSideScroll('order 1 checked')
    await page.getByTestId('order-place').click()
    await page.getByTestId('order-placed').waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('order-total').innerText()).toBe('USD 142.50')
    expect(await page.getByTestId('order-discount').innerText()).toBe('−USD 7.50')
    expect(await page.getByTestId('order-freight-charged').innerText()).toBe('USD 0.00')
    expect(await page.getByTestId('order-coupons-issued').innerText()).toMatch(/USD 10\.00 until \d{4}-\d{2}-\d{2}/)
    await balanceIs(92) // 62 + 30
    await page.screenshot({ path: path.join(shots, 'loyalty-journey-order-390.png'), fullPage: true })
  })

  it('sees the 12 stars of 2025-11-10 expire when the expiry runs', async () => {
    const expired = await staff.post('/api/points-movements/expire', {})
    expect(expired.status, JSON.stringify(expired.body)).toBe(200)
    expect([expired.body.lots, expired.body.points]).toEqual([1, 12])
    await openLoyalty()
    await balanceIs(80)
    const kinds = await page
      .getByTestId('points-movement')
      .evaluateAll((cards) => cards.map((c) => [c.getAttribute('data-kind'), c.getAttribute('data-points')]))
    expect(kinds).toContainEqual(['expire', '-12'])
    const again = await staff.post('/api/points-movements/expire', {})
    expect([again.body.lots, again.body.points]).toEqual([0, 0])
  })

  it('redeems a mist and converts the rest to credit', async () => {
    await page.getByTestId('redeem-qty-SKU-MIST').fill('1')
    await page.getByTestId('redeem-go-SKU-MIST').click()
    await balanceIs(40)
    await page.getByTestId('convert-direction').selectOption('to_credit')
    await page.getByTestId('convert-currency').selectOption('USD')
    await page.getByTestId('convert-value').fill('40')
    await page.getByTestId('convert-go').click()
    await page.getByTestId('convert-done').waitFor({ timeout: 30_000 })
    await balanceIs(0)
    await creditIs('12.00')
    await noSideScroll('after the conversion')
  })

  it('uses the coupon and USD 5.00 of credit on order 2, and cannot use the coupon again', async () => {
    const coupons = await staff.get('/api/coupons?where[consultant.code][equals]=GLW-02&depth=0')
    expect(coupons.status).toBe(200)
    expect(coupons.body.docs).toHaveLength(1)
    const code = coupons.body.docs[0].code as string
    expect(await page.getByTestId(`coupon-${code}`).isVisible()).toBe(true)

    await order({ 'SKU-GLOW': '0', 'SKU-MIST': '2' }, '12.00', { coupon: code, credit: '5.00' })
    expect(await page.getByTestId('order-coupon-discount').innerText()).toBe('−USD 10.00')
    expect(await page.getByTestId('order-total').innerText()).toBe('USD 20.75')
    await page.getByTestId('order-place').click()
    await page.getByTestId('order-placed').waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('order-discount').innerText()).toBe('−USD 1.25')
    expect(await page.getByTestId('order-credit-used').innerText()).toBe('−USD 5.00')
    expect(await page.getByTestId('order-total').innerText()).toBe('USD 20.75')
    const placed = (await page.getByTestId('order-placed-number').innerText()).replace(/^Order (\S+) placed\.$/, '$1')
    await balanceIs(6)
    await creditIs('7.00')

    const reuse = await staff.post('/api/order-incentives/checkout', {
      orderNumber: 'REUSE-1',
      consultant: 'GLW-02',
      orderDate: new Date().toISOString().slice(0, 10),
      currency: 'USD',
      freight: '0',
      items: [{ product: 'SKU-MIST', quantity: 1 }],
      coupon: code,
    })
    expect(reuse.status).toBe(409)
    expect(reuse.body.errors[0].field).toBe('coupon')
    expect(reuse.body.errors[0].message).toContain(placed)
    await page.screenshot({ path: path.join(shots, 'loyalty-journey-coupon-390.png'), fullPage: true })
  })
})
