import { createHash } from 'node:crypto'
import type { Payload } from 'payload'

/** Days a prospect has to answer a sent proposal. */
export const RESPONSE_DAYS = 14

/** The key response links are signed with, derived from the installation's secret (never the secret itself). */
export function linkSecret(payload: Payload): string {
  return createHash('sha256').update(`accrue.proposal-links:${payload.secret}`).digest('base64url')
}
