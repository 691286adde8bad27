/**
 * ZEN reports errors as JSON text followed by a native stack trace. This reads the part a person can act on.
 */

export type ZenError = { type: string; source: string; nodeId?: string }

/** The parsed ZEN error in `err` (or the plain message when it is not one of ZEN's). */
export function zenError(err: unknown): ZenError {
  const text = String((err as Error)?.message ?? err)
  const head = text.split('\n\nStack backtrace')[0]!.trim()
  try {
    const parsed = JSON.parse(head) as Partial<ZenError> & { source?: unknown }
    const source = typeof parsed.source === 'string' ? parsed.source : JSON.stringify(parsed.source ?? head)
    return { type: String(parsed.type ?? 'error'), source: readableSource(source), nodeId: parsed.nodeId }
  } catch {
    return { type: 'error', source: head }
  }
}

/** Nested errors arrive as JSON inside JSON: keep the innermost readable message. */
function readableSource(source: string): string {
  try {
    const inner = JSON.parse(source) as { source?: unknown; message?: unknown }
    if (typeof inner.source === 'string') return readableSource(inner.source)
    if (typeof inner.message === 'string') return inner.message
  } catch {
    // plain text
  }
  return source
}

/** The expression could not be read at all (as opposed to failing on some value). */
export function isParseError(error: ZenError): boolean {
  return error.type === 'parserError' || error.type === 'lexerError'
}
