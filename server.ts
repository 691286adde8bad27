import http from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import express from 'express'
import type { Payload } from 'payload'

import { bootPayload, closePayload } from './db/bootstrap'
import { trace } from './db/trace'
import { startWorker, type RunningWorker } from './jobs/runWorker'
import { startScheduler } from './jobs/scheduler'
import { healthz, readyz } from './server/health'
import { invoiceEvents } from './server/invoiceEvents'
import { jobEvents } from './server/jobEvents'
import { payloadApi } from './server/payloadRest'
import { apiKeys } from './server/apiKeys'
import { bodyLimitsFromEnv, limitBodies } from './server/bodyLimit'
import { rememberClientAddress, trustProxySetting } from './server/clientAddress'
import { refuseCrossSiteWrites } from './server/csrf'
import { securityHeaders } from './server/headers'
import { allowedOrigins, servedOverHttps } from './server/origins'

const root = path.dirname(fileURLToPath(import.meta.url))

/** The pdf.js worker of the pdfjs-dist that react-pdf depends on. */
function pdfWorkerFile(): string {
  const fromReactPdf = createRequire(createRequire(import.meta.url).resolve('react-pdf'))
  return path.join(path.dirname(fromReactPdf.resolve('pdfjs-dist/package.json')), 'build', 'pdf.worker.min.mjs')
}

export type ServerOptions = {
  port: number
  host?: string
  /** Serve the admin and portal through Next: 'production' needs a prior `next build`; false serves the API only. */
  next: 'production' | 'dev' | false
  /** Run the job worker and the scheduler in this process too (the one-command embedded default). */
  jobs: boolean
}

export type RunningServer = { url: string; payload: Payload; close: () => Promise<void> }

/**
 * The web process: Express hosts /healthz, /readyz, the job-status event stream and Payload's REST API, and hands
 * every other path (admin, portal, GraphQL playground) to Next.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const payload = await bootPayload()
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', trustProxySetting())
  // Before anything answers: security headers, the client address for the login throttle, body limits (413 before a
  // body is read) and the cross-site write check (403), for the REST API and Next's pages and actions alike.
  app.use(securityHeaders({ https: servedOverHttps(), dev: options.next === 'dev' }))
  app.use(rememberClientAddress)
  app.use(limitBodies(bodyLimitsFromEnv(payload.config.collections.filter((c) => c.upload).map((c) => c.slug))))
  app.use(refuseCrossSiteWrites({ allowedOrigins: () => payload.config.csrf, sessionCookie: `${payload.config.cookiePrefix}-token` }))
  app.get('/healthz', healthz)
  app.get('/readyz', readyz(payload))
  app.get('/events/jobs', jobEvents(payload))
  app.get('/events/invoices', invoiceEvents(payload))
  // The pdf.js worker of react-pdf (the invoice beside its PDF in the bill payment review), the very version it loads.
  app.get('/assets/pdf.worker.min.mjs', (_req, res) => res.type('text/javascript').sendFile(pdfWorkerFile()))
  // API keys: unknown, expired, out-of-scope or over-rate requests are answered here (401/403/429) before Payload.
  app.use('/api', apiKeys(payload))
  app.use('/api', payloadApi(payload))

  let closeNext = async () => {}
  if (options.next) {
    const { default: next } = await import('next')
    const nextApp = next({ dev: options.next === 'dev', dir: root, port: options.port, hostname: options.host ?? 'localhost' })
    await nextApp.prepare()
    const handle = nextApp.getRequestHandler()
    app.use((req, res) => handle(req, res))
    closeNext = async () => nextApp.close()
  }

  const server = http.createServer(app)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  // Without PUBLIC_URL the pages are served from this port on this machine (a test's port is known only now).
  for (const origin of allowedOrigins(process.env, port)) if (!payload.config.csrf.includes(origin)) payload.config.csrf.push(origin)

  let worker: RunningWorker | null = null
  let scheduler: { stop: () => Promise<void> } | null = null
  if (options.jobs) {
    worker = startWorker(payload)
    scheduler = startScheduler(payload)
  }

  return {
    url: `http://localhost:${port}`,
    payload,
    close: async () => {
      // Claim no more jobs from now on; running ones finish (or are handed back) while the HTTP side closes.
      const jobsStopped = Promise.all([scheduler?.stop(), worker?.stop()])
      jobsStopped.catch(() => {}) // awaited below; this only keeps an early failure from counting as unhandled
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
      trace('shutdown', 'http closed')
      await jobsStopped
      trace('shutdown', 'jobs stopped')
      await closeNext()
      trace('shutdown', 'next closed')
      await closePayload(payload)
      trace('shutdown', 'payload closed')
    },
  }
}
