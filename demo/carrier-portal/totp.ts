/**
 * The portal's one-time passwords, in the units it works in (Unix seconds), over the product's own TOTP
 * (engine/totp.ts, RFC 4226/6238) so the portal and the scraper can never disagree on a code. Adds what only a
 * portal needs: base32 encoding of a secret and the `otpauth://` URI an authenticator app scans.
 */
import { base32Decode, hotp, totp, verifyTotp as verifyCode } from '../../engine/scrape/totp'

export { base32Decode, hotp }

export const TOTP_STEP_SECONDS = 30

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** Encodes bytes as unpadded upper-case base32. */
export function base32Encode(data: Uint8Array): string {
  let out = ''
  let buffer = 0
  let bits = 0
  for (const byte of data) {
    buffer = ((buffer << 8) | byte) & 0xffff
    bits += 8
    while (bits >= 5) {
      bits -= 5
      out += BASE32[(buffer >> bits) & 31]
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31]
  return out
}

/** The code for a base32 secret at a Unix time in seconds (30 s step, SHA-1). */
export function totpAt(secretBase32: string, unixSeconds: number, digits = 6): string {
  return totp(secretBase32, unixSeconds * 1000, { step: TOTP_STEP_SECONDS, digits })
}

/** Accepts a 6-digit code of the current step or of `window` steps either side (clock drift). */
export function verifyTotp(secretBase32: string, code: string, unixSeconds: number, window = 1): boolean {
  if (!/^\d{6}$/.test(code)) return false
  return verifyCode(code, secretBase32, unixSeconds * 1000, window, { step: TOTP_STEP_SECONDS })
}

/** The URI an authenticator app scans to enrol the secret. */
export function otpauthUri(secretBase32: string, account: string, issuer: string): string {
  const label = encodeURIComponent(`${issuer}:${account}`)
  return `otpauth://totp/${label}?secret=${secretBase32}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=${TOTP_STEP_SECONDS}`
}
