import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, describe, expect, it } from 'vitest'

import { createPaymentProviderStandIn, type PaymentProviderOptions, type ProviderState } from '../../../demo/payment-provider/app'
import {
  PaymentOutcomeUnknown,
  PaymentRefused,
  ProviderUnavailable,
  createPaymentProviderClient,
  type PaymentProviderConfig,
  type PaymentRequest,
} from '../../../modules/billpay/provider'

/**
 * The payment provider client over real HTTP against the Stripe-like stand-in: an invoice is charged once whatever
 * happens on the way (a retry, two workers at once, a 500, an answer that never comes after the charge), a refusal
 * is not retried, and the circuit breaker stops calling a provider that is down without sending anything.
 */
const API_KEY = 'sk_test_provider_int'

const servers: Server[] = []
afterAll(async () => {
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections()
          s.close(() => resolve())
        }),
    ),
  )
})

type Provider = {
  url: string
  state: ProviderState
  faults: (body: unknown) => Promise<void>
  /** Charges as GET /__payments reports them. */
  charges: () => Promise<{ count: number; requests: number; payments: { id: string; amount: string; idempotencyKey: string }[] }>
  config: (extra?: Partial<PaymentProviderConfig>) => PaymentProviderConfig
}

async function startProvider(options: Partial<PaymentProviderOptions> = {}): Promise<Provider> {
  const { app, state } = createPaymentProviderStandIn({ apiKey: API_KEY, ...options })
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  servers.push(server)
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    state,
    faults: async (body) => {
      const res = await fetch(`${url}/__faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      expect(res.status).toBe(200)
    },
    charges: async () => {
      const res = await fetch(`${url}/__payments`)
      expect(res.status).toBe(200)
      return (await res.json()) as Awaited<ReturnType<Provider['charges']>>
    },
    config: (extra = {}) => ({
      baseUrl: url,
      apiKey: API_KEY,
      timeoutMs: 300,
      maxAttempts: 3,
      baseDelayMs: 10,
      maxDelayMs: 50,
      breakerThreshold: 5,
      halfOpenAfterMs: 200,
      ...extra,
    }),
  }
}

const invoice = (idempotencyKey: string, amount = '1234.5'): PaymentRequest => ({
  idempotencyKey,
  amount,
  currency: 'USD',
  reference: 'VZ-2026-0042',
  payee: { name: 'Vertex Wireless', accountNumber: '8312345678', reference: 'ACCT 8312345678' },
  metadata: { invoiceId: '42' },
})

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (err) {
    return err as Error
  }
  throw new Error('expected the call to fail')
}

/** A raw POST /v1/payments, for what the client never sends. */
async function rawPay(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; replayed: string | null; body: any }> {
  const res = await fetch(`${url}/v1/payments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  return { status: res.status, replayed: res.headers.get('idempotent-replayed'), body: await res.json() }
}

const rawBody = { amount: '20.00', currency: 'USD', reference: 'INV-1', payee: { name: 'Vertex', accountNumber: '1' } }

describe('payment provider stand-in', () => {
  it('wants an API key, an Idempotency-Key and a decimal-string amount with at most the currency’s decimals', async () => {
    const p = await startProvider()
    const noKey = await fetch(`${p.url}/v1/payments`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })
    expect(noKey.status).toBe(401)
    expect(((await noKey.json()) as { error: { code: string } }).error.code).toBe('invalid_api_key')

    const noIdempotency = await rawPay(p.url, rawBody)
    expect(noIdempotency.status).toBe(400)
    expect(noIdempotency.body.error.code).toBe('idempotency_key_required')

    const tooFine = await rawPay(p.url, { ...rawBody, amount: '12.345' }, { 'idempotency-key': 'k-fine' })
    expect(tooFine.status).toBe(400)
    expect(tooFine.body.error).toMatchObject({ param: 'amount', message: 'amount 12.345 has more decimals than USD allows (2)' })

    const float = await rawPay(p.url, { ...rawBody, amount: 12.5 }, { 'idempotency-key': 'k-float' })
    expect(float.status).toBe(400)
    expect(float.body.error.message).toMatch(/must be a string of decimal digits.*the number 12.5/)

    const yen = await rawPay(p.url, { ...rawBody, amount: '1250.5', currency: 'JPY' }, { 'idempotency-key': 'k-yen' })
    expect(yen.status).toBe(400)

    expect((await p.charges()).count).toBe(0)
  })

  it('answers a replay with the same payment, 200 and Idempotent-Replayed; another body under the key gets 422', async () => {
    const p = await startProvider()
    const first = await rawPay(p.url, rawBody, { 'idempotency-key': 'k-1' })
    expect(first.status).toBe(201)
    expect(first.replayed).toBeNull()
    expect(first.body).toMatchObject({ status: 'succeeded', amount: '20.00', currency: 'USD', reference: 'INV-1', idempotencyKey: 'k-1' })
    expect(first.body.confirmation).toBe('CNF-00001001')

    // the same body with its keys in another order is the same request
    const again = await rawPay(
      p.url,
      { payee: { accountNumber: '1', name: 'Vertex' }, reference: 'INV-1', currency: 'USD', amount: '20.00' },
      { 'idempotency-key': 'k-1' },
    )
    expect(again.status).toBe(200)
    expect(again.replayed).toBe('true')
    expect(again.body.id).toBe(first.body.id)

    const other = await rawPay(p.url, { ...rawBody, amount: '21.00' }, { 'idempotency-key': 'k-1' })
    expect(other.status).toBe(422)
    expect(other.body.error.code).toBe('idempotency_key_reused')
    expect((await p.charges()).count).toBe(1)
  })

  it('answers 409 to a request whose key is still being processed, and charges once', async () => {
    const p = await startProvider({ latencyMs: 150 })
    const [a, b] = await Promise.all([
      rawPay(p.url, rawBody, { 'idempotency-key': 'k-2' }),
      rawPay(p.url, rawBody, { 'idempotency-key': 'k-2' }),
    ])
    expect([a.status, b.status].sort()).toEqual([201, 409])
    expect([a, b].find((r) => r.status === 409)!.body.error.code).toBe('idempotency_key_in_use')
    expect((await p.charges()).count).toBe(1)
  })
})

describe('payment provider client: an invoice is charged exactly once', () => {
  it('pays once, with the amount written to the cent, and reads back what it paid', async () => {
    const p = await startProvider()
    const client = createPaymentProviderClient(p.config())
    const paid = await client.pay(invoice('billpay-invoice-1'))
    expect(paid).toMatchObject({
      status: 'succeeded',
      amount: '1234.50',
      currency: 'USD',
      reference: 'VZ-2026-0042',
      idempotencyKey: 'billpay-invoice-1',
      replayed: false,
    })
    expect(paid.id).toMatch(/^pay_[0-9a-f]{24}$/)
    expect(paid.confirmation).toBe('CNF-00001001')

    const charges = await p.charges()
    expect(charges.count).toBe(1)
    expect(p.state.payments[0]).toMatchObject({
      amount: '1234.50',
      payee: { name: 'Vertex Wireless', accountNumber: '8312345678', reference: 'ACCT 8312345678' },
      metadata: { invoiceId: '42' },
    })
    expect(await client.findByIdempotencyKey('billpay-invoice-1')).toMatchObject({ id: paid.id, amount: '1234.50' })
    expect(await client.findByIdempotencyKey('billpay-invoice-none')).toBeNull()
  })

  it('a second pay with the same key (a retry, "1234.50" or "1234.5000") charges nothing more', async () => {
    const p = await startProvider()
    const client = createPaymentProviderClient(p.config())
    const first = await client.pay(invoice('billpay-invoice-2', '1234.50'))
    const second = await client.pay(invoice('billpay-invoice-2', '1234.5000'))
    expect(second.id).toBe(first.id)
    expect(second.replayed).toBe(true)
    expect((await p.charges()).count).toBe(1)
  })

  it('two workers paying the same invoice at once charge it once (the second waits out the 409)', async () => {
    const p = await startProvider({ latencyMs: 100 })
    const workerA = createPaymentProviderClient(p.config({ maxAttempts: 6 }))
    const workerB = createPaymentProviderClient(p.config({ maxAttempts: 6 }))
    const [a, b] = await Promise.all([workerA.pay(invoice('billpay-invoice-3')), workerB.pay(invoice('billpay-invoice-3'))])
    expect(a.id).toBe(b.id)
    expect([a.replayed, b.replayed].sort()).toEqual([false, true])
    const charges = await p.charges()
    expect(charges.count).toBe(1)
    // both first attempts, at least one 409, then the replay
    expect(charges.requests).toBeGreaterThanOrEqual(3)
  })

  it('an answer that never comes after the charge: PaymentOutcomeUnknown, then the charge is found by its key', async () => {
    const p = await startProvider()
    const client = createPaymentProviderClient(p.config())
    await p.faults({ mode: 'timeout_after_charge', count: 3 })
    const started = Date.now()
    const err = await rejectionOf(client.pay(invoice('billpay-invoice-4')))
    expect(err).toBeInstanceOf(PaymentOutcomeUnknown)
    expect((err as PaymentOutcomeUnknown).idempotencyKey).toBe('billpay-invoice-4')
    expect(err.message).toMatch(/3 requests sent and none settled \(no answer within 300 ms\)/)
    expect(Date.now() - started).toBeLessThan(3000)

    // three attempts, all with the same key: one charge
    const charges = await p.charges()
    expect(charges.requests).toBe(3)
    expect(charges.count).toBe(1)

    const found = await client.findByIdempotencyKey('billpay-invoice-4')
    expect(found).toMatchObject({ id: charges.payments[0]!.id, amount: '1234.50', status: 'succeeded' })
    const again = await client.pay(invoice('billpay-invoice-4'))
    expect(again).toMatchObject({ id: found!.id, replayed: true })
    expect((await p.charges()).count).toBe(1)
  })

  it('an answer later than the timeout: the retries meet 409 while the charge is made, then its replay', async () => {
    const p = await startProvider()
    // a breaker that opens at 2 failures: the timeout is one, the 409s (a healthy provider) are none
    const client = createPaymentProviderClient(p.config({ maxAttempts: 8, breakerThreshold: 2 }))
    await p.faults({ mode: 'delay', delayMs: 450 })
    const paid = await client.pay(invoice('billpay-invoice-5'))
    expect(paid.replayed).toBe(true)
    const charges = await p.charges()
    expect(charges.count).toBe(1)
    expect(charges.requests).toBeGreaterThanOrEqual(3)
    expect(client.circuitState()).toBe('closed')
  })

  it('a 500 that charged nothing is retried with the same key and charges once', async () => {
    const p = await startProvider()
    const client = createPaymentProviderClient(p.config())
    await p.faults({ mode: 'fail_next' })
    const paid = await client.pay(invoice('billpay-invoice-6'))
    expect(paid.replayed).toBe(false)
    const charges = await p.charges()
    expect(charges.requests).toBe(2)
    expect(charges.count).toBe(1)
    expect(charges.payments[0]!.idempotencyKey).toBe('billpay-invoice-6')
  })

  it('a provider that is down opens the breaker; then ProviderUnavailable without sending; healthy again, it pays', async () => {
    const p = await startProvider()
    const client = createPaymentProviderClient(p.config({ breakerThreshold: 3 }))
    await p.faults({ mode: 'down' })

    const first = await rejectionOf(client.pay(invoice('billpay-invoice-7')))
    expect(first).toBeInstanceOf(PaymentOutcomeUnknown)
    expect(first.message).toMatch(/HTTP 503/)
    expect(client.circuitState()).toBe('open')
    expect((await p.charges()).requests).toBe(3)

    const second = await rejectionOf(client.pay(invoice('billpay-invoice-8')))
    expect(second).toBeInstanceOf(ProviderUnavailable)
    expect(second.message).toMatch(/nothing was sent for billpay-invoice-8/)
    const lookup = await rejectionOf(client.findByIdempotencyKey('billpay-invoice-7'))
    expect(lookup).toBeInstanceOf(ProviderUnavailable)
    expect((await p.charges()).requests).toBe(3)
    expect((await p.charges()).count).toBe(0)

    await p.faults({ mode: 'none' })
    await new Promise((resolve) => setTimeout(resolve, 250))
    const paid = await client.pay(invoice('billpay-invoice-8'))
    expect(paid.amount).toBe('1234.50')
    expect(client.circuitState()).toBe('closed')
    expect((await p.charges()).count).toBe(1)
  })

  it('reusing a key with another amount is refused (422) at once, not retried, and charges nothing more', async () => {
    const p = await startProvider()
    const client = createPaymentProviderClient(p.config())
    await client.pay(invoice('billpay-invoice-9', '100.00'))
    const err = await rejectionOf(client.pay(invoice('billpay-invoice-9', '200.00')))
    expect(err).toBeInstanceOf(PaymentRefused)
    expect(err).toMatchObject({ status: 422, code: 'idempotency_key_reused' })
    expect(err.message).toMatch(/^the payment provider refused the payment billpay-invoice-9: Keys for idempotent requests/)
    const charges = await p.charges()
    expect(charges.requests).toBe(2)
    expect(charges.count).toBe(1)
    expect(charges.payments[0]!.amount).toBe('100.00')
    expect(client.circuitState()).toBe('closed')
  })

  it('refuses to send an amount finer than a cent, a float-like text or no key, and a wrong API key is refused', async () => {
    const p = await startProvider()
    const client = createPaymentProviderClient(p.config())
    for (const request of [invoice('k', '12.345'), invoice('k', '1e3'), invoice('k', '0.00'), invoice('', '10.00')]) {
      const err = await rejectionOf(client.pay(request))
      expect(err).toBeInstanceOf(PaymentRefused)
      expect((err as PaymentRefused).status).toBeNull()
    }
    expect((await p.charges()).requests).toBe(0)

    const wrongKey = createPaymentProviderClient(p.config({ apiKey: 'sk_wrong' }))
    const err = await rejectionOf(wrongKey.pay(invoice('billpay-invoice-10')))
    expect(err).toMatchObject({ name: 'PaymentRefused', status: 401, code: 'invalid_api_key' })
    expect((await p.charges()).count).toBe(0)
  })
})
