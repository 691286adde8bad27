import { randomBytes } from 'node:crypto'

import { hashSecret, secretFromBytes, secretPrefix } from '../../../engine/api/keys'

/** A fresh secret (`acr_` + 32 random bytes, base64url) with what is stored of it: its hash and its first characters. */
export function newKeySecret(): { secret: string; secretHash: string; prefix: string } {
  const secret = secretFromBytes(randomBytes(32))
  return { secret, secretHash: hashSecret(secret), prefix: secretPrefix(secret) }
}
