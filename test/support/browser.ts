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
