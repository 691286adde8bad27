/**
 * Runs the payment provider stand-in: `tsx demo/payment-provider/main.ts` (PORT, default 4500). PROVIDER_PROCESSING_MS
 * keeps new payments `processing` that long (default 0); PROVIDER_LATENCY_MS is how long a charge takes (default 0).
 */
import { createPaymentProviderStandIn } from './app'
import { DEMO_PAYMENT_PROVIDER } from './inProcess'

const port = Number(process.env.PORT ?? DEMO_PAYMENT_PROVIDER.port)

const { app } = createPaymentProviderStandIn({
  apiKey: DEMO_PAYMENT_PROVIDER.apiKey,
  processingMs: Number(process.env.PROVIDER_PROCESSING_MS ?? 0),
  latencyMs: Number(process.env.PROVIDER_LATENCY_MS ?? 0),
})

const server = app.listen(port, () => {
  const url = `http://localhost:${port}`
  const key = DEMO_PAYMENT_PROVIDER.apiKey
  const lines = [
    `Payment provider stand-in (Stripe-like): ${url}/v1/payments`,
    `  pay: curl -X POST ${url}/v1/payments -H 'authorization: Bearer ${key}' -H 'idempotency-key: inv-42' -H 'content-type: application/json' -d '{"amount":"1234.50","currency":"USD","reference":"INV-42","payee":{"name":"Vertex Wireless","accountNumber":"8312345678"}}'`,
    `  charges: curl ${url}/__payments`,
    `  faults: curl -X POST ${url}/__faults -H 'content-type: application/json' -d '{"mode":"timeout_after_charge","count":3}'`,
  ]
  console.log(lines.join('\n'))
})

const stop = () => {
  server.closeAllConnections()
  server.close(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
