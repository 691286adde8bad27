import type { Server } from 'node:http'

import { createErpStandIn } from './app'

const port = Number(process.env.DEMO_ERP_PORT ?? 4300)

/** The demo ERP's connection, shared by `tsx demo/erp/main.ts`, `npm start` and the demo seed. */
export const DEMO_ERP = {
  /** Where `npm start` serves it (DEMO_ERP_PORT). */
  port,
  baseUrl: `http://localhost:${port}`,
  clientId: 'accrue',
  clientSecret: 'erp-demo-secret',
  tokenTtlSeconds: 3600,
} as const

/**
 * `npm start` can also serve the ERP stand-in (DEMO_ERP_PORT, default 4300; DEMO_ERP=off to skip), so rebate credit
 * memos and accrual journals can be pushed end to end from the admin. A busy port is reported, not fatal.
 */
export async function startDemoErp(log: (line: string) => void): Promise<{ close: () => Promise<void> } | null> {
  if (process.env.DEMO_ERP === 'off') return null
  const { app } = createErpStandIn({
    clientId: DEMO_ERP.clientId,
    clientSecret: DEMO_ERP.clientSecret,
    tokenTtlSeconds: DEMO_ERP.tokenTtlSeconds,
  })
  const server = await new Promise<Server | null>((resolve) => {
    const s = app.listen(DEMO_ERP.port, 'localhost', () => resolve(s))
    s.on('error', (err) => {
      log(`Demo ERP not started (port ${DEMO_ERP.port}: ${err.message}); set DEMO_ERP_PORT to another port.`)
      resolve(null)
    })
  })
  if (!server) return null
  log(`Demo ERP (NetSuite-like stand-in): ${DEMO_ERP.baseUrl}/services/rest/record/v1/creditMemo — client ${DEMO_ERP.clientId}.`)
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
