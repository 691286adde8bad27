/**
 * A local stand-in for a payment provider (Stripe / Modern Treasury-like JSON API): payments created by POST with an
 * `Idempotency-Key` (the same key and body answer the same payment again and never charge twice; the same key with
 * another body is refused; a key still being processed answers 409), read back by id or by idempotency key, and
 * `/__faults` to inject a 500, an outage, a slow answer, or an answer that never comes after the charge was made (the
 * "did my payment go through?" case). In memory. See README.md beside it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

import express, { type NextFunction, type Request, type Response } from 'express'

export const FAULT_MODES = ['none', 'fail_next', 'timeout_after_charge', 'delay', 'down'] as const
export type FaultMode = (typeof FAULT_MODES)[number]
/** Armed faults: `remaining` requests (null: until disarmed) fail in `mode`; `delayMs` for delay and timeout_after_charge. */
export type ProviderFaults = { mode: FaultMode; remaining: number | null; delayMs: number | null }

export type ProviderPayee = { name: string; accountNumber: string; reference?: string }
export type PaymentStatus = 'succeeded' | 'processing'
export type ProviderPayment = {
  id: string
  object: 'payment'
  status: PaymentStatus
  amount: string
  currency: string
  payee: ProviderPayee
  reference: string
  metadata: Record<string, string>
  idempotencyKey: string
  createdAt: string
  /** The provider's confirmation number, e.g. CNF-00001001. */
  confirmation: string
}

export type PaymentProviderOptions = {
  apiKey: string
  /** How long a payment stays `processing` before reading back as `succeeded` (default 0: succeeded at once). */
  processingMs?: number
  /** Time the provider takes to make a charge, during which its key answers 409 (default 0). */
  latencyMs?: number
  /** Milliseconds since the epoch (default Date.now). */
  now?: () => number
}

/** What the stand-in holds; tests read it directly or through `GET /__payments`. */
export type ProviderState = {
  /** Every charge made, in order: a replayed request adds nothing here. */
  payments: ProviderPayment[]
  /** Requests under /v1 with a valid API key, failed ones included. */
  requests: number
}

/** Currencies the stand-in takes and their decimals. */
export const CURRENCY_DECIMALS: Readonly<Record<string, number>> = { USD: 2, CAD: 2, EUR: 2, GBP: 2, MXN: 2, JPY: 0, BHD: 3 }
/** Most digits before the decimal point of one payment's amount. */
const MAX_AMOUNT_DIGITS = 12
const MAX_KEY_LENGTH = 255
const MAX_METADATA_KEYS = 50

type ApiError = {
  type: 'invalid_request_error' | 'idempotency_error' | 'authentication_error' | 'api_error'
  code: string
  message: string
  param?: string
}
const errorBody = (error: ApiError) => ({ error })

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest()
const sameSecret = (given: string, expected: string): boolean => timingSafeEqual(sha256(given), sha256(expected))
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== ''
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** A JSON text of `value` with object keys sorted: two bodies that mean the same give the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`
  return JSON.stringify(value) ?? 'null'
}

class Invalid extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Why `amount` is not a payable amount in `currency`: not a decimal string (numbers are refused, floats lose cents),
 * zero or negative, more decimals than the currency has, or too large. Null when it is fine.
 */
export function amountProblem(amount: unknown, currency: string): string | null {
  if (typeof amount !== 'string')
    return `amount must be a string of decimal digits such as "1234.50" (got ${typeof amount === 'number' ? `the number ${amount}` : JSON.stringify(amount)})`
  const m = /^(\d{1,})(?:\.(\d+))?$/.exec(amount)
  if (!m) return `amount must be a plain decimal such as "1234.50" (got ${JSON.stringify(amount)})`
  const decimals = CURRENCY_DECIMALS[currency] ?? 2
  const whole = m[1]!.replace(/^0+(?=\d)/, '')
  const fraction = m[2] ?? ''
  if (fraction.replace(/0+$/, '').length > decimals) return `amount ${amount} has more decimals than ${currency} allows (${decimals})`
  if (whole.length > MAX_AMOUNT_DIGITS) return `amount ${amount} is above the most one payment may carry`
  if (/^0*$/.test(whole + fraction)) return `amount must be greater than zero (got ${amount})`
  return null
}

type PaymentFields = Pick<ProviderPayment, 'amount' | 'currency' | 'payee' | 'reference' | 'metadata'>

function readPayment(body: Record<string, unknown>): PaymentFields {
  if (!nonEmpty(body.currency)) throw new Invalid('currency', 'currency is required')
  if (CURRENCY_DECIMALS[body.currency] === undefined)
    throw new Invalid(
      'currency',
      `currency ${JSON.stringify(body.currency)} is not supported; use one of ${Object.keys(CURRENCY_DECIMALS).join(', ')}`,
    )
  if (body.amount === undefined) throw new Invalid('amount', 'amount is required')
  const problem = amountProblem(body.amount, body.currency)
  if (problem) throw new Invalid('amount', problem)
  if (!isObject(body.payee)) throw new Invalid('payee', 'payee is required: { name, accountNumber, reference }')
  if (!nonEmpty(body.payee.name)) throw new Invalid('payee.name', 'payee.name is required')
  if (!nonEmpty(body.payee.accountNumber)) throw new Invalid('payee.accountNumber', 'payee.accountNumber is required')
  if (body.payee.reference !== undefined && typeof body.payee.reference !== 'string')
    throw new Invalid('payee.reference', 'payee.reference must be a string')
  if (!nonEmpty(body.reference)) throw new Invalid('reference', 'reference (the invoice number) is required')
  const metadata: Record<string, string> = {}
  if (body.metadata !== undefined) {
    if (!isObject(body.metadata)) throw new Invalid('metadata', 'metadata must be an object of strings')
    const entries = Object.entries(body.metadata)
    if (entries.length > MAX_METADATA_KEYS) throw new Invalid('metadata', `metadata holds at most ${MAX_METADATA_KEYS} keys`)
    for (const [k, v] of entries) {
      if (typeof v !== 'string') throw new Invalid(`metadata.${k}`, `metadata.${k} must be a string`)
      metadata[k] = v
    }
  }
  return {
    amount: body.amount as string,
    currency: body.currency,
    payee: {
      name: body.payee.name,
      accountNumber: body.payee.accountNumber,
      ...(body.payee.reference === undefined ? {} : { reference: body.payee.reference }),
    },
    reference: body.reference,
    metadata,
  }
}

function faultsProblem(body: Record<string, unknown>): string | null {
  if (!FAULT_MODES.includes(body.mode as FaultMode)) return `mode must be one of ${FAULT_MODES.join(', ')}`
  if (body.count !== undefined && (!Number.isInteger(body.count) || (body.count as number) < 1)) return 'count must be a whole number ≥ 1'
  if (body.delayMs !== undefined && (!Number.isInteger(body.delayMs) || (body.delayMs as number) < 0))
    return 'delayMs must be a whole number ≥ 0'
  if (body.mode === 'delay' && body.delayMs === undefined) return 'delay needs delayMs'
  return null
}

/** An idempotency key's record: the fingerprint of its first body and, once made, the answer it gets forever. */
type KeyRecord = { fingerprint: string; answer: { status: number; body: unknown } | null }

/** The provider's Express app and the state it keeps. */
export function createPaymentProviderStandIn(options: PaymentProviderOptions): { app: express.Express; state: ProviderState } {
  const now = options.now ?? Date.now
  const processingMs = options.processingMs ?? 0
  const latencyMs = options.latencyMs ?? 0
  const state: ProviderState = { payments: [], requests: 0 }
  const keys = new Map<string, KeyRecord>()
  const disarmed = (): ProviderFaults => ({ mode: 'none', remaining: null, delayMs: null })
  let faults = disarmed()
  let nextConfirmation = 1001

  /** The payment as read now: `processing` until processingMs after it was made. */
  const view = (p: ProviderPayment): ProviderPayment =>
    p.status === 'processing' && now() - Date.parse(p.createdAt) >= processingMs ? { ...p, status: 'succeeded' } : p

  const app = express()
  app.disable('x-powered-by')
  app.disable('etag')

  // --- Test controls (no authentication: local use only) -----------------------------------------
  app.get('/__faults', (_req, res) => {
    res.json(faults)
  })
  app.post('/__faults', express.json(), (req, res) => {
    const body: Record<string, unknown> = isObject(req.body) ? req.body : {}
    const problem = faultsProblem(body)
    if (problem) {
      res.status(400).json(errorBody({ type: 'invalid_request_error', code: 'parameter_invalid', message: problem }))
      return
    }
    const mode = body.mode as FaultMode
    const count = body.count as number | undefined
    faults =
      mode === 'none'
        ? disarmed()
        : { mode, remaining: count ?? (mode === 'down' ? null : 1), delayMs: (body.delayMs as number | undefined) ?? null }
    res.json(faults)
  })
  app.get('/__payments', (_req, res) => {
    res.json({ count: state.payments.length, requests: state.requests, payments: state.payments.map(view) })
  })
  app.post('/__reset', (_req, res) => {
    state.payments.length = 0
    state.requests = 0
    keys.clear()
    faults = disarmed()
    nextConfirmation = 1001
    res.json({ reset: true })
  })

  // --- API: authenticated, counted, then faults --------------------------------------------------
  const api = express.Router()
  api.use((req, res, next) => {
    const bearer = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')
    if (bearer && sameSecret(bearer[1]!, options.apiKey)) return next()
    res.status(401).json(
      errorBody({
        type: 'authentication_error',
        code: 'invalid_api_key',
        message: bearer ? 'Invalid API key provided.' : 'No API key provided: send Authorization: Bearer <api key>.',
      }),
    )
  })
  /** The fault this request meets, if any; arms `res.locals.fault` for the handlers to honour. */
  api.use((req, res, next) => {
    state.requests += 1
    if (faults.mode === 'none') return next()
    const isCreate = req.method === 'POST' && req.path === '/payments'
    // An answer that never comes after the charge is a create's fault; reads pass through untouched.
    if (faults.mode === 'timeout_after_charge' && !isCreate) return next()
    const mode = faults.mode
    const delayMs = faults.delayMs
    if (faults.remaining !== null) {
      faults.remaining -= 1
      if (faults.remaining <= 0) faults = disarmed()
    }
    if (mode === 'down') {
      res.status(503).json(errorBody({ type: 'api_error', code: 'service_unavailable', message: 'The payment service is unavailable.' }))
      return
    }
    if (mode === 'fail_next') {
      res
        .status(500)
        .json(errorBody({ type: 'api_error', code: 'internal_error', message: 'An unexpected error occurred; nothing was charged.' }))
      return
    }
    res.locals.fault = { mode, delayMs }
    next()
  })
  api.use(express.json({ limit: '100kb' }))

  /** Sends the answer, late or never when this request was picked for a delay or a lost answer. */
  const reply = (res: Response, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const send = () => {
      if (res.writableEnded || res.destroyed) return
      res.set(headers).status(status).json(body)
    }
    const fault = res.locals.fault as { mode: FaultMode; delayMs: number | null } | undefined
    const delayMs = fault?.mode === 'timeout_after_charge' || fault?.mode === 'delay' ? fault.delayMs : undefined
    if (delayMs === undefined) return send()
    if (delayMs === null) return // the answer is lost: the client times out
    const timer = setTimeout(send, delayMs)
    res.on('close', () => clearTimeout(timer))
  }
  const invalid = (res: Response, err: Invalid) =>
    reply(res, 400, errorBody({ type: 'invalid_request_error', code: 'parameter_invalid', message: err.message, param: err.param }))

  api.post('/payments', async (req, res) => {
    const key = req.get('idempotency-key')
    if (!nonEmpty(key) || key.length > MAX_KEY_LENGTH) {
      return reply(
        res,
        400,
        errorBody({
          type: 'invalid_request_error',
          code: 'idempotency_key_required',
          message: `Payments need an Idempotency-Key header of 1 to ${MAX_KEY_LENGTH} characters, so a retry never charges twice.`,
        }),
      )
    }
    const body: Record<string, unknown> = isObject(req.body) ? req.body : {}
    const fingerprint = canonical(body)
    const known = keys.get(key)
    if (known) {
      if (known.fingerprint !== fingerprint)
        return reply(
          res,
          422,
          errorBody({
            type: 'idempotency_error',
            code: 'idempotency_key_reused',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with; ${key} was first used with another body.`,
          }),
        )
      if (!known.answer)
        return reply(
          res,
          409,
          errorBody({
            type: 'idempotency_error',
            code: 'idempotency_key_in_use',
            message: `A request with idempotency key ${key} is still being processed; retry later.`,
          }),
        )
      return reply(res, known.answer.status === 201 ? 200 : known.answer.status, known.answer.body, { 'Idempotent-Replayed': 'true' })
    }

    let fields: PaymentFields
    try {
      fields = readPayment(body)
    } catch (err) {
      if (err instanceof Invalid) return invalid(res, err)
      throw err
    }
    // The key is taken before the (slow) charge, so a concurrent request with it meets 409, not a second charge.
    const record: KeyRecord = { fingerprint, answer: null }
    keys.set(key, record)
    const fault = res.locals.fault as { mode: FaultMode; delayMs: number | null } | undefined
    const before = latencyMs + (fault?.mode === 'delay' ? (fault.delayMs ?? 0) : 0)
    if (before > 0) await sleep(before)
    const payment: ProviderPayment = {
      id: `pay_${randomBytes(12).toString('hex')}`,
      object: 'payment',
      status: processingMs > 0 ? 'processing' : 'succeeded',
      ...fields,
      idempotencyKey: key,
      createdAt: new Date(now()).toISOString(),
      confirmation: `CNF-${String(nextConfirmation++).padStart(8, '0')}`,
    }
    state.payments.push(payment)
    record.answer = { status: 201, body: payment }
    if (fault?.mode === 'delay') res.locals.fault = undefined
    reply(res, 201, view(payment), { Location: `/v1/payments/${payment.id}` })
  })

  api.get('/payments', (req, res) => {
    const key = req.query.idempotency_key
    const reference = req.query.reference
    if ((key !== undefined && typeof key !== 'string') || (reference !== undefined && typeof reference !== 'string'))
      return reply(res, 400, errorBody({ type: 'invalid_request_error', code: 'parameter_invalid', message: 'filters are single strings' }))
    const data = state.payments
      .filter((p) => (key === undefined || p.idempotencyKey === key) && (reference === undefined || p.reference === reference))
      .map(view)
    reply(res, 200, { object: 'list', data, hasMore: false })
  })
  api.get('/payments/:id', (req, res) => {
    const payment = state.payments.find((p) => p.id === req.params.id)
    if (!payment)
      return reply(
        res,
        404,
        errorBody({ type: 'invalid_request_error', code: 'resource_missing', message: `No such payment: ${req.params.id}`, param: 'id' }),
      )
    reply(res, 200, view(payment))
  })
  api.use((req, res) => {
    reply(
      res,
      404,
      errorBody({ type: 'invalid_request_error', code: 'unknown_route', message: `Unrecognized request URL (${req.method} ${req.path}).` }),
    )
  })
  app.use('/v1', api)

  // --- Everything else --------------------------------------------------------------------------
  app.use((_req, res) => {
    res.status(404).json(errorBody({ type: 'invalid_request_error', code: 'unknown_route', message: 'Unrecognized request URL.' }))
  })
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status =
      typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' && err.status < 500 ? err.status : 500
    res
      .status(status)
      .json(
        errorBody(
          status === 500
            ? { type: 'api_error', code: 'internal_error', message: 'An unexpected error occurred.' }
            : { type: 'invalid_request_error', code: 'body_invalid', message: 'The request body is not valid JSON.' },
        ),
      )
  })

  return { app, state }
}
