import { createHmac } from 'node:crypto'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { MIN_SECRET_LENGTH, signLink, verifyLink } from '../../../engine/proposals/signedLink'

const SECRET = 'test-secret-of-at-least-32-characters!'
const OTHER_SECRET = 'another-secret-of-at-least-32-chars!!'
const EXPIRES = '2026-10-31T23:59:59Z'
const BEFORE = new Date('2026-10-15T12:00:00Z')

/** Checked independently with `openssl dgst -sha256 -hmac <SECRET> -binary | base64url`. */
const KNOWN_TOKEN =
  'eyJwcm9wb3NhbElkIjo0MiwiYWN0aW9uIjoicmVzcG9uZCIsImV4cGlyZXNBdCI6IjIwMjYtMTAtMzFUMjM6NTk6NTlaIn0.vx-5TbU-gB5DiitExS0Pdl3Vc5AXIT5AQZOWZuj_d6I'

const token = signLink({ proposalId: 42, action: 'respond', expiresAt: EXPIRES }, SECRET)
const [body = '', sig = ''] = token.split('.')

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url')
const hmac = (text: string, secret = SECRET): string => createHmac('sha256', secret).update(text).digest('base64url')
/** A correctly signed token around any body text (to reach the checks behind the signature). */
const signedBody = (json: string): string => `${b64(json)}.${hmac(b64(json))}`

/** Replaces the character at `index` with a different base64url character. */
function flip(text: string, index: number): string {
  const c = text[index]
  return `${text.slice(0, index)}${c === 'A' ? 'B' : 'A'}${text.slice(index + 1)}`
}

describe('signing', () => {
  it('writes base64url(JSON payload) . base64url(HMAC-SHA256 of the encoded payload)', () => {
    expect(token).toBe(KNOWN_TOKEN)
    expect(JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))).toEqual({ proposalId: 42, action: 'respond', expiresAt: EXPIRES })
    expect(sig).toBe(hmac(body))
    expect(sig).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('refuses a payload it could not verify later', () => {
    expect(() => signLink({ proposalId: 0, action: 'respond', expiresAt: EXPIRES }, SECRET)).toThrow(
      'proposalId must be a positive integer, got 0',
    )
    expect(() => signLink({ proposalId: 1.5, action: 'respond', expiresAt: EXPIRES }, SECRET)).toThrow(
      'proposalId must be a positive integer, got 1.5',
    )
    expect(() => signLink({ proposalId: 1, action: 'accept' as 'respond', expiresAt: EXPIRES }, SECRET)).toThrow(
      'unknown link action "accept"',
    )
    const message = (value: string): string =>
      `expiresAt must be an ISO 8601 date-time with an offset such as "2026-10-31T23:59:59Z", got "${value}"`
    for (const bad of ['2026-10-31', '2026-10-31T23:59:59', '2026-02-30T00:00:00Z', '2026-10-31T24:00:00Z', 'tomorrow']) {
      expect(() => signLink({ proposalId: 1, action: 'respond', expiresAt: bad }, SECRET)).toThrow(message(bad))
    }
  })

  it('accepts the offsets and fractions toISOString and users write', () => {
    for (const expiresAt of ['2026-10-31T23:59:59.999Z', '2026-10-31T18:59:59-05:00', '2026-10-31T23:59Z']) {
      expect(verifyLink(signLink({ proposalId: 7, action: 'respond', expiresAt }, SECRET), SECRET, BEFORE)).toEqual({
        ok: true,
        proposalId: 7,
        expiresAt,
      })
    }
  })

  it('refuses a secret shorter than 32 characters, both ways', () => {
    const short = 'x'.repeat(MIN_SECRET_LENGTH - 1)
    expect(() => signLink({ proposalId: 1, action: 'respond', expiresAt: EXPIRES }, short)).toThrow(
      'the link secret must be at least 32 characters long',
    )
    expect(() => verifyLink(token, short, BEFORE)).toThrow('the link secret must be at least 32 characters long')
  })
})

describe('verifying', () => {
  it('round-trips the proposal and its expiry', () => {
    expect(verifyLink(token, SECRET, BEFORE)).toEqual({ ok: true, proposalId: 42, expiresAt: EXPIRES })
  })

  it('round-trips any proposal id (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (proposalId) => {
        const t = signLink({ proposalId, action: 'respond', expiresAt: EXPIRES }, SECRET)
        expect(verifyLink(t, SECRET, BEFORE)).toEqual({ ok: true, proposalId, expiresAt: EXPIRES })
      }),
      { numRuns: 200 },
    )
  })

  it('a changed payload is tampered, even when it is a well-formed payload for another proposal', () => {
    const other = b64(JSON.stringify({ proposalId: 43, action: 'respond', expiresAt: EXPIRES }))
    expect(verifyLink(`${other}.${sig}`, SECRET, BEFORE)).toEqual({ ok: false, reason: 'tampered' })
    const later = b64(JSON.stringify({ proposalId: 42, action: 'respond', expiresAt: '2099-01-01T00:00:00Z' }))
    expect(verifyLink(`${later}.${sig}`, SECRET, BEFORE)).toEqual({ ok: false, reason: 'tampered' })
    expect(verifyLink(`${flip(body, 10)}.${sig}`, SECRET, BEFORE)).toEqual({ ok: false, reason: 'tampered' })
  })

  it('a changed, shortened or lengthened signature is tampered', () => {
    expect(verifyLink(`${body}.${flip(sig, 0)}`, SECRET, BEFORE)).toEqual({ ok: false, reason: 'tampered' })
    expect(verifyLink(`${body}.${flip(sig, 20)}`, SECRET, BEFORE)).toEqual({ ok: false, reason: 'tampered' })
    expect(verifyLink(`${body}.${sig.slice(0, -1)}`, SECRET, BEFORE)).toEqual({ ok: false, reason: 'tampered' })
    expect(verifyLink(`${body}.${sig}A`, SECRET, BEFORE)).toEqual({ ok: false, reason: 'tampered' })
  })

  it('a non-canonical spelling of the right signature is tampered (the last character carries 2 unused bits)', () => {
    const last = sig[sig.length - 1] ?? ''
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const sibling = alphabet[alphabet.indexOf(last) ^ 1] ?? ''
    const variant = `${sig.slice(0, -1)}${sibling}`
    expect(Buffer.from(variant, 'base64url')).toEqual(Buffer.from(sig, 'base64url'))
    expect(verifyLink(`${body}.${variant}`, SECRET, BEFORE)).toEqual({ ok: false, reason: 'tampered' })
  })

  it('a token signed with another secret is tampered', () => {
    const foreign = signLink({ proposalId: 42, action: 'respond', expiresAt: EXPIRES }, OTHER_SECRET)
    expect(verifyLink(foreign, SECRET, BEFORE)).toEqual({ ok: false, reason: 'tampered' })
    expect(verifyLink(token, OTHER_SECRET, BEFORE)).toEqual({ ok: false, reason: 'tampered' })
  })

  it('is valid up to the millisecond before expiresAt and expired from that instant on', () => {
    expect(verifyLink(token, SECRET, new Date('2026-10-31T23:59:58.999Z'))).toEqual({ ok: true, proposalId: 42, expiresAt: EXPIRES })
    expect(verifyLink(token, SECRET, new Date('2026-10-31T23:59:59.000Z'))).toEqual({ ok: false, reason: 'expired' })
    expect(verifyLink(token, SECRET, new Date('2027-01-01T00:00:00Z'))).toEqual({ ok: false, reason: 'expired' })
  })

  it('reads the expiry offset: 18:00-05:00 is 23:00 UTC', () => {
    const t = signLink({ proposalId: 9, action: 'respond', expiresAt: '2026-10-31T18:00:00-05:00' }, SECRET)
    expect(verifyLink(t, SECRET, new Date('2026-10-31T22:59:59Z')).ok).toBe(true)
    expect(verifyLink(t, SECRET, new Date('2026-10-31T23:00:00Z'))).toEqual({ ok: false, reason: 'expired' })
  })

  it('a tampered expired token is reported as tampered, not expired', () => {
    expect(verifyLink(`${body}.${flip(sig, 5)}`, SECRET, new Date('2030-01-01T00:00:00Z'))).toEqual({ ok: false, reason: 'tampered' })
  })

  it.each([
    ['an empty string', ''],
    ['no dot', 'abcdef'],
    ['three parts', `${body}.${sig}.${sig}`],
    ['an empty signature', `${body}.`],
    ['an empty payload', `.${sig}`],
    ['standard base64 characters', `${body}+/.${sig}`],
    ['padding', `${body}=.${sig}`],
    ['a space', `${body} .${sig}`],
    ['an overlong token', `${'A'.repeat(3000)}.${sig}`],
  ])('%s is malformed', (_label, bad) => {
    expect(verifyLink(bad, SECRET, BEFORE)).toEqual({ ok: false, reason: 'malformed' })
  })

  it.each([
    ['not JSON', 'proposal 42'],
    ['a JSON array', '[42]'],
    ['null', 'null'],
    ['a string id', JSON.stringify({ proposalId: '42', action: 'respond', expiresAt: EXPIRES })],
    ['a zero id', JSON.stringify({ proposalId: 0, action: 'respond', expiresAt: EXPIRES })],
    ['another action', JSON.stringify({ proposalId: 42, action: 'pay', expiresAt: EXPIRES })],
    ['an expiry without offset', JSON.stringify({ proposalId: 42, action: 'respond', expiresAt: '2026-10-31T23:59:59' })],
    ['no expiry', JSON.stringify({ proposalId: 42, action: 'respond' })],
  ])('a correctly signed payload that is %s is malformed', (_label, json) => {
    expect(verifyLink(signedBody(json), SECRET, BEFORE)).toEqual({ ok: false, reason: 'malformed' })
  })

  it('refuses an invalid clock value', () => {
    expect(() => verifyLink(token, SECRET, new Date('nonsense'))).toThrow('now must be a valid Date')
  })
})
