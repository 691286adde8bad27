import { NotFound } from 'payload'

/**
 * A lookup that may find nothing: the document, or null when Payload answers "not found" (absent, or hidden from
 * this user by access control). Every other failure, a database error above all, is thrown, not turned into a
 * user-facing "not found".
 */
export async function findOrNull<T>(lookup: Promise<T>): Promise<T | null> {
  try {
    return await lookup
  } catch (err) {
    if (err instanceof NotFound) return null
    throw err
  }
}
