import { describe, expect, it } from 'vitest'

import {
  CredentialError,
  needsRotation,
  openSecret,
  rotateSecret,
  sealedKeyId,
  sealSecret,
} from '../../../modules/scrape/security/credentials'
import { createKeyring, developmentKeyring, KeyringError, loadKeyring } from '../../../modules/scrape/security/keyring'

const KEY_A = Buffer.alloc(32, 0xa1)
const KEY_B = Buffer.alloc(32, 0xb2)
const A64 = KEY_A.toString('base64')
const B64 = KEY_B.toString('base64')
const CONTEXT = 'carrier-connectors:42:password'
const PASSWORD = 'Pörtal-pa$$word&42'

const ringA = createKeyring(new Map([['a', KEY_A]]))
/** Both keys configured, B current: what the environment looks like after a rotation begins. */
const ringAB = createKeyring(
  new Map([
    ['a', KEY_A],
    ['b', KEY_B],
  ]),
  'b',
)

/** Replaces part `index` (0 = version … 4 = tag) of a token with `replace(part)`. */
function withPart(token: string, index: number, replace: (part: string) => string): string {
  const parts = token.split('.')
  parts[index] = replace(parts[index]!)
  return parts.join('.')
}

/** Flips the lowest bit of the first byte of a base64url part, keeping it canonical. */
function flipFirstByte(part: string): string {
  const bytes = Buffer.from(part, 'base64url')
  bytes[0] = bytes[0]! ^ 0x01
  return bytes.toString('base64url')
}

describe('keyring from the environment', () => {
  it('reads keyId:base64 entries and makes the first one current by default', () => {
    const ring = loadKeyring({ ACCRUE_CREDENTIAL_KEYS: `a:${A64}, b:${B64}` })
    expect(ring.currentKeyId).toBe('a')
    expect(ring.keyIds).toEqual(['a', 'b'])
    expect(ring.key('b').equals(KEY_B)).toBe(true)
  })

  it('uses ACCRUE_CREDENTIAL_KEY_ID as the current key', () => {
    const ring = loadKeyring({ ACCRUE_CREDENTIAL_KEYS: `a:${A64},b:${B64}`, ACCRUE_CREDENTIAL_KEY_ID: 'b' })
    expect(ring.currentKeyId).toBe('b')
  })

  it('accepts URL-safe base64 and unpadded keys', () => {
    const key = Buffer.alloc(32, 0xfb) // standard base64 of this has '+' and '/'
    const urlSafe = key.toString('base64url')
    expect(urlSafe).toBe('-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_s')
    expect(
      loadKeyring({ ACCRUE_CREDENTIAL_KEYS: `k:${urlSafe}` })
        .key('k')
        .equals(key),
    ).toBe(true)
  })

  it('rejects an entry without a key id, without quoting the entry', () => {
    expect(() => loadKeyring({ ACCRUE_CREDENTIAL_KEYS: `a:${A64},${B64}` })).toThrowError(
      new KeyringError('MALFORMED_KEY', 'ACCRUE_CREDENTIAL_KEYS entry 2 is not in the form keyId:base64key'),
    )
  })

  it('rejects a key that is not base64', () => {
    expect(() => loadKeyring({ ACCRUE_CREDENTIAL_KEYS: 'a:not base64!' })).toThrowError(
      new KeyringError('MALFORMED_KEY', 'ACCRUE_CREDENTIAL_KEYS entry 1 (key "a") is not valid base64'),
    )
  })

  it('rejects a key that is not 32 bytes, without revealing it', () => {
    const short = Buffer.alloc(16, 0x5a).toString('base64')
    let message = ''
    try {
      loadKeyring({ ACCRUE_CREDENTIAL_KEYS: `a:${short}` })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toBe('ACCRUE_CREDENTIAL_KEYS entry 1 (key "a") decodes to 16 bytes; AES-256 needs exactly 32')
    expect(message).not.toContain(short)
  })

  it('rejects key ids that could not appear in a token, and repeated ids', () => {
    expect(() => loadKeyring({ ACCRUE_CREDENTIAL_KEYS: `a.1:${A64}` })).toThrowError(
      new KeyringError(
        'MALFORMED_KEY',
        'ACCRUE_CREDENTIAL_KEYS entry 1 has an invalid key id (letters, digits, "_" and "-" only, at most 64)',
      ),
    )
    expect(() => loadKeyring({ ACCRUE_CREDENTIAL_KEYS: `a:${A64},a:${B64}` })).toThrowError(
      new KeyringError('MALFORMED_KEY', 'ACCRUE_CREDENTIAL_KEYS entry 2 repeats key id "a"'),
    )
  })

  it('rejects a current key id that is not configured', () => {
    expect(() => loadKeyring({ ACCRUE_CREDENTIAL_KEYS: `a:${A64}`, ACCRUE_CREDENTIAL_KEY_ID: 'c' })).toThrowError(
      new KeyringError(
        'UNKNOWN_KEY_ID',
        'ACCRUE_CREDENTIAL_KEY_ID is "c" but ACCRUE_CREDENTIAL_KEYS has no key with that id (configured: a)',
      ),
    )
  })

  it('falls back to the development key outside production only', () => {
    expect(loadKeyring({}).currentKeyId).toBe('dev-1')
    expect(loadKeyring({ NODE_ENV: 'test', ACCRUE_CREDENTIAL_KEYS: '  ' }).currentKeyId).toBe('dev-1')
    expect(() => loadKeyring({ NODE_ENV: 'production' })).toThrowError(
      new KeyringError(
        'MISSING_KEYS',
        'ACCRUE_CREDENTIAL_KEYS is not set; production needs at least one keyId:base64key entry (32-byte keys, e.g. from "openssl rand -base64 32")',
      ),
    )
  })

  it('refuses the public development key in production', () => {
    const devKey = developmentKeyring().key('dev-1').toString('base64')
    expect(() => loadKeyring({ NODE_ENV: 'production', ACCRUE_CREDENTIAL_KEYS: `dev-1:${devKey}` })).toThrowError(
      new KeyringError(
        'DEVELOPMENT_KEY_IN_PRODUCTION',
        'ACCRUE_CREDENTIAL_KEYS entry 1 (key "dev-1") is the public development key; production needs its own key',
      ),
    )
  })

  it('the development key is fixed and labelled as such', () => {
    const ring = developmentKeyring()
    expect(ring.currentKeyId).toBe('dev-1')
    expect(ring.key('dev-1').toString('utf8')).toBe('accrue-development-only-key-0001')
  })
})

describe('sealing credentials', () => {
  it('round-trips a secret through a v1 token carrying the key id', () => {
    const token = sealSecret(PASSWORD, ringA, CONTEXT)
    expect(token).toMatch(/^v1\.a\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/)
    expect(token).not.toContain(PASSWORD)
    expect(openSecret(token, ringA, CONTEXT)).toBe(PASSWORD)
  })

  it('ciphertext is as long as the UTF-8 secret (GCM adds no padding)', () => {
    const token = sealSecret(PASSWORD, ringA, CONTEXT)
    expect(Buffer.from(token.split('.')[3]!, 'base64url').length).toBe(Buffer.byteLength(PASSWORD, 'utf8'))
    expect(Buffer.byteLength(PASSWORD, 'utf8')).toBe(19)
  })

  it('round-trips an empty secret and one without context', () => {
    expect(openSecret(sealSecret('', ringA, CONTEXT), ringA, CONTEXT)).toBe('')
    expect(openSecret(sealSecret('JBSWY3DPEHPK3PXP', ringA), ringA)).toBe('JBSWY3DPEHPK3PXP')
  })

  it('uses a fresh IV for every seal, so equal secrets never give equal tokens', () => {
    const tokens = Array.from({ length: 20 }, () => sealSecret(PASSWORD, ringA, CONTEXT))
    expect(new Set(tokens.map((t) => t.split('.')[2])).size).toBe(20)
    expect(new Set(tokens).size).toBe(20)
    expect(tokens.map((t) => openSecret(t, ringA, CONTEXT))).toEqual(Array(20).fill(PASSWORD))
  })
})

describe('tampered tokens do not open', () => {
  const token = sealSecret(PASSWORD, ringAB, CONTEXT)
  const tampered = (changed: string) => () => openSecret(changed, ringAB, CONTEXT)
  const authFailure = new CredentialError(
    'TAMPERED',
    'sealed credential (key "b") failed authentication: it was altered, or it belongs to another context than "carrier-connectors:42:password"',
  )

  it.each([
    ['iv', 2],
    ['ciphertext', 3],
    ['tag', 4],
  ] as const)('a changed %s fails authentication', (_name, index) => {
    expect(tampered(withPart(token, index, flipFirstByte))).toThrowError(authFailure)
  })

  it('a token moved to another record or field fails authentication', () => {
    expect(() => openSecret(token, ringAB, 'carrier-connectors:43:password')).toThrowError(
      new CredentialError(
        'TAMPERED',
        'sealed credential (key "b") failed authentication: it was altered, or it belongs to another context than "carrier-connectors:43:password"',
      ),
    )
    expect(() => openSecret(token, ringAB, 'carrier-connectors:42:username')).toThrowError(CredentialError)
    expect(() => openSecret(token, ringAB)).toThrowError(CredentialError)
  })

  it('a key id switched to another configured key fails authentication', () => {
    expect(tampered(withPart(token, 1, () => 'a'))).toThrowError(
      new CredentialError(
        'TAMPERED',
        'sealed credential (key "a") failed authentication: it was altered, or it belongs to another context than "carrier-connectors:42:password"',
      ),
    )
  })

  it('an unknown key id is reported as such', () => {
    expect(tampered(withPart(token, 1, () => 'zz'))).toThrowError(
      new CredentialError('UNKNOWN_KEY_ID', 'sealed credential uses key "zz", which is not configured (configured: a, b)'),
    )
  })

  it('malformed tokens are rejected before decryption', () => {
    expect(tampered(withPart(token, 0, () => 'v2'))).toThrowError(
      new CredentialError('MALFORMED_TOKEN', 'sealed credential is not a v1.<keyId>.<iv>.<ciphertext>.<tag> token'),
    )
    expect(tampered(token.split('.').slice(0, 4).join('.'))).toThrowError(
      new CredentialError('MALFORMED_TOKEN', 'sealed credential is not a v1.<keyId>.<iv>.<ciphertext>.<tag> token'),
    )
    expect(tampered(withPart(token, 4, (tag) => tag.slice(0, 16)))).toThrowError(
      new CredentialError('MALFORMED_TOKEN', 'sealed credential tag is 12 bytes, not 16'),
    )
    expect(tampered(withPart(token, 2, (iv) => `${iv}!`))).toThrowError(
      new CredentialError('MALFORMED_TOKEN', 'sealed credential iv is not canonical base64url'),
    )
  })

  it('error messages never contain the secret', () => {
    const errors: string[] = []
    for (const attempt of [
      () => openSecret(token, ringAB, 'other'),
      () => openSecret(withPart(token, 4, flipFirstByte), ringAB, CONTEXT),
    ]) {
      try {
        attempt()
      } catch (error) {
        errors.push((error as Error).message)
      }
    }
    expect(errors).toHaveLength(2)
    expect(errors.some((m) => m.includes(PASSWORD) || m.includes(token))).toBe(false)
  })
})

describe('key rotation', () => {
  it('a token sealed with key A still opens once B is current, and is flagged for rotation', () => {
    const oldToken = sealSecret(PASSWORD, ringA, CONTEXT)
    expect(sealedKeyId(oldToken)).toBe('a')
    expect(needsRotation(oldToken, ringA)).toBe(false)
    expect(needsRotation(oldToken, ringAB)).toBe(true)
    expect(openSecret(oldToken, ringAB, CONTEXT)).toBe(PASSWORD)
  })

  it('rotateSecret re-seals with the current key, keeping the context', () => {
    const oldToken = sealSecret(PASSWORD, ringA, CONTEXT)
    const rotated = rotateSecret(oldToken, ringAB, CONTEXT)
    expect(sealedKeyId(rotated)).toBe('b')
    expect(needsRotation(rotated, ringAB)).toBe(false)
    expect(openSecret(rotated, ringAB, CONTEXT)).toBe(PASSWORD)
    expect(openSecret(rotated, createKeyring(new Map([['b', KEY_B]])), CONTEXT)).toBe(PASSWORD)
    expect(() => openSecret(rotated, ringA, CONTEXT)).toThrowError(
      new CredentialError('UNKNOWN_KEY_ID', 'sealed credential uses key "b", which is not configured (configured: a)'),
    )
  })

  it('rotating a token already on the current key returns it unchanged', () => {
    const current = sealSecret(PASSWORD, ringAB, CONTEXT)
    expect(rotateSecret(current, ringAB, CONTEXT)).toBe(current)
  })

  it('rotation refuses a token from another context rather than re-sealing it', () => {
    const oldToken = sealSecret(PASSWORD, ringA, CONTEXT)
    expect(() => rotateSecret(oldToken, ringAB, 'carrier-connectors:7:password')).toThrowError(
      new CredentialError(
        'TAMPERED',
        'sealed credential (key "a") failed authentication: it was altered, or it belongs to another context than "carrier-connectors:7:password"',
      ),
    )
  })
})
