/**
 * Where the payment provider is: `PAYMENT_PROVIDER_URL` and `PAYMENT_PROVIDER_API_KEY` (a Bearer API key), with
 * `PAYMENT_PROVIDER_TIMEOUT_MS`, `PAYMENT_PROVIDER_MAX_ATTEMPTS`, `PAYMENT_PROVIDER_BASE_DELAY_MS`,
 * `PAYMENT_PROVIDER_BREAKER_THRESHOLD` and `PAYMENT_PROVIDER_HALF_OPEN_AFTER_MS` to tune the client. Unset, Accrue
 * pays through the Stripe-like stand-in `npm start` serves (demo/payment-provider).
 */
import { DEMO_PAYMENT_PROVIDER } from '../../demo/payment-provider/inProcess'
import type { PaymentProviderConfig } from './provider'

const numberEnv = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined)

/** The payment provider connection from the environment, defaulting to the demo stand-in's. */
export function paymentProviderConfig(): PaymentProviderConfig {
  return {
    baseUrl: process.env.PAYMENT_PROVIDER_URL ?? DEMO_PAYMENT_PROVIDER.baseUrl,
    apiKey: process.env.PAYMENT_PROVIDER_API_KEY ?? DEMO_PAYMENT_PROVIDER.apiKey,
    timeoutMs: numberEnv('PAYMENT_PROVIDER_TIMEOUT_MS'),
    maxAttempts: numberEnv('PAYMENT_PROVIDER_MAX_ATTEMPTS'),
    baseDelayMs: numberEnv('PAYMENT_PROVIDER_BASE_DELAY_MS'),
    breakerThreshold: numberEnv('PAYMENT_PROVIDER_BREAKER_THRESHOLD'),
    halfOpenAfterMs: numberEnv('PAYMENT_PROVIDER_HALF_OPEN_AFTER_MS'),
  }
}
