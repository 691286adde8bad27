import type { Payload } from 'payload'

import { deriveLinkKey } from '../../engine/proposals/signedLink'

/** Days a prospect has to answer a sent proposal. */
export const RESPONSE_DAYS = 14

/**
 * The key response links are signed and checked with: derived by HKDF from the secret this Payload was booted
 * with (never the secret itself, see `deriveLinkKey`).
 */
export function linkSecret(payload: Payload): string {
  return deriveLinkKey(payload.config.secret)
}
