/**
 * The ERP client (NetSuite-like REST): pushes rebate credit memos and period-end accrual journals, reads memos back.
 *
 * Safe to call again: every record carries the caller's external id, so a retry after a timeout or a lost answer meets
 * DUP_RCRD and the record the ERP already made is read back: never two memos. Each HTTP call runs under cockatiel:
 * a per-attempt timeout that aborts the fetch, retries with exponential backoff (Retry-After honoured, capped) on
 * timeouts, network errors, 408, 429 and 5xx, and one circuit breaker per ERP connection that fails calls fast while
 * the ERP is down. Amounts are decimal strings and pass through untouched; money is never parsed into numbers here.
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

export type ErpConfig = {
  baseUrl: string
  clientId: string
  clientSecret: string
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

export type ErpCreditMemo = {
  externalId: string
  partnerCode: string
  tranDate: string
  currency: string
  memo: string
  lines: { description: string; amount: string; claimLine: string }[]
}
export type ErpMemoStatus = { erpId: string; tranId: string; status: string; total: string }
export type ErpJournal = {
  externalId: string
  tranDate: string
  memo: string
  /** Exactly one of debit and credit on each line, as decimal strings; debits must equal credits. */
  lines: { account: string; debit?: string; credit?: string; memo: string }[]
}

export type ErpClient = {
  /** Creates the memo once; a memo with this external id already in the ERP is read back (`created: false`). */
  pushCreditMemo(memo: ErpCreditMemo): Promise<ErpMemoStatus & { created: boolean }>
  /** The memo with this external id, or null when the ERP has none. */
  readCreditMemo(externalId: string): Promise<ErpMemoStatus | null>
  pushJournal(entry: ErpJournal): Promise<{ erpId: string; created: boolean }>
  breakerState(): 'closed' | 'open' | 'half-open'
}

/** The ERP refused the content (a 4xx other than 401/408/429): retrying will not help; the message names the ERP's detail. */
export class ErpRejectedError extends Error {
  override name = 'ErpRejectedError'
  constructor(
    message: string,
    /** The ERP's `o:errorCode` and `o:errorPath`, when it gave them. */
    readonly code?: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

/** Retries exhausted, timeouts, 5xx, 429, refused credentials or the circuit is open: try again later. */
export class ErpUnavailableError extends Error {
  override name = 'ErpUnavailableError'
}

/** A failure worth another attempt; `retryAfterMs` is the ERP's own Retry-After. */
class TransientError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message)
  }
}

const isTransient = (err: unknown): boolean => err instanceof TransientError || err instanceof TaskCancelledError

const RECORD_PATH = '/services/rest/record/v1'
const TOKEN_PATH = '/services/rest/auth/oauth2/v1/token'
/** A token is used until this long before it expires. */
const TOKEN_MARGIN_MS = 60_000

const DEFAULTS = {
  timeoutMs: 10_000,
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  breakerThreshold: 5,
  halfOpenAfterMs: 30_000,
}

type ErrorDetail = { detail?: string; 'o:errorCode'?: string; 'o:errorPath'?: string }
type Answer = { status: number; location: string | null; body: unknown }

const detailOf = (body: unknown): ErrorDetail => {
  const details = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['o:errorDetails'] : undefined
  return Array.isArray(details) && typeof details[0] === 'object' && details[0] !== null ? (details[0] as ErrorDetail) : {}
}
const isDuplicate = (answer: Answer) => answer.status === 400 && detailOf(answer.body)['o:errorCode'] === 'DUP_RCRD'

function rejected(answer: Answer, what: string): ErpRejectedError {
  const d = detailOf(answer.body)
  const where = d['o:errorPath'] ? ` (field ${d['o:errorPath']})` : ''
  const detail = d.detail ?? `HTTP ${answer.status}`
  return new ErpRejectedError(`the ERP refused the ${what}${where}: ${detail}`, d['o:errorCode'], d['o:errorPath'])
}

/** The record's internal id, the last segment of the Location the ERP answers a create with. */
function idFromLocation(location: string | null): string {
  const id = location ? decodeURIComponent(new URL(location).pathname.split('/').pop() ?? '') : ''
  if (!id) throw new ErpUnavailableError('the ERP created the record but did not say where (no Location header)')
  return id
}

function memoStatus(body: unknown): ErpMemoStatus {
  const r = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
  return { erpId: text(r.id), tranId: text(r.tranId), status: text(r.status), total: text(r.total) }
}

const clients = new Map<string, ErpClient>()

/** The client of one ERP connection; the same instance (and so the same breaker) for the same baseUrl and clientId. */
export function erpClient(config: ErpConfig): ErpClient {
  const baseUrl = config.baseUrl.replace(/\/+$/, '')
  const key = `${baseUrl}\n${config.clientId}`
  let client = clients.get(key)
  if (!client) {
    client = createClient({ ...DEFAULTS, ...definedOnly(config), baseUrl, clientId: config.clientId, clientSecret: config.clientSecret })
    clients.set(key, client)
  }
  return client
}

const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>

function createClient(config: Required<ErpConfig>): ErpClient {
  const breaker = circuitBreaker(handleWhen(isTransient), {
    halfOpenAfter: config.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(config.breakerThreshold),
  })
  const policy = wrap(
    retry(handleWhen(isTransient), {
      // cockatiel counts retries after the first attempt.
      maxAttempts: Math.max(0, config.maxAttempts - 1),
      backoff: withRetryAfter(new ExponentialBackoff({ initialDelay: config.baseDelayMs, maxDelay: config.maxDelayMs }), config.maxDelayMs),
    }),
    breaker,
    timeout(config.timeoutMs, TimeoutStrategy.Aggressive),
  )

  // --- Access token: fetched lazily, kept until shortly before it expires ---------------------------
  let cached: { token: string; validUntil: number } | null = null
  async function accessToken(signal: AbortSignal): Promise<string> {
    if (cached && cached.validUntil > Date.now()) return cached.token
    const res = await send(`${config.baseUrl}${TOKEN_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: config.clientId,
        client_secret: config.clientSecret,
      }).toString(),
      signal,
    })
    const body = await readJson(res)
    if (res.status === 429 || res.status === 408 || res.status >= 500)
      throw new TransientError(`the ERP token endpoint answered HTTP ${res.status}`, retryAfterMs(res.headers.get('retry-after')))
    const token = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
    if (res.status !== 200 || typeof token.access_token !== 'string')
      throw new ErpUnavailableError(
        `the ERP refused the client credentials of ${config.clientId} (HTTP ${res.status}${typeof token.error_description === 'string' ? `: ${token.error_description}` : ''}); check the ERP connection settings`,
      )
    const expiresInMs = (typeof token.expires_in === 'number' ? token.expires_in : 3600) * 1000
    cached = { token: token.access_token, validUntil: Date.now() + Math.max(expiresInMs / 2, expiresInMs - TOKEN_MARGIN_MS) }
    return cached.token
  }

  /** One attempt: the record call with a bearer token, once more with a fresh token when the ERP answers 401. */
  async function attempt(signal: AbortSignal, method: 'GET' | 'POST', path: string, payload?: unknown): Promise<Answer> {
    const once = async (token: string) =>
      send(`${config.baseUrl}${RECORD_PATH}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: payload === undefined ? undefined : JSON.stringify(payload),
        signal,
      })
    let res = await once(await accessToken(signal))
    if (res.status === 401) {
      await res.body?.cancel()
      cached = null
      res = await once(await accessToken(signal))
      if (res.status === 401) {
        await res.body?.cancel()
        throw new ErpUnavailableError('the ERP refused a freshly issued access token (HTTP 401); check the ERP integration role')
      }
    }
    const body = await readJson(res)
    if (res.status === 429 || res.status === 408 || res.status >= 500) {
      const d = detailOf(body)
      throw new TransientError(
        `the ERP answered HTTP ${res.status}${d.detail ? `: ${d.detail}` : ''}`,
        retryAfterMs(res.headers.get('retry-after')),
      )
    }
    return { status: res.status, location: res.headers.get('location'), body }
  }

  /** A record call under the policy; every failure leaves as ErpRejectedError or ErpUnavailableError. */
  async function call(what: string, method: 'GET' | 'POST', path: string, payload?: unknown): Promise<Answer> {
    try {
      return await policy.execute(({ signal }) => attempt(signal, method, path, payload))
    } catch (err) {
      if (err instanceof ErpRejectedError || err instanceof ErpUnavailableError) throw err
      if (err instanceof BrokenCircuitError)
        throw new ErpUnavailableError(
          `the ERP is unavailable (circuit open after ${config.breakerThreshold} failures); the ${what} will be retried`,
          { cause: err },
        )
      if (err instanceof TaskCancelledError)
        throw new ErpUnavailableError(`the ERP did not answer within ${config.timeoutMs} ms; the ${what} will be retried`, { cause: err })
      if (err instanceof TransientError) throw new ErpUnavailableError(`${err.message}; the ${what} will be retried`, { cause: err })
      throw err
    }
  }

  async function readCreditMemo(externalId: string): Promise<ErpMemoStatus | null> {
    const answer = await call('memo', 'GET', `/creditMemo/eid:${encodeURIComponent(externalId)}`)
    if (answer.status === 404) return null
    if (answer.status !== 200) throw rejected(answer, `read of credit memo ${externalId}`)
    return memoStatus(answer.body)
  }

  return {
    async pushCreditMemo(memo) {
      const answer = await call('memo', 'POST', '/creditMemo', {
        externalId: memo.externalId,
        entity: { externalId: memo.partnerCode },
        tranDate: memo.tranDate,
        currency: { refName: memo.currency },
        memo: memo.memo,
        item: { items: memo.lines.map((l) => ({ description: l.description, amount: l.amount, custcol_claim_line: l.claimLine })) },
      })
      if (isDuplicate(answer)) {
        const existing = await readCreditMemo(memo.externalId)
        if (!existing)
          throw new ErpUnavailableError(
            `the ERP reports credit memo ${memo.externalId} as existing but cannot read it back; the memo will be retried`,
          )
        return { ...existing, created: false }
      }
      if (answer.status !== 204 && answer.status !== 201) throw rejected(answer, `credit memo ${memo.externalId}`)
      const id = idFromLocation(answer.location)
      const created = await call('memo', 'GET', `/creditMemo/${encodeURIComponent(id)}`)
      if (created.status !== 200) throw rejected(created, `read of credit memo ${memo.externalId}`)
      return { ...memoStatus(created.body), created: true }
    },

    readCreditMemo,

    async pushJournal(entry) {
      const answer = await call('journal', 'POST', '/journalEntry', {
        externalId: entry.externalId,
        tranDate: entry.tranDate,
        memo: entry.memo,
        line: {
          items: entry.lines.map((l) => ({
            account: { refName: l.account },
            ...(l.debit === undefined ? {} : { debit: l.debit }),
            ...(l.credit === undefined ? {} : { credit: l.credit }),
            memo: l.memo,
          })),
        },
      })
      if (isDuplicate(answer)) {
        const existing = await call('journal', 'GET', `/journalEntry/eid:${encodeURIComponent(entry.externalId)}`)
        if (existing.status !== 200)
          throw new ErpUnavailableError(
            `the ERP reports journal ${entry.externalId} as existing but cannot read it back; the journal will be retried`,
          )
        return { erpId: memoStatus(existing.body).erpId, created: false }
      }
      if (answer.status !== 204 && answer.status !== 201) throw rejected(answer, `journal ${entry.externalId}`)
      return { erpId: idFromLocation(answer.location), created: true }
    },

    breakerState() {
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

/** fetch, with a network failure (refused, reset) made transient; an abort by the timeout passes through. */
async function send(url: string, init: RequestInit & { signal: AbortSignal }): Promise<globalThis.Response> {
  try {
    return await fetch(url, init)
  } catch (err) {
    if (init.signal.aborted) throw err
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err)
    throw new TransientError(`the ERP could not be reached (${cause})`)
  }
}

async function readJson(res: globalThis.Response): Promise<unknown> {
  const text = await res.text()
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    return { 'o:errorDetails': [{ detail: text.slice(0, 200) }] }
  }
}
