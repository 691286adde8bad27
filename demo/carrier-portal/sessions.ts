/**
 * Who is signed in, in memory: sessions with an idle timeout, single-use CSRF tokens bound to a pre-session
 * cookie, and logins waiting for their one-time code. The clock is passed in so tests can move it.
 */
import { randomBytes } from 'node:crypto'

export const SESSION_COOKIE = 'VTXSESSION'
export const PRE_SESSION_COOKIE = 'VTXPRE'

const CSRF_TTL_MS = 30 * 60_000
const PENDING_OTP_TTL_MS = 5 * 60_000
export const MAX_OTP_ATTEMPTS = 5

type Session = { username: string; expiresAt: number }
type PendingOtp = { username: string; expiresAt: number; attempts: number }

export const newId = (): string => randomBytes(24).toString('hex')

export class PortalSessions {
  private readonly sessions = new Map<string, Session>()
  /** Pre-session id → its outstanding CSRF tokens and when each expires. */
  private readonly csrf = new Map<string, Map<string, number>>()
  private readonly pendingOtp = new Map<string, PendingOtp>()

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  create(username: string): string {
    const id = newId()
    this.sessions.set(id, { username, expiresAt: this.now() + this.ttlMs })
    return id
  }

  /** The session behind a cookie, its idle timer restarted; undefined when absent or expired. */
  touch(id: string | undefined): Session | undefined {
    if (!id) return undefined
    const session = this.sessions.get(id)
    if (!session) return undefined
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(id)
      return undefined
    }
    session.expiresAt = this.now() + this.ttlMs
    return session
  }

  destroy(id: string | undefined): void {
    if (id) this.sessions.delete(id)
  }

  /** Ends every session (the control endpoint's `expireSessions`). Returns how many ended. */
  expireAll(): number {
    const count = this.sessions.size
    this.sessions.clear()
    this.pendingOtp.clear()
    return count
  }

  get size(): number {
    return this.sessions.size
  }

  /** A fresh token for one form, valid only with the same pre-session cookie. */
  issueCsrf(preSession: string): string {
    this.sweep()
    const token = randomBytes(18).toString('base64url')
    const tokens = this.csrf.get(preSession) ?? new Map<string, number>()
    tokens.set(token, this.now() + CSRF_TTL_MS)
    // A few open tabs are fine; an endless stream of reloads is not kept.
    if (tokens.size > 20) tokens.delete(tokens.keys().next().value!)
    this.csrf.set(preSession, tokens)
    return token
  }

  /** True when the token was issued to this pre-session and has not been used or expired; it is used up either way. */
  consumeCsrf(preSession: string | undefined, token: unknown): boolean {
    if (!preSession || typeof token !== 'string' || token === '') return false
    const tokens = this.csrf.get(preSession)
    const expiresAt = tokens?.get(token)
    if (expiresAt === undefined) return false
    tokens!.delete(token)
    return expiresAt > this.now()
  }

  startOtp(preSession: string, username: string): void {
    this.pendingOtp.set(preSession, { username, expiresAt: this.now() + PENDING_OTP_TTL_MS, attempts: 0 })
  }

  pendingFor(preSession: string | undefined): PendingOtp | undefined {
    if (!preSession) return undefined
    const pending = this.pendingOtp.get(preSession)
    if (pending && pending.expiresAt <= this.now()) {
      this.pendingOtp.delete(preSession)
      return undefined
    }
    return pending
  }

  endOtp(preSession: string): void {
    this.pendingOtp.delete(preSession)
  }

  private sweep(): void {
    if (this.csrf.size < 1000) return
    const now = this.now()
    for (const [pre, tokens] of this.csrf) {
      for (const [token, expiresAt] of tokens) if (expiresAt <= now) tokens.delete(token)
      if (tokens.size === 0) this.csrf.delete(pre)
    }
  }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {}
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const name = part.slice(0, eq).trim()
    const value = part.slice(eq + 1).trim()
    try {
      cookies[name] = decodeURIComponent(value)
    } catch {
      cookies[name] = value
    }
  }
  return cookies
}

export function cookieHeader(name: string, value: string, options: { maxAgeSeconds?: number } = {}): string {
  const maxAge = options.maxAgeSeconds === undefined ? '' : `; Max-Age=${options.maxAgeSeconds}`
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax${maxAge}`
}
