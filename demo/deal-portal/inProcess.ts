import type { Server } from 'node:http'

import { createDealPortal, type DealInput } from './app'

const port = Number(process.env.DEMO_DEAL_PORTAL_PORT ?? 4400)

/** Four registrations (the two approved ones are also in the demo seed, seed/rebates): one waiting, one turned down. */
const SEED_DEALS: DealInput[] = [
  {
    id: 'DR-1001',
    partner_code: 'DIST-EAST',
    end_customer: 'Harbor Point Hospital',
    status: 'approved',
    currency: 'USD',
    expires_on: '2026-12-31',
    lines: [{ sku: 'AP-100', quantity: 40, special_price: '310.00' }],
    created_at: '2026-09-14T15:02:11.000Z',
    updated_at: '2026-09-18T09:30:00.000Z',
  },
  {
    id: 'DR-1002',
    partner_code: 'DIST-EAST',
    end_customer: 'Granite State University',
    status: 'submitted',
    currency: 'USD',
    expires_on: '2027-01-31',
    lines: [{ sku: 'AP-200', quantity: 120, special_price: '455.00' }],
    created_at: '2026-10-02T13:45:27.000Z',
    updated_at: '2026-10-02T13:45:27.000Z',
  },
  {
    id: 'DR-1003',
    partner_code: 'DIST-EAST',
    end_customer: 'Cape Ann Ferries',
    status: 'rejected',
    currency: 'USD',
    expires_on: '2026-12-31',
    lines: [{ sku: 'AP-100', quantity: 10, special_price: '289.00' }],
    created_at: '2026-10-05T10:12:03.000Z',
    updated_at: '2026-10-07T16:20:45.000Z',
  },
  {
    id: 'DR-1004',
    partner_code: 'DIST-WEST',
    end_customer: 'Sierra Unified School District',
    status: 'approved',
    currency: 'USD',
    expires_on: '2027-01-31',
    lines: [{ sku: 'SW-24P', quantity: 12, special_price: '1050.00' }],
    created_at: '2026-10-09T18:05:50.000Z',
    updated_at: '2026-10-12T08:15:00.000Z',
  },
]

/** The demo deal portal's connection and data, shared by `tsx demo/deal-portal/main.ts`, `npm start` and the demo seed. */
export const DEMO_DEAL_PORTAL = {
  /** Where `npm start` serves it (DEMO_DEAL_PORTAL_PORT). */
  port,
  baseUrl: `http://localhost:${port}`,
  clientId: 'accrue',
  clientSecret: 'deal-portal-demo-secret',
  deals: SEED_DEALS,
} as const

/**
 * `npm start` can also serve the deal portal stand-in (DEMO_DEAL_PORTAL_PORT, default 4400; DEMO_DEAL_PORTAL=off to
 * skip), so deal registrations can be synchronised end to end from the admin. A busy port is reported, not fatal.
 */
export async function startDemoDealPortal(log: (line: string) => void): Promise<{ close: () => Promise<void> } | null> {
  if (process.env.DEMO_DEAL_PORTAL === 'off') return null
  const { app } = createDealPortal({
    clientId: DEMO_DEAL_PORTAL.clientId,
    clientSecret: DEMO_DEAL_PORTAL.clientSecret,
    deals: DEMO_DEAL_PORTAL.deals.map((d) => structuredClone(d)),
  })
  const server = await new Promise<Server | null>((resolve) => {
    const s = app.listen(DEMO_DEAL_PORTAL.port, 'localhost', () => resolve(s))
    s.on('error', (err) => {
      log(`Demo deal portal not started (port ${DEMO_DEAL_PORTAL.port}: ${err.message}); set DEMO_DEAL_PORTAL_PORT to another port.`)
      resolve(null)
    })
  })
  if (!server) return null
  log(
    `Demo deal portal (partner deal registrations stand-in): ${DEMO_DEAL_PORTAL.baseUrl}/api/v2/deals — client ${DEMO_DEAL_PORTAL.clientId}.`,
  )
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
