/**
 * Keyring: the AES-256 keys that seal stored credentials, read from the environment.
 *
 * - `ACCRUE_CREDENTIAL_KEYS`: comma-separated `keyId:base64key` entries, each key exactly 32 bytes
 *   (make one with `openssl rand -base64 32`). Old keys stay listed so existing tokens still open.
 * - `ACCRUE_CREDENTIAL_KEY_ID`: the id that seals new values; defaults to the first entry.
 *
 * Outside production, when no key is configured, the fixed development key (`dev-1`) is used.
 * In production a missing key, or the development key itself, is an error.
 * Error messages name the variable and the entry, never the key material.
 */

export const KEYS_VAR = 'ACCRUE_CREDENTIAL_KEYS'
export const KEY_ID_VAR = 'ACCRUE_CREDENTIAL_KEY_ID'

/** Id of the development key. */
export const DEVELOPMENT_KEY_ID = 'dev-1'

/** AES-256 key length in bytes. */
export const KEY_LENGTH = 32

/** Key ids appear inside sealed tokens (`v1.<keyId>. ...`), so they may not contain `.`, `:` or `,`. */
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/** Standard or URL-safe base64, padding optional. */
const BASE64_PATTERN = /^[A-Za-z0-9+/_-]+={0,2}$/

/** Not a secret: 32 ASCII bytes, deliberately readable so it is recognised wherever it turns up. */
const DEVELOPMENT_KEY_TEXT = 'accrue-development-only-key-0001'

export type Keyring = {
  /** The id that seals new values. */
  readonly currentKeyId: string
  /** Every configured id, in configuration order. */
  readonly keyIds: readonly string[]
  /** The key for `id` (a copy); throws KeyringError UNKNOWN_KEY_ID when the id is not configured. */
  key(id: string): Buffer
}

export type KeyringErrorCode = 'MISSING_KEYS' | 'MALFORMED_KEY' | 'UNKNOWN_KEY_ID' | 'DEVELOPMENT_KEY_IN_PRODUCTION'

export class KeyringError extends Error {
  readonly code: KeyringErrorCode

  constructor(code: KeyringErrorCode, message: string) {
    super(message)
    this.name = 'KeyringError'
    this.code = code
  }
}

/** True when `id` can be used as a key id. */
export function isKeyId(id: string): boolean {
  return KEY_ID_PATTERN.test(id)
}

/** Builds a keyring from already-decoded keys (tests, tooling); the first id is current unless given. */
export function createKeyring(keys: ReadonlyMap<string, Buffer>, currentKeyId?: string): Keyring {
  const copies = new Map<string, Buffer>()
  for (const [id, key] of keys) {
    if (!isKeyId(id))
      throw new KeyringError('MALFORMED_KEY', `key id ${JSON.stringify(id)} may use only letters, digits, "_" and "-" (at most 64)`)
    if (key.length !== KEY_LENGTH)
      throw new KeyringError('MALFORMED_KEY', `key "${id}" is ${key.length} bytes; AES-256 needs ${KEY_LENGTH}`)
    copies.set(id, Buffer.from(key))
  }
  const ids = [...copies.keys()]
  const current = currentKeyId ?? ids[0]
  if (current === undefined) throw new KeyringError('MISSING_KEYS', 'a keyring needs at least one key')
  if (!copies.has(current))
    throw new KeyringError('UNKNOWN_KEY_ID', `current key id "${current}" is not among the keys (${ids.join(', ')})`)
  return {
    currentKeyId: current,
    keyIds: ids,
    key(id: string): Buffer {
      const key = copies.get(id)
      if (key === undefined)
        throw new KeyringError('UNKNOWN_KEY_ID', `no credential key with id ${JSON.stringify(id)} is configured (known: ${ids.join(', ')})`)
      return Buffer.from(key)
    },
  }
}

/** The fixed development keyring (id `dev-1`). Never use it for real credentials. */
export function developmentKeyring(): Keyring {
  return createKeyring(new Map([[DEVELOPMENT_KEY_ID, developmentKey()]]))
}

/** Reads the keyring from `env`; see the module comment for the variables. */
export function loadKeyring(env: Readonly<Record<string, string | undefined>> = process.env): Keyring {
  const production = env.NODE_ENV === 'production'
  const raw = env[KEYS_VAR]?.trim() ?? ''
  const wantedId = env[KEY_ID_VAR]?.trim() || undefined

  if (raw === '') {
    if (production) {
      throw new KeyringError(
        'MISSING_KEYS',
        `${KEYS_VAR} is not set; production needs at least one keyId:base64key entry (32-byte keys, e.g. from "openssl rand -base64 32")`,
      )
    }
    if (wantedId !== undefined && wantedId !== DEVELOPMENT_KEY_ID) {
      throw new KeyringError(
        'UNKNOWN_KEY_ID',
        `${KEY_ID_VAR} is "${wantedId}" but ${KEYS_VAR} is not set (only the development key "${DEVELOPMENT_KEY_ID}" is available)`,
      )
    }
    return developmentKeyring()
  }

  const keys = new Map<string, Buffer>()
  const entries = raw.split(',').map((entry) => entry.trim())
  entries.forEach((entry, index) => {
    const where = `${KEYS_VAR} entry ${index + 1}`
    const colon = entry.indexOf(':')
    // The entry itself is never quoted: a mistyped one may be all key material.
    if (colon <= 0) throw new KeyringError('MALFORMED_KEY', `${where} is not in the form keyId:base64key`)
    const id = entry.slice(0, colon).trim()
    const encoded = entry.slice(colon + 1).trim()
    if (!isKeyId(id)) {
      throw new KeyringError('MALFORMED_KEY', `${where} has an invalid key id (letters, digits, "_" and "-" only, at most 64)`)
    }
    if (keys.has(id)) throw new KeyringError('MALFORMED_KEY', `${where} repeats key id "${id}"`)
    if (!BASE64_PATTERN.test(encoded)) throw new KeyringError('MALFORMED_KEY', `${where} (key "${id}") is not valid base64`)
    const key = Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
    if (key.length !== KEY_LENGTH) {
      throw new KeyringError('MALFORMED_KEY', `${where} (key "${id}") decodes to ${key.length} bytes; AES-256 needs exactly ${KEY_LENGTH}`)
    }
    if (production && key.equals(developmentKey())) {
      throw new KeyringError(
        'DEVELOPMENT_KEY_IN_PRODUCTION',
        `${where} (key "${id}") is the public development key; production needs its own key`,
      )
    }
    keys.set(id, key)
  })

  if (wantedId !== undefined && !keys.has(wantedId)) {
    throw new KeyringError(
      'UNKNOWN_KEY_ID',
      `${KEY_ID_VAR} is "${wantedId}" but ${KEYS_VAR} has no key with that id (configured: ${[...keys.keys()].join(', ')})`,
    )
  }
  return createKeyring(keys, wantedId)
}

function developmentKey(): Buffer {
  return Buffer.from(DEVELOPMENT_KEY_TEXT, 'utf8')
}
