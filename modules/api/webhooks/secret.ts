import { randomBytes, randomUUID } from 'node:crypto'

import { loadKeyring, openSecret, sealSecret, sealedKeyId } from '../../scrape'

/** A new signing secret: `whsec_` and 32 random bytes in base64url. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`
}

/** What a subscription stores of its secret: the sealed token, its seal context and key id, and a hint. */
export type SealedSecret = { secretSealed: string; sealContext: string; keyId: string; secretHint: string }

/**
 * Seals `secret` with the credential keyring (the one portal passwords use), bound to the subscription's seal context
 * (kept across rotations, new when none): a token copied to another subscription does not open.
 */
export function sealWebhookSecret(secret: string, sealContext: string | null | undefined): SealedSecret {
  const context = sealContext || randomUUID()
  const secretSealed = sealSecret(secret, loadKeyring(), `${context}:webhook-secret`)
  return { secretSealed, sealContext: context, keyId: sealedKeyId(secretSealed), secretHint: secret.slice(-4) }
}

/** The plain secret of a subscription row (the worker signs with it). */
export function openSigningSecret(row: { secretSealed: string; sealContext: string }): string {
  return openSecret(row.secretSealed, loadKeyring(), `${row.sealContext}:webhook-secret`)
}
