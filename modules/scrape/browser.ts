import fs from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/**
 * Debian's Chromium driven by playwright-core (no browser download), with the flags this closed network needs.
 * playwright gives every launch a fresh temporary profile; every run gets a fresh context on top of it.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!fs.existsSync(executablePath))
    throw new Error(`Chromium is not installed at ${executablePath}: apt-get install chromium (or set CHROMIUM_PATH)`)
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
