/**
 * The payment provider client (Stripe / Modern Treasury-like JSON API, demo/payment-provider stands in for it): pays
 * a carrier invoice exactly once and finds a payment again by its idempotency key.
 *
 * Every payment carries the caller's idempotency key, and every retry reuses it, so a retry after a timeout, a lost
 * answer or a 5xx meets the payment the provider already made instead of charging again. Each HTTP call runs under
 * cockatiel: a per-attempt timeout that aborts the fetch, retries with exponential backoff (Retry-After honoured,
 * capped) on timeouts, network errors, 408, 409 (the key is still being processed), 429 and 5xx, and one circuit
 * breaker per client that fails calls fast while the provider is down (a 409 is retried but never opens it: the
 * provider is healthy, another worker is paying the same invoice).
 *
 * What a failure means for the money is in its type: `PaymentRefused` (the provider said no: nothing was charged),
 * `PaymentOutcomeUnknown` (a request went out and no answer settled it: the charge may have happened; ask
 * `findByIdempotencyKey` before anything else) and `ProviderUnavailable` (the circuit is open: nothing was sent).
 * Amounts are decimal strings, written with the currency's minor units before sending; never a float.
 */
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
} from 'cockatiel'

import { retryAfterMs, withRetryAfter } from '../core/retryAfter'

import { decimalText } from '../../engine/core/decimal'
import { isCurrencyCode, minorUnits } from '../../engine/core/money'

export type PaymentProviderConfig = {
  baseUrl: string
  apiKey: string
  /** Per attempt, including reading the answer (default 10000). */
  timeoutMs?: number
  /** Attempts in all, the first included (default 4). */
  maxAttempts?: number
  baseDelayMs?: number
  maxDelayMs?: number
  /** Consecutive transient failures that open the circuit (default 5). */
  breakerThreshold?: number
  halfOpenAfterMs?: number
}

export type PayeeDetails = { name: string; accountNumber: string; reference?: string }

export type PaymentRequest = {
  /** One per invoice payment, the same on every retry and after a crash (e.g. `billpay-invoice-<id>`). */
  idempotencyKey: string
  /** Decimal string above zero, at most the currency's minor units ("1234.5", "1234.50", "1234.5000" are the same). */
  amount: string
  currency: string
  /** The invoice number. */
  reference: string
  payee: PayeeDetails
  metadata?: Record<string, string>
}

export type ProviderPayment = {
  id: string
  /** `processing` until the provider settles it (ACH); `succeeded` once it has. */
  status: string
  amount: string
  currency: string
  reference: string
  idempotencyKey: string
  createdAt: string
  confirmation: string
  /** True when the provider answered with a payment it had already made for this key (a retry, not a new charge). */
  replayed: boolean
}

export type CircuitStateName = 'closed' | 'open' | 'half-open'

export type PaymentProviderClient = {
  /** Pays once per idempotency key; see the error classes for what a failure means. */
  pay(request: PaymentRequest): Promise<ProviderPayment>
  /** The payment the provider made under this key, or null when it made none: the recovery after `PaymentOutcomeUnknown`. */
  findByIdempotencyKey(idempotencyKey: string): Promise<ProviderPayment | null>
  circuitState(): CircuitStateName
}

/** The provider refused the request (a 4xx other than 408/409/429, or a request not worth sending): nothing was charged. */
export class PaymentRefused extends Error {
  override name = 'PaymentRefused'
  constructor(
    message: string,
    /** HTTP status, or null when the client refused to send the request. */
    readonly status: number | null,
    /** The provider's error code (e.g. `idempotency_key_reused`, `parameter_invalid`) and parameter, when given. */
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message)
  }
}

/**
 * A payment request went out and no answer settled it (timeouts, network errors or 5xx through every attempt): the
 * charge may or may not have happened. Do not treat it as failed; ask `findByIdempotencyKey(idempotencyKey)`.
 */
export class PaymentOutcomeUnknown extends Error {
  override name = 'PaymentOutcomeUnknown'
  constructor(
    message: string,
    readonly idempotencyKey: string,
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}

/** The circuit is open, or a read could not be answered: nothing was charged by this call; try again later. */
export class ProviderUnavailable extends Error {
  override name = 'ProviderUnavailable'
}

/**
 * A failure worth another attempt; `retryAfterMs` is the provider's own Retry-After. `busy` marks a 409 (another
 * request with the key is being processed): the provider is healthy, so it is retried but does not count towards
 * opening the circuit.
 */
class TransientError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    readonly busy = false,
  ) {
    super(message)
  }
}

const isTransient = (err: unknown): boolean => err instanceof TransientError || err instanceof TaskCancelledError
/** What counts towards opening the circuit: transient failures other than a busy key. */
const isFailure = (err: unknown): boolean => isTransient(err) && !(err instanceof TransientError && err.busy)

const DEFAULTS = {
  timeoutMs: 10_000,
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  breakerThreshold: 5,
  halfOpenAfterMs: 30_000,
}

type Answer = { status: number; replayed: boolean; body: unknown }
type ErrorDetail = { code?: string; message?: string; param?: string }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const detailOf = (body: unknown): ErrorDetail => (isObject(body) && isObject(body.error) ? (body.error as ErrorDetail) : {})
const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>

/**
 * `amount` written with exactly the currency's minor units ("1234.5" → "1234.50" in USD), so every retry sends the
 * same body; null when it is not a positive amount payable in that currency.
 */
export function providerAmount(amount: string, currency: string): string | null {
  const d = decimalText(amount)
  if (!d || !isCurrencyCode(currency) || d.lte(0)) return null
  const scale = minorUnits(currency)
  return d.decimalPlaces() > scale ? null : d.toFixed(scale)
}

/** The payment in a provider answer; throws when the answer is not one (the caller decides what that means). */
function paymentOf(body: unknown, replayed: boolean): ProviderPayment {
  const r = isObject(body) ? body : {}
  const text = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : '')
  if (text('id') === '' || text('status') === '' || text('idempotencyKey') === '')
    throw new Error(`the payment provider answered without a payment: ${JSON.stringify(body).slice(0, 200)}`)
  return {
    id: text('id'),
    status: text('status'),
    amount: text('amount'),
    currency: text('currency'),
    reference: text('reference'),
    idempotencyKey: text('idempotencyKey'),
    createdAt: text('createdAt'),
    confirmation: text('confirmation'),
    replayed,
  }
}

function refused(answer: Answer, what: string): PaymentRefused {
  const d = detailOf(answer.body)
  const where = d.param ? ` (${d.param})` : ''
  return new PaymentRefused(
    `the payment provider refused the ${what}${where}: ${d.message ?? `HTTP ${answer.status}`}`,
    answer.status,
    d.code,
    d.param,
  )
}

const clients = new Map<string, PaymentProviderClient>()

/** The client of one provider connection; the same instance (and so the same breaker) for the same baseUrl and API key. */
export function paymentProviderClient(config: PaymentProviderConfig): PaymentProviderClient {
  const key = `${config.baseUrl.replace(/\/+$/, '')}\n${config.apiKey}`
  let client = clients.get(key)
  if (!client) {
    client = createPaymentProviderClient(config)
    clients.set(key, client)
  }
  return client
}

/** A new client with its own circuit breaker (tests; code that pays should share one through `paymentProviderClient`). */
export function createPaymentProviderClient(config: PaymentProviderConfig): PaymentProviderClient {
  const c = { ...DEFAULTS, ...definedOnly(config), baseUrl: config.baseUrl.replace(/\/+$/, '') }
  const breaker = circuitBreaker(handleWhen(isFailure), {
    halfOpenAfter: c.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(c.breakerThreshold),
  })
  const policy = wrap(
    retry(handleWhen(isTransient), {
      // cockatiel counts retries after the first attempt.
      maxAttempts: Math.max(0, c.maxAttempts - 1),
      backoff: withRetryAfter(new ExponentialBackoff({ initialDelay: c.baseDelayMs, maxDelay: c.maxDelayMs }), c.maxDelayMs),
    }),
    breaker,
    timeout(c.timeoutMs, TimeoutStrategy.Aggressive),
  )

  /** One HTTP attempt; 408, 409, 429 and 5xx become transient. `onSend` runs as the request leaves. */
  async function attempt(
    signal: AbortSignal,
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    payload: unknown,
    onSend: () => void,
  ): Promise<Answer> {
    let res: globalThis.Response
    try {
      onSend()
      res = await fetch(`${c.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${c.apiKey}`,
          accept: 'application/json',
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: payload === undefined ? undefined : JSON.stringify(payload),
        signal,
      })
    } catch (err) {
      if (signal.aborted) throw err
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err)
      throw new TransientError(`the payment provider could not be reached (${cause})`)
    }
    const body = await readJson(res)
    if (res.status === 408 || res.status === 409 || res.status === 429 || res.status >= 500) {
      const d = detailOf(body)
      throw new TransientError(
        `the payment provider answered HTTP ${res.status}${d.message ? `: ${d.message}` : ''}`,
        retryAfterMs(res.headers.get('retry-after')),
        res.status === 409,
      )
    }
    return { status: res.status, replayed: res.headers.get('idempotent-replayed') === 'true', body }
  }

  return {
    async pay(request) {
      const key = request.idempotencyKey
      if (typeof key !== 'string' || key.trim() === '' || key.length > 255)
        throw new PaymentRefused('the payment needs an idempotency key of 1 to 255 characters; nothing was sent', null)
      const amount = providerAmount(request.amount, request.currency)
      if (amount === null)
        throw new PaymentRefused(
          `the amount ${JSON.stringify(request.amount)} is not a positive amount payable in ${JSON.stringify(request.currency)}; nothing was sent`,
          null,
          'amount_invalid',
          'amount',
        )
      const payload = {
        amount,
        currency: request.currency,
        reference: request.reference,
        payee: request.payee,
        ...(request.metadata === undefined ? {} : { metadata: request.metadata }),
      }
      let sent = 0
      let answer: Answer
      try {
        answer = await policy.execute(({ signal }) =>
          attempt(signal, 'POST', '/v1/payments', { 'idempotency-key': key }, payload, () => {
            sent += 1
          }),
        )
      } catch (err) {
        if (err instanceof BrokenCircuitError && sent === 0)
          throw new ProviderUnavailable(
            `the payment provider is unavailable (circuit open after ${c.breakerThreshold} failures); nothing was sent for ${key}`,
            { cause: err },
          )
        const last =
          err instanceof TaskCancelledError
            ? `no answer within ${c.timeoutMs} ms`
            : err instanceof BrokenCircuitError
              ? 'the circuit opened before the retries were done'
              : err instanceof Error
                ? err.message
                : String(err)
        throw new PaymentOutcomeUnknown(
          `payment ${key}: ${sent} request${sent === 1 ? '' : 's'} sent and none settled (${last}); the charge may have happened: look it up by idempotency key before paying again`,
          key,
          { cause: err },
        )
      }
      if (answer.status !== 200 && answer.status !== 201) throw refused(answer, `payment ${key}`)
      try {
        return paymentOf(answer.body, answer.replayed || answer.status === 200)
      } catch (err) {
        throw new PaymentOutcomeUnknown(`payment ${key}: ${(err as Error).message}`, key, { cause: err })
      }
    },

    async findByIdempotencyKey(idempotencyKey) {
      let answer: Answer
      try {
        answer = await policy.execute(({ signal }) =>
          attempt(signal, 'GET', `/v1/payments?idempotency_key=${encodeURIComponent(idempotencyKey)}`, {}, undefined, () => {}),
        )
      } catch (err) {
        const reason =
          err instanceof BrokenCircuitError
            ? `circuit open after ${c.breakerThreshold} failures`
            : err instanceof TaskCancelledError
              ? `no answer within ${c.timeoutMs} ms`
              : err instanceof Error
                ? err.message
                : String(err)
        throw new ProviderUnavailable(`cannot look up payment ${idempotencyKey} at the payment provider (${reason}); try again later`, {
          cause: err,
        })
      }
      if (answer.status !== 200) throw refused(answer, `look-up of payment ${idempotencyKey}`)
      const data = isObject(answer.body) && Array.isArray(answer.body.data) ? answer.body.data : null
      if (!data) throw new ProviderUnavailable(`the payment provider answered the look-up of ${idempotencyKey} without a list`)
      const found = data.map((p) => paymentOf(p, true)).filter((p) => p.idempotencyKey === idempotencyKey)
      return found[0] ?? null
    },

    circuitState() {
      switch (breaker.state) {
        case CircuitState.Closed:
          return 'closed'
        case CircuitState.HalfOpen:
          return 'half-open'
        default:
          return 'open'
      }
    },
  }
}

async function readJson(res: globalThis.Response): Promise<unknown> {
  const text = await res.text()
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    return { error: { message: text.slice(0, 200) } }
  }
}
