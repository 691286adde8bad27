/**
 * Bank coordinates of a US payee: the ABA routing transit number of their bank and their account number there.
 * Each check returns null when the value is usable, else one sentence saying what is wrong with it.
 */

/** Weights of the ABA check: digit i (0-based) is multiplied by WEIGHTS[i % 3]. */
const ABA_WEIGHTS = [3, 7, 1] as const

/** Longest account number the NACHA entry detail record has room for. */
export const MAX_ACCOUNT_LENGTH = 17

/**
 * Why `routing` is not a valid ABA routing transit number, or null when it is: exactly 9 digits, a first pair the
 * Federal Reserve assigns (00–12, 21–32, 61–72, 80), and 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) a multiple of 10.
 */
export function abaRoutingProblem(routing: string): string | null {
  if (typeof routing !== 'string') return 'the routing number must be given as text of 9 digits'
  if (routing.length === 0) return 'the routing number is empty'
  if (/\s/.test(routing)) return 'the routing number must not contain spaces'
  if (!/^\d+$/.test(routing)) return 'the routing number must contain digits only'
  if (routing.length !== 9) return `the routing number must be exactly 9 digits (it has ${routing.length})`
  if (/^0+$/.test(routing)) return 'the routing number 000000000 is not assigned to any bank'
  const prefix = Number(routing.slice(0, 2))
  if (!(prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80)) {
    return `the routing number cannot start with ${routing.slice(0, 2)}: US routing numbers start with 00–12, 21–32, 61–72 or 80`
  }
  const expected = abaCheckDigit(routing.slice(0, 8))
  const actual = Number(routing[8])
  if (actual !== expected) {
    return `the routing number fails the ABA checksum (weights 3-7-1): its last digit is ${actual}, the first eight digits require ${expected}`
  }
  return null
}

/** The ninth digit that makes the ABA checksum of eight digits a multiple of 10. */
export function abaCheckDigit(firstEight: string): number {
  if (!/^\d{8}$/.test(firstEight)) throw new Error('abaCheckDigit needs exactly 8 digits')
  let total = 0
  for (let i = 0; i < 8; i++) total += Number(firstEight[i]) * ABA_WEIGHTS[i % 3]!
  return (10 - (total % 10)) % 10
}

/** Why `account` is not a usable bank account number, or null when it is: 1–17 letters and digits, nothing else. */
export function accountNumberProblem(account: string): string | null {
  if (typeof account !== 'string') return 'the account number must be given as text'
  if (account.length === 0) return 'the account number is empty'
  if (/\s/.test(account)) return 'the account number must not contain spaces'
  const other = /[^A-Za-z0-9]/.exec(account)
  if (other) return `the account number may contain only digits and letters (it contains ${JSON.stringify(other[0])})`
  if (account.length > MAX_ACCOUNT_LENGTH) {
    return `the account number has ${account.length} characters; at most ${MAX_ACCOUNT_LENGTH} fit a bank file`
  }
  return null
}
