/**
 * The body of "Run now" (`POST /api/carrier-connectors/:id/run`): nothing (the connector's look-back period up to
 * yesterday) or a JSON object with `from` and/or `to`, each a real day. Anything else is refused with a sentence
 * naming what is wrong, so a caller never gets a run it did not ask for.
 */
export type RunRequest = { from?: string; to?: string }

export type RunRequestResult = { ok: true; value: RunRequest } | { ok: false; message: string }

/** The most a "Run now" body may hold (two days and some whitespace fit in a few dozen bytes). */
export const RUN_REQUEST_MAX_BYTES = 4_096

const FIELDS = ['from', 'to'] as const
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  return `a ${typeof value}`
}

/** True for YYYY-MM-DD naming a day that exists (no 2026-02-30). */
export function isRealDay(text: string): boolean {
  const match = DAY.exec(text)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** Parses a "Run now" body: `text` as received, `contentType` its header (null when absent). */
export function parseRunRequest(text: string, contentType: string | null): RunRequestResult {
  if (text.trim() === '') return { ok: true, value: {} }
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  if (mediaType !== 'application/json') {
    return {
      ok: false,
      message: `the body must be JSON (content-type application/json), not ${mediaType ? `"${mediaType}"` : 'a body without a content type'}`,
    }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    return { ok: false, message: `the body is not valid JSON (${(err as Error).message})` }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, message: `the body must be a JSON object {"from"?, "to"?}, not ${kindOf(parsed)}` }
  }
  const body = parsed as Record<string, unknown>
  const unknown = Object.keys(body).filter((key) => !(FIELDS as readonly string[]).includes(key))
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')} (allowed: ${FIELDS.join(', ')})`,
    }
  }
  const value: RunRequest = {}
  for (const field of FIELDS) {
    const day = body[field]
    if (day === undefined || day === null || day === '') continue
    if (typeof day !== 'string') return { ok: false, message: `${field} must be a day (YYYY-MM-DD), not ${kindOf(day)}` }
    if (!isRealDay(day)) return { ok: false, message: `${field} must be a real day (YYYY-MM-DD): ${JSON.stringify(day.slice(0, 40))}` }
    value[field] = day
  }
  return { ok: true, value }
}
