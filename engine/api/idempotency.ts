import { createHash } from 'node:crypto'

/**
 * Idempotency keys (issue 21, part 4): a POST sent again with the same `Idempotency-Key` gets the first answer back
 * instead of doing the work twice. Pure: the caller stores the rows and reads the clock.
 */

export const IDEMPOTENCY_HEADER = 'idempotency-key'
export const IDEMPOTENCY_TTL_HOURS = 24
export const REPLAYED_HEADER = 'idempotent-replayed'

/** Why the header value is not a usable key (a 400), or null. 1 to 255 printable ASCII characters. */
export function idempotencyKeyProblem(value: string): string | null {
  if (value.length === 0 || value.length > 255 || !/^[\x20-\x7e]+$/.test(value) || value.trim() === '')
    return 'Idempotency-Key must be 1 to 255 printable characters'
  return null
}

/** The multipart boundary of a content type, or null. */
export function multipartBoundary(contentType: string | null | undefined): string | null {
  const type = contentType ?? ''
  if (!/^multipart\//i.test(type.trim())) return null
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type)
  return match ? (match[1] ?? match[2] ?? null) : null
}

/**
 * What tells one request from another: SHA-256 over method, path (with its query) and body. A multipart body's
 * boundary is chosen afresh by the client on every send, so it is replaced by a fixed one first: the same fields and
 * file hash the same.
 */
export function requestHash(method: string, path: string, contentType: string | null | undefined, body: Uint8Array): string {
  const hash = createHash('sha256')
  hash.update(`${method.toUpperCase()} ${path}\n`, 'utf8')
  const boundary = multipartBoundary(contentType)
  hash.update(boundary ? replaceAll(Buffer.from(body), Buffer.from(`--${boundary}`), Buffer.from('--boundary')) : body)
  return hash.digest('hex')
}

function replaceAll(data: Buffer, find: Buffer, by: Buffer): Buffer {
  const parts: Buffer[] = []
  let from = 0
  for (let at = data.indexOf(find, from); at !== -1; at = data.indexOf(find, from)) {
    parts.push(data.subarray(from, at), by)
    from = at + find.length
  }
  parts.push(data.subarray(from))
  return Buffer.concat(parts)
}

/** A live row for (caller, key), found when claiming it failed. */
export type StoredAttempt = { bodyHash: string; state: 'started' | 'done' }

export type AttemptDecision = { replay: true } | { replay: false; status: 409; message: string }

/** What to answer a request whose (caller, key) is already taken. */
export function decideRepeat(stored: StoredAttempt, bodyHash: string): AttemptDecision {
  if (stored.bodyHash !== bodyHash)
    return { replay: false, status: 409, message: 'this Idempotency-Key was used with another request body' }
  if (stored.state === 'started')
    return { replay: false, status: 409, message: 'a request with this Idempotency-Key is still being processed' }
  return { replay: true }
}

/** Only answers below 500 are kept: a server error is forgotten so a retry runs the request again. */
export function keepsResponse(status: number): boolean {
  return status < 500
}

/** Headers worth replaying (not the cookies, not the transport's own). */
const NOT_REPLAYED = new Set(['set-cookie', 'content-length', 'transfer-encoding', 'connection', 'date', 'keep-alive'])

export function replayableHeaders(headers: Iterable<[string, string]>): Record<string, string> {
  const kept: Record<string, string> = {}
  for (const [name, value] of headers) if (!NOT_REPLAYED.has(name.toLowerCase())) kept[name.toLowerCase()] = value
  return kept
}
