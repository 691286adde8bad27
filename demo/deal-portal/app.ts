/**
 * A local stand-in for the channel partner portal, the system of record of deal registrations: OAuth 2 client
 * credentials, deals listed incrementally (`updated_since`) in cursor pages ordered by (updated_at, id), `/__deals` to
 * create or change a deal (partial bodies allowed, so a test can plant a malformed one) and `/__control` to inject 5xx
 * or 429. See README.md beside it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

import express, { type NextFunction, type Request, type Response } from 'express'

export const DEAL_STATUSES = ['submitted', 'approved', 'rejected', 'expired'] as const
export type DealStatus = (typeof DEAL_STATUSES)[number]

/** A deal as the portal serves it. */
export type Deal = {
  id: string
  partner_code: string
  end_customer: string
  status: DealStatus
  currency: string
  expires_on: string
  lines: { sku: string; quantity: number; special_price: string }[]
  updated_at: string
  created_at: string
}
/** What `/__deals` and the seed accept: an id and any fields, well-formed or not (the stand-in serves what it holds). */
export type DealInput = { id: string } & Partial<Record<Exclude<keyof Deal, 'id'>, unknown>>

export const FAIL_WITH = [500, 503, 429] as const
export type FailWith = (typeof FAIL_WITH)[number]

export type DealPortalOptions = {
  clientId: string
  clientSecret: string
  tokenTtlSeconds?: number
  /** Deals held from the start; those without updated_at/created_at are stamped now. */
  deals?: DealInput[]
  faults?: { failNext: number; failWith: FailWith }
  /** Milliseconds since the epoch (default Date.now); timestamps and token expiry read this clock. */
  now?: () => number
}

export type DealPortalState = {
  /** By id, in the order they were first stored. */
  deals: Map<string, Record<string, unknown>>
  /** Requests under /api, failed ones included. */
  requests: number
  tokensIssued: number
}

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 200

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest()
const sameSecret = (given: unknown, expected: string): boolean =>
  typeof given === 'string' && timingSafeEqual(sha256(given), sha256(expected))
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const one = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

type Position = { at: number; id: string }
const timeOf = (deal: Record<string, unknown>): number => {
  const at = typeof deal.updated_at === 'string' ? Date.parse(deal.updated_at) : NaN
  return Number.isNaN(at) ? 0 : at
}
const after = (deal: Record<string, unknown>, p: Position): boolean => {
  const at = timeOf(deal)
  return at > p.at || (at === p.at && String(deal.id) > p.id)
}
const encodeCursor = (p: Position): string => Buffer.from(JSON.stringify([p.at, p.id])).toString('base64url')
function decodeCursor(cursor: string): Position | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') return { at: value[0], id: value[1] }
  } catch {
    // not ours
  }
  return null
}

const apiError = (res: Response, status: number, error: string, message: string) => res.status(status).json({ error, message })

export function createDealPortal(options: DealPortalOptions): { app: express.Express; state: DealPortalState } {
  const now = options.now ?? Date.now
  const ttlMs = (options.tokenTtlSeconds ?? 3600) * 1000
  const state: DealPortalState = { deals: new Map(), requests: 0, tokensIssued: 0 }
  const tokens = new Map<string, number>()
  let faults = { remaining: options.faults?.failNext ?? 0, failWith: options.faults?.failWith ?? (500 as FailWith) }

  /** updated_at of a change: now, but always later than the last one (1 ms on when the clock has not moved). */
  let lastStamp = 0
  const stamp = (): string => {
    lastStamp = Math.max(now(), lastStamp + 1)
    return new Date(lastStamp).toISOString()
  }
  const upsert = (input: Record<string, unknown>, keepTimes: boolean): Record<string, unknown> => {
    const id = String(input.id)
    const existing = state.deals.get(id)
    const updatedAt = keepTimes && typeof input.updated_at === 'string' ? input.updated_at : stamp()
    if (keepTimes) lastStamp = Math.max(lastStamp, timeOf({ updated_at: updatedAt }))
    const deal: Record<string, unknown> = {
      ...existing,
      ...input,
      id,
      updated_at: updatedAt,
      created_at: existing?.created_at ?? (keepTimes && typeof input.created_at === 'string' ? input.created_at : updatedAt),
    }
    state.deals.set(id, deal)
    return deal
  }
  for (const deal of options.deals ?? []) upsert(deal, true)

  const app = express()
  app.disable('x-powered-by')
  app.disable('etag')

  // --- Control and test data (never subject to injected failures) ---------------------------------
  const controlState = () => ({ failNext: faults.remaining, failWith: faults.failWith, deals: state.deals.size, requests: state.requests })
  app.get('/__control', (_req, res) => {
    res.json(controlState())
  })
  app.post('/__control', express.json(), (req, res) => {
    const body: Record<string, unknown> = isObject(req.body) ? req.body : {}
    if (!Number.isInteger(body.failNext) || (body.failNext as number) < 0)
      return apiError(res, 400, 'invalid_request', 'failNext must be a whole number ≥ 0')
    if (body.failWith !== undefined && !FAIL_WITH.includes(body.failWith as FailWith))
      return apiError(res, 400, 'invalid_request', 'failWith must be 500, 503 or 429')
    faults = { remaining: body.failNext as number, failWith: (body.failWith as FailWith | undefined) ?? 500 }
    res.json(controlState())
  })
  app.get('/__deals', (_req, res) => {
    res.json([...state.deals.values()])
  })
  app.post('/__deals', express.json({ limit: '1mb' }), (req, res) => {
    const inputs: unknown[] = Array.isArray(req.body) ? req.body : [req.body]
    if (inputs.some((d) => !isObject(d) || typeof d.id !== 'string' || d.id === ''))
      return apiError(res, 400, 'invalid_request', 'every deal needs a non-empty string id')
    res.json(inputs.map((d) => upsert(d as Record<string, unknown>, false)))
  })

  // --- OAuth 2 client credentials ------------------------------------------------------------------
  app.post('/oauth/token', express.urlencoded({ extended: false, limit: '10kb' }), express.json({ limit: '10kb' }), (req, res) => {
    const body: Record<string, unknown> = isObject(req.body) ? req.body : {}
    if (body.grant_type !== 'client_credentials')
      return res.status(400).json({ error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' })
    if (!(sameSecret(body.client_id, options.clientId) && sameSecret(body.client_secret, options.clientSecret)))
      return res.status(401).json({ error: 'invalid_client', error_description: 'Invalid client credentials.' })
    const token = randomBytes(24).toString('base64url')
    tokens.set(token, now() + ttlMs)
    state.tokensIssued += 1
    res.json({ access_token: token, token_type: 'Bearer', expires_in: ttlMs / 1000 })
  })

  // --- API: counted, failures injected, then authenticated ------------------------------------------
  const api = express.Router()
  api.use((_req, res, next) => {
    state.requests += 1
    if (faults.remaining <= 0) return next()
    faults.remaining -= 1
    if (faults.failWith === 429) {
      res.setHeader('Retry-After', '1')
      return apiError(res, 429, 'rate_limited', 'Too many requests. Slow down.')
    }
    apiError(res, faults.failWith, 'server_error', 'The service is temporarily unavailable.')
  })
  api.use((req, res, next) => {
    const bearer = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')
    const expiresAt = bearer ? tokens.get(bearer[1]!) : undefined
    if (expiresAt !== undefined && expiresAt > now()) return next()
    apiError(res, 401, 'invalid_token', 'The access token is missing, unknown or expired.')
  })

  api.get('/v2/deals', (req, res) => {
    const since = one(req.query.updated_since)
    const sinceAt = since === undefined || since === '' ? -Infinity : Date.parse(since)
    if (Number.isNaN(sinceAt)) return apiError(res, 400, 'invalid_request', 'updated_since must be an ISO 8601 timestamp')
    const sizeText = one(req.query.page_size)
    const pageSize = sizeText === undefined ? DEFAULT_PAGE_SIZE : Number(sizeText)
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
      return apiError(res, 400, 'invalid_request', `page_size must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
    const cursorText = one(req.query.cursor)
    const cursor = cursorText ? decodeCursor(cursorText) : null
    if (cursorText && !cursor) return apiError(res, 400, 'invalid_request', 'cursor is not one this API issued')

    const matching = [...state.deals.values()]
      .filter((d) => timeOf(d) > sinceAt && (!cursor || after(d, cursor)))
      .sort((a, b) => timeOf(a) - timeOf(b) || (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0))
    const data = matching.slice(0, pageSize)
    const last = data[data.length - 1]
    res.json({ data, next_cursor: matching.length > pageSize && last ? encodeCursor({ at: timeOf(last), id: String(last.id) }) : null })
  })
  api.get('/v2/deals/:id', (req, res) => {
    const deal = state.deals.get(req.params.id)
    if (!deal) return apiError(res, 404, 'not_found', `No deal ${req.params.id}`)
    res.json(deal)
  })
  api.use((_req, res) => {
    apiError(res, 404, 'not_found', 'No such endpoint')
  })
  app.use('/api', api)

  // --- Everything else --------------------------------------------------------------------------
  app.use((_req, res) => {
    apiError(res, 404, 'not_found', 'No such endpoint')
  })
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status =
      typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' && err.status < 500 ? err.status : 500
    apiError(
      res,
      status,
      status === 500 ? 'server_error' : 'invalid_request',
      status === 500 ? 'An unexpected error occurred.' : 'The request body could not be read.',
    )
  })

  return { app, state }
}
