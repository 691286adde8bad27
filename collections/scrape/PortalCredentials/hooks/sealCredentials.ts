import { randomUUID } from 'node:crypto'
import type { CollectionBeforeChangeHook } from 'payload'

import type { PortalCredential } from '../../../../payload-types'

import { fieldError } from '../../../../hooks/core/fieldError'
import { sealSecret, sealedKeyId } from '../../../../modules/scrape/security/credentials'
import { loadKeyring } from '../../../../modules/scrape/security/keyring'
import { MASK } from '../../../../modules/scrape/security/mask'
import { base32Decode } from '../../../../engine/scrape/totp'

/**
 * Seals a newly typed password or TOTP secret (bound to this credential and field), and forgets the plain text.
 * A TOTP secret must be valid base32. Leaving a secret empty keeps the stored one.
 */
export const sealCredentials: CollectionBeforeChangeHook<PortalCredential> = ({ data, originalDoc, operation }) => {
  const keyring = loadKeyring()
  const context = originalDoc?.sealContext ?? randomUUID()
  data.sealContext = context
  const password = typeof data.password === 'string' ? data.password : ''
  const totpSecret = typeof data.totpSecret === 'string' ? data.totpSecret.replace(/\s+/g, '') : ''
  delete data.password
  delete data.totpSecret
  if (password !== '' && password !== MASK) data.passwordSealed = sealSecret(password, keyring, `${context}:password`)
  if (operation === 'create' && !data.passwordSealed) throw fieldError('portal-credentials', 'password', 'a password is required')
  if (totpSecret !== '' && totpSecret !== MASK) {
    try {
      base32Decode(totpSecret)
    } catch {
      throw fieldError(
        'portal-credentials',
        'totpSecret',
        'the TOTP secret must be the base32 text the portal shows (letters A–Z and digits 2–7)',
      )
    }
    data.totpSealed = sealSecret(totpSecret.toUpperCase(), keyring, `${context}:totp`)
  }
  const sealed = data.passwordSealed ?? originalDoc?.passwordSealed
  data.keyId = sealed ? sealedKeyId(sealed) : null
  return data
}
