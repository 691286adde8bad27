import type { Browser, Page } from 'playwright-core'

import { DEMO_PASSWORD } from '../../seed/network/data'

export { launchChromium } from '../../modules/scrape/browser'

/** Logs a demo user into the admin in a fresh browser context (downloads allowed) and returns its page. */
export async function logIn(browser: Browser, baseUrl: string, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true })
  const page = await context.newPage()
  await page.goto(`${baseUrl}/admin/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(/\/admin(?!\/login)/)
  return page
}

/** A phone's viewport: every portal page must fit its width. */
export const PHONE = { width: 390, height: 844 }

/** Logs a demo user into the partner portal on a phone-sized, touch context and returns its page. */
export async function logInPortalOnPhone(browser: Browser, baseUrl: string, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  await page.goto(`${baseUrl}/portal/login`)
  await page.locator('#email').fill(email)
  await page.locator('#password').fill(DEMO_PASSWORD)
  await page.getByTestId('portal-login').click()
  await page.waitForURL(/\/portal$/)
  return page
}

/** How wide the page is laid out: more than the viewport means the page itself scrolls sideways. */
export async function pageScrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth))
}
