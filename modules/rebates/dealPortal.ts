/**
 * The deal portal client: reads deal registrations from the channel partner portal (their system of record) page by
 * page, from a point in time on (`updatedSince`, the last `updatedAt` the caller kept). Each page's deals are checked
 * one by one; a malformed deal is handed back as `{ ok: false, id, reason }` for the caller to reject, never dropped.
 * Each page request runs under cockatiel: a per-attempt timeout that aborts the fetch and retries with exponential
 * backoff (Retry-After honoured) on timeouts, network errors, 408, 429 and 5xx.
 */
import { ExponentialBackoff, TaskCancelledError, TimeoutStrategy, handleWhen, retry, timeout, wrap } from 'cockatiel'

import { retryAfterMs, withRetryAfter } from '../core/retryAfter'

export type DealPortalConfig = {
  baseUrl: string
  clientId: string
  clientSecret: string
  /** Deals a page, 1..200 (default 100). */
  pageSize?: number
  /** Per attempt (default 10000). */
  timeoutMs?: number
  /** Attempts a page in all, the first included (default 4). */
  maxAttempts?: number
  baseDelayMs?: number
  maxDelayMs?: number
}

export type DealRecord = {
  id: string
  partnerCode: string
  endCustomer: string
  status: DealStatus
  currency: string
  expiresOn: string
  lines: { sku: string; quantity: number; specialPrice: string }[]
  updatedAt: string
}
export const DEAL_STATUSES = ['submitted', 'approved', 'rejected', 'expired'] as const
export type DealStatus = (typeof DEAL_STATUSES)[number]

export type DealRead = { ok: true; deal: DealRecord } | { ok: false; id: string | null; reason: string }

/** The portal refused the request (a 4xx other than 408/429, or credentials): retrying will not help. */
export class DealPortalRejectedError extends Error {
  override name = 'DealPortalRejectedError'
}
/** Retries exhausted on timeouts, network errors, 5xx or 429: try again later. */
export class DealPortalUnavailableError extends Error {
  override name = 'DealPortalUnavailableError'
}

class TransientError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message)
  }
}
const isTransient = (err: unknown): boolean => err instanceof TransientError || err instanceof TaskCancelledError

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== ''
const PRICE = /^(\d{1,13})(?:\.(\d{1,2}))?$/

/** A price with at most two decimals as a two-decimal string ('310' → '310.00'), from a decimal string or a number. */
function priceOf(value: unknown): string | null {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : null
  const match = text === null ? null : PRICE.exec(text)
  return match ? `${match[1]}.${(match[2] ?? '').padEnd(2, '0')}` : null
}
function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}
const isTimestamp = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))

/** One deal as the portal sent it, checked field by field; every problem is named in `reason`. */
export function readDeal(raw: unknown): DealRead {
  if (!isObject(raw)) return { ok: false, id: null, reason: 'the deal is not an object' }
  const id = nonEmpty(raw.id) ? raw.id.trim() : null
  const problems: string[] = []
  if (id === null) problems.push('id is missing')
  if (!nonEmpty(raw.partner_code)) problems.push('partner_code is missing')
  if (!nonEmpty(raw.end_customer)) problems.push('end_customer is missing')
  if (!DEAL_STATUSES.includes(raw.status as DealStatus))
    problems.push(`status ${JSON.stringify(raw.status)} is not one of ${DEAL_STATUSES.join(', ')}`)
  if (typeof raw.currency !== 'string' || !/^[A-Z]{3}$/.test(raw.currency))
    problems.push(`currency ${JSON.stringify(raw.currency)} is not a 3-letter code`)
  if (!isIsoDate(raw.expires_on)) problems.push(`expires_on ${JSON.stringify(raw.expires_on)} is not a YYYY-MM-DD date`)
  if (!isTimestamp(raw.updated_at)) problems.push(`updated_at ${JSON.stringify(raw.updated_at)} is not an ISO timestamp`)
  const lines: DealRecord['lines'] = []
  if (!Array.isArray(raw.lines) || raw.lines.length === 0) problems.push('the deal has no lines')
  else
    raw.lines.forEach((line: unknown, i) => {
      const at = `line ${i + 1}`
      if (!isObject(line)) return problems.push(`${at} is not an object`)
      const price = priceOf(line.special_price)
      if (!nonEmpty(line.sku)) problems.push(`${at}: sku is missing`)
      if (!Number.isInteger(line.quantity) || (line.quantity as number) < 1)
        problems.push(`${at}: quantity ${JSON.stringify(line.quantity)} is not a whole number ≥ 1`)
      if (price === null)
        problems.push(`${at}: special_price ${JSON.stringify(line.special_price)} is not an amount with at most 2 decimals`)
      if (nonEmpty(line.sku) && price !== null) lines.push({ sku: line.sku.trim(), quantity: line.quantity as number, specialPrice: price })
    })
  if (problems.length > 0) return { ok: false, id, reason: problems.join('; ') }
  return {
    ok: true,
    deal: {
      id: id!,
      partnerCode: (raw.partner_code as string).trim(),
      endCustomer: (raw.end_customer as string).trim(),
      status: raw.status as DealStatus,
      currency: raw.currency as string,
      expiresOn: raw.expires_on as string,
      lines,
      updatedAt: raw.updated_at as string,
    },
  }
}

/**
 * Every deal changed after `updatedSince` (all deals when null), a page at a time, oldest change first; each entry is
 * `readDeal` of one deal. Throws DealPortalUnavailableError or DealPortalRejectedError when a page cannot be had.
 */
export async function* dealPages(config: DealPortalConfig, updatedSince: string | null): AsyncGenerator<DealRead[]> {
  const baseUrl = config.baseUrl.replace(/\/+$/, '')
  const timeoutMs = config.timeoutMs ?? 10_000
  const maxDelayMs = config.maxDelayMs ?? 10_000
  const policy = wrap(
    retry(handleWhen(isTransient), {
      maxAttempts: Math.max(0, (config.maxAttempts ?? 4) - 1),
      backoff: withRetryAfter(new ExponentialBackoff({ initialDelay: config.baseDelayMs ?? 500, maxDelay: maxDelayMs }), maxDelayMs),
    }),
    timeout(timeoutMs, TimeoutStrategy.Aggressive),
  )

  let token: string | null = null
  const fetchToken = async (signal: AbortSignal): Promise<string> => {
    const res = await send(`${baseUrl}/oauth/token`, {
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
      throw new TransientError(`the deal portal's token endpoint answered HTTP ${res.status}`, retryAfterMs(res.headers.get('retry-after')))
    if (res.status !== 200 || !isObject(body) || typeof body.access_token !== 'string')
      throw new DealPortalRejectedError(`the deal portal refused the client credentials of ${config.clientId} (HTTP ${res.status})`)
    return body.access_token
  }
  /** One attempt at one page; an expired token is replaced once. */
  const attempt = async (signal: AbortSignal, url: string): Promise<unknown> => {
    const get = async () => send(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal })
    token ??= await fetchToken(signal)
    let res = await get()
    if (res.status === 401) {
      await res.body?.cancel()
      token = await fetchToken(signal)
      res = await get()
    }
    const body = await readJson(res)
    if (res.status === 429 || res.status === 408 || res.status >= 500)
      throw new TransientError(`the deal portal answered HTTP ${res.status}`, retryAfterMs(res.headers.get('retry-after')))
    if (res.status !== 200) {
      const message = isObject(body) && typeof body.message === 'string' ? `: ${body.message}` : ''
      throw new DealPortalRejectedError(
        `the deal portal refused ${new URL(url).pathname}${new URL(url).search} (HTTP ${res.status}${message})`,
      )
    }
    return body
  }

  let cursor: string | null = null
  do {
    const params = new URLSearchParams({ page_size: String(config.pageSize ?? 100) })
    if (updatedSince) params.set('updated_since', updatedSince)
    if (cursor) params.set('cursor', cursor)
    const url = `${baseUrl}/api/v2/deals?${params}`
    let page: unknown
    try {
      page = await policy.execute(({ signal }) => attempt(signal, url))
    } catch (err) {
      if (err instanceof TaskCancelledError)
        throw new DealPortalUnavailableError(`the deal portal did not answer within ${timeoutMs} ms; the sync will be retried`, {
          cause: err,
        })
      if (err instanceof TransientError) throw new DealPortalUnavailableError(`${err.message}; the sync will be retried`, { cause: err })
      throw err
    }
    if (!isObject(page) || !Array.isArray(page.data) || !(page.next_cursor === null || typeof page.next_cursor === 'string'))
      throw new DealPortalRejectedError('the deal portal answered a page without data and next_cursor')
    yield page.data.map(readDeal)
    cursor = page.next_cursor as string | null
  } while (cursor)
}

/** fetch, with a network failure (refused, reset) made transient; an abort by the timeout passes through. */
async function send(url: string, init: RequestInit & { signal: AbortSignal }): Promise<globalThis.Response> {
  try {
    return await fetch(url, init)
  } catch (err) {
    if (init.signal.aborted) throw err
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err)
    throw new TransientError(`the deal portal could not be reached (${cause})`)
  }
}

async function readJson(res: globalThis.Response): Promise<unknown> {
  const text = await res.text()
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    return { message: text.slice(0, 200) }
  }
}
