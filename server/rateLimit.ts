import type { Payload } from 'payload'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'
import { dbPool } from '../db/pool'

/**
 * Failed logins allowed per client address and per email within a window, counted in PostgreSQL (table
 * `login_throttle`) so every web process shares them. Configured by ACCRUE_LOGIN_LIMIT_IP (default 30),
 * ACCRUE_LOGIN_LIMIT_EMAIL (default 10) and ACCRUE_LOGIN_WINDOW_SECONDS (default 900). The per-email count is the same
 * for an email that has no login, so a 429 says nothing about which emails exist; Payload's own lockout (five wrong
 * passwords lock a login for 15 minutes) still applies on top.
 */
export type LoginLimits = { perAddress: number; perEmail: number; windowSeconds: number }

export function loginLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): LoginLimits {
  return {
    perAddress: positive(env.ACCRUE_LOGIN_LIMIT_IP, 30, 'ACCRUE_LOGIN_LIMIT_IP'),
    perEmail: positive(env.ACCRUE_LOGIN_LIMIT_EMAIL, 10, 'ACCRUE_LOGIN_LIMIT_EMAIL'),
    windowSeconds: positive(env.ACCRUE_LOGIN_WINDOW_SECONDS, 900, 'ACCRUE_LOGIN_WINDOW_SECONDS'),
  }
}

type Throttle = { address: RateLimiterPostgres; email: RateLimiterPostgres }
const throttles = new WeakMap<Payload, Throttle>()

function throttleOf(payload: Payload): Throttle {
  let throttle = throttles.get(payload)
  if (!throttle) {
    const limits = loginLimitsFromEnv()
    const pool = dbPool(payload)
    // Both share the table; the first also deletes, every five minutes, counts whose window ended an hour ago.
    const limiter = (keyPrefix: string, points: number, clearExpiredByTimeout: boolean) =>
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: 'login_throttle',
        tableCreated: true,
        clearExpiredByTimeout,
        keyPrefix,
        points,
        duration: limits.windowSeconds,
      })
    throttle = { address: limiter('login-ip', limits.perAddress, true), email: limiter('login-email', limits.perEmail, false) }
    throttles.set(payload, throttle)
  }
  return throttle
}

/**
 * Counts one login attempt for the address and the email. Resolves to null when both are within their limits, or
 * to the seconds until the attempt may be retried.
 */
export async function countLoginAttempt(payload: Payload, address: string | null, email: string): Promise<number | null> {
  const throttle = throttleOf(payload)
  let wait = 0
  for (const [limiter, key] of [
    [throttle.address, address],
    [throttle.email, email],
  ] as const) {
    if (key === null) continue
    try {
      await limiter.consume(key)
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err
      wait = Math.max(wait, err.msBeforeNext)
    }
  }
  return wait > 0 ? Math.ceil(wait / 1000) : null
}

/** A successful login: its attempt no longer counts against the address, and the email starts afresh. */
export async function forgiveLogin(payload: Payload, address: string | null, email: string): Promise<void> {
  const throttle = throttleOf(payload)
  if (address !== null) await throttle.address.reward(address, 1)
  await throttle.email.delete(email)
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive whole number (got "${value}")`)
  return parsed
}
