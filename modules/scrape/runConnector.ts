import ExcelJS from 'exceljs'
import type { Browser, Page, Response } from 'playwright-core'

import { fillPlaceholders, headerDrift, type ConnectorStep, type PlaceholderValues } from '../../engine/scrape/steps'
import { totp } from '../../engine/scrape/totp'
import { maskSecrets } from './security/mask'
import { ConnectorError, type FailureKind } from './errors'

export type ConnectorRun = {
  /** The portal's sign-in page; relative step URLs resolve against its origin. */
  loginUrl: string
  steps: readonly ConnectorStep[]
  credentials: { username: string; password: string; totpSecret?: string | null }
  period: { from: string; to: string }
  /** The headers the import mapping expects; a scraped table must carry them. */
  expectedHeaders: readonly string[]
  /** Reports progress (pages read, rows so far). */
  onProgress?: (progress: { pages: number; rows: number }) => void
  now?: () => number
  /** Invoices: the download step clicks every link its selector matches and keeps every file (in `files`). */
  downloadAll?: boolean
}

export type FetchedFile = { fileName: string; data: Buffer }
export type FetchedReport = { fileName: string; data: Buffer; rows: number; pages: number; files?: FetchedFile[] }

const DEFAULT_TIMEOUT = 10_000

/**
 * Runs one connector in a fresh browser context: follows its steps, fetches one report (a paginated table read
 * page by page, or a downloaded export) and returns it as a file for the import path. Always closes its context.
 * Failures are ConnectorErrors with the step, the kind, a screenshot and the masked HTML of the page.
 */
export async function runConnector(browser: Browser, run: ConnectorRun): Promise<FetchedReport> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  let lastStatus = 0
  page.on('response', (response: Response) => {
    if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) lastStatus = response.status()
  })
  const secrets = [run.credentials.password, run.credentials.totpSecret ?? ''].filter((s) => s !== '')
  const values: PlaceholderValues = {
    username: run.credentials.username,
    password: run.credentials.password,
    totp: '',
    from: run.period.from,
    to: run.period.to,
    loginUrl: run.loginUrl,
  }
  let report: FetchedReport | null = null
  try {
    for (const [index, step] of run.steps.entries()) {
      const where = { index, action: step.action, target: step.target }
      const timeout = step.timeoutMs ?? DEFAULT_TIMEOUT
      try {
        if (step.value?.includes('{{totp}}')) {
          if (!run.credentials.totpSecret)
            throw new ConnectorError('permanent', 'the portal asks for a one-time code but the connector has no TOTP secret', where)
          values.totp = totp(run.credentials.totpSecret, (run.now ?? Date.now)())
        }
        report = (await perform(page, step, values, run, timeout)) ?? report
        if (lastStatus >= 500) throw new ConnectorError('transient', `the portal answered HTTP ${lastStatus}`, where)
      } catch (err) {
        throw await diagnose(page, err, where, lastStatus, secrets)
      }
    }
    if (!report) throw new ConnectorError('drift', 'the steps ended without fetching a report', null)
    return report
  } finally {
    await context.close()
  }
}

async function perform(
  page: Page,
  step: ConnectorStep,
  values: PlaceholderValues,
  run: ConnectorRun,
  timeout: number,
): Promise<FetchedReport | null> {
  const target = fillPlaceholders(step.target, values)
  switch (step.action) {
    case 'goto': {
      const url = new URL(target, values.loginUrl).toString()
      await page.goto(url, { timeout, waitUntil: 'domcontentloaded' })
      return null
    }
    case 'fill':
      await page.locator(target).fill(fillPlaceholders(step.value ?? '', values), { timeout })
      return null
    case 'click':
      // A click that submits a form navigates; the next step's locator waits for what it needs on the new page.
      await page.locator(target).click({ timeout })
      await page.waitForLoadState('domcontentloaded', { timeout })
      return null
    case 'waitFor':
      await page.locator(target).first().waitFor({ state: 'visible', timeout })
      return null
    case 'failIfPresent': {
      const found = page.locator(target)
      if ((await found.count()) > 0 && (await found.first().isVisible())) {
        const text = (await found.first().innerText()).trim()
        throw new ConnectorError(step.failure ?? 'permanent', `${step.value ? `${step.value}: ` : ''}${text}`, null)
      }
      return null
    }
    case 'readTable':
      return readTable(page, target, step.nextSelector ?? null, run, timeout)
    case 'download':
      return run.downloadAll ? downloadAll(page, target, timeout) : download(page, target, timeout)
  }
}

/** Reads a paginated HTML table page by page, following the "next" link, into an .xlsx the import path reads. */
async function readTable(
  page: Page,
  selector: string,
  nextSelector: string | null,
  run: ConnectorRun,
  timeout: number,
): Promise<FetchedReport> {
  await page.locator(selector).first().waitFor({ state: 'attached', timeout })
  const read = () =>
    page
      .locator(selector)
      .first()
      .evaluate((table) => ({
        headers: [...table.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').trim()),
        rows: [...table.querySelectorAll('tbody tr')].map((tr) =>
          [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()),
        ),
      }))
  const first = await read()
  const drift = headerDrift(run.expectedHeaders, first.headers)
  if (drift) throw new ConnectorError('drift', drift, null)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Report')
  sheet.addRow(first.headers)
  let pages = 0
  let rows = 0
  for (let current = first; ;) {
    for (const row of current.rows) sheet.addRow(row)
    pages++
    rows += current.rows.length
    run.onProgress?.({ pages, rows })
    if (!nextSelector || (await page.locator(nextSelector).count()) === 0) break
    // Follow the link's address rather than clicking it: goto resolves when the next page has loaded, so a table
    // is never read half-way through arriving.
    const href = await page.locator(nextSelector).first().getAttribute('href', { timeout })
    if (!href) throw new ConnectorError('drift', `the next-page link "${nextSelector}" has no address`, null)
    await page.goto(new URL(href, page.url()).toString(), { timeout, waitUntil: 'domcontentloaded' })
    await page.locator(selector).first().waitFor({ state: 'attached', timeout })
    current = await read()
  }
  const data = Buffer.from(await workbook.xlsx.writeBuffer())
  return { fileName: `report-${run.period.from}-${run.period.to}.xlsx`, data, rows, pages }
}

/** Clicks an export link and takes the file it downloads. A login page in its place means the session ended. */
async function download(page: Page, selector: string, timeout: number): Promise<FetchedReport> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout }), page.locator(selector).first().click({ timeout })])
  const stream = await file.createReadStream()
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  const data = Buffer.concat(chunks)
  const lines = data
    .toString('utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '').length
  return { fileName: file.suggestedFilename(), data, rows: Math.max(0, lines - 1), pages: 1 }
}

/** Clicks every link the selector matches, one after the other, and keeps each file it downloads (none is fine). */
async function downloadAll(page: Page, selector: string, timeout: number): Promise<FetchedReport> {
  const links = page.locator(selector)
  const count = await links.count()
  const files: FetchedFile[] = []
  for (let index = 0; index < count; index++) {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout }), links.nth(index).click({ timeout })])
    const chunks: Buffer[] = []
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer)
    files.push({ fileName: file.suggestedFilename(), data: Buffer.concat(chunks) })
  }
  return { fileName: files[0]?.fileName ?? 'none', data: files[0]?.data ?? Buffer.alloc(0), rows: files.length, pages: 1, files }
}

/** Turns whatever went wrong into a ConnectorError with the step, its kind and the page as evidence. */
async function diagnose(
  page: Page,
  err: unknown,
  where: { index: number; action: string; target: string },
  lastStatus: number,
  secrets: string[],
): Promise<ConnectorError> {
  const base = err instanceof ConnectorError ? err : null
  const message = base?.message ?? (err as Error).message ?? String(err)
  let kind: FailureKind = base?.kind ?? 'transient'
  if (!base) {
    if (lastStatus >= 500) kind = 'transient'
    else if (/Timeout .* exceeded|waiting for locator|strict mode violation/i.test(message)) kind = 'drift'
  }
  const reason =
    kind === 'drift' && !base
      ? `step ${where.index + 1} (${where.action} "${where.target}"): the portal no longer matches the connector — the element was not found in time`
      : `step ${where.index + 1} (${where.action} "${where.target}"): ${message}`
  let screenshot: Buffer | null = null
  let html: string | null = null
  try {
    // Blank every password field before the page is kept: no credential in a screenshot.
    await page
      .locator('input[type="password"]')
      .evaluateAll((inputs) => inputs.forEach((input) => ((input as HTMLInputElement).value = '')))
    screenshot = await page.screenshot({ fullPage: true, timeout: 5_000 })
    html = maskSecrets(await page.content(), secrets)
  } catch {
    // The page may be gone (a crashed tab); the diagnosis still stands without evidence.
  }
  return new ConnectorError(kind, maskSecrets(reason, secrets), where, { screenshot, html })
}
