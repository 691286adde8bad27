import { describe, expect, it } from 'vitest'

import { deriveLinkKey, LINK_KEY_LABEL, MIN_SECRET_LENGTH, signLink, verifyLink } from '../../../engine/proposals/signedLink'

const SECRET = 'test-secret-of-at-least-32-characters!'
const EXPIRES = '2026-10-31T23:59:59Z'
const BEFORE = new Date('2026-10-15T12:00:00Z')
const LINK = { proposalId: 42, action: 'respond', expiresAt: EXPIRES } as const

/**
 * Worked out independently with OpenSSL:
 * `openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt key:<SECRET> -kdfopt 'info:accrue proposal response link v1' HKDF`
 * (75:F5:72:CD:…:CE:83, no salt) written as base64url, and the token's signature with
 * `printf <body> | openssl dgst -sha256 -hmac <KEY> -binary | base64url`.
 */
const KEY = 'dfVyzSJPaCGW2Ow_OlqV0rLtQFyalYRrBj-D_ABRzoM'
const TOKEN =
  'eyJwcm9wb3NhbElkIjo0MiwiYWN0aW9uIjoicmVzcG9uZCIsImV4cGlyZXNBdCI6IjIwMjYtMTAtMzFUMjM6NTk6NTlaIn0.U1wOEz36MtzadgzbP34y3UQO_I2LEHsCN7CNh02opeM'

describe('the response-link key is derived from the installation secret, never the secret itself', () => {
  it('is HKDF-SHA256 of the secret with the link purpose label, 32 bytes in base64url', () => {
    expect(LINK_KEY_LABEL).toBe('accrue proposal response link v1')
    expect(deriveLinkKey(SECRET)).toBe(KEY)
    expect(Buffer.from(KEY, 'base64url')).toHaveLength(32)
  })

  it('a link signed with the derived key is the one OpenSSL computes, and only that key verifies it', () => {
    expect(signLink(LINK, deriveLinkKey(SECRET))).toBe(TOKEN)
    expect(verifyLink(TOKEN, deriveLinkKey(SECRET), BEFORE)).toEqual({ ok: true, proposalId: 42, expiresAt: EXPIRES })
    // Neither the raw secret nor a key derived from another secret verifies it.
    expect(verifyLink(TOKEN, SECRET, BEFORE)).toEqual({ ok: false, reason: 'tampered' })
    expect(verifyLink(TOKEN, deriveLinkKey(`${SECRET}x`), BEFORE)).toEqual({ ok: false, reason: 'tampered' })
    expect(verifyLink(signLink(LINK, SECRET), deriveLinkKey(SECRET), BEFORE)).toEqual({ ok: false, reason: 'tampered' })
  })

  it('refuses an installation secret shorter than 32 characters', () => {
    expect(() => deriveLinkKey('x'.repeat(MIN_SECRET_LENGTH - 1))).toThrow('the link secret must be at least 32 characters long')
    expect(deriveLinkKey('x'.repeat(MIN_SECRET_LENGTH))).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })
})
