import type { CollectionBeforeChangeHook } from 'payload'

import { newKeySecret } from '../../../../modules/api/keys'

/** Where the secret waits, for the one response that shows it (revealKeySecret). */
export const SECRET_CONTEXT = 'apiKeySecret'
/** The prefix of the secret a rotation (endpoints/rotateKey.ts) just issued. */
export const ROTATED_PREFIX_CONTEXT = 'apiKeyRotatedPrefix'

/**
 * A new key gets its secret here: only the hash and the first characters are stored. On an update the prefix stays
 * what the secret says (it is not editable), the new one after a rotation.
 */
export const issueKeySecret: CollectionBeforeChangeHook = ({ data, operation, originalDoc, context }) => {
  if (operation === 'create') {
    const { secret, secretHash, prefix } = newKeySecret()
    context[SECRET_CONTEXT] = secret
    return { ...data, secretHash, prefix, previousSecretHash: null, previousValidUntil: null, rotatedAt: null, lastUsedAt: null }
  }
  const rotated = context[ROTATED_PREFIX_CONTEXT]
  return { ...data, prefix: typeof rotated === 'string' ? rotated : (originalDoc?.prefix ?? null) }
}
