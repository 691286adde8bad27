/**
 * Decimals: the one Decimal constructor (`D`) of the back-office and the one module that reads decimal text.
 *
 * - `D`: 40 significant digits, half-even, plain notation for money-sized values; exact for money, never a float.
 *   Constructing a `D` from text keeps every digit given; only arithmetic results are held to 40 digits.
 * - `decimalOrNull`: user text in a form field ("12.5", " 3 ", "1e3"), or null when it is not a finite number.
 * - `decimalText`: stored decimal text, strictly ("12.5", "-3", "0.0400"): no symbols, separators, whitespace or
 *   exponents, since anything else in a stored field is a data error worth reporting.
 * - `localizedDecimalText`: what a spreadsheet cell or a portal report shows ("1 234,50", "(12.00)", "$5", "12-"),
 *   read with the given decimal separator into canonical text.
 * (Money amounts typed by users are read by `parseAmount` in money.ts, which adds currency-aware errors.)
 */
import Decimal from 'decimal.js'

export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40 })
export type Dec = Decimal

/** A Decimal from user text, or null when it is not a finite number. */
export function decimalOrNull(value: unknown): Decimal | null {
  if (value === null || value === undefined || String(value).trim() === '') return null
  try {
    const d = new D(String(value).trim())
    return d.isFinite() ? d : null
  } catch {
    return null
  }
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/

/** The Decimal written in stored `text` (plain decimal text, at most 60 characters), or null when it is not that. */
export function decimalText(text: unknown): Dec | null {
  if (typeof text !== 'string' || text.length > 60 || !DECIMAL_TEXT.test(text)) return null
  return new D(text)
}

/** `text` in double quotes, as messages show user input. */
export function quoted(text: unknown): string {
  return JSON.stringify(String(text))
}

/** Longest text (after trimming) a localized number is read from. */
const MAX_LOCALIZED_LENGTH = 60

/**
 * An exact decimal as canonical text ("1234.5", "-12", "0") from localized text: thousands separators (the other
 * of "." and ","; spaces and apostrophes between digits), a currency symbol ($ € £), a sign before or after, or
 * parentheses for negatives, an exponent of one or two digits. Null when it is not such a number.
 */
export function localizedDecimalText(text: string, decimalSeparator: '.' | ','): string | null {
  if (text.length > MAX_LOCALIZED_LENGTH) return null
  const group = decimalSeparator === '.' ? ',' : '.'
  // Spaces and apostrophes between digits are thousands separators ("1 234,50", "1'234.50"): check them as such.
  let s = text
    .replace(/\u2212/g, '-')
    .replace(/(?<=\d)[\s'’](?=\d)/g, group)
    .replace(/\s/g, '')
  let negative = false
  const paren = /^\((.*)\)$/.exec(s)
  if (paren) {
    negative = true
    s = paren[1]!
  }
  const parts = /^([+-]?)[$€£]?([+-]?)([\d.,]+(?:[eE][+-]?\d{1,2})?)[$€£]?(-?)$/.exec(s)
  if (!parts) return null
  const signs = [parts[1], parts[2], parts[4]].filter(Boolean)
  if (signs.length > 1 || (negative && signs.length > 0)) return null
  if (signs[0] === '-') negative = true

  const dec = decimalSeparator === '.' ? '\\.' : ','
  const grp = decimalSeparator === '.' ? ',' : '\\.'
  const shape = new RegExp(`^(\\d{1,3}(?:${grp}\\d{3})+|\\d*)(?:${dec}(\\d*))?(?:[eE]([+-]?\\d{1,2}))?$`)
  const m = shape.exec(parts[3]!)
  if (!m) return null
  const intPart = m[1]!.split(group).join('')
  const fracPart = m[2] ?? ''
  if (intPart === '' && fracPart === '') return null
  const exponent = m[3] ? `e${m[3]}` : ''
  return new D(`${negative ? '-' : ''}${intPart || '0'}.${fracPart || '0'}${exponent}`).toFixed()
}
