import { describe, expect, it } from 'vitest'

import {
  isSupportedDateFormat,
  luhnValid,
  normalizeHeader,
  parseChoice,
  parseDate,
  parseDecimal,
  parseIdentifier,
  parseText,
  type CellValue,
  type Parsed,
} from '../../../engine/ingest/cells'

/** The value of a successful parse (fails the test with the reason otherwise). */
function value<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`expected a value, got the reason: ${parsed.reason}`)
  return parsed.value
}

/** The reason of a rejected parse (fails the test when it succeeded). */
function reason<T>(parsed: Parsed<T>): string {
  if (parsed.ok) throw new Error(`expected a rejection, got the value: ${String(parsed.value)}`)
  return parsed.reason
}

const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min))

describe('parseText', () => {
  it.each<[CellValue, string]>([
    ['  Hello\u00a0\u00a0 World  ', 'Hello World'],
    ['\t Dealer \n  42 ', 'Dealer 42'],
    [42, '42'],
    [12.5, '12.5'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [utc(2025, 1, 15, 23, 30), '2025-01-15'],
    [null, ''],
    ['   ', ''],
  ])('reads %j as %j', (input, expected) => {
    expect(value(parseText(input))).toBe(expected)
  })

  it('rejects an invalid Date', () => {
    expect(reason(parseText(new Date(Number.NaN)))).toBe('is not a valid date')
  })
})

describe('parseDate: Excel serial numbers (1900 date system)', () => {
  const opts = { dateFormats: ['MM/DD/YYYY'] }

  it.each<[number, string]>([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [45658, '2025-01-01'],
    [45658.75, '2025-01-01'], // 18:00 on that day: the time is ignored
    [45688, '2025-01-31'],
    [2958465, '9999-12-31'],
  ])('serial %d is %s', (serial, expected) => {
    expect(value(parseDate(serial, opts))).toBe(expected)
  })

  it("rejects serial 60, Excel's fictitious 1900-02-29", () => {
    expect(reason(parseDate(60, opts))).toBe("60 is Excel's 1900-02-29, a day that does not exist")
  })

  it.each([0, -5, 2958466, Number.NaN])('rejects %d as outside the spreadsheet date range', (serial) => {
    expect(reason(parseDate(serial, opts))).toContain('outside 1900-01-01 to 9999-12-31')
  })

  it('reads a serial that arrives as text ("45658")', () => {
    expect(value(parseDate('45658', opts))).toBe('2025-01-01')
    expect(value(parseDate(' 46310 ', opts))).toBe('2026-10-15')
  })

  it('does not read a bare year as a serial (2025 would be 1905-07-17)', () => {
    expect(reason(parseDate('2025', opts))).toBe('"2025" is not a date in the expected format (MM/DD/YYYY or YYYY-MM-DD)')
  })
})

describe('parseDate: Dates and text', () => {
  it('takes the UTC calendar day of a Date (what exceljs gives for date cells)', () => {
    expect(value(parseDate(utc(2025, 3, 9), { dateFormats: [] }))).toBe('2025-03-09')
    expect(value(parseDate(utc(2025, 3, 9, 23, 59), { dateFormats: [] }))).toBe('2025-03-09')
  })

  it.each<[string, string, string]>([
    ['MM/DD/YYYY', '01/15/2025', '2025-01-15'],
    ['MM/DD/YYYY', '1/5/2025', '2025-01-05'],
    ['M/D/YYYY', '12/31/2024', '2024-12-31'],
    ['DD.MM.YYYY', '15.01.2025', '2025-01-15'],
    ['DD-MM-YYYY', '09-02-2025', '2025-02-09'],
    ['YYYY/MM/DD', '2025/02/09', '2025-02-09'],
    ['YYYYMMDD', '20250209', '2025-02-09'],
    ['MM/DD/YYYY', '2025-02-09', '2025-02-09'], // ISO is always accepted
    ['MM/DD/YYYY', '2025-02-09T23:30:00-05:00', '2025-02-09'], // the date as written, no zone shift
    ['MM/DD/YYYY', '2025-02-09T10:15', '2025-02-09'],
    ['MM/DD/YYYY', '2025-02-09 08:00:00', '2025-02-09'],
    ['MM/DD/YYYY', ' 02/09/2025\u00a0', '2025-02-09'],
    ['MM/DD/YYYY', '2/9/2025 12:00:00 AM', '2025-02-09'], // a time from another system's export
    ['DD.MM.YYYY', '09.02.2025 23:59', '2025-02-09'],
  ])('format %s reads %j as %s', (format, text, expected) => {
    expect(value(parseDate(text, { dateFormats: [format] }))).toBe(expected)
  })

  it('reads a yyyymmdd number when YYYYMMDD is an expected format', () => {
    expect(value(parseDate(20250209, { dateFormats: ['YYYYMMDD'] }))).toBe('2025-02-09')
    expect(reason(parseDate(20250209, { dateFormats: ['MM/DD/YYYY'] }))).toBe(
      '"20250209" is not a date in the expected format (MM/DD/YYYY or YYYY-MM-DD)',
    )
  })

  it.each<[string, string]>([
    ['2026-02-30', 'YYYY-MM-DD'],
    ['02/30/2026', 'MM/DD/YYYY'],
    ['13/01/2025', 'MM/DD/YYYY'],
    ['2025-13-01', 'YYYY-MM-DD'],
    ['2100-02-29', 'YYYY-MM-DD'], // 2100 is not a leap year
    ['00/10/2025', 'MM/DD/YYYY'],
  ])('rejects the impossible date %j', (text, format) => {
    expect(reason(parseDate(text, { dateFormats: [format] }))).toBe(`"${text}" is not a real date`)
  })

  it('accepts real leap days', () => {
    expect(value(parseDate('2024-02-29', { dateFormats: [] }))).toBe('2024-02-29')
    expect(value(parseDate('02/29/2000', { dateFormats: ['MM/DD/YYYY'] }))).toBe('2000-02-29')
  })

  it('rejects a text two expected formats read differently, naming both readings', () => {
    const both = { dateFormats: ['MM/DD/YYYY', 'DD/MM/YYYY'] }
    expect(reason(parseDate('01/02/2025', both))).toBe(
      '"01/02/2025" is ambiguous: it could be 2025-01-02 (MM/DD/YYYY) or 2025-02-01 (DD/MM/YYYY)',
    )
    expect(value(parseDate('13/02/2025', both))).toBe('2025-02-13') // only one reading is a real date
    expect(value(parseDate('05/05/2025', both))).toBe('2025-05-05') // both readings agree
  })

  it('rejects unrecognized text, listing the expected formats', () => {
    expect(reason(parseDate('Jan 15 2025', { dateFormats: ['MM/DD/YYYY', 'DD.MM.YYYY'] }))).toBe(
      '"Jan 15 2025" is not a date in the expected format (MM/DD/YYYY or DD.MM.YYYY or YYYY-MM-DD)',
    )
  })

  it('rejects dates before 1900', () => {
    expect(reason(parseDate('1899-12-31', { dateFormats: [] }))).toBe('"1899-12-31" is before 1900, outside the supported dates')
  })

  it('rejects empty cells and booleans', () => {
    for (const empty of [null, '', '   ', '\u00a0']) expect(reason(parseDate(empty, { dateFormats: [] }))).toBe('is empty')
    expect(reason(parseDate(true, { dateFormats: [] }))).toBe('TRUE is not a date')
  })

  it('refuses a date format it does not support (a mapping error, not a cell error)', () => {
    expect(isSupportedDateFormat('DD-MM-YYYY')).toBe(true)
    expect(isSupportedDateFormat('YY/MM/DD')).toBe(false)
    expect(isSupportedDateFormat('MM/DD')).toBe(false)
    expect(() => parseDate('01/02/25', { dateFormats: ['MM/DD/YY'] })).toThrow('Unsupported date format "MM/DD/YY"')
  })
})

describe('parseDecimal', () => {
  const dot = { decimalSeparator: '.' } as const
  const comma = { decimalSeparator: ',' } as const

  it.each<[number, string]>([
    [12.5, '12.5'],
    [0.1, '0.1'], // not 0.1000000000000000055511151231257827
    [1234.56, '1234.56'],
    [-0.5, '-0.5'],
    [1e-7, '0.0000001'],
    [1e21, '1000000000000000000000'],
    [-0, '0'],
    [40.99, '40.99'],
  ])('reads the spreadsheet number %d as %s', (n, expected) => {
    expect(value(parseDecimal(n, dot))).toBe(expected)
  })

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('rejects %d', (n) => {
    expect(reason(parseDecimal(n, dot))).toBe(`${n} is not a number`)
  })

  it.each<[string, string]>([
    ['1,234.50', '1234.5'],
    ['$1,234.50', '1234.5'],
    ['(1,234.50)', '-1234.5'],
    ['($12.00)', '-12'],
    ['12.50-', '-12.5'],
    ['+12', '12'],
    ['-$12.10', '-12.1'],
    ['$-12.10', '-12.1'],
    [' 1 234.50 ', '1234.5'],
    ["1'234'567.25", '1234567.25'],
    ['€ 12', '12'],
    ['12 €', '12'],
    ['£7.05', '7.05'],
    ['\u221212', '-12'],
    ['1\u00a0234.5', '1234.5'],
    ['.5', '0.5'],
    ['007', '7'],
    ['1.5E+3', '1500'],
    ['0.30000000000000004', '0.30000000000000004'],
  ])('with "." decimals reads %j as %s', (text, expected) => {
    expect(value(parseDecimal(text, dot))).toBe(expected)
  })

  it.each<[string, string]>([
    ['1.234,50', '1234.5'],
    ['12,5', '12.5'],
    ['-1.234.567,89', '-1234567.89'],
    ['1 234,50 €', '1234.5'],
    ['(12,00)', '-12'],
    ['1.234', '1234'],
  ])('with "," decimals reads %j as %s', (text, expected) => {
    expect(value(parseDecimal(text, comma))).toBe(expected)
  })

  it.each<[string, '.' | ',']>([
    ['12.3.4', '.'],
    ['1,23.4', '.'], // misplaced thousands separator
    ['12,5', '.'], // a comma-decimal file read with '.' decimals
    ['12.5', ','],
    ['1.234,5', '.'],
    ['1 2 3', '.'],
    ['abc', '.'],
    ['12abc', '.'],
    ['--12', '.'],
    ['(-12)', '.'],
    ['12-3', '.'],
    ['12%', '.'],
    ['$', '.'],
    ['1$2', '.'],
  ])('rejects %j (decimal separator %s)', (text, sep) => {
    expect(reason(parseDecimal(text, { decimalSeparator: sep }))).toBe(`"${text}" is not a number`)
  })

  it('rejects empty cells, booleans and dates', () => {
    expect(reason(parseDecimal(null, dot))).toBe('is empty')
    expect(reason(parseDecimal('  ', dot))).toBe('is empty')
    expect(reason(parseDecimal(true, dot))).toBe('TRUE is not a number')
    expect(reason(parseDecimal(utc(2025, 1, 2), dot))).toBe('2025-01-02 is not a number')
  })
})

describe('parseIdentifier: long numbers that must be text', () => {
  it('rejects an ICCID that arrived as a spreadsheet number: its last digits are gone', () => {
    expect(reason(parseIdentifier(Number('89014103211118510720'), 'iccid'))).toBe(
      'arrived as a number (8.90141032111185e+19) and has lost digits; format the column as text and re-export',
    )
  })

  it('rejects an identifier in scientific notation text (a CSV saved from Excel)', () => {
    expect(reason(parseIdentifier('8.90141E+19', 'iccid'))).toBe(
      'arrived as a number (8.90141E+19) and has lost digits; format the column as text and re-export',
    )
    expect(reason(parseIdentifier('3,58E+14', 'imei'))).toContain('has lost digits')
  })

  it('rejects a spreadsheet number whose digit count does not fit (leading zero dropped)', () => {
    expect(reason(parseIdentifier(12345678901234, 'imei'))).toBe(
      'arrived as a number (12345678901234) and has lost digits; format the column as text and re-export (14 digits, an IMEI has 15)',
    )
  })

  it.each<[string, string]>([
    ['89014103211118510720', '89014103211118510720'],
    [' 8901 4103 2111 1851 0720 ', '89014103211118510720'],
    ['8901-4103-2111-1851-072', '8901410321111851072'], // 19 digits
    ['="89014103211118510720"', '89014103211118510720'],
    ["'89014103211118510720", '89014103211118510720'],
  ])('reads ICCID %j as %s', (text, expected) => {
    expect(value(parseIdentifier(text, 'iccid'))).toBe(expected)
  })

  it('validates ICCID length, prefix and characters', () => {
    expect(reason(parseIdentifier('890141032111185107', 'iccid'))).toBe('"890141032111185107" has 18 digits; an ICCID has 19 or 20')
    expect(reason(parseIdentifier('99014103211118510720', 'iccid'))).toBe(
      '"99014103211118510720" is not an ICCID (an ICCID starts with 89)',
    )
    expect(reason(parseIdentifier('8901410321111851072O', 'iccid'))).toBe(
      '"8901410321111851072O" is not an ICCID (it must contain only digits)',
    )
  })

  it('accepts an IMEI with a valid Luhn check digit, as text or as a (15-digit, exact) number', () => {
    expect(value(parseIdentifier('490154203237518', 'imei'))).toBe('490154203237518')
    expect(value(parseIdentifier('49-015420-323751-8', 'imei'))).toBe('490154203237518')
    expect(value(parseIdentifier(490154203237518, 'imei'))).toBe('490154203237518')
  })

  it('rejects an IMEI whose check digit is wrong, naming the expected one', () => {
    expect(reason(parseIdentifier('490154203237519', 'imei'))).toBe(
      '"490154203237519" is not a valid IMEI: check digit 9 is wrong (expected 8)',
    )
    expect(reason(parseIdentifier('4901542032375', 'imei'))).toBe('"4901542032375" has 13 digits; an IMEI has 15')
  })

  it.each<[CellValue, string]>([
    ['(212) 555-1234', '2125551234'],
    ['+1 212 555 1234', '2125551234'],
    ['1-212-555-1234', '2125551234'],
    ['212.555.1234', '2125551234'],
    [2125551234, '2125551234'],
    [12125551234, '2125551234'],
  ])('reads MDN %j as %s', (input, expected) => {
    expect(value(parseIdentifier(input, 'mdn'))).toBe(expected)
  })

  it('validates MDNs as 10-digit NANP numbers', () => {
    expect(reason(parseIdentifier('555-1234', 'mdn'))).toBe('"555-1234" has 7 digits; a phone number (MDN) has 10')
    expect(reason(parseIdentifier('0125551234', 'mdn'))).toBe(
      '"0125551234" is not a valid phone number (the area code cannot start with 0 or 1)',
    )
  })

  it('treats an empty identifier as absent (ok, ""); rejects booleans and fractions', () => {
    expect(value(parseIdentifier(null, 'iccid'))).toBe('')
    expect(value(parseIdentifier('  ', 'mdn'))).toBe('')
    expect(reason(parseIdentifier(true, 'imei'))).toBe('TRUE is not an IMEI')
    expect(reason(parseIdentifier(212.5, 'mdn'))).toBe('212.5 is not a phone number (MDN)')
  })

  it('luhnValid implements the mod-10 check', () => {
    expect(luhnValid('79927398713')).toBe(true)
    expect(luhnValid('79927398710')).toBe(false)
    expect(luhnValid('490154203237518')).toBe(true)
    expect(luhnValid('')).toBe(false)
    expect(luhnValid('4901a4203237518')).toBe(false)
  })
})

describe('parseChoice', () => {
  const kinds = ['new_activation', 'port_in', 'upgrade'] as const
  const aliases = { PI: 'port_in', 'new line': 'new_activation' } as const

  it.each<[string, string]>([
    ['Port In', 'port_in'],
    ['PORT-IN', 'port_in'],
    [' port_in ', 'port_in'],
    [' pi ', 'port_in'],
    ['New  Line', 'new_activation'],
    ['Upgrade', 'upgrade'],
  ])('reads %j as %s', (text, expected) => {
    expect(value(parseChoice(text, kinds, aliases))).toBe(expected)
  })

  it('rejects other values, listing the allowed ones', () => {
    expect(reason(parseChoice('Cancel', kinds, aliases))).toBe('"Cancel" is not one of: new_activation, port_in, upgrade')
    expect(reason(parseChoice(null, kinds))).toBe('is empty')
  })

  it('refuses an alias that maps outside the options', () => {
    expect(() => parseChoice('x', kinds, { x: 'churn' as 'upgrade' })).toThrow('Alias "x" maps to "churn", which is not an option')
  })
})

describe('normalizeHeader', () => {
  it.each<[unknown, string]>([
    ['\uFEFFDealer Code', 'dealer code'],
    ['  ICCID* ', 'iccid'],
    ['ICCID *:', 'iccid'],
    ['Activation_Date:', 'activation date'],
    ['MDN - Number', 'mdn number'],
    ['Dealer\u00a0 Code', 'dealer code'],
    ['Amount ($)', 'amount ($)'],
    [2025, '2025'],
    [null, ''],
  ])('normalizes %j to %j', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected)
  })
})
