import type { AfterErrorHook } from 'payload'

/**
 * PostgreSQL error codes that mean "the request carried a value the database cannot use", not "the server is
 * broken": class 22 (data exceptions: invalid input syntax, out of range, NUL bytes in text, bad dates) and the
 * type-mismatch codes a filter on the wrong kind of column raises.
 */
const INPUT_CODES = new Set(['42883', '42804', '42P18'])
const isInputCode = (code: string) => code.startsWith('22') || INPUT_CODES.has(code)

/** The SQLSTATE of a database error anywhere in an error's cause chain (Drizzle wraps node-postgres's error). */
export function sqlStateOf(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
  }
  return null
}

/** The message a client gets for a value the database refused, or null when the error is a real server fault. */
export function clientInputMessage(error: unknown): string | null {
  // JSON.parse of what the client sent (a multipart upload's `_payload`, a custom endpoint's body).
  if (error instanceof SyntaxError && /JSON/.test(error.message)) return `The request body is not valid JSON: ${error.message}`
  // A date Payload cannot turn into a timestamp (`updatedAt: 1e308`) fails while the row is written.
  if (error instanceof RangeError && error.message === 'Invalid time value') return 'A date in the request is invalid or out of range.'
  // An upload's `url` Payload could not (or would not: private addresses) fetch: the client named that URL.
  if (error instanceof Error && error.name === 'FileRetrievalError') return error.message
  const code = sqlStateOf(error)
  if (!code || !isInputCode(code)) return null
  let cause: unknown = error
  while (cause && typeof cause === 'object' && (cause as { cause?: unknown }).cause) cause = (cause as { cause: unknown }).cause
  const detail = cause instanceof Error ? cause.message : ''
  return `The request holds a value that cannot be used here (${detail || `database error ${code}`}): check the filter, sort, id or field values.`
}

/**
 * The safety net behind the query guard: a database error caused by the request's values (SQLSTATE class 22,
 * 42883, …) is the client's 400 with a clear message, never a 500. Every other error is left as it is (a real
 * fault stays a logged 500).
 */
export const databaseInputErrors: AfterErrorHook = ({ error, graphqlResult }) => {
  const message = clientInputMessage(error)
  if (!message) return
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, message, extensions: { ...graphqlResult.extensions, statusCode: 400 } } }
  return { status: 400, response: { errors: [{ message }] } }
}
