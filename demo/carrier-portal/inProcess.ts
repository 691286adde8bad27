import type { Server } from 'node:http'

import { createCarrierPortal, type PortalInvoice } from './app'
import { DEMO_PORTAL } from './demoAccount'

/**
 * `npm start` also serves the portal stand-in (DEMO_PORTAL_PORT, default 4100; DEMO_PORTAL=off to skip), so the demo
 * connector in the seeded data can be run end to end from the admin, and bill payment can collect the invoices on its
 * billing page. A busy port is reported, not fatal.
 */
export async function startDemoPortal(
  log: (line: string) => void,
  invoices: PortalInvoice[] = [],
): Promise<{ close: () => Promise<void> } | null> {
  const app = createCarrierPortal({
    username: DEMO_PORTAL.username,
    password: DEMO_PORTAL.password,
    totpSecret: DEMO_PORTAL.totpSecret,
    rows: { ...DEMO_PORTAL.rows },
    invoices,
  })
  const server = await new Promise<Server | null>((resolve) => {
    const s = app.listen(DEMO_PORTAL.port, 'localhost', () => resolve(s))
    s.on('error', (err) => {
      log(`Demo carrier portal not started (port ${DEMO_PORTAL.port}: ${err.message}); set DEMO_PORTAL_PORT to another port.`)
      resolve(null)
    })
  })
  if (!server) return null
  log(
    `Demo carrier portal (Vertex Wireless stand-in): http://localhost:${DEMO_PORTAL.port}/login — run it from Carrier portals → Carrier Connectors → "Run now".`,
  )
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
