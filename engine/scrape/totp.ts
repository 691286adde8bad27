/**
 * One-time passwords: HOTP (RFC 4226) and TOTP (RFC 6238), with the RFC 4648 base32 secrets that
 * authenticator apps use. Pure: the only time is the `at` the caller passes in.
 * Errors never repeat the secret.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512'

export type TotpOptions = {
  /** Seconds per code; 30 unless the portal says otherwise. */
  step?: number
  /** Code length, 6 to 10. */
  digits?: number
  algorithm?: TotpAlgorithm
}

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const MAX_COUNTER = (1n << 64n) - 1n
/** Base32 lengths (mod 8) that leave a partial byte and so cannot come from an encoder. */
const IMPOSSIBLE_BASE32_REMAINDERS = new Set([1, 3, 6])

export class TotpError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TotpError'
  }
}

/** Decodes RFC 4648 base32: case-insensitive, spaces and trailing `=` padding ignored. */
export function base32Decode(input: string): Buffer {
  const compact = input.replace(/\s+/g, '').replace(/=+$/, '').toUpperCase()
  if (compact === '') throw new TotpError('base32 secret is empty')
  if (IMPOSSIBLE_BASE32_REMAINDERS.has(compact.length % 8)) {
    throw new TotpError(`base32 secret has ${compact.length} characters, a length no base32 encoder produces; it is probably truncated`)
  }
  const bytes: number[] = []
  let buffer = 0
  let bits = 0
  for (let i = 0; i < compact.length; i++) {
    const value = BASE32_ALPHABET.indexOf(compact[i]!)
    if (value < 0) {
      // The character itself is not quoted: it is part of a secret.
      throw new TotpError(
        `base32 secret has an invalid character at position ${i + 1}; only A–Z and 2–7 are allowed (0, 1, 8 and 9 are not)`,
      )
    }
    buffer = ((buffer << 5) | value) & 0xffff
    bits += 5
    if (bits >= 8) {
      bits -= 8
      bytes.push((buffer >> bits) & 0xff)
    }
  }
  return Buffer.from(bytes)
}

/** RFC 4226 HOTP code for `counter`, zero-padded to `digits`. */
export function hotp(key: Buffer, counter: bigint | number, digits = 6, algorithm: TotpAlgorithm = 'sha1'): string {
  checkDigits(digits)
  const moving = typeof counter === 'bigint' ? counter : numberCounter(counter)
  if (moving < 0n || moving > MAX_COUNTER) throw new TotpError('HOTP counter must be between 0 and 2^64 - 1')
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(moving)
  const mac = createHmac(algorithm, key).update(message).digest()
  const offset = mac[mac.length - 1]! & 0x0f
  const binary = mac.readUInt32BE(offset) & 0x7fffffff
  return (binary % 10 ** digits).toString().padStart(digits, '0')
}

/** RFC 6238 TOTP code for the time `at` (a Date or milliseconds since the epoch). */
export function totp(secretBase32: string, at: Date | number, options: TotpOptions = {}): string {
  const { step = 30, digits = 6, algorithm = 'sha1' } = options
  return hotp(base32Decode(secretBase32), timeCounter(at, step), digits, algorithm)
}

/**
 * True when `code` matches the code for `at`, or for up to `window` steps before or after it
 * (clock drift). Spaces in the code are ignored; the comparison is constant-time.
 */
export function verifyTotp(code: string, secretBase32: string, at: Date | number, window = 1, options: TotpOptions = {}): boolean {
  const { step = 30, digits = 6, algorithm = 'sha1' } = options
  if (!Number.isInteger(window) || window < 0) throw new TotpError('TOTP window must be a whole number of steps, 0 or more')
  checkDigits(digits)
  const given = code.replace(/\s+/g, '')
  if (given.length !== digits || !/^\d+$/.test(given)) return false
  const key = base32Decode(secretBase32)
  const current = timeCounter(at, step)
  let matched = false
  for (let delta = -window; delta <= window; delta++) {
    const counter = current + BigInt(delta)
    if (counter < 0n) continue
    // No early exit: every candidate is computed and compared.
    if (timingSafeEqual(Buffer.from(hotp(key, counter, digits, algorithm)), Buffer.from(given))) matched = true
  }
  return matched
}

function timeCounter(at: Date | number, step: number): bigint {
  const ms = at instanceof Date ? at.getTime() : at
  if (!Number.isFinite(ms) || ms < 0) throw new TotpError('TOTP time must be a valid instant at or after 1970-01-01')
  if (!Number.isInteger(step) || step <= 0) throw new TotpError('TOTP step must be a whole number of seconds, 1 or more')
  return BigInt(Math.floor(ms / (step * 1000)))
}

function numberCounter(counter: number): bigint {
  if (!Number.isSafeInteger(counter)) throw new TotpError('HOTP counter must be a whole number (use a bigint above 2^53)')
  return BigInt(counter)
}

function checkDigits(digits: number): void {
  if (!Number.isInteger(digits) || digits < 6 || digits > 10) throw new TotpError('OTP length must be 6 to 10 digits')
}
