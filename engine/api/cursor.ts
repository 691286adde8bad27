/**
 * The keyset paging cursor: opaque to clients, it is the base64url of the last id of the page they read. Pure: the
 * endpoint decodes it, the store reads the rows after that id.
 */

/** Every id is a PostgreSQL integer (serial). */
const MAX_ID = 2_147_483_647
const BASE64URL = /^[A-Za-z0-9_-]+$/

export class CursorError extends Error {
  constructor(readonly parameter: string) {
    super(`${parameter} is not a cursor this API gave out: pass the nextCursor of the previous page unchanged, or leave it out`)
  }
}

/** The cursor that continues after the row with this id. */
export function encodeCursor(lastId: number): string {
  if (!Number.isSafeInteger(lastId) || lastId < 1 || lastId > MAX_ID) throw new RangeError(`a cursor holds a positive id, not ${lastId}`)
  return Buffer.from(String(lastId), 'utf8').toString('base64url')
}

/** The id a cursor continues after; a CursorError naming `parameter` when the text is not one of ours. */
export function decodeCursor(cursor: string, parameter = 'after'): number {
  if (cursor.length === 0 || cursor.length > 16 || !BASE64URL.test(cursor)) throw new CursorError(parameter)
  const text = Buffer.from(cursor, 'base64url').toString('utf8')
  // Only the canonical encoding of a positive id is accepted (no padding tricks, no leading zeros, no sign).
  if (!/^[1-9]\d{0,9}$/.test(text) || Number(text) > MAX_ID || encodeCursor(Number(text)) !== cursor) throw new CursorError(parameter)
  return Number(text)
}

/** The page size a client asked for: 1 to `max`, `fallback` when absent; null when it is anything else. */
export function pageLimit(raw: unknown, fallback: number, max: number): number | null {
  if (raw === undefined || raw === null || raw === '') return fallback
  if (typeof raw !== 'string' && typeof raw !== 'number') return null
  const text = String(raw)
  if (!/^\d{1,9}$/.test(text)) return null
  const value = Number(text)
  return value >= 1 && value <= max ? value : null
}
