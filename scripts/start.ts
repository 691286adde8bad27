import { startServer } from '../server'
import { ensureBuilt } from './build'
import { startDemoPortal } from '../demo/carrier-portal/inProcess'
import { ensureDatabase, onShutdown } from './environment'

const log = (line: string) => console.log(`[accrue] ${line}`)
const dev = process.argv.includes('--dev')
const started = Date.now()

process.env.NEXT_TELEMETRY_DISABLED = '1'
try {
  if (!dev) ensureBuilt(log)
  const buildDone = Date.now()
  const db = await ensureDatabase(log)
  const server = await startServer({ port: Number(process.env.PORT ?? 3000), next: dev ? 'dev' : 'production', jobs: true })
  const { seedDemoData } = await import('../seed')
  const logins = await seedDemoData(server.payload, log)
  const portal = process.env.DEMO_PORTAL === 'off' ? null : await startDemoPortal(log)
  onShutdown([async () => portal?.close(), server.close, async () => db?.stop()], log)
  log(`Ready in ${((Date.now() - buildDone) / 1000).toFixed(1)} s (plus ${((buildDone - started) / 1000).toFixed(1)} s checking the build).`)
  log(`Admin: ${server.url}/admin`)
  log('Demo logins (password for all: demo1234!):')
  for (const login of logins) log(`  ${login.email.padEnd(34)} ${login.roles}`)
} catch (err) {
  console.error(`[accrue] could not start: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
}
