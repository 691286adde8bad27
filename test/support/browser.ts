import fs from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'

import { DEMO_PASSWORD } from '../../seed/network'

/**
 * Debian's Chromium driven by playwright-core (no browser download), with the flags this closed network needs.
 * playwright gives every launch a fresh temporary profile.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium is not installed at ${executablePath}: apt-get install chromium (or set CHROMIUM_PATH)`)
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })
}

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
