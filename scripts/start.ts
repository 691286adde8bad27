import type { EmbeddedDatabase } from '../db/embedded'
import { startDemoPortal } from '../demo/carrier-portal/inProcess'
import { startDemoDealPortal } from '../demo/deal-portal/inProcess'
import { startDemoErp } from '../demo/erp/inProcess'
import { startDemoPaymentProvider } from '../demo/payment-provider/inProcess'
import type { RunningServer } from '../server'
import { ensureBuilt } from './build'
import { ensureDatabase, onShutdown } from '../db/environment'

/**
 * `npm start` (`--dev`: Next in development mode; `--api-only`: no admin or portal pages, only the REST API, the
 * health checks and the job worker, so no Next build is needed; `--empty`, or ACCRUE_DEMO=empty: a first start seeds
 * only the logins, no demo data and no history).
 */
const log = (line: string) => console.log(`[accrue] ${line}`)
const dev = process.argv.includes('--dev')
const apiOnly = process.argv.includes('--api-only')
const empty = process.argv.includes('--empty') || process.env.ACCRUE_DEMO === 'empty'
const started = Date.now()

process.env.NEXT_TELEMETRY_DISABLED = '1'
let db: EmbeddedDatabase | null = null
let server: RunningServer | null = null
let portal: { close: () => Promise<void> } | null = null
let erp: { close: () => Promise<void> } | null = null
let provider: { close: () => Promise<void> } | null = null
let deals: { close: () => Promise<void> } | null = null
// Jobs first (they may still use the portal stand-in during their grace period), the database last.
onShutdown(
  [
    async () => server?.close(),
    async () => portal?.close(),
    async () => erp?.close(),
    async () => provider?.close(),
    async () => deals?.close(),
    async () => db?.stop(),
  ],
  log,
)
try {
  if (!dev && !apiOnly) ensureBuilt(log)
  const buildDone = Date.now()
  db = await ensureDatabase(log)
  // Everything that loads the Payload config is imported only now that the environment is complete (the embedded
  // database sets DATABASE_URL, PAYLOAD_SECRET and the upload folders).
  const { startServer } = await import('../server')
  server = await startServer({ port: Number(process.env.PORT ?? 3000), next: apiOnly ? false : dev ? 'dev' : 'production', jobs: true })
  const { hasDemoData, seedDemoData } = await import('../seed')
  const logins = await seedDemoData(server.payload, log, { empty })
  const { demoPortalInvoices, seedBillpayHistory, writeDemoDropFolder } = await import('../seed/billpay/write')
  const today = new Date().toISOString().slice(0, 10)
  if (!empty && (await hasDemoData(server.payload))) {
    const history = await seedBillpayHistory(server.payload, today)
    if (history > 0) {
      const dropped = await writeDemoDropFolder(today)
      log(
        `Bill payment: ${history} paid invoices of history; ${dropped.length} invoices wait in the drop folder and 2 on the NorthTel portal ("Collect now" in Bill payment).`,
      )
    }
    const { seedLoyaltyDemo } = await import('../seed/loyalty/write')
    if (await seedLoyaltyDemo(server.payload))
      log('Loyalty: the Glow Stars program, its rules, wallet rates, referrals and the convention goal.')
    const { seedDemoHistory } = await import('../seed/history')
    const historyStarted = Date.now()
    if (await seedDemoHistory(server.payload, today, log))
      log(
        `The year of history took ${((Date.now() - historyStarted) / 1000).toFixed(1)} s; the worker renders its statements' PDFs in the background.`,
      )
  }
  if (process.env.DEMO_PORTAL !== 'off') portal = await startDemoPortal(log, await demoPortalInvoices(today))
  erp = await startDemoErp(log)
  provider = await startDemoPaymentProvider(log)
  deals = await startDemoDealPortal(log)
  log(
    `Ready in ${((Date.now() - buildDone) / 1000).toFixed(1)} s (plus ${((buildDone - started) / 1000).toFixed(1)} s checking the build).`,
  )
  log(apiOnly ? `API: ${server.url}/api (started with --api-only: no admin)` : `Admin: ${server.url}/admin`)
  log('Demo logins (password for all: demo1234!):')
  for (const login of logins) log(`  ${login.email.padEnd(34)} ${login.roles}`)
} catch (err) {
  console.error(`[accrue] could not start: ${err instanceof Error ? err.message : String(err)}`)
  await server?.close().catch(() => {})
  await db?.stop().catch(() => {})
  process.exit(1)
}
