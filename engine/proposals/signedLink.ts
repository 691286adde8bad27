/**
 * Signed links that let a prospect respond to a proposal without logging in.
 *
 * A token is `base64url(JSON payload) + '.' + base64url(HMAC-SHA256(secret, the encoded payload text))`.
 * - The HMAC covers the payload exactly as written in the token, so any change to it is `tampered`.
 * - The signature is compared as text with `timingSafeEqual` after recomputing it, which also refuses
 *   non-canonical base64url spellings of a valid signature.
 * - The signature is checked before the payload is parsed: untrusted JSON is never read.
 * - A link is valid strictly before `expiresAt`; at that instant and after it is `expired`.
 * - `expiresAt` must be an ISO 8601 date-time with an explicit offset (`Z` or `±hh:mm`), so its meaning does not
 *   depend on the server's time zone.
 * - Secrets shorter than MIN_SECRET_LENGTH are a configuration error and throw (in both directions).
 * - The key is never the installation's secret itself but `deriveLinkKey(secret)`: a key of its own, so a link
 *   signature reveals nothing usable against sessions, and rotating the secret invalidates every link.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'

import { leadingCalendarDay } from '../core/calendarDate'

export type LinkPayload = { proposalId: number; action: 'respond'; expiresAt: string }

export type LinkVerification =
  { ok: true; proposalId: number; expiresAt: string } | { ok: false; reason: 'malformed' | 'tampered' | 'expired' }

/** Shortest secret accepted, in characters (an HMAC-SHA256 key should carry at least 256 bits). */
export const MIN_SECRET_LENGTH = 32

/** Longest token looked at; anything longer is malformed without being hashed. */
const MAX_TOKEN_LENGTH = 2048

const BASE64URL = /^[A-Za-z0-9_-]+$/
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/

/** The HKDF purpose label (RFC 5869 "info") of the response-link key; a new version label retires every link. */
export const LINK_KEY_LABEL = 'accrue proposal response link v1'

/**
 * The key response links are signed with: HKDF-SHA256 of the installation's secret, no salt, info LINK_KEY_LABEL,
 * 32 bytes, written as base64url. Throws on a secret shorter than MIN_SECRET_LENGTH.
 */
export function deriveLinkKey(installationSecret: string): string {
  checkSecret(installationSecret)
  return Buffer.from(hkdfSync('sha256', installationSecret, Buffer.alloc(0), LINK_KEY_LABEL, 32)).toString('base64url')
}

/** A token for `payload`, signed with `secret`. Throws on an invalid payload or a short secret. */
export function signLink(payload: LinkPayload, secret: string): string {
  checkSecret(secret)
  if (!Number.isSafeInteger(payload.proposalId) || payload.proposalId <= 0) {
    throw new Error(`proposalId must be a positive integer, got ${String(payload.proposalId)}`)
  }
  if (payload.action !== 'respond') throw new Error(`unknown link action ${JSON.stringify(String(payload.action))}`)
  if (!isIsoDateTime(payload.expiresAt)) {
    throw new Error(
      `expiresAt must be an ISO 8601 date-time with an offset such as "2026-10-31T23:59:59Z", got ${JSON.stringify(String(payload.expiresAt))}`,
    )
  }
  const body = Buffer.from(
    JSON.stringify({ proposalId: payload.proposalId, action: payload.action, expiresAt: payload.expiresAt }),
    'utf8',
  ).toString('base64url')
  return `${body}.${signature(body, secret)}`
}

/** Checks a token against `secret` at the instant `now`. */
export function verifyLink(token: string, secret: string, now: Date): LinkVerification {
  checkSecret(secret)
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new Error('now must be a valid Date')
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' }
  const parts = token.split('.')
  const [body, given] = parts
  if (parts.length !== 2 || body === undefined || given === undefined || !BASE64URL.test(body) || !BASE64URL.test(given)) {
    return { ok: false, reason: 'malformed' }
  }
  const expected = Buffer.from(signature(body, secret), 'utf8')
  const actual = Buffer.from(given, 'utf8')
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: 'tampered' }
  const payload = readPayload(body)
  if (payload === null) return { ok: false, reason: 'malformed' }
  if (now.getTime() >= Date.parse(payload.expiresAt)) return { ok: false, reason: 'expired' }
  return { ok: true, proposalId: payload.proposalId, expiresAt: payload.expiresAt }
}

function signature(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64url')
}

function checkSecret(secret: string): void {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`the link secret must be at least ${MIN_SECRET_LENGTH} characters long`)
  }
}

function isIsoDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE_TIME.test(value) && leadingCalendarDay(value) !== null && !Number.isNaN(Date.parse(value))
}

/** The payload of a correctly signed body, or null when it does not have the expected shape. */
function readPayload(body: string): LinkPayload | null {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const { proposalId, action, expiresAt } = value as Record<string, unknown>
  if (typeof proposalId !== 'number' || !Number.isSafeInteger(proposalId) || proposalId <= 0) return null
  if (action !== 'respond' || !isIsoDateTime(expiresAt)) return null
  return { proposalId, action, expiresAt }
}
