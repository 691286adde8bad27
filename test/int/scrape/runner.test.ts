import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { Server } from 'node:http'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createCarrierPortal } from '../../../demo/carrier-portal/app'
import { openSheet } from '../../../modules/ingest/readers'
import { ConnectorError } from '../../../modules/scrape/errors'
import { runConnector, type ConnectorRun } from '../../../modules/scrape/runConnector'
import { launchChromium } from '../../../modules/scrape/browser'
import { VERTEX_EXPORT_STEPS, VERTEX_PORTAL_STEPS } from '../../../seed/scrape/connectors'
import { MAPPINGS } from '../../../seed/telecom/data'

/** The configured Vertex connector against the local portal stand-in, in Chromium. */
const CREDENTIALS = { username: 'dealer.demo', password: 'Vertex#2026!secret', totpSecret: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF' }
const HEADERS = (MAPPINGS.find((m) => m.name === 'Vertex Wireless portal export')!.columns as readonly { header: string }[]).map(
  (c) => c.header,
)

let server: Server
let baseUrl: string
let browser: Browser

const control = (body: unknown) =>
  fetch(`${baseUrl}/__control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

const run = (over: Partial<ConnectorRun> = {}): ConnectorRun => ({
  loginUrl: `${baseUrl}/login`,
  steps: VERTEX_PORTAL_STEPS,
  credentials: CREDENTIALS,
  period: { from: '2026-10-01', to: '2026-10-05' },
  expectedHeaders: HEADERS,
  ...over,
})

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(err instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(err)}`)
  return err
}

beforeAll(async () => {
  const app = createCarrierPortal({ ...CREDENTIALS, rows: { count: 620, from: '2026-10-01', days: 31 } })
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, () => resolve(s))
  })
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
})

describe('a configured connector in Chromium', () => {
  it('signs in with password and one-time code, reads every page of the period and hands over a file the mapping reads', async () => {
    const report = await runConnector(browser, run())
    const csv = await (await fetch(`${baseUrl}/reports/activations.csv?from=2026-10-01&to=2026-10-05`, { redirect: 'manual' })).status
    expect(csv).toBe(302) // the export needs a session: the connector really signed in
    expect(report.pages).toBe(Math.ceil(report.rows / 50))
    expect(report.rows).toBe(100)
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-scrape-')), report.fileName)
    fs.writeFileSync(file, report.data)
    const sheet = await openSheet(file, { format: 'xlsx', expectedHeaders: HEADERS })
    expect(sheet.missingHeaders).toEqual([])
    let rows = 0
    let first: unknown[] | null = null
    for await (const row of sheet.rows) {
      rows++
      first ??= row.cells
    }
    expect(rows).toBe(100)
    expect(String(first![0])).toMatch(/^0[1-5]\.10\.2026$/)
    expect(String(first![3])).toMatch(/^8901\d{15}$/)
  })

  it('the CSV export variant downloads the same rows', async () => {
    const report = await runConnector(browser, run({ steps: VERTEX_EXPORT_STEPS }))
    expect(report.fileName).toBe('vertex-activations-2026-10-01-2026-10-05.csv')
    expect(report.rows).toBe(100)
    expect(report.data.toString('utf8').split(/\r?\n/)[0]).toBe(HEADERS.join(';'))
  })

  it('a wrong password is a permanent failure naming the step, with the page kept and no password in it', async () => {
    const err = await failure(runConnector(browser, run({ credentials: { ...CREDENTIALS, password: 'wrong-password-123' } })))
    expect(err.kind).toBe('permanent')
    expect(err.retryable).toBe(false)
    expect(err.step).toEqual({ index: 4, action: 'failIfPresent', target: '#login-error' })
    expect(err.message).toBe('step 5 (failIfPresent "#login-error"): the portal refused the sign-in: Invalid username or password')
    expect(err.evidence.screenshot!.subarray(0, 4).toString('hex')).toBe('89504e47')
    expect(err.evidence.html).toContain('Invalid username or password')
    expect(err.evidence.html).not.toContain('wrong-password-123')
  })

  it('a changed portal layout fails with a drift diagnosis naming the step and selector', async () => {
    await control({ layout: 'changed' })
    try {
      const err = await failure(runConnector(browser, run()))
      expect(err.kind).toBe('drift')
      expect(err.step).toEqual({ index: 10, action: 'readTable', target: 'table#activations' })
      expect(err.message).toBe(
        'step 11 (readTable "table#activations"): the portal no longer matches the connector — the element was not found in time',
      )
      expect(err.evidence.html).toContain('activation-report')
      expect(err.evidence.html).not.toContain(CREDENTIALS.password)
      const renamedTable = await failure(
        runConnector(
          browser,
          run({ steps: [...VERTEX_PORTAL_STEPS.slice(0, -1), { action: 'readTable', target: 'table', nextSelector: 'a.next-page' }] }),
        ),
      )
      expect(renamedTable.kind).toBe('drift')
      expect(renamedTable.message).toContain(
        "the table's columns differ from the mapping: missing SIM_ICCID, DEVICE_IMEI, AGENT_CODE, ACT_COMM, FEAT_COMM",
      )
    } finally {
      await control({ layout: 'standard' })
    }
  }, 60_000)

  it('a portal error page is a transient failure, marked retryable; the next attempt succeeds', async () => {
    await control({ failNext: { status: 503, times: 1 } })
    const err = await failure(runConnector(browser, run()))
    expect(err.kind).toBe('transient')
    expect(err.retryable).toBe(true)
    expect(err.message).toBe('step 1 (goto "{{loginUrl}}"): the portal answered HTTP 503')
    const report = await runConnector(browser, run())
    expect(report.rows).toBe(100)
  })
})
