/**
 * A local stand-in for the company's ERP (NetSuite-like REST): OAuth 2 client credentials, credit memos and journal
 * entries created by POST with an external id (a second POST with the same one answers DUP_RCRD and creates nothing),
 * read back by internal id or `eid:<externalId>`, and `/__control` to inject 5xx, 429 or a slow answer after the
 * record was made (the "did my create go through?" case). See README.md beside it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

import express, { type NextFunction, type Request, type Response } from 'express'

export const FAIL_WITH = [500, 503, 429, 'timeout'] as const
export type FailWith = (typeof FAIL_WITH)[number]
export type ErpFaults = { failNext: number; failWith: FailWith; delayMs?: number }

export type ErpOptions = {
  clientId: string
  clientSecret: string
  /** Lifetime of an access token (default 3600). */
  tokenTtlSeconds?: number
  /** Failures armed from the start, as `/__control` would arm them. */
  faults?: ErpFaults
  /** Milliseconds since the epoch (default Date.now); token expiry reads this clock. */
  now?: () => number
}

export type CreditMemoLine = { line: number; description: string; amount: string; custcol_claim_line: string }
export type CreditMemo = {
  id: string
  externalId: string
  tranId: string
  status: 'Open' | 'Fully Applied'
  total: string
  currency: { refName: string }
  entity: { externalId: string }
  tranDate: string
  memo: string
  item: { items: CreditMemoLine[] }
}
export type JournalLine = { line: number; account: { refName: string }; debit?: string; credit?: string; memo: string }
export type JournalEntry = {
  id: string
  externalId: string
  tranId: string
  tranDate: string
  memo: string
  total: string
  line: { items: JournalLine[] }
}

/** What the stand-in holds; tests read it directly or through `GET /__state`. */
export type ErpState = {
  creditMemos: CreditMemo[]
  journalEntries: JournalEntry[]
  /** Requests under /services/rest/record, failed ones included. */
  requests: number
  tokensIssued: number
}

export const RECORD_BASE = '/services/rest/record/v1'
export const TOKEN_PATH = '/services/rest/auth/oauth2/v1/token'
const DEFAULT_DELAY_MS = 10_000

type ErrorDetail = { detail: string; 'o:errorCode': string; 'o:errorPath'?: string }

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

/** NetSuite's error body: RFC 9457 problem details with `o:errorDetails`. */
export const errorBody = (status: number, ...details: ErrorDetail[]) => ({
  type: `https://www.rfc-editor.org/rfc/rfc9110.html#section-15`,
  title: TITLES[status] ?? 'Error',
  status,
  'o:errorDetails': details,
})

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest()
const sameSecret = (given: unknown, expected: string): boolean =>
  typeof given === 'string' && timingSafeEqual(sha256(given), sha256(expected))
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== ''

const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/
/** A positive decimal string with at most two decimals, in integer cents; null when it is not one. */
export function toCents(value: unknown): bigint | null {
  if (typeof value !== 'string' || !AMOUNT.test(value)) return null
  const [whole, fraction = ''] = value.split('.')
  return BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'))
}
export function fromCents(cents: bigint): string {
  const whole = cents / 100n
  const rest = (cents % 100n).toString().padStart(2, '0')
  return `${whole}.${rest}`
}
function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

class Invalid extends Error {
  constructor(
    readonly path: string,
    message: string,
    readonly code = 'INVALID_FLD_VALUE',
  ) {
    super(message)
  }
}
const missing = (path: string) => new Invalid(path, `Please enter value(s) for: ${path}`, 'USER_ERROR')
const invalidValue = (path: string, value: unknown) =>
  new Invalid(path, `Invalid Field Value ${JSON.stringify(value)} for the following field: ${path}`)

function readCreditMemo(body: Record<string, unknown>): Omit<CreditMemo, 'id' | 'tranId' | 'status'> {
  if (!nonEmpty(body.externalId)) throw missing('externalId')
  if (!isObject(body.entity) || !nonEmpty(body.entity.externalId)) throw missing('entity')
  if (body.tranDate === undefined) throw missing('tranDate')
  if (!isIsoDate(body.tranDate)) throw invalidValue('tranDate', body.tranDate)
  let currency = 'USD'
  if (body.currency !== undefined) {
    if (!isObject(body.currency) || typeof body.currency.refName !== 'string' || !/^[A-Z]{3}$/.test(body.currency.refName))
      throw invalidValue('currency', body.currency)
    currency = body.currency.refName
  }
  const items = isObject(body.item) && Array.isArray(body.item.items) ? body.item.items : []
  if (items.length === 0) throw missing('item')
  let total = 0n
  const lines = items.map((raw: unknown, i): CreditMemoLine => {
    const path = `item.items[${i}]`
    if (!isObject(raw)) throw invalidValue(path, raw)
    const cents = toCents(raw.amount)
    if (cents === null || cents === 0n) throw invalidValue(`${path}.amount`, raw.amount)
    if (!nonEmpty(raw.description)) throw missing(`${path}.description`)
    if (typeof raw.custcol_claim_line !== 'string') throw missing(`${path}.custcol_claim_line`)
    total += cents
    return { line: i + 1, description: raw.description, amount: raw.amount as string, custcol_claim_line: raw.custcol_claim_line }
  })
  return {
    externalId: body.externalId,
    entity: { externalId: body.entity.externalId },
    tranDate: body.tranDate,
    currency: { refName: currency },
    memo: typeof body.memo === 'string' ? body.memo : '',
    total: fromCents(total),
    item: { items: lines },
  }
}

function readJournal(body: Record<string, unknown>): Omit<JournalEntry, 'id' | 'tranId'> {
  if (!nonEmpty(body.externalId)) throw missing('externalId')
  if (body.tranDate === undefined) throw missing('tranDate')
  if (!isIsoDate(body.tranDate)) throw invalidValue('tranDate', body.tranDate)
  const items = isObject(body.line) && Array.isArray(body.line.items) ? body.line.items : []
  if (items.length < 2) throw missing('line')
  let debits = 0n
  let credits = 0n
  const lines = items.map((raw: unknown, i): JournalLine => {
    const path = `line.items[${i}]`
    if (!isObject(raw)) throw invalidValue(path, raw)
    if (!isObject(raw.account) || !nonEmpty(raw.account.refName)) throw missing(`${path}.account`)
    const hasDebit = raw.debit !== undefined
    const hasCredit = raw.credit !== undefined
    if (hasDebit === hasCredit) throw new Invalid(path, `Enter either a debit or a credit amount on line ${i + 1}.`)
    const field = hasDebit ? 'debit' : 'credit'
    const cents = toCents(raw[field])
    if (cents === null || cents === 0n) throw invalidValue(`${path}.${field}`, raw[field])
    if (hasDebit) debits += cents
    else credits += cents
    const line: JournalLine = { line: i + 1, account: { refName: raw.account.refName }, memo: typeof raw.memo === 'string' ? raw.memo : '' }
    line[field] = raw[field] as string
    return line
  })
  if (debits !== credits)
    throw new Invalid(
      'line',
      `The transaction is out of balance: debits ${fromCents(debits)} and credits ${fromCents(credits)} must be equal.`,
      'UNBALANCED_JOURNAL',
    )
  return {
    externalId: body.externalId,
    tranDate: body.tranDate,
    memo: typeof body.memo === 'string' ? body.memo : '',
    total: fromCents(debits),
    line: { items: lines },
  }
}

function faultsProblem(body: Record<string, unknown>): string | null {
  if (!Number.isInteger(body.failNext) || (body.failNext as number) < 0) return 'failNext must be a whole number ≥ 0'
  if (body.failWith !== undefined && !FAIL_WITH.includes(body.failWith as FailWith)) return 'failWith must be 500, 503, 429 or "timeout"'
  if (body.delayMs !== undefined && (!Number.isInteger(body.delayMs) || (body.delayMs as number) < 0))
    return 'delayMs must be a whole number ≥ 0'
  return null
}

export function createErpStandIn(options: ErpOptions): { app: express.Express; state: ErpState } {
  const now = options.now ?? Date.now
  const ttlMs = (options.tokenTtlSeconds ?? 3600) * 1000
  const state: ErpState = { creditMemos: [], journalEntries: [], requests: 0, tokensIssued: 0 }
  const tokens = new Map<string, number>()
  let faults: { remaining: number; failWith: FailWith; delayMs: number } = {
    remaining: options.faults?.failNext ?? 0,
    failWith: options.faults?.failWith ?? 500,
    delayMs: options.faults?.delayMs ?? DEFAULT_DELAY_MS,
  }
  let nextId = 5001
  let nextMemoNo = 1001
  let nextJournalNo = 501

  const app = express()
  app.disable('x-powered-by')
  app.disable('etag')

  // --- Control (never subject to injected failures) ----------------------------------------------
  const controlState = () => ({ failNext: faults.remaining, failWith: faults.failWith, delayMs: faults.delayMs, ...counts() })
  const counts = () => ({ creditMemos: state.creditMemos.length, journalEntries: state.journalEntries.length, requests: state.requests })
  app.get('/__state', (_req, res) => {
    res.json(state)
  })
  app.get('/__control', (_req, res) => {
    res.json(controlState())
  })
  app.post('/__control', express.json(), (req, res) => {
    const body: Record<string, unknown> = isObject(req.body) ? req.body : {}
    const problems: string[] = []
    if (body.failNext !== undefined) {
      const problem = faultsProblem(body)
      if (problem) problems.push(problem)
    }
    if (body.applyAll !== undefined && body.applyAll !== true) problems.push('applyAll must be true')
    if (body.expireTokens !== undefined && body.expireTokens !== true) problems.push('expireTokens must be true')
    if (problems.length > 0) {
      res.status(400).json({ errors: problems })
      return
    }
    if (body.failNext !== undefined)
      faults = {
        remaining: body.failNext as number,
        failWith: (body.failWith as FailWith | undefined) ?? 500,
        delayMs: (body.delayMs as number | undefined) ?? DEFAULT_DELAY_MS,
      }
    if (body.applyAll === true) for (const memo of state.creditMemos) memo.status = 'Fully Applied'
    if (body.expireTokens === true) tokens.clear()
    res.json(controlState())
  })

  // --- OAuth 2 client credentials ------------------------------------------------------------------
  app.post(TOKEN_PATH, express.urlencoded({ extended: false, limit: '10kb' }), express.json({ limit: '10kb' }), (req, res) => {
    const body: Record<string, unknown> = isObject(req.body) ? req.body : {}
    let clientId = body.client_id
    let clientSecret = body.client_secret
    const basic = /^Basic (.+)$/i.exec(req.get('authorization') ?? '')
    if (basic) {
      const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8')
      const colon = decoded.indexOf(':')
      clientId = decoded.slice(0, colon)
      clientSecret = decoded.slice(colon + 1)
    }
    if (body.grant_type !== 'client_credentials') {
      res.status(400).json({ error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' })
      return
    }
    if (!(sameSecret(clientId, options.clientId) && sameSecret(clientSecret, options.clientSecret))) {
      res.status(401).json({ error: 'invalid_client', error_description: 'Invalid client credentials.' })
      return
    }
    const token = randomBytes(24).toString('base64url')
    tokens.set(token, now() + ttlMs)
    state.tokensIssued += 1
    res.json({ access_token: token, token_type: 'Bearer', expires_in: ttlMs / 1000 })
  })

  // --- Records: counted, failures injected, then authenticated ------------------------------------
  const records = express.Router()
  /** Sends now, or after the armed delay when this request was picked to answer late (the record is made either way). */
  const reply = (res: Response, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    const send = () => {
      if (res.writableEnded || res.destroyed) return
      res.set(headers).status(status)
      if (body === undefined) res.end()
      else res.json(body)
    }
    const delayMs = res.locals.delayMs as number | undefined
    if (delayMs === undefined) return send()
    const timer = setTimeout(send, delayMs)
    res.on('close', () => clearTimeout(timer))
  }
  records.use((_req, res, next) => {
    state.requests += 1
    if (faults.remaining <= 0) return next()
    faults.remaining -= 1
    if (faults.failWith === 'timeout') {
      res.locals.delayMs = faults.delayMs
      return next()
    }
    if (faults.failWith === 429) res.setHeader('Retry-After', '1')
    const code =
      faults.failWith === 429 ? 'CONCURRENCY_LIMIT_EXCEEDED' : faults.failWith === 503 ? 'SERVICE_UNAVAILABLE' : 'UNEXPECTED_ERROR'
    res
      .status(faults.failWith)
      .json(errorBody(faults.failWith, { detail: 'An unexpected error occurred. Please try again.', 'o:errorCode': code }))
  })
  records.use((req, res, next) => {
    const bearer = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')
    const expiresAt = bearer ? tokens.get(bearer[1]!) : undefined
    if (expiresAt !== undefined && expiresAt > now()) return next()
    if (bearer) tokens.delete(bearer[1]!)
    reply(
      res,
      401,
      errorBody(401, { detail: 'Invalid login attempt. For more details, see the Login Audit Trail.', 'o:errorCode': 'INVALID_LOGIN' }),
    )
  })
  records.use(express.json({ limit: '1mb' }))

  const baseOf = (req: Request) => `${req.protocol}://${req.get('host')}`
  const selfLink = (req: Request, type: string, id: string) => [{ rel: 'self', href: `${baseOf(req)}${RECORD_BASE}/${type}/${id}` }]
  const notFound = (res: Response, type: string, ref: string) =>
    reply(
      res,
      404,
      errorBody(404, { detail: `The record instance does not exist. Invalid ${type} reference: ${ref}.`, 'o:errorCode': 'NONEXISTENT_ID' }),
    )
  const duplicate = (res: Response, externalId: string) =>
    reply(
      res,
      400,
      errorBody(400, {
        detail: `A record with external ID ${externalId} already exists.`,
        'o:errorCode': 'DUP_RCRD',
        'o:errorPath': 'externalId',
      }),
    )
  const invalid = (res: Response, err: Invalid) =>
    reply(res, 400, errorBody(400, { detail: err.message, 'o:errorCode': err.code, 'o:errorPath': err.path }))
  const find = <T extends { id: string; externalId: string }>(list: T[], ref: string): T | undefined =>
    ref.startsWith('eid:') ? list.find((r) => r.externalId === ref.slice(4)) : list.find((r) => r.id === ref)
  const list = <T extends { id: string }>(req: Request, res: Response, type: string, all: T[]) => {
    const limit = Number(req.query.limit ?? 1000)
    const offset = Number(req.query.offset ?? 0)
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000 || !Number.isInteger(offset) || offset < 0) {
      return reply(res, 400, errorBody(400, { detail: 'limit must be 1..1000 and offset ≥ 0.', 'o:errorCode': 'INVALID_PARAMETER' }))
    }
    const page = all.slice(offset, offset + limit)
    reply(res, 200, {
      links: [{ rel: 'self', href: `${baseOf(req)}${req.originalUrl}` }],
      items: page.map((r) => ({ id: r.id, links: selfLink(req, type, r.id) })),
      count: page.length,
      hasMore: offset + page.length < all.length,
      offset,
      totalResults: all.length,
    })
  }
  const bodyOf = (req: Request) => (isObject(req.body) ? req.body : {})

  records.post('/creditMemo', (req, res) => {
    let fields: ReturnType<typeof readCreditMemo>
    try {
      fields = readCreditMemo(bodyOf(req))
    } catch (err) {
      if (err instanceof Invalid) return invalid(res, err)
      throw err
    }
    if (find(state.creditMemos, `eid:${fields.externalId}`)) return duplicate(res, fields.externalId)
    const memo: CreditMemo = { id: String(nextId++), tranId: `CM${nextMemoNo++}`, status: 'Open', ...fields }
    state.creditMemos.push(memo)
    reply(res, 204, undefined, { Location: `${baseOf(req)}${RECORD_BASE}/creditMemo/${memo.id}` })
  })
  records.get('/creditMemo', (req, res) => list(req, res, 'creditMemo', state.creditMemos))
  records.get('/creditMemo/:ref', (req, res) => {
    const memo = find(state.creditMemos, req.params.ref)
    if (!memo) return notFound(res, 'creditMemo', req.params.ref)
    reply(res, 200, { links: selfLink(req, 'creditMemo', memo.id), ...memo })
  })

  records.post('/journalEntry', (req, res) => {
    let fields: ReturnType<typeof readJournal>
    try {
      fields = readJournal(bodyOf(req))
    } catch (err) {
      if (err instanceof Invalid) return invalid(res, err)
      throw err
    }
    if (find(state.journalEntries, `eid:${fields.externalId}`)) return duplicate(res, fields.externalId)
    const entry: JournalEntry = { id: String(nextId++), tranId: `JE${nextJournalNo++}`, ...fields }
    state.journalEntries.push(entry)
    reply(res, 204, undefined, { Location: `${baseOf(req)}${RECORD_BASE}/journalEntry/${entry.id}` })
  })
  records.get('/journalEntry', (req, res) => list(req, res, 'journalEntry', state.journalEntries))
  records.get('/journalEntry/:ref', (req, res) => {
    const entry = find(state.journalEntries, req.params.ref)
    if (!entry) return notFound(res, 'journalEntry', req.params.ref)
    reply(res, 200, { links: selfLink(req, 'journalEntry', entry.id), ...entry })
  })
  records.use((req, res) => {
    reply(res, 404, errorBody(404, { detail: `Record type or path ${req.path} is not supported.`, 'o:errorCode': 'INVALID_URL' }))
  })
  app.use(RECORD_BASE, records)

  // --- Everything else --------------------------------------------------------------------------
  app.use((_req, res) => {
    res.status(404).json(errorBody(404, { detail: 'The requested resource does not exist.', 'o:errorCode': 'INVALID_URL' }))
  })
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status =
      typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' && err.status < 500 ? err.status : 500
    res.status(status).json(
      errorBody(status, {
        detail: status === 500 ? 'An unexpected error occurred.' : 'The request body could not be read.',
        'o:errorCode': status === 500 ? 'UNEXPECTED_ERROR' : 'INVALID_CONTENT',
      }),
    )
  })

  return { app, state }
}
