/**
 * A local stand-in for the Vertex Wireless dealer portal (carrier VTX), a system outside our reach that a scraper
 * drives: sign-in with CSRF and an optional TOTP step, a paged activations report with a date filter and a CSV
 * export, and `/__control` to switch the layout, inject 5xx errors and end sessions. See README.md beside it.
 */
import { createHash, timingSafeEqual } from 'node:crypto'

import express, { type NextFunction, type Request, type Response } from 'express'

import { LAYOUTS, toCsv, type Layout } from './columns'
import { activationRows, isIsoDate, sortRows, type ActivationRow, type ActivationRowSettings } from './data'
import { errorPage, invoicesPage, loginPage, otpPage, reportPage } from './pages'
import { MAX_OTP_ATTEMPTS, PRE_SESSION_COOKIE, PortalSessions, SESSION_COOKIE, cookieHeader, newId, parseCookies } from './sessions'
import { base32Decode, verifyTotp } from './totp'

export const PAGE_SIZE = 50
export const FAIL_STATUSES = [500, 503] as const
export type FailNext = { status: (typeof FAIL_STATUSES)[number]; times: number }

export type PortalOptions = {
  username: string
  password: string
  /** Base32 secret; when set, a 6-digit TOTP code (RFC 6238, 30 s, SHA-1, ±1 step) is asked for after the password. */
  totpSecret?: string
  /** The rows themselves, or settings for `activationRows`. */
  rows: ActivationRow[] | ActivationRowSettings
  layout?: Layout
  /** Idle timeout of a session (default 1800). */
  sessionTtlSeconds?: number
  /** Failures armed from the start, as `/__control` would arm them. */
  failures?: { failNext?: FailNext }
  /** Milliseconds since the epoch (default Date.now); sessions, CSRF tokens and TOTP read this clock. */
  now?: () => number
  /** Invoices on the billing page (bill payment collects them); more can be posted to `/__invoices`. */
  invoices?: PortalInvoice[]
}

/** A carrier invoice file the billing page offers for download. */
export type PortalInvoice = { fileName: string; data: Buffer; issued: string; amount: string }

export type ControlRequest = { layout?: Layout; failNext?: FailNext; expireSessions?: true }

export const MESSAGES = {
  invalidLogin: 'Invalid username or password',
  csrf: 'Your sign-in form has expired. Please try again.',
  expired: 'Your session has expired. Please sign in again.',
  invalidOtp: 'Invalid verification code',
  tooManyOtp: 'Too many invalid verification codes. Please sign in again.',
  unavailable: 'Service temporarily unavailable',
} as const

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest()
const sameSecret = (given: unknown, expected: string): boolean =>
  typeof given === 'string' && timingSafeEqual(sha256(given), sha256(expected))
const one = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

function failNextProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'failNext must be an object'
  const { status, times } = value as Record<string, unknown>
  if (!FAIL_STATUSES.includes(status as FailNext['status'])) return 'failNext.status must be 500 or 503'
  if (!Number.isInteger(times) || (times as number) < 0) return 'failNext.times must be a whole number ≥ 0'
  return null
}

/** Index of the first row whose date is ≥ date (rows are sorted by date). */
function firstOnOrAfter(rows: readonly ActivationRow[], date: string): number {
  let lo = 0
  let hi = rows.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (rows[mid]!.activationDate < date) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function createCarrierPortal(options: PortalOptions): express.Express {
  if (options.totpSecret !== undefined && base32Decode(options.totpSecret).length < 10)
    throw new Error('totpSecret must be base32 of at least 10 bytes')
  const now = options.now ?? Date.now
  const rows = Array.isArray(options.rows) ? sortRows(options.rows) : activationRows(options.rows)
  const firstDate = rows[0]?.activationDate ?? new Date(now()).toISOString().slice(0, 10)
  const lastDate = rows[rows.length - 1]?.activationDate ?? firstDate
  const sessions = new PortalSessions((options.sessionTtlSeconds ?? 1800) * 1000, now)
  const state: { layout: Layout; failNext: { status: FailNext['status']; remaining: number } | null } = {
    layout: options.layout ?? 'standard',
    failNext: options.failures?.failNext ? { status: options.failures.failNext.status, remaining: options.failures.failNext.times } : null,
  }

  const app = express()
  app.disable('x-powered-by')
  app.disable('etag')
  const html = (res: Response, status: number, body: string) => res.status(status).type('html').send(body)

  // --- Control (never subject to injected failures) ----------------------------------------------
  const controlState = () => ({
    layout: state.layout,
    failNext: state.failNext && state.failNext.remaining > 0 ? { status: state.failNext.status, times: state.failNext.remaining } : null,
    sessions: sessions.size,
  })
  app.get('/__control', (_req, res) => {
    res.json(controlState())
  })
  const invoices: PortalInvoice[] = [...(options.invoices ?? [])]
  // Tests publish an invoice: { fileName, base64, issued, amount }.
  app.post('/__invoices', express.json({ limit: '20mb' }), (req, res) => {
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>
    if (typeof body.fileName !== 'string' || !/^[\w.-]+$/.test(body.fileName) || typeof body.base64 !== 'string') {
      res.status(400).json({ errors: ['fileName (letters, digits, . _ -) and base64 are needed'] })
      return
    }
    invoices.push({
      fileName: body.fileName,
      data: Buffer.from(body.base64, 'base64'),
      issued: String(body.issued ?? ''),
      amount: String(body.amount ?? ''),
    })
    res.status(201).json({ invoices: invoices.length })
  })
  app.post('/__control', express.json(), (req, res) => {
    const body: Record<string, unknown> = typeof req.body === 'object' && req.body !== null ? req.body : {}
    const problems: string[] = []
    if (body.layout !== undefined && !LAYOUTS.includes(body.layout as Layout)) problems.push(`layout must be one of ${LAYOUTS.join(', ')}`)
    if (body.failNext !== undefined) {
      const problem = failNextProblem(body.failNext)
      if (problem) problems.push(problem)
    }
    if (body.expireSessions !== undefined && body.expireSessions !== true) problems.push('expireSessions must be true')
    if (problems.length > 0) {
      res.status(400).json({ errors: problems })
      return
    }
    if (body.layout !== undefined) state.layout = body.layout as Layout
    if (body.failNext !== undefined) {
      const failNext = body.failNext as FailNext
      state.failNext = { status: failNext.status, remaining: failNext.times }
    }
    const expired = body.expireSessions === true ? sessions.expireAll() : 0
    res.json({ ...controlState(), expired })
  })

  // --- Injected failures ------------------------------------------------------------------------
  app.use((_req, res, next) => {
    if (!state.failNext || state.failNext.remaining <= 0) return next()
    state.failNext.remaining -= 1
    if (state.failNext.status === 503) res.setHeader('Retry-After', '1')
    html(
      res,
      state.failNext.status,
      errorPage(MESSAGES.unavailable, 'We are unable to process your request right now. Please try again in a few minutes.'),
    )
  })

  // --- Sign-in ----------------------------------------------------------------------------------
  const cookiesOf = (req: Request) => parseCookies(req.headers.cookie)
  /** The pre-session id, set as a cookie when the browser has none yet. */
  const preSessionOf = (req: Request, res: Response): string => {
    const existing = cookiesOf(req)[PRE_SESSION_COOKIE]
    if (existing && /^[0-9a-f]{48}$/.test(existing)) return existing
    const id = newId()
    res.append('Set-Cookie', cookieHeader(PRE_SESSION_COOKIE, id))
    return id
  }
  const showLogin = (req: Request, res: Response, status: number, extra: { error?: string; notice?: string; username?: string } = {}) =>
    html(res, status, loginPage({ csrf: sessions.issueCsrf(preSessionOf(req, res)), ...extra }))
  const startSession = (res: Response, username: string) => {
    res.append('Set-Cookie', cookieHeader(SESSION_COOKIE, sessions.create(username)))
    res.redirect(303, '/reports/activations')
  }
  const form = express.urlencoded({ extended: false, limit: '10kb' })

  app.get('/', (_req, res) => res.redirect(302, '/reports/activations'))

  app.get('/login', (req, res) => {
    showLogin(req, res, 200, req.query.expired === '1' ? { notice: MESSAGES.expired } : {})
  })

  app.post('/login', form, (req, res) => {
    const body: Record<string, unknown> = req.body ?? {}
    const pre = cookiesOf(req)[PRE_SESSION_COOKIE]
    if (!sessions.consumeCsrf(pre, body._csrf)) return showLogin(req, res, 403, { error: MESSAGES.csrf })
    const username = one(body.username)?.trim() ?? ''
    if (!(sameSecret(username, options.username) && sameSecret(body.password, options.password))) {
      return showLogin(req, res, 200, { error: MESSAGES.invalidLogin, username })
    }
    if (options.totpSecret !== undefined) {
      sessions.startOtp(pre!, options.username)
      return res.redirect(303, '/login/otp')
    }
    startSession(res, options.username)
  })

  app.get('/login/otp', (req, res) => {
    const pre = cookiesOf(req)[PRE_SESSION_COOKIE]
    if (!sessions.pendingFor(pre)) return res.redirect(302, '/login')
    html(res, 200, otpPage({ csrf: sessions.issueCsrf(pre!) }))
  })

  app.post('/login/otp', form, (req, res) => {
    const body: Record<string, unknown> = req.body ?? {}
    const pre = cookiesOf(req)[PRE_SESSION_COOKIE]
    const pending = sessions.pendingFor(pre)
    if (!pending || options.totpSecret === undefined) return res.redirect(303, '/login')
    if (!sessions.consumeCsrf(pre, body._csrf)) return html(res, 403, otpPage({ csrf: sessions.issueCsrf(pre!), error: MESSAGES.csrf }))
    const code = (one(body.code) ?? '').replace(/\s/g, '')
    if (!verifyTotp(options.totpSecret, code, Math.floor(now() / 1000))) {
      pending.attempts += 1
      if (pending.attempts >= MAX_OTP_ATTEMPTS) {
        sessions.endOtp(pre!)
        return showLogin(req, res, 200, { error: MESSAGES.tooManyOtp })
      }
      return html(res, 200, otpPage({ csrf: sessions.issueCsrf(pre!), error: MESSAGES.invalidOtp }))
    }
    sessions.endOtp(pre!)
    startSession(res, pending.username)
  })

  app.get('/logout', (req, res) => {
    sessions.destroy(cookiesOf(req)[SESSION_COOKIE])
    res.append('Set-Cookie', cookieHeader(SESSION_COOKIE, '', { maxAgeSeconds: 0 }))
    res.redirect(302, '/login')
  })

  // --- Reports ----------------------------------------------------------------------------------
  const requireSession = (req: Request, res: Response, next: NextFunction) => {
    const session = sessions.touch(cookiesOf(req)[SESSION_COOKIE])
    if (!session) return res.redirect(302, '/login?expired=1')
    res.locals.user = session.username
    next()
  }

  /** The requested date range (defaults: the whole data set) and its rows, or what is wrong with the request. */
  const rangeOf = (req: Request): { from: string; to: string; error?: string; rows: readonly ActivationRow[] } => {
    const from = one(req.query.from) || firstDate
    const to = one(req.query.to) || lastDate
    if (!isIsoDate(from) || !isIsoDate(to)) return { from, to, error: 'Enter dates as YYYY-MM-DD.', rows: [] }
    if (from > to) return { from, to, error: 'The start date must not be after the end date.', rows: [] }
    return { from, to, rows: rows.slice(firstOnOrAfter(rows, from), firstOnOrAfter(rows, `${to}~`)) }
  }

  app.get('/reports/activations', requireSession, (req, res) => {
    const range = rangeOf(req)
    const pages = Math.max(1, Math.ceil(range.rows.length / PAGE_SIZE))
    const requested = Number.parseInt(one(req.query.page) ?? '1', 10)
    const pageNo = Number.isNaN(requested) ? 1 : Math.min(Math.max(requested, 1), pages)
    const firstIndex = (pageNo - 1) * PAGE_SIZE
    const view = {
      layout: state.layout,
      user: String(res.locals.user),
      from: range.from,
      to: range.to,
      page: pageNo,
      pages,
      total: range.rows.length,
      rows: range.rows.slice(firstIndex, firstIndex + PAGE_SIZE),
      firstIndex,
      error: range.error,
    }
    html(res, range.error ? 400 : 200, reportPage(view))
  })

  app.get('/reports/activations.csv', requireSession, (req, res) => {
    const range = rangeOf(req)
    if (range.error) return html(res, 400, errorPage('Export failed', range.error))
    res.setHeader('Content-Disposition', `attachment; filename="vertex-activations-${range.from}-${range.to}.csv"`)
    res.type('text/csv; charset=utf-8').send(toCsv(state.layout, range.rows))
  })

  // --- Billing: the invoices, each a download ------------------------------------------------------
  app.get('/billing/invoices', requireSession, (_req, res) => {
    html(
      res,
      200,
      invoicesPage(
        String(res.locals.user),
        invoices.map((invoice, index) => ({ ...invoice, index })),
      ),
    )
  })
  app.get('/billing/invoices/:index/download', requireSession, (req, res) => {
    const invoice = invoices[Number(req.params.index)]
    if (!invoice) return html(res, 404, errorPage('Invoice not found', 'The invoice you requested does not exist.'))
    res.setHeader('Content-Disposition', `attachment; filename="${invoice.fileName}"`)
    res.type(invoice.fileName.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream').send(invoice.data)
  })

  // --- Everything else --------------------------------------------------------------------------
  app.use((_req, res) => {
    html(res, 404, errorPage('Page not found', 'The page you requested does not exist.'))
  })
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status =
      typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' && err.status < 500 ? err.status : 500
    html(
      res,
      status,
      errorPage(
        status === 500 ? MESSAGES.unavailable : 'Bad request',
        status === 500 ? 'An unexpected error occurred.' : 'The request could not be read.',
      ),
    )
  })

  return app
}
