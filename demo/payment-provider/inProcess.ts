import type { Server } from 'node:http'

import { createPaymentProviderStandIn } from './app'

const port = Number(process.env.DEMO_PAYMENT_PROVIDER_PORT ?? 4500)

/** The demo payment provider's connection, shared by `tsx demo/payment-provider/main.ts`, `npm start` and the client's defaults. */
export const DEMO_PAYMENT_PROVIDER = {
  /** Where `npm start` serves it (DEMO_PAYMENT_PROVIDER_PORT). */
  port,
  baseUrl: `http://localhost:${port}`,
  apiKey: 'sk_test_accrue_demo',
} as const

/**
 * `npm start` can also serve the payment provider stand-in (DEMO_PAYMENT_PROVIDER_PORT, default 4500;
 * DEMO_PAYMENT_PROVIDER=off to skip), so carrier invoices can be paid end to end from the admin. A busy port is
 * reported, not fatal.
 */
export async function startDemoPaymentProvider(log: (line: string) => void): Promise<{ close: () => Promise<void> } | null> {
  if (process.env.DEMO_PAYMENT_PROVIDER === 'off') return null
  const { app } = createPaymentProviderStandIn({ apiKey: DEMO_PAYMENT_PROVIDER.apiKey })
  const server = await new Promise<Server | null>((resolve) => {
    const s = app.listen(DEMO_PAYMENT_PROVIDER.port, 'localhost', () => resolve(s))
    s.on('error', (err) => {
      log(
        `Demo payment provider not started (port ${DEMO_PAYMENT_PROVIDER.port}: ${err.message}); set DEMO_PAYMENT_PROVIDER_PORT to another port.`,
      )
      resolve(null)
    })
  })
  if (!server) return null
  log(
    `Demo payment provider (Stripe-like stand-in): ${DEMO_PAYMENT_PROVIDER.baseUrl}/v1/payments — API key ${DEMO_PAYMENT_PROVIDER.apiKey}.`,
  )
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
