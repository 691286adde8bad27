/**
 * The API reference page (/api/docs) in Chromium: Redoc, served from this server with no CDN, renders the OpenAPI
 * document and its side menu lists every operation of it (every collection's CRUD and every custom endpoint) and
 * every webhook. Served by the API itself, so no Next build is needed. A screenshot goes to test-results/.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { launchChromium } from '../../support/browser'

const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-results')

let app: TestApp
let browser: Browser

beforeAll(async () => {
  app = await startTestApp('api_reference')
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe('the API reference page', () => {
  it('shows every operation and webhook of the document in its menu, loading nothing from elsewhere', async () => {
    const document = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string; summary: string }>>
      webhooks: Record<string, unknown>
    }
    const operations = Object.values(document.paths).flatMap((byMethod) => Object.values(byMethod))
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const foreign: string[] = []
    // Redoc's own footer points at a logo on its CDN, which the Content-Security-Policy blocks: nothing is loaded from elsewhere.
    page.on('requestfinished', (request) => {
      if (!request.url().startsWith(app.url) && !request.url().startsWith('data:') && !request.url().startsWith('blob:'))
        foreign.push(request.url())
    })
    const errors: string[] = []
    page.on('pageerror', (err) => errors.push(err.message))
    await page.goto(`${app.url}/api/docs`)
    // Redoc's menu: one entry per operation (`operation/<operationId>`) and per webhook.
    const entries = page.locator('[data-item-id*="/operation/"]')
    await expect.poll(() => entries.count(), { timeout: 120_000, interval: 1_000 }).toBeGreaterThan(0)
    const ids = await entries.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-item-id') ?? ''))
    const shown = new Set(ids.map((id) => id.slice(id.indexOf('/operation/') + '/operation/'.length)))
    const missing = operations.map((op) => op.operationId).filter((id) => !shown.has(id))
    expect(missing).toEqual([])
    for (const type of Object.keys(document.webhooks)) expect(shown.has(`webhook.${type}`), type).toBe(true)
    // A custom endpoint's page: its summary is on the page.
    await expect.poll(() => page.getByText('Download an import’s rejected rows').count(), { timeout: 30_000 }).toBeGreaterThan(0)
    await page.screenshot({ path: path.join(shots, 'api-reference.png') })
    expect(foreign).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })
})
