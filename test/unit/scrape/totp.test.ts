import { describe, expect, it } from 'vitest'

import { base32Decode, hotp, totp, TotpError, verifyTotp } from '../../../engine/scrape/totp'

/** RFC 6238 appendix B seeds: ASCII "1234567890" repeated to 20, 32 and 64 bytes. */
const SHA1_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'
const SHA256_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA'
const SHA512_SECRET = 'GEZDGNBVGY3TQOJQ'.repeat(6) + 'GEZDGNA'

const at = (seconds: number) => seconds * 1000

describe('base32 secrets (RFC 4648)', () => {
  it('decodes the RFC 6238 seeds to ASCII "1234567890" repeated to 20, 32 and 64 bytes', () => {
    expect(base32Decode(SHA1_SECRET).toString('ascii')).toBe('12345678901234567890')
    expect(base32Decode(SHA256_SECRET).toString('ascii')).toBe('12345678901234567890123456789012')
    expect(base32Decode(SHA512_SECRET).toString('ascii')).toBe('1234567890'.repeat(6) + '1234')
  })

  it('decodes the RFC 4648 test vectors, with and without padding', () => {
    expect(base32Decode('MY======').toString('ascii')).toBe('f')
    expect(base32Decode('MZXQ====').toString('ascii')).toBe('fo')
    expect(base32Decode('MZXW6===').toString('ascii')).toBe('foo')
    expect(base32Decode('MZXW6YQ=').toString('ascii')).toBe('foob')
    expect(base32Decode('MZXW6YTB').toString('ascii')).toBe('fooba')
    expect(base32Decode('MZXW6YTBOI======').toString('ascii')).toBe('foobar')
    expect(base32Decode('MZXW6YTBOI').toString('ascii')).toBe('foobar')
  })

  it('accepts lower case and the spaced groups portals show', () => {
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq').toString('ascii')).toBe('12345678901234567890')
  })

  it('rejects characters outside the alphabet, naming the position but not the secret', () => {
    expect(() => base32Decode('GEZDGNB1')).toThrowError(
      new TotpError('base32 secret has an invalid character at position 8; only A–Z and 2–7 are allowed (0, 1, 8 and 9 are not)'),
    )
    expect(() => base32Decode('GE=ZDGNB')).toThrowError('invalid character at position 3')
  })

  it('rejects an empty secret and a length no encoder produces', () => {
    expect(() => base32Decode('  ==')).toThrowError(new TotpError('base32 secret is empty'))
    expect(() => base32Decode('GEZ')).toThrowError(
      new TotpError('base32 secret has 3 characters, a length no base32 encoder produces; it is probably truncated'),
    )
  })
})

describe('HOTP (RFC 4226 appendix D)', () => {
  const key = Buffer.from('12345678901234567890', 'ascii')
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489']

  it.each(expected.map((code, counter) => [counter, code] as const))('counter %i gives %s', (counter, code) => {
    expect(hotp(key, counter)).toBe(code)
    expect(hotp(key, BigInt(counter))).toBe(code)
  })

  it('rejects negative and fractional counters and unsupported lengths', () => {
    expect(() => hotp(key, -1)).toThrowError(new TotpError('HOTP counter must be between 0 and 2^64 - 1'))
    expect(() => hotp(key, 1n << 64n)).toThrowError(new TotpError('HOTP counter must be between 0 and 2^64 - 1'))
    expect(() => hotp(key, 1.5)).toThrowError(new TotpError('HOTP counter must be a whole number (use a bigint above 2^53)'))
    expect(() => hotp(key, 0, 5)).toThrowError(new TotpError('OTP length must be 6 to 10 digits'))
  })
})

describe('TOTP (RFC 6238 appendix B)', () => {
  const vectors: ReadonlyArray<readonly [number, string, string, string]> = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ]

  it.each(vectors)('T=%i s gives SHA-1 %s, SHA-256 %s, SHA-512 %s (8 digits)', (seconds, sha1, sha256, sha512) => {
    expect(totp(SHA1_SECRET, at(seconds), { digits: 8 })).toBe(sha1)
    expect(totp(SHA256_SECRET, at(seconds), { digits: 8, algorithm: 'sha256' })).toBe(sha256)
    expect(totp(SHA512_SECRET, at(seconds), { digits: 8, algorithm: 'sha512' })).toBe(sha512)
  })

  it('takes a Date as well as milliseconds, and defaults to 6 digits', () => {
    expect(totp(SHA1_SECRET, new Date('2005-03-18T01:58:29Z'))).toBe('081804')
    expect(totp(SHA1_SECRET, at(1111111109))).toBe('081804')
  })

  it('keeps the same code through a 30-second step and changes at its boundary', () => {
    // 1111111109 s is in step 37037036 (1111111080..1111111109); 1111111110 starts the next.
    expect(totp(SHA1_SECRET, at(1111111080), { digits: 8 })).toBe('07081804')
    expect(totp(SHA1_SECRET, at(1111111110), { digits: 8 })).toBe('14050471')
  })

  it('honours a custom step', () => {
    // With 60-second steps, T=2222222218 s is counter 37037036, the counter of T=1111111109 s with 30-second steps.
    expect(totp(SHA1_SECRET, at(2222222218), { step: 60, digits: 8 })).toBe('07081804')
  })

  it('rejects times before the epoch, invalid dates and bad steps', () => {
    expect(() => totp(SHA1_SECRET, -1)).toThrowError(new TotpError('TOTP time must be a valid instant at or after 1970-01-01'))
    expect(() => totp(SHA1_SECRET, new Date('not a date'))).toThrowError(
      new TotpError('TOTP time must be a valid instant at or after 1970-01-01'),
    )
    expect(() => totp(SHA1_SECRET, 0, { step: 0 })).toThrowError(new TotpError('TOTP step must be a whole number of seconds, 1 or more'))
  })
})

describe('TOTP verification', () => {
  const now = at(1111111111) // code 050471 (step 37037037)

  it('accepts the current code, with or without spaces', () => {
    expect(verifyTotp('050471', SHA1_SECRET, now)).toBe(true)
    expect(verifyTotp('050 471', SHA1_SECRET, now)).toBe(true)
  })

  it('accepts the previous and next step within the default window of 1', () => {
    expect(verifyTotp('081804', SHA1_SECRET, now)).toBe(true) // previous step (T=1111111109)
    expect(verifyTotp(totp(SHA1_SECRET, now + 30_000), SHA1_SECRET, now)).toBe(true)
  })

  it('rejects a code two steps away unless the window allows it', () => {
    const twoAhead = totp(SHA1_SECRET, now + 60_000)
    expect(verifyTotp(twoAhead, SHA1_SECRET, now)).toBe(false)
    expect(verifyTotp(twoAhead, SHA1_SECRET, now, 2)).toBe(true)
    expect(verifyTotp('081804', SHA1_SECRET, now, 0)).toBe(false)
  })

  it('rejects wrong, short and non-numeric codes', () => {
    expect(verifyTotp('050472', SHA1_SECRET, now)).toBe(false)
    expect(verifyTotp('50471', SHA1_SECRET, now)).toBe(false)
    expect(verifyTotp('05047a', SHA1_SECRET, now)).toBe(false)
  })

  it('checks 8-digit SHA-512 codes when told to', () => {
    expect(verifyTotp('99943326', SHA512_SECRET, now, 1, { digits: 8, algorithm: 'sha512' })).toBe(true)
    expect(verifyTotp('99943326', SHA512_SECRET, now, 1, { digits: 6, algorithm: 'sha512' })).toBe(false)
  })
})
