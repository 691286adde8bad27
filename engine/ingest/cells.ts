/**
 * Cell parsing for spreadsheet imports: one cell value in, one typed value or a user-facing reason out.
 *
 * Pure functions (no IO, no clock). A reason never names the column; the caller prefixes it
 * ("Activation Date: "2026-02-30" is not a real date").
 *
 * Decisions worth knowing:
 * - Excel serial 60 is 1900-02-29, a day that never existed (Excel copied Lotus 1-2-3's leap-year bug);
 *   it is rejected. Serials 1..59 are 1900-01-01..1900-02-28, 61 and up are exact.
 * - ISO dates ('2025-01-15', '2025-01-15T10:30…', '2025-01-15 10:30…') are always accepted, whatever
 *   the configured formats: a four-digit year first is never ambiguous. The time part is ignored and
 *   the date is taken as written (no time-zone shift).
 * - In formats with separators, 'MM'/'DD' also accept one digit ('1/5/2025' for 'MM/DD/YYYY');
 *   the compact 'YYYYMMDD' needs every digit. A time after the date ('1/5/2025 12:00:00 AM') is ignored.
 * - Text holding a serial number is read only with five digits (1927..2173): "2025" is not 1905-07-17.
 * - A date text that two configured formats read differently ('01/02/2025' with both 'MM/DD/YYYY' and
 *   'DD/MM/YYYY') is rejected as ambiguous, never guessed.
 * - Decimals never go through floating point: a spreadsheet number is taken from its shortest
 *   round-trip representation (String(n)) straight into decimal.js.
 */
import { D, localizedDecimalText } from '../core/decimal'

/** A cell as the readers deliver it: null is an empty cell. */
export type CellValue = string | number | boolean | Date | null

/** Outcome of parsing one cell. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }

export type DateOptions = { dateFormats: readonly string[] }
export type DecimalOptions = { decimalSeparator: '.' | ',' }
export type IdentifierKind = 'iccid' | 'imei' | 'mdn'

/** Serial number of 9999-12-31, the last day Excel can show. */
const MAX_EXCEL_SERIAL = 2958465

/** Text serials are read only in this range (1927-05-18 .. 2173-10-14), so that "2025" is not a date in 1905. */
const TEXT_SERIAL_MIN = 10000
const TEXT_SERIAL_MAX = 99999

const MS_PER_DAY = 86_400_000

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const fail = (reason: string): Parsed<never> => ({ ok: false, reason })
const quote = (s: string): string => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s)

/** Unicode spaces a spreadsheet may carry (NBSP, narrow NBSP, figure space, thin spaces...). */
const UNICODE_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g

const isBlank = (v: CellValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.replace(UNICODE_SPACES, ' ').trim() === '')

/** 'YYYY-MM-DD' of a Date's UTC calendar day. */
function isoDate(d: Date): string {
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
}

const pad2 = (n: number): string => String(n).padStart(2, '0')

// ---------------------------------------------------------------------------------------------
// Text

/** Trimmed text with NBSPs turned into spaces and inner whitespace runs collapsed; empty → ''. */
export function parseText(v: CellValue): Parsed<string> {
  if (v === null || v === undefined) return ok('')
  if (typeof v === 'boolean') return ok(v ? 'TRUE' : 'FALSE')
  if (typeof v === 'number') return ok(String(v))
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? fail('is not a valid date') : ok(isoDate(v))
  return ok(v.replace(UNICODE_SPACES, ' ').replace(/\s+/g, ' ').trim())
}

// ---------------------------------------------------------------------------------------------
// Dates

/** Whether a date format uses only the supported tokens (YYYY, MM, M, DD, D, separators - / . and space). */
export function isSupportedDateFormat(format: string): boolean {
  return compileDateFormat(format) !== null
}

type DateFormat = { regex: RegExp; order: ('Y' | 'M' | 'D')[] }
const formatCache = new Map<string, DateFormat | null>()

function compileDateFormat(format: string): DateFormat | null {
  const cached = formatCache.get(format)
  if (cached !== undefined) return cached
  const compact = !/[-/. ]/.test(format)
  const order: DateFormat['order'] = []
  let source = ''
  let rest = format
  while (rest.length > 0) {
    const token = /^(YYYY|MM|M|DD|D|[-/. ])/.exec(rest)?.[0]
    if (token === undefined) {
      formatCache.set(format, null)
      return null
    }
    rest = rest.slice(token.length)
    if (token === 'YYYY') {
      order.push('Y')
      source += '(\\d{4})'
    } else if (token === 'MM' || token === 'M' || token === 'DD' || token === 'D') {
      order.push(token[0] as 'M' | 'D')
      source += compact && token.length === 2 ? '(\\d{2})' : '(\\d{1,2})'
    } else {
      source += `\\${token}`
    }
  }
  const valid = order.length === 3 && new Set(order).size === 3
  const compiled = valid ? { regex: new RegExp(`^${source}$`), order } : null
  formatCache.set(format, compiled)
  return compiled
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!
}

/** 'YYYY-MM-DD' when y/m/d is a real calendar day, else null. */
function calendarDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`
}

/** Calendar day of an Excel serial (1900 date system); the fraction (time of day) is ignored. */
function fromExcelSerial(serial: number, shown: string): Parsed<string> {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_EXCEL_SERIAL + 1) {
    return fail(`${shown} is not a date (as a spreadsheet date number it is outside 1900-01-01 to 9999-12-31)`)
  }
  const day = Math.floor(serial)
  if (day === 60) return fail(`${shown} is Excel's 1900-02-29, a day that does not exist`)
  // Serials up to 59 count from 1899-12-31; from 61 on Excel's phantom 1900-02-29 shifts the origin by a day.
  const origin = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)
  return ok(isoDate(new Date(origin + day * MS_PER_DAY)))
}

/**
 * A calendar date 'YYYY-MM-DD' from a Date (its UTC day), an Excel serial number, or text in one of
 * `dateFormats` (also ISO dates and datetimes, and text holding a serial number). Empty → rejected.
 */
export function parseDate(v: CellValue, options: DateOptions): Parsed<string> {
  if (isBlank(v)) return fail('is empty')
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? fail('is not a valid date') : ok(isoDate(v))
  if (typeof v === 'boolean') return fail(`${v ? 'TRUE' : 'FALSE'} is not a date`)
  if (typeof v === 'number') {
    // A yyyymmdd number (20250115) is far outside the serial range; read it as text when that format is expected.
    if (Number.isInteger(v) && v >= 1e7 && v < 1e8) return parseDateText(String(v), options)
    return fromExcelSerial(v, String(v))
  }
  return parseDateText(String(v).replace(UNICODE_SPACES, ' ').trim(), options)
}

function parseDateText(text: string, options: DateOptions): Parsed<string> {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text)
  if (iso) return realDate(text, Number(iso[1]), Number(iso[2]), Number(iso[3]))

  if (/^\d{5}(?:\.\d+)?$/.test(text)) {
    const serial = Number(text)
    if (serial >= TEXT_SERIAL_MIN && serial <= TEXT_SERIAL_MAX) return fromExcelSerial(serial, quote(text))
  }

  // A time after the date ("1/15/2025 12:00:00 AM", common in exports from other systems) is ignored.
  const dateOnly = text.replace(/[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?$/, '')
  const readings = new Map<string, string>() // date -> first format that produced it
  let impossible = false
  for (const format of options.dateFormats) {
    const compiled = compileDateFormat(format)
    if (!compiled) throw new TypeError(`Unsupported date format ${quote(format)} (use YYYY, MM, M, DD, D and - / . or space)`)
    const m = compiled.regex.exec(dateOnly)
    if (!m) continue
    const parts = { Y: 0, M: 0, D: 0 }
    compiled.order.forEach((part, i) => (parts[part] = Number(m[i + 1])))
    const date = calendarDate(parts.Y, parts.M, parts.D)
    if (date === null) impossible = true
    else if (!readings.has(date)) readings.set(date, format)
  }
  if (readings.size > 1) {
    const alternatives = [...readings].map(([date, format]) => `${date} (${format})`).join(' or ')
    return fail(`${quote(text)} is ambiguous: it could be ${alternatives}`)
  }
  const [only] = readings.keys()
  if (only !== undefined) return inRange(text, only)
  if (impossible) return fail(`${quote(text)} is not a real date`)
  const expected = [...options.dateFormats, 'YYYY-MM-DD'].filter((f, i, all) => all.indexOf(f) === i)
  return fail(`${quote(text)} is not a date in the expected format (${expected.join(' or ')})`)
}

function realDate(text: string, y: number, m: number, d: number): Parsed<string> {
  const date = calendarDate(y, m, d)
  return date === null ? fail(`${quote(text)} is not a real date`) : inRange(text, date)
}

function inRange(text: string, date: string): Parsed<string> {
  const year = Number(date.slice(0, 4))
  return year < 1900 ? fail(`${quote(text)} is before 1900, outside the supported dates`) : ok(date)
}

// ---------------------------------------------------------------------------------------------
// Decimals

/**
 * An exact decimal as a canonical string ("1234.5", "-12", "0"), from a spreadsheet number or from
 * text with currency symbols, thousands separators, parentheses or a trailing minus for negatives.
 */
export function parseDecimal(v: CellValue, options: DecimalOptions): Parsed<string> {
  if (isBlank(v)) return fail('is empty')
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return fail(`${String(v)} is not a number`)
    return ok(new D(String(v)).toFixed())
  }
  if (typeof v !== 'string') return fail(`${v instanceof Date ? isoDate(v) : String(v).toUpperCase()} is not a number`)
  const text = v.replace(UNICODE_SPACES, ' ').trim()
  const value = localizedDecimalText(text, options.decimalSeparator)
  return value === null ? fail(`${quote(text)} is not a number`) : ok(value)
}

// ---------------------------------------------------------------------------------------------
// Identifiers

const KIND_NAME: Record<IdentifierKind, string> = { iccid: 'an ICCID', imei: 'an IMEI', mdn: 'a phone number (MDN)' }
const KIND_LENGTH: Record<IdentifierKind, string> = { iccid: '19 or 20', imei: '15', mdn: '10' }

/** True when `digits` (only digits, at least two) passes the Luhn mod-10 check. */
export function luhnValid(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && luhnSum(digits) % 10 === 0
}

function luhnSum(digits: string): number {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum
}

/** The digit that completes `body` so the whole passes the Luhn check. */
function luhnCheckDigit(body: string): number {
  return (10 - (luhnSum(`${body}0`) % 10)) % 10
}

const lostDigits = (shown: string): string => `arrived as a number (${shown}) and has lost digits; format the column as text and re-export`

/** How Excel shows a long number: 15 significant digits in scientific notation. */
const excelShown = (n: number): string => Number(n.toPrecision(15)).toExponential()

/**
 * Digits of an ICCID, IMEI or MDN. Empty → value '' (identifiers are individually optional).
 * A spreadsheet number that cannot hold every digit is rejected, never repaired.
 */
export function parseIdentifier(v: CellValue, kind: IdentifierKind): Parsed<string> {
  if (isBlank(v)) return ok('')
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v < 0) {
      return Number.isFinite(v) && Math.abs(v) >= 1e15 ? fail(lostDigits(excelShown(v))) : fail(`${String(v)} is not ${KIND_NAME[kind]}`)
    }
    const digits = normalizeDigits(String(v), kind)
    if (!fitsLength(digits, kind)) {
      return fail(`${lostDigits(String(v))} (${digits.length} digits, ${KIND_NAME[kind]} has ${KIND_LENGTH[kind]})`)
    }
    return validateIdentifier(digits, kind, String(v))
  }
  if (typeof v !== 'string') return fail(`${v instanceof Date ? isoDate(v) : String(v).toUpperCase()} is not ${KIND_NAME[kind]}`)
  const text = v.replace(UNICODE_SPACES, ' ').trim()
  if (/^\d+(?:[.,]\d+)?e\+?\d+$/i.test(text)) return fail(lostDigits(text))
  // ="8901..." (a CSV trick to keep Excel from converting) and a leading apostrophe (Excel's "store as text").
  const unwrapped = text.replace(/^="(.*)"$/, '$1').replace(/^'/, '')
  const stripped = unwrapped.replace(/[\s\-.()]/g, '')
  const digits = kind === 'mdn' ? stripped.replace(/^\+/, '') : stripped
  if (!/^\d+$/.test(digits)) return fail(`${quote(text)} is not ${KIND_NAME[kind]} (it must contain only digits)`)
  return validateIdentifier(normalizeDigits(digits, kind), kind, quote(text))
}

function normalizeDigits(digits: string, kind: IdentifierKind): string {
  return kind === 'mdn' && digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits
}

function fitsLength(digits: string, kind: IdentifierKind): boolean {
  if (kind === 'iccid') return digits.length === 19 || digits.length === 20
  return digits.length === (kind === 'imei' ? 15 : 10)
}

function validateIdentifier(digits: string, kind: IdentifierKind, shown: string): Parsed<string> {
  if (!fitsLength(digits, kind)) {
    return fail(`${shown} has ${digits.length} digits; ${KIND_NAME[kind]} has ${KIND_LENGTH[kind]}`)
  }
  if (kind === 'iccid' && !digits.startsWith('89')) return fail(`${shown} is not an ICCID (an ICCID starts with 89)`)
  if (kind === 'mdn' && !/^[2-9]/.test(digits)) return fail(`${shown} is not a valid phone number (the area code cannot start with 0 or 1)`)
  if (kind === 'imei' && !luhnValid(digits)) {
    return fail(`${shown} is not a valid IMEI: check digit ${digits[14]} is wrong (expected ${luhnCheckDigit(digits.slice(0, 14))})`)
  }
  return ok(digits)
}

// ---------------------------------------------------------------------------------------------
// Choices and headers

/** A value as matched against options, aliases and translations: case, spacing, "_" and "-" do not matter. */
export const choiceKey = (s: string): string =>
  s
    .replace(UNICODE_SPACES, ' ')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')

/**
 * One of `options`, matched without regard to case, spacing, '_' or '-'; `aliases` maps other
 * spellings ('port in', 'PI') to an option. Empty → rejected.
 */
export function parseChoice<T extends string>(v: CellValue, options: readonly T[], aliases: Readonly<Record<string, T>> = {}): Parsed<T> {
  if (isBlank(v)) return fail('is empty')
  const text = parseText(v)
  if (!text.ok) return text
  const key = choiceKey(text.value)
  const option = options.find((o) => choiceKey(o) === key)
  if (option !== undefined) return ok(option)
  const alias = Object.entries(aliases).find(([from]) => choiceKey(from) === key)
  if (alias) {
    if (!options.includes(alias[1])) throw new TypeError(`Alias ${quote(alias[0])} maps to ${quote(alias[1])}, which is not an option`)
    return ok(alias[1])
  }
  return fail(`${quote(text.value)} is not one of: ${options.join(', ')}`)
}

/** Header text for matching: no BOM, trimmed, lowercase, whitespace/'_'/'-' runs as one space, no trailing ':' or '*'. */
export function normalizeHeader(h: unknown): string {
  const text = h instanceof Date ? (Number.isNaN(h.getTime()) ? '' : isoDate(h)) : h === null || h === undefined ? '' : String(h)
  return text
    .replace(/\uFEFF/g, '')
    .replace(UNICODE_SPACES, ' ')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim()
    .replace(/[\s:*]+$/, '')
}
