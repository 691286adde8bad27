import type { Payload } from 'payload'

import type { ConnectorStep } from '../../engine/scrape/steps'
import { runImport } from '../ingest'
import { ignoreProgress, type OnProgress } from '../core/progress'
import { openSecret } from './security/credentials'
import { loadKeyring } from './security/keyring'
import { maskSecrets } from './security/mask'
import { alertOnFailureRate } from './alerts'
import { ConnectorError } from './errors'
import { runConnector } from './runConnector'
import { sharedBrowser } from './sharedBrowser'
import { dbPool } from '../../db/pool'

type Connector = {
  id: number
  name: string
  loginUrl: string
  mapping: number | null
  credential: number
  failureThreshold: number
  failureWindow: number
  steps: ConnectorStep[]
}

export type ScrapeOutcome = { status: 'completed' | 'failed' | 'retrying'; rowsFetched: number; accepted: number; rejected: number }

/**
 * One scrape run: sign in and fetch the report in the worker's browser, store the file as an import of the
 * connector's mapping (same checks, rejects and de-duplication as an upload) and import it. A transient failure is
 * thrown for the job to retry with backoff (until `lastAttempt`); drift and permanent failures end the run at once,
 * with the evidence kept, and may raise an alert. Pages read are reported to `onProgress` (at most once a second).
 */
export async function scrapeRun(
  payload: Payload,
  runId: number,
  attempt: number,
  lastAttempt: boolean,
  onProgress: OnProgress,
): Promise<ScrapeOutcome> {
  const pool = dbPool(payload)
  const run = await payload.findByID({ collection: 'scrape-runs', id: runId, depth: 0 })
  const connector = (await payload.findByID({
    collection: 'carrier-connectors',
    id: run.connector as number,
    depth: 0,
  })) as unknown as Connector
  if (!connector.mapping) throw new Error(`connector "${connector.name}" fetches invoices for bill payment; collect them from bill payment`)
  const credential = await payload.findByID({ collection: 'portal-credentials', id: connector.credential, depth: 0 })
  await pool.query(`update scrape_runs set status = 'running', attempts = $2, started_at = coalesce(started_at, now()) where id = $1`, [
    runId,
    attempt,
  ])
  const keyring = loadKeyring()
  const context = credential.sealContext as string
  const password = openSecret(credential.passwordSealed as string, keyring, `${context}:password`)
  const totpSecret = credential.totpSealed ? openSecret(credential.totpSealed as string, keyring, `${context}:totp`) : null
  const mapping = await payload.findByID({ collection: 'import-mappings', id: connector.mapping, depth: 0 })
  const progress = throttledProgress(onProgress)
  try {
    const report = await runConnector(await sharedBrowser(), {
      loginUrl: connector.loginUrl,
      steps: connector.steps,
      credentials: { username: credential.username as string, password, totpSecret },
      period: { from: String(run.periodFrom).slice(0, 10), to: String(run.periodTo).slice(0, 10) },
      expectedHeaders: (mapping.columns ?? []).map((column) => column.header),
      onProgress: ({ pages, rows }) => progress.report(pages, rows),
    })
    const upload = await payload.create({
      collection: 'imports',
      data: { mapping: connector.mapping },
      file: {
        data: report.data,
        name: report.fileName,
        mimetype: report.fileName.endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        size: report.data.length,
      },
      context: { skipQueue: true },
    })
    await progress.flush()
    // The import's own progress is not followed: the run's job shows the pages read.
    const counts = await runImport(payload, upload.id as number, ignoreProgress)
    await pool.query(
      `update scrape_runs set status = 'completed', finished_at = now(), pages = $2, rows_fetched = $3, accepted = $4, rejected = $5, inserted = $6, import_id = $7,
              failure_kind = null, diagnosis = null where id = $1`,
      [runId, report.pages, report.rows, counts.accepted, counts.rejected, counts.inserted, upload.id],
    )
    return { status: 'completed', rowsFetched: report.rows, accepted: counts.accepted, rejected: counts.rejected }
  } catch (err) {
    const failure =
      err instanceof ConnectorError
        ? err
        : new ConnectorError('permanent', maskSecrets((err as Error).message, [password, totpSecret ?? '']), null)
    const retrying = failure.retryable && !lastAttempt
    const screenshot = failure.evidence.screenshot
      ? await payload.create({
          collection: 'scrape-evidence',
          data: { caption: failure.message.slice(0, 200) },
          file: {
            data: failure.evidence.screenshot,
            name: `scrape-run-${runId}-attempt-${attempt}.png`,
            mimetype: 'image/png',
            size: failure.evidence.screenshot.length,
          },
        })
      : null
    await pool.query(
      `update scrape_runs set status = $2::text::enum_scrape_runs_status, finished_at = case when $2::text = 'failed' then now() else null end, failure_kind = $3::text::enum_scrape_runs_failure_kind, diagnosis = $4,
              screenshot_id = coalesce($5, screenshot_id), html = coalesce($6, html) where id = $1`,
      [
        runId,
        retrying ? 'retrying' : 'failed',
        failure.kind,
        `${failure.message}${retrying ? ` (attempt ${attempt}; retrying)` : ''}`,
        screenshot?.id ?? null,
        failure.evidence.html,
      ],
    )
    if (retrying) throw failure
    await alertOnFailureRate(payload, connector, failure.message)
    return { status: 'failed', rowsFetched: 0, accepted: 0, rejected: 0 }
  }
}

/** Page progress for the run's job: at most one report a second, each after the previous one; a failed report is dropped. */
function throttledProgress(onProgress: OnProgress) {
  let last = 0
  let chain: Promise<void> = Promise.resolve()
  const write = (pages: number, rows: number) => {
    chain = chain
      .then(() => onProgress({ done: pages, label: `read ${pages} pages, ${rows} rows`, counts: { pages, rows } }))
      .catch(() => undefined)
  }
  let pending: [number, number] | null = null
  return {
    report(pages: number, rows: number) {
      pending = [pages, rows]
      if (Date.now() - last < 1_000) return
      last = Date.now()
      write(pages, rows)
      pending = null
    },
    async flush() {
      if (pending) write(...pending)
      await chain
    },
  }
}
