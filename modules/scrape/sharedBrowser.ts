import type { Browser } from 'playwright-core'

import { launchChromium } from './browser'

let shared: Promise<Browser> | null = null

/** The worker process's one browser, launched on first use (each run still gets a fresh context). */
export function sharedBrowser(): Promise<Browser> {
  if (!shared) {
    shared = launchChromium().then((browser) => {
      browser.on('disconnected', () => {
        shared = null
      })
      return browser
    })
    shared.catch(() => {
      shared = null
    })
  }
  return shared
}

/** Closes the browser when the worker stops. */
export async function closeSharedBrowser(): Promise<void> {
  const current = shared
  shared = null
  if (current) await (await current.catch(() => null))?.close()
}
