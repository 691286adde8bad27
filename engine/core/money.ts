/**
 * Money: the one money module of the back-office.
 *
 * Rules kept by every function here:
 * - amounts are decimal.js `Decimal`s of the shared clone `D` (engine/core/decimal.ts; global Decimal config is never touched);
 * - no JavaScript float ever enters arithmetic: numbers are accepted only when they are safe integers;
 * - nothing is rounded unless the caller asks (`round`, `format`); an operation whose exact result
 *   would not fit in the 40 significant digits of the clone throws instead of rounding silently;
 * - `allocate` splits at minor-unit scale so the parts always sum exactly to the whole.
 */
import Decimal from 'decimal.js'

import { D } from './decimal'

/** Significant digits available to exact arithmetic (the clone's precision, `D` of ./decimal). */
const PRECISION = D.precision

/** Longest user string `parseAmount` looks at. */
const MAX_INPUT_LENGTH = 100

/** Most decimals a ratio of `allocate` may have. */
const MAX_RATIO_SCALE = 100

/** Largest scale accepted by `round` and `toStorageString`. */
const MAX_SCALE = 20

/** ISO 4217 alphabetic code: three uppercase letters (the brand marks a value that was validated). */
export type CurrencyCode = string & { readonly __brand: 'CurrencyCode' }

/** An amount of one currency; build it with `money`, never by hand. */
export type Money = { readonly amount: Decimal; readonly currency: CurrencyCode }

/** Error codes raised by this module. */
export type MoneyErrorCode =
  'CURRENCY_MISMATCH' | 'INVALID_AMOUNT' | 'INVALID_CURRENCY' | 'INVALID_ALLOCATION' | 'INVALID_SCALE' | 'PRECISION_LOSS'

/** Error thrown by every money function; `code` is stable, `field` names the input when known. */
export class MoneyError extends Error {
  readonly code: MoneyErrorCode
  readonly field: string | undefined

  constructor(code: MoneyErrorCode, message: string, field?: string) {
    super(message)
    this.name = 'MoneyError'
    this.code = code
    this.field = field
  }
}

/** Minor-unit exponents that differ from the default of 2. */
export const MINOR_UNITS: Readonly<Record<string, number>> = Object.freeze({
  JPY: 0,
  KRW: 0,
  CLP: 0,
  ISK: 0,
  VND: 0,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
  LYD: 3,
  IQD: 3,
})

/** True when `code` is three uppercase ASCII letters. */
export function isCurrencyCode(code: unknown): code is CurrencyCode {
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code)
}

/** Validates a currency code, throwing MoneyError INVALID_CURRENCY otherwise. */
export function currencyCode(code: string, field?: string): CurrencyCode {
  if (!isCurrencyCode(code)) {
    throw new MoneyError(
      'INVALID_CURRENCY',
      `${prefix(field)}${quote(code)} is not an ISO 4217 currency code (three uppercase letters)`,
      field,
    )
  }
  return code
}

/** Number of decimal places of the currency's minor unit (2 unless listed in MINOR_UNITS). */
export function minorUnits(currency: string): number {
  return MINOR_UNITS[currencyCode(currency)] ?? 2
}

// ---------------------------------------------------------------------------------------------
// Construction

/** Builds Money from a user/stored string, a Decimal, or a safe-integer number (floats are refused). */
export function money(amount: string | Decimal | number, currency: string): Money {
  return make(toDecimal(amount, 'amount', true), currencyCode(currency))
}

/** Zero in the given currency. */
export function zero(currency: string): Money {
  return make(new D(0), currencyCode(currency))
}

/** Internal constructor: normalises -0 to 0 and freezes. */
function make(amount: Decimal, currency: CurrencyCode): Money {
  return Object.freeze({ amount: amount.isZero() ? new D(0) : amount, currency })
}

/** Converts an accepted amount-like value to a finite Decimal of the private clone. */
function toDecimal(value: unknown, field: string, allowSymbol: boolean): Decimal {
  if (typeof value === 'string') return parseNumber(value, field, allowSymbol, '.')
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new MoneyError(
        'INVALID_AMOUNT',
        `${field}: ${String(value)} is not a safe integer (floats are refused: pass a string or a Decimal)`,
        field,
      )
    }
    return new D(value)
  }
  if (Decimal.isDecimal(value)) {
    if (!value.isFinite()) throw new MoneyError('INVALID_AMOUNT', `${field}: ${value.toString()} is not a finite number`, field)
    return new D(value)
  }
  throw new MoneyError('INVALID_AMOUNT', `${field}: expected a string, a Decimal or an integer, got ${typeof value}`, field)
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

/** Throws CURRENCY_MISMATCH unless both amounts are in the same currency. */
function sameCurrency(a: Money, b: Money, operation: string): CurrencyCode {
  if (a.currency !== b.currency) {
    throw new MoneyError('CURRENCY_MISMATCH', `cannot ${operation} ${a.currency} and ${b.currency}: currencies differ`)
  }
  return a.currency
}

/** Throws PRECISION_LOSS when an exact result may need more digits than the clone keeps. */
function ensureFits(digits: number, operation: string): void {
  if (digits > PRECISION) {
    throw new MoneyError('PRECISION_LOSS', `${operation} would need more than ${PRECISION} significant digits; refusing to round silently`)
  }
}

/** Exact a + b (conservative digit bound, so no hidden rounding). */
function exactPlus(a: Decimal, b: Decimal): Decimal {
  if (a.isZero()) return b
  if (b.isZero()) return a
  ensureFits(Math.max(a.e, b.e) + Math.max(a.dp(), b.dp()) + 2, 'addition')
  return a.plus(b)
}

/** Sum of two amounts of the same currency. */
export function add(a: Money, b: Money): Money {
  return make(exactPlus(a.amount, b.amount), sameCurrency(a, b, 'add'))
}

/** Difference a − b of two amounts of the same currency. */
export function subtract(a: Money, b: Money): Money {
  return make(exactPlus(a.amount, b.amount.neg()), sameCurrency(a, b, 'subtract'))
}

/** Sum of a list of amounts, all in `currency` (an empty list gives zero). */
export function sum(list: readonly Money[], currency: string): Money {
  return list.reduce<Money>((total, m) => add(total, m), zero(currency))
}

/** Exact product by a rate or quantity (string, Decimal or safe integer; never a float). */
export function multiply(m: Money, factor: string | Decimal | number): Money {
  const f = toDecimal(factor, 'factor', false)
  ensureFits(m.amount.sd() + f.sd(), 'multiplication')
  return make(m.amount.times(f), m.currency)
}

/** The amount with its sign flipped. */
export function negate(m: Money): Money {
  return make(m.amount.neg(), m.currency)
}

/** True when the amount is zero. */
export function isZero(m: Money): boolean {
  return m.amount.isZero()
}

/** True when the amount is strictly below zero. */
export function isNegative(m: Money): boolean {
  return !m.amount.isZero() && m.amount.isNegative()
}

/** True when the amount is strictly above zero. */
export function isPositive(m: Money): boolean {
  return !m.amount.isZero() && m.amount.isPositive()
}

/** -1, 0 or 1 as a is below, equal to or above b (throws CURRENCY_MISMATCH across currencies). */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b, 'compare')
  return a.amount.comparedTo(b.amount) as -1 | 0 | 1
}

/** True when both have the same currency and numerically equal amounts (12.5 equals 12.50). */
export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amount.eq(b.amount)
}

// ---------------------------------------------------------------------------------------------
// Rounding

/**
 * Rounding modes, applied only where the caller asks:
 * - 'half-even': to nearest, ties to the even neighbour (banker's rounding; the default);
 * - 'half-up':   to nearest, ties away from zero (2.345 → 2.35, -2.345 → -2.35);
 * - 'half-down': to nearest, ties toward zero (2.345 → 2.34, -2.345 → -2.34);
 * - 'up':        away from zero (2.341 → 2.35, -2.341 → -2.35);
 * - 'down':      toward zero, i.e. truncate (2.349 → 2.34, -2.349 → -2.34);
 * - 'ceiling':   toward +∞ (2.341 → 2.35, -2.349 → -2.34);
 * - 'floor':     toward −∞ (2.349 → 2.34, -2.341 → -2.35).
 */
export type RoundingMode = 'half-even' | 'half-up' | 'half-down' | 'up' | 'down' | 'ceiling' | 'floor'

/** Every rounding mode, in documentation order. */
export const ROUNDING_MODES: readonly RoundingMode[] = Object.freeze([
  'half-even',
  'half-up',
  'half-down',
  'up',
  'down',
  'ceiling',
  'floor',
] as const)

/** decimal.js constant for each named mode. */
const DECIMAL_ROUNDING: Readonly<Record<RoundingMode, Decimal.Rounding>> = Object.freeze({
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-up': Decimal.ROUND_HALF_UP,
  'half-down': Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceiling: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
})

/** Validates a scale (number of decimals), throwing INVALID_SCALE otherwise. */
function checkScale(scale: number): number {
  if (!Number.isSafeInteger(scale) || scale < 0 || scale > MAX_SCALE) {
    throw new MoneyError('INVALID_SCALE', `scale must be an integer from 0 to ${MAX_SCALE}, got ${String(scale)}`)
  }
  return scale
}

/** Rounds to `scale` decimals (default: the currency's minor units) with the named mode. */
export function round(m: Money, mode: RoundingMode = 'half-even', scale: number = minorUnits(m.currency)): Money {
  const rm = DECIMAL_ROUNDING[mode]
  if (rm === undefined) throw new MoneyError('INVALID_AMOUNT', `unknown rounding mode ${quote(String(mode))}`)
  return make(m.amount.toDecimalPlaces(checkScale(scale), rm), m.currency)
}

// ---------------------------------------------------------------------------------------------
// Allocation

/**
 * How the leftover minor units of `allocate` are handed out (each part first gets its share
 * truncated toward zero):
 * - 'largest-remainder': one by one to the parts with the largest fractional remainders, ties to
 *   the earliest index (the default);
 * - 'in-order': one by one to the earliest parts that have a non-zero remainder.
 * Either way every part is within one minor unit of its exact share, zero ratios get zero and
 * the parts sum exactly to the whole.
 */
export type AllocationMode = 'largest-remainder' | 'in-order'

/** Splits an amount already at minor-unit scale in proportion to `ratios`; parts sum exactly to it. */
export function allocate(m: Money, ratios: readonly (string | Decimal | number)[], mode: AllocationMode = 'largest-remainder'): Money[] {
  const whole = allocationWhole(m)
  const weights = allocationWeights(ratios)
  const total = weights.reduce((s, w) => s + w, 0n)
  const magnitude = whole < 0n ? -whole : whole
  const shares = weights.map((w) => (magnitude * w) / total)
  const remainders = weights.map((w) => (magnitude * w) % total)
  let leftover = magnitude - shares.reduce((s, q) => s + q, 0n)
  for (const i of leftoverOrder(remainders, mode)) {
    if (leftover === 0n) break
    shares[i] = (shares[i] ?? 0n) + 1n
    leftover -= 1n
  }
  return shares.map((q) => fromMinorUnits(whole < 0n ? -q : q, m.currency))
}

/** The amount to allocate in minor units; refuses amounts finer than the minor unit. */
function allocationWhole(m: Money): bigint {
  if (m.amount.dp() > minorUnits(m.currency)) {
    throw new MoneyError(
      'INVALID_ALLOCATION',
      `cannot allocate ${m.currency} ${m.amount.toString()}: round it to ${minorUnits(m.currency)} decimals first`,
    )
  }
  return toMinorUnits(m)
}

/** Ratios scaled to non-negative integers with a common factor; refuses negatives and all-zero lists. */
function allocationWeights(ratios: readonly (string | Decimal | number)[]): bigint[] {
  if (ratios.length === 0) throw new MoneyError('INVALID_ALLOCATION', 'cannot allocate to an empty list of ratios')
  const values = ratios.map((r, i) => {
    const d = toDecimal(r, `ratios[${i}]`, false)
    if (d.isNegative() && !d.isZero()) throw new MoneyError('INVALID_ALLOCATION', `ratios[${i}] is negative (${d.toString()})`)
    return d
  })
  const scale = values.reduce((max, d) => Math.max(max, d.dp()), 0)
  if (scale > MAX_RATIO_SCALE) throw new MoneyError('INVALID_ALLOCATION', `ratios may have at most ${MAX_RATIO_SCALE} decimals`)
  const weights = values.map((d) => BigInt(d.toFixed(scale).replace('.', '').replace('-', '')))
  if (weights.every((w) => w === 0n)) throw new MoneyError('INVALID_ALLOCATION', 'cannot allocate: every ratio is zero')
  return weights
}

/** Indices that may receive a leftover minor unit, in the order they receive it. */
function leftoverOrder(remainders: readonly bigint[], mode: AllocationMode): number[] {
  const candidates = remainders.map((r, i) => ({ r, i })).filter(({ r }) => r > 0n)
  if (mode === 'largest-remainder') candidates.sort((x, y) => (x.r === y.r ? x.i - y.i : x.r > y.r ? -1 : 1))
  else if (mode !== 'in-order') throw new MoneyError('INVALID_ALLOCATION', `unknown allocation mode ${quote(String(mode))}`)
  return candidates.map(({ i }) => i)
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Options of `parseAmount`: the field name used in errors and the decimal separator (default '.'). */
export type ParseOptions = { field?: string; decimalSeparator?: '.' | ',' }

/**
 * Parses a user-typed amount into an exact Decimal, or throws MoneyError INVALID_AMOUNT.
 * Accepts surrounding whitespace (incl. non-breaking spaces), one leading sign or accounting
 * parentheses "(12.00)", a leading `$`/`€`/`£`, and thousands separators in valid positions
 * ("1,234.50", or "1.234,50" with decimalSeparator ','). Refuses exponents, NaN/Infinity,
 * trailing signs, repeated signs and misplaced separators.
 */
export function parseAmount(input: string, options: ParseOptions = {}): Decimal {
  return parseNumber(input, options.field, true, options.decimalSeparator ?? '.')
}

/** Parser shared by amounts (symbol allowed) and factors/ratios (symbol refused). */
function parseNumber(input: unknown, field: string | undefined, allowSymbol: boolean, decimalSeparator: '.' | ','): Decimal {
  const fail = (reason: string): never => {
    const shown = typeof input === 'string' ? quote(input) : String(input)
    throw new MoneyError('INVALID_AMOUNT', `${prefix(field)}${shown} is not a valid amount (${reason})`, field)
  }
  if (typeof input !== 'string') return fail('not a string')
  if (decimalSeparator !== '.' && decimalSeparator !== ',') return fail('decimal separator must be "." or ","')
  if (input.length > MAX_INPUT_LENGTH) return fail(`longer than ${MAX_INPUT_LENGTH} characters`)
  const { negative, number } = splitSign(input.trim(), allowSymbol, fail)
  const digits = canonicalDigits(number, decimalSeparator, fail)
  return new D(negative && !/^[0.]+$/.test(digits) ? `-${digits}` : digits)
}

/** Strips sign, accounting parentheses and currency symbol; returns the bare number text. */
function splitSign(text: string, allowSymbol: boolean, fail: (reason: string) => never): { negative: boolean; number: string } {
  if (text === '') fail('empty')
  if (/nan|inf/i.test(text)) fail('not a finite number')
  if (/[eE]/.test(text)) fail('exponent notation is not accepted')
  let rest = text
  let negative = false
  let signs = 0
  const open = rest.startsWith('(')
  if (open !== rest.endsWith(')')) fail('unbalanced parentheses')
  if (open) {
    rest = rest.slice(1, -1).trim()
    negative = true
    signs++
  }
  const symbol = /^[$€£]\s*/
  if (allowSymbol) rest = rest.replace(symbol, '')
  if (/^[+-]/.test(rest)) {
    negative = rest.startsWith('-')
    signs++
    rest = rest.slice(1)
    if (allowSymbol && !open) rest = rest.replace(symbol, '')
  }
  if (signs > 1 || /^[+-]/.test(rest)) fail('more than one sign')
  if (/[+-]/.test(rest)) fail(/[+-]$/.test(rest) ? 'the sign must come first' : 'unexpected sign')
  if (/[$€£]/.test(rest)) fail(allowSymbol ? 'misplaced currency symbol' : 'currency symbols are not accepted here')
  return { negative, number: rest }
}

/** Validates digits and separators; returns a canonical "123.45" string. */
function canonicalDigits(text: string, decimalSeparator: '.' | ',', fail: (reason: string) => never): string {
  const group = decimalSeparator === '.' ? ',' : '.'
  const bad = text.match(/[^0-9.,]/)
  if (bad) fail(/\s/.test(bad[0]) ? 'unexpected whitespace' : `unexpected character ${quote(bad[0])}`)
  const parts = text.split(decimalSeparator)
  if (parts.length > 2) fail('more than one decimal separator')
  const [whole = '', fraction] = parts
  if (fraction !== undefined && fraction.includes(group)) fail('misplaced thousands separator')
  if (fraction === '') fail('no digits after the decimal separator')
  if (whole === '' && fraction === undefined) fail('no digits')
  if (whole.includes(group) && !groupPattern(group).test(whole)) fail('misplaced thousands separator')
  const integer = whole.split(group).join('') || '0'
  return fraction === undefined ? integer : `${integer}.${fraction}`
}

/** Integer part with separators every three digits: 1-3 digits, then groups of exactly 3. */
function groupPattern(group: string): RegExp {
  return group === ',' ? /^\d{1,3}(,\d{3})+$/ : /^\d{1,3}(\.\d{3})+$/
}

// ---------------------------------------------------------------------------------------------
// Conversion and display

/** The amount as an integer count of minor units (throws if it has finer decimals). */
export function toMinorUnits(m: Money): bigint {
  const scale = minorUnits(m.currency)
  if (m.amount.dp() > scale) {
    throw new MoneyError('PRECISION_LOSS', `${m.currency} ${m.amount.toString()} has more than ${scale} decimals; round it first`)
  }
  return BigInt(m.amount.toFixed(scale).replace('.', ''))
}

/** Money from an integer count of minor units (bigint or integer string). */
export function fromMinorUnits(n: bigint | string, currency: string): Money {
  const code = currencyCode(currency)
  const text = typeof n === 'bigint' ? n.toString() : n
  if (typeof text !== 'string' || !/^[+-]?\d+$/.test(text)) {
    throw new MoneyError('INVALID_AMOUNT', `${quote(String(n))} is not an integer count of minor units`, 'minorUnits')
  }
  return make(new D(`${text}e-${minorUnits(code)}`), code)
}

/** Canonical fixed string with exactly `scale` decimals (default 4); throws rather than round. */
export function toStorageString(m: Money, scale = 4): string {
  if (m.amount.dp() > checkScale(scale)) {
    throw new MoneyError('PRECISION_LOSS', `${m.currency} ${m.amount.toString()} has more than ${scale} decimals; round it before storing`)
  }
  return m.amount.toFixed(scale)
}

/** A stored decimal string shown in its currency ("USD 1,234.50"); an unknown currency code is shown as it is. */
export function formatStored(value: string, currency: string): string {
  return isCurrencyCode(currency) ? format(money(value, currency)) : `${value} ${currency}`
}

/** Display string such as "USD 1,234.50" (rounds half-even to minor units; display only). */
export function format(m: Money): string {
  const fixed = round(m, 'half-even').amount.toFixed(minorUnits(m.currency))
  const negative = fixed.startsWith('-')
  const [whole = '', fraction] = (negative ? fixed.slice(1) : fixed).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',')
  return `${m.currency} ${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** "field: " when a field name is known, else nothing. */
function prefix(field: string | undefined): string {
  return field ? `${field}: ` : ''
}

/** The text in double quotes, with control characters escaped. */
function quote(text: string): string {
  return JSON.stringify(text)
}
