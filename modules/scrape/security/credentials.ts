/**
 * Sealed credentials: AES-256-GCM tokens that carry the id of the key that sealed them.
 *
 *   v1.<keyId>.<base64url iv (12 bytes)>.<base64url ciphertext>.<base64url tag (16 bytes)>
 *
 * The additional authenticated data binds the version, the key id and a caller-chosen context
 * (e.g. `carrier-connectors:42:password`), so a token copied to another record or field, or edited
 * in any part, fails to open. Every seal uses a fresh random IV.
 * Errors never contain the plaintext, the key or the token.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

import { isKeyId, KeyringError, type Keyring } from './keyring'

const VERSION = 'v1'
const ALGORITHM = 'aes-256-gcm'
const IV_LENGTH = 12
const TAG_LENGTH = 16

export type CredentialErrorCode = 'MALFORMED_TOKEN' | 'UNKNOWN_KEY_ID' | 'TAMPERED'

export class CredentialError extends Error {
  readonly code: CredentialErrorCode

  constructor(code: CredentialErrorCode, message: string) {
    super(message)
    this.name = 'CredentialError'
    this.code = code
  }
}

type ParsedToken = { keyId: string; iv: Buffer; ciphertext: Buffer; tag: Buffer }

/** Encrypts `plain` with the keyring's current key; `context` must be given again to open it. */
export function sealSecret(plain: string, keyring: Keyring, context = ''): string {
  const keyId = keyring.currentKeyId
  const iv = randomBytes(IV_LENGTH)
  const cipher = createCipheriv(ALGORITHM, keyring.key(keyId), iv, { authTagLength: TAG_LENGTH })
  cipher.setAAD(additionalData(keyId, context))
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  const tag = cipher.getAuthTag()
  return [VERSION, keyId, iv.toString('base64url'), ciphertext.toString('base64url'), tag.toString('base64url')].join('.')
}

/** Decrypts a token sealed with the same `context`; throws CredentialError when it cannot. */
export function openSecret(token: string, keyring: Keyring, context = ''): string {
  const parsed = parseToken(token)
  const decipher = createDecipheriv(ALGORITHM, keyFor(keyring, parsed.keyId), parsed.iv, { authTagLength: TAG_LENGTH })
  decipher.setAAD(additionalData(parsed.keyId, context))
  decipher.setAuthTag(parsed.tag)
  try {
    return Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]).toString('utf8')
  } catch {
    throw new CredentialError(
      'TAMPERED',
      `sealed credential (key "${parsed.keyId}") failed authentication: it was altered, or it belongs to another context than ${JSON.stringify(context)}`,
    )
  }
}

/** The id of the key that sealed `token`. */
export function sealedKeyId(token: string): string {
  return parseToken(token).keyId
}

/** True when `token` was sealed with a key other than the keyring's current one. */
export function needsRotation(token: string, keyring: Keyring): boolean {
  return sealedKeyId(token) !== keyring.currentKeyId
}

/**
 * Re-seals `token` with the current key (same context). A token already on the current key is
 * verified and returned unchanged, so running a rotation twice does no harm.
 */
export function rotateSecret(token: string, keyring: Keyring, context = ''): string {
  const plain = openSecret(token, keyring, context)
  return needsRotation(token, keyring) ? sealSecret(plain, keyring, context) : token
}

function additionalData(keyId: string, context: string): Buffer {
  // The key id cannot contain '.', so the context (last) needs no escaping.
  return Buffer.from(`accrue-credential.${VERSION}.${keyId}.${context}`, 'utf8')
}

function keyFor(keyring: Keyring, keyId: string): Buffer {
  try {
    return keyring.key(keyId)
  } catch (error) {
    if (error instanceof KeyringError && error.code === 'UNKNOWN_KEY_ID') {
      throw new CredentialError(
        'UNKNOWN_KEY_ID',
        `sealed credential uses key "${keyId}", which is not configured (configured: ${keyring.keyIds.join(', ')})`,
      )
    }
    throw error
  }
}

function parseToken(token: string): ParsedToken {
  const parts = token.split('.')
  if (parts.length !== 5 || parts[0] !== VERSION) {
    throw new CredentialError('MALFORMED_TOKEN', `sealed credential is not a ${VERSION}.<keyId>.<iv>.<ciphertext>.<tag> token`)
  }
  const [, keyId, iv, ciphertext, tag] = parts as [string, string, string, string, string]
  if (!isKeyId(keyId)) throw new CredentialError('MALFORMED_TOKEN', 'sealed credential has an invalid key id')
  const parsed = { keyId, iv: decodePart('iv', iv), ciphertext: decodePart('ciphertext', ciphertext), tag: decodePart('tag', tag) }
  if (parsed.iv.length !== IV_LENGTH)
    throw new CredentialError('MALFORMED_TOKEN', `sealed credential iv is ${parsed.iv.length} bytes, not ${IV_LENGTH}`)
  if (parsed.tag.length !== TAG_LENGTH)
    throw new CredentialError('MALFORMED_TOKEN', `sealed credential tag is ${parsed.tag.length} bytes, not ${TAG_LENGTH}`)
  return parsed
}

/** Strict base64url: the part must be the canonical encoding of its bytes, so a token has one spelling. */
function decodePart(name: string, value: string): Buffer {
  const bytes = Buffer.from(value, 'base64url')
  if (bytes.toString('base64url') !== value)
    throw new CredentialError('MALFORMED_TOKEN', `sealed credential ${name} is not canonical base64url`)
  return bytes
}
