import { Forbidden, NotFound } from 'payload'

/**
 * A lookup that may find nothing: the document, or null when Payload answers "not found" (absent, or filtered out
 * by a row-level access rule) or "forbidden" (the collection's read rule refuses this login altogether), so an
 * endpoint answers both with its own 404 and never confirms that a hidden document exists. Every other failure, a
 * database error above all, is thrown, not turned into a user-facing "not found".
 */
export async function findOrNull<T>(lookup: Promise<T>): Promise<T | null> {
  try {
    return await lookup
  } catch (err) {
    if (err instanceof NotFound || err instanceof Forbidden) return null
    throw err
  }
}
