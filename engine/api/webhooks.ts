import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Webhook signing, verification and the retry schedule: pure functions (the clock and the randomness are passed in).
 *
 * The signature follows the scheme the payment providers use (Stripe's): the header
 * `Accrue-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed by the subscription's secret>`.
 * A receiver recomputes the HMAC over the exact bytes it received and refuses a timestamp older than its tolerance,
 * so a captured request cannot be replayed later.
 */
export const SIGNATURE_HEADER = 'Accrue-Signature'
export const EVENT_ID_HEADER = 'Accrue-Event-Id'
export const EVENT_TYPE_HEADER = 'Accrue-Event-Type'

/** A receiver's default tolerance between the signed timestamp and its clock, in seconds. */
export const DEFAULT_TOLERANCE_SECONDS = 300

/** HMAC-SHA256 of `<timestamp>.<body>`, as lowercase hex. */
export function computeSignature(secret: string, timestampSeconds: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex')
}

/** The `Accrue-Signature` header value for `body` sent at `timestampSeconds`. */
export function signatureHeader(secret: string, timestampSeconds: number, body: string): string {
  return `t=${timestampSeconds},v1=${computeSignature(secret, timestampSeconds, body)}`
}

export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: 'bad format' | 'wrong signature' | 'stale timestamp' }

/**
 * Checks a received `Accrue-Signature` header against the raw body: well-formed, one of its `v1` signatures matches
 * (compared in constant time), and the timestamp within `toleranceSeconds` of `nowSeconds` (either way).
 */
export function verifySignature(
  header: string | null | undefined,
  secret: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): VerifyResult {
  if (typeof header !== 'string' || header === '') return { ok: false, reason: 'bad format' }
  let timestamp: number | null = null
  const signatures: string[] = []
  for (const part of header.split(',')) {
    const eq = part.indexOf('=')
    if (eq <= 0) return { ok: false, reason: 'bad format' }
    const key = part.slice(0, eq).trim()
    const value = part.slice(eq + 1).trim()
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value) || timestamp !== null) return { ok: false, reason: 'bad format' }
      timestamp = Number(value)
    } else if (key === 'v1') {
      if (!/^[0-9a-f]{64}$/.test(value)) return { ok: false, reason: 'bad format' }
      signatures.push(value)
    }
  }
  if (timestamp === null || signatures.length === 0) return { ok: false, reason: 'bad format' }
  const expected = Buffer.from(computeSignature(secret, timestamp, body), 'hex')
  const matches = signatures.some((signature) => timingSafeEqual(Buffer.from(signature, 'hex'), expected))
  if (!matches) return { ok: false, reason: 'wrong signature' }
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { ok: false, reason: 'stale timestamp' }
  return { ok: true, timestamp }
}

export type RetrySchedule = {
  /** The wait after the first failed attempt, in ms. */
  baseMs: number
  /** No wait is longer than this, in ms. */
  capMs: number
  /** No attempt is scheduled later than this after the first one, in ms: the delivery fails instead. */
  giveUpAfterMs: number
}

/** 30 s, 1 min, 2 min, … capped at 1 h; about 30 attempts over the 24 hours a delivery is retried. */
export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { baseMs: 30_000, capMs: 3_600_000, giveUpAfterMs: 24 * 3_600_000 }

/**
 * The wait before the next attempt after `attempt` attempts failed (1 = the first failed): `baseMs · 2^(attempt-1)`,
 * capped at `capMs`, with "equal jitter" (half fixed, half scaled by `jitter` in [0, 1)) so receivers recovering from
 * an outage are not hit by every sender at once. `null` when that attempt would fall after `giveUpAfterMs` from the
 * first attempt (`elapsedMs` is the time since the first attempt): the delivery has failed.
 */
export function nextAttemptDelay(
  attempt: number,
  elapsedMs: number,
  jitter: number,
  schedule: RetrySchedule = DEFAULT_RETRY_SCHEDULE,
): number | null {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a whole number from 1, not ${attempt}`)
  if (!(jitter >= 0 && jitter < 1)) throw new RangeError(`jitter must be in [0, 1), not ${jitter}`)
  const full = Math.min(schedule.capMs, schedule.baseMs * 2 ** Math.min(attempt - 1, 40))
  const delay = Math.round(full / 2 + (full / 2) * jitter)
  return elapsedMs + delay > schedule.giveUpAfterMs ? null : delay
}

/**
 * Why a subscription URL is refused, or null when it is fine: it must be an absolute http(s) URL without
 * credentials; plain http is allowed only for localhost / 127.0.0.1 / [::1], or anywhere outside production.
 */
export function webhookUrlProblem(url: string, production: boolean): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'enter an absolute URL, e.g. https://example.com/webhooks/accrue'
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `the URL must start with https:// (not ${parsed.protocol}//)`
  if (parsed.username !== '' || parsed.password !== '') return 'the URL may not contain a user name or password'
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)
  if (parsed.protocol === 'http:' && production && !local) return 'the URL must use https:// (plain http is allowed only for localhost)'
  return null
}
