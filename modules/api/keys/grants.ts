import { randomBytes } from 'node:crypto'

/**
 * The requests the API-key gate (server/apiKeys.ts) let through, by a random token it adds as a header: the auth
 * strategy on users honours a key only through this, so a key works on the REST API, where its scope is checked, and
 * nowhere else (not the admin's pages or server actions, which never pass the gate).
 */
export const GRANT_HEADER = 'x-accrue-api-key-grant'

export type KeyGrant = { keyId: number; ownerId: number }

const grants = new Map<string, KeyGrant>()

/** Records a grant for one request; the returned function ends it (call it when the response is done). */
export function grantRequest(grant: KeyGrant): { token: string; end: () => void } {
  const token = randomBytes(24).toString('base64url')
  grants.set(token, grant)
  return { token, end: () => grants.delete(token) }
}

export function grantOf(token: string | null | undefined): KeyGrant | null {
  return token ? (grants.get(token) ?? null) : null
}
