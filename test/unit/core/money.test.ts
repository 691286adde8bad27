import Decimal from 'decimal.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  ROUNDING_MODES,
  add,
  allocate,
  compare,
  currencyCode,
  equals,
  format,
  fromMinorUnits,
  isNegative,
  isPositive,
  isZero,
  minorUnits,
  money,
  MoneyError,
  multiply,
  negate,
  parseAmount,
  round,
  subtract,
  sum,
  toMinorUnits,
  toStorageString,
  zero,
  type AllocationMode,
  type Money,
  type RoundingMode,
} from '../../../engine/core/money'

const RUNS = { numRuns: 300 }

/** Canonical string of an amount at the currency's minor-unit scale. */
const s = (m: Money): string => m.amount.toFixed(minorUnits(m.currency))

/** Runs fn and returns the MoneyError it throws (fails the test if it does not throw one). */
function moneyError(fn: () => unknown): MoneyError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(MoneyError)
    return error as MoneyError
  }
  throw new Error('expected a MoneyError')
}

/** Arbitrary minor-unit counts, well inside the 40 significant digits. */
const minorAmount = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n })
const currency = fc.constantFrom('USD', 'EUR', 'JPY', 'KWD')
const ratios = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 12 }).filter((r) => r.some((x) => x > 0))

describe('construction', () => {
  it('builds from strings, Decimals and safe integers', () => {
    expect(s(money('12.5', 'USD'))).toBe('12.50')
    expect(s(money(new Decimal('0.1'), 'USD'))).toBe('0.10')
    expect(s(money(42, 'USD'))).toBe('42.00')
    expect(money('1,234.50', 'USD').amount.toString()).toBe('1234.5')
  })

  it('refuses floats, unsafe integers and non-finite numbers from the number constructor', () => {
    for (const n of [0.1, 12.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(moneyError(() => money(n, 'USD')).code).toBe('INVALID_AMOUNT')
    }
    expect(moneyError(() => money(new Decimal(Number.NaN), 'USD')).code).toBe('INVALID_AMOUNT')
  })

  it('refuses currency codes that are not three uppercase letters', () => {
    for (const c of ['usd', 'US', 'USDT', '', 'U$D']) {
      expect(moneyError(() => money('1', c)).code).toBe('INVALID_CURRENCY')
    }
    expect(currencyCode('CHF')).toBe('CHF')
  })

  it('knows minor units: 2 by default, 0 for JPY-like, 3 for KWD-like currencies', () => {
    expect(minorUnits('USD')).toBe(2)
    expect(minorUnits('XYZ')).toBe(2)
    for (const c of ['JPY', 'KRW', 'CLP', 'ISK', 'VND']) expect(minorUnits(c)).toBe(0)
    for (const c of ['BHD', 'KWD', 'OMR', 'JOD', 'TND', 'LYD', 'IQD']) expect(minorUnits(c)).toBe(3)
  })

  it('never produces negative zero', () => {
    expect(negate(zero('USD')).amount.isNeg()).toBe(false)
    expect(money('-0.00', 'USD').amount.isNeg()).toBe(false)
    expect(toStorageString(negate(money('0', 'USD')))).toBe('0.0000')
  })

  it('returns frozen values', () => {
    expect(Object.isFrozen(money('1', 'USD'))).toBe(true)
  })
})

describe('arithmetic', () => {
  it('adds and subtracts exactly, without float error (0.1 + 0.2 = 0.30)', () => {
    expect(s(add(money('0.1', 'USD'), money('0.2', 'USD')))).toBe('0.30')
    expect(s(subtract(money('10.00', 'USD'), money('0.01', 'USD')))).toBe('9.99')
    expect(s(subtract(money('1.00', 'USD'), money('2.50', 'USD')))).toBe('-1.50')
  })

  it('throws CURRENCY_MISMATCH naming both currencies when adding, subtracting or comparing', () => {
    for (const op of [add, subtract, compare]) {
      const error = moneyError(() => op(money('1', 'USD'), money('1', 'EUR')))
      expect(error.code).toBe('CURRENCY_MISMATCH')
      expect(error.message).toContain('USD')
      expect(error.message).toContain('EUR')
    }
  })

  it('sums a list, an empty list to zero, and refuses a foreign item', () => {
    expect(s(sum([money('1.10', 'USD'), money('2.20', 'USD'), money('-0.30', 'USD')], 'USD'))).toBe('3.00')
    expect(s(sum([], 'JPY'))).toBe('0')
    expect(sum([], 'JPY').currency).toBe('JPY')
    expect(moneyError(() => sum([money('1', 'EUR')], 'USD')).code).toBe('CURRENCY_MISMATCH')
  })

  it('multiplies exactly by a string rate, a Decimal or an integer quantity, and refuses floats', () => {
    expect(multiply(money('1234.56', 'USD'), '0.035').amount.toString()).toBe('43.2096')
    expect(multiply(money('19.99', 'USD'), 3).amount.toString()).toBe('59.97')
    expect(multiply(money('10', 'USD'), new Decimal('-0.5')).amount.toString()).toBe('-5')
    expect(moneyError(() => multiply(money('10', 'USD'), 0.5)).code).toBe('INVALID_AMOUNT')
    expect(moneyError(() => multiply(money('10', 'USD'), '1e2')).code).toBe('INVALID_AMOUNT')
    expect(moneyError(() => multiply(money('10', 'USD'), '$2')).code).toBe('INVALID_AMOUNT')
  })

  it('refuses a result that would need more than 40 significant digits instead of rounding it', () => {
    const big = money('1' + '0'.repeat(30), 'USD')
    const tiny = money('0.' + '0'.repeat(12) + '1', 'USD')
    expect(moneyError(() => add(big, tiny)).code).toBe('PRECISION_LOSS')
    expect(moneyError(() => multiply(money('1.' + '1'.repeat(25), 'USD'), '1.' + '1'.repeat(25))).code).toBe('PRECISION_LOSS')
  })

  it('negates and answers sign predicates', () => {
    expect(s(negate(money('5.25', 'USD')))).toBe('-5.25')
    expect(isZero(money('0.00', 'USD'))).toBe(true)
    expect(isNegative(money('-0.01', 'USD'))).toBe(true)
    expect(isPositive(money('0.01', 'USD'))).toBe(true)
    expect(isNegative(zero('USD')) || isPositive(zero('USD'))).toBe(false)
  })

  it('compares numerically; equals is false across currencies and ignores trailing zeros', () => {
    expect(compare(money('1.5', 'USD'), money('1.50', 'USD'))).toBe(0)
    expect(compare(money('-2', 'USD'), money('1', 'USD'))).toBe(-1)
    expect(compare(money('2', 'USD'), money('1.99', 'USD'))).toBe(1)
    expect(equals(money('12.5', 'USD'), money('12.50', 'USD'))).toBe(true)
    expect(equals(money('0', 'USD'), money('0', 'EUR'))).toBe(false)
  })
})

describe('rounding', () => {
  it('rounds half-even by default: 2.345 → 2.34 and 2.355 → 2.36', () => {
    expect(s(round(money('2.345', 'USD')))).toBe('2.34')
    expect(s(round(money('2.355', 'USD')))).toBe('2.36')
    expect(s(round(money('-2.345', 'USD')))).toBe('-2.34')
  })

  it('rounds to the currency minor units unless a scale is given', () => {
    expect(s(round(money('1234.5', 'JPY')))).toBe('1234')
    expect(s(round(money('1.2345', 'KWD')))).toBe('1.234')
    expect(round(money('1.23456', 'USD'), 'half-even', 4).amount.toString()).toBe('1.2346')
    expect(moneyError(() => round(money('1', 'USD'), 'half-even', -1)).code).toBe('INVALID_SCALE')
    expect(moneyError(() => round(money('1', 'USD'), 'half-even', 1.5)).code).toBe('INVALID_SCALE')
  })

  const table: Record<RoundingMode, Record<string, string>> = {
    'half-even': { '2.345': '2.34', '2.355': '2.36', '2.3451': '2.35', '-2.345': '-2.34', '-2.355': '-2.36', '2.341': '2.34' },
    'half-up': { '2.345': '2.35', '2.355': '2.36', '2.3449': '2.34', '-2.345': '-2.35', '-2.355': '-2.36', '2.341': '2.34' },
    'half-down': { '2.345': '2.34', '2.355': '2.35', '2.3451': '2.35', '-2.345': '-2.34', '-2.355': '-2.35', '2.341': '2.34' },
    up: { '2.341': '2.35', '2.349': '2.35', '2.34': '2.34', '-2.341': '-2.35', '-2.349': '-2.35', '0.001': '0.01' },
    down: { '2.341': '2.34', '2.349': '2.34', '2.34': '2.34', '-2.341': '-2.34', '-2.349': '-2.34', '-0.001': '0.00' },
    ceiling: { '2.341': '2.35', '2.349': '2.35', '2.34': '2.34', '-2.341': '-2.34', '-2.349': '-2.34', '-0.001': '0.00' },
    floor: { '2.341': '2.34', '2.349': '2.34', '2.34': '2.34', '-2.341': '-2.35', '-2.349': '-2.35', '0.001': '0.00' },
  }
  for (const mode of ROUNDING_MODES) {
    it(`rounds ${mode}: ${Object.entries(table[mode])
      .map(([a, b]) => `${a} → ${b}`)
      .join(', ')}`, () => {
      for (const [input, expected] of Object.entries(table[mode])) {
        expect(s(round(money(input, 'USD'), mode)), `${mode} ${input}`).toBe(expected)
      }
    })
  }

  it('lists exactly the seven rounding modes', () => {
    expect([...ROUNDING_MODES].sort()).toEqual(['ceiling', 'down', 'floor', 'half-down', 'half-even', 'half-up', 'up'])
  })
})

describe('allocate', () => {
  const parts = (m: Money, r: (string | number | Decimal)[], mode?: AllocationMode) => allocate(m, r, mode).map(s)

  it('allocates 100.00 by [1,1,1] to ["33.34","33.33","33.33"] (leftover cent to the earliest tie)', () => {
    expect(parts(money('100.00', 'USD'), [1, 1, 1])).toEqual(['33.34', '33.33', '33.33'])
  })

  it('allocates -0.05 by [1,1] to ["-0.03","-0.02"] (sign symmetric)', () => {
    expect(parts(money('-0.05', 'USD'), [1, 1])).toEqual(['-0.03', '-0.02'])
  })

  it('hands leftover units to the largest remainders first', () => {
    // exact shares 0.3, 0.7 → floors 0, 0; remainders favour index 1
    expect(parts(money('0.01', 'USD'), [3, 7])).toEqual(['0.00', '0.01'])
    // 10.00 by 0.3/0.3/0.4: exact 3.00/3.00/4.00
    expect(parts(money('10.00', 'USD'), ['0.3', '0.3', '0.4'])).toEqual(['3.00', '3.00', '4.00'])
    // 0.05 by [1,2,2]: exact 1, 2, 2 cents
    expect(parts(money('0.05', 'USD'), [1, 2, 2])).toEqual(['0.01', '0.02', '0.02'])
    // 1.00 by [1,1,1,1,1,1]: 16.67 cents each → four get 17, two get 16
    expect(parts(money('1.00', 'USD'), [1, 1, 1, 1, 1, 1])).toEqual(['0.17', '0.17', '0.17', '0.17', '0.16', '0.16'])
  })

  it('in-order mode hands leftover units to the earliest parts with a remainder', () => {
    expect(parts(money('0.01', 'USD'), [3, 7], 'in-order')).toEqual(['0.01', '0.00'])
    expect(parts(money('0.02', 'USD'), [0, 1, 1, 1], 'in-order')).toEqual(['0.00', '0.01', '0.01', '0.00'])
  })

  it('gives zero ratios zero and respects minor units of the currency', () => {
    expect(parts(money('10.00', 'USD'), [0, 1, 0, 2])).toEqual(['0.00', '3.33', '0.00', '6.67'])
    expect(parts(money('100', 'JPY'), [1, 1, 1])).toEqual(['34', '33', '33'])
    expect(parts(money('1.000', 'KWD'), [1, 2])).toEqual(['0.333', '0.667'])
    expect(parts(money('0.00', 'USD'), [1, 2])).toEqual(['0.00', '0.00'])
  })

  it('refuses amounts finer than the minor unit, negative ratios, all-zero, empty and float ratios', () => {
    expect(moneyError(() => allocate(money('1.005', 'USD'), [1, 1])).code).toBe('INVALID_ALLOCATION')
    expect(moneyError(() => allocate(money('1.00', 'USD'), [1, -1])).code).toBe('INVALID_ALLOCATION')
    expect(moneyError(() => allocate(money('1.00', 'USD'), [0, '0.0'])).code).toBe('INVALID_ALLOCATION')
    expect(moneyError(() => allocate(money('1.00', 'USD'), [])).code).toBe('INVALID_ALLOCATION')
    expect(moneyError(() => allocate(money('1.00', 'USD'), [0.5, 0.5])).code).toBe('INVALID_AMOUNT')
  })

  it('property: parts sum exactly to the whole and each is within one minor unit of its exact share', () => {
    fc.assert(
      fc.property(minorAmount, currency, ratios, fc.constantFrom<AllocationMode>('largest-remainder', 'in-order'), (n, c, r, mode) => {
        const whole = fromMinorUnits(n, c)
        const result = allocate(whole, r, mode)
        expect(result).toHaveLength(r.length)
        expect(sum(result, c).amount.eq(whole.amount)).toBe(true)
        const total = r.reduce((a, b) => a + b, 0)
        result.forEach((part, i) => {
          const ratio = r[i] ?? 0
          expect(part.amount.dp()).toBeLessThanOrEqual(minorUnits(c))
          // |part − whole·ratio/total| < 1 minor unit  ⇔  |part·total − whole·ratio| < total (in minor units)
          const diff = toMinorUnits(part) * BigInt(total) - n * BigInt(ratio)
          expect(diff < 0n ? -diff : diff).toBeLessThan(BigInt(total))
          if (ratio === 0) expect(isZero(part)).toBe(true)
        })
      }),
      RUNS,
    )
  })

  it('property: allocate(-x) = -allocate(x)', () => {
    fc.assert(
      fc.property(minorAmount, currency, ratios, (n, c, r) => {
        const positive = allocate(fromMinorUnits(n, c), r).map((m) => s(negate(m)))
        const negative = allocate(fromMinorUnits(-n, c), r).map(s)
        expect(negative).toEqual(positive)
      }),
      RUNS,
    )
  })
})

describe('parseAmount', () => {
  const good: [string, string, ParseSep?][] = [
    ['1234.5', '1234.5'],
    ['1,234.50', '1234.5'],
    ['1,234,567.89', '1234567.89'],
    ['-12', '-12'],
    ['+12', '12'],
    ['(12.00)', '-12'],
    ['($1,000.00)', '-1000'],
    ['$12.34', '12.34'],
    ['€ 12.34', '12.34'],
    ['£0.5', '0.5'],
    ['-$12', '-12'],
    ['$-12', '-12'],
    ['  7.25\u00a0', '7.25'],
    ['\u202f\u00a01,000\t', '1000'],
    ['.5', '0.5'],
    ['007', '7'],
    ['-0', '0'],
    ['0.00000000000000000000000000001', '0.00000000000000000000000000001'],
    ['1.234,50', '1234.5', ','],
    ['-1.234.567,8', '-1234567.8', ','],
    ['12,5', '12.5', ','],
  ]
  for (const [input, expected, sep] of good) {
    it(`accepts ${JSON.stringify(input)}${sep ? ` with decimal separator "${sep}"` : ''} as ${expected}`, () => {
      expect(parseAmount(input, { decimalSeparator: sep }).toString()).toBe(expected)
    })
  }

  const bad: [string, string, ParseSep?][] = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'unexpected character "a"'],
    ['1.2.3', 'more than one decimal separator'],
    ['1e5', 'exponent notation'],
    ['1E5', 'exponent notation'],
    ['--1', 'more than one sign'],
    ['+-1', 'more than one sign'],
    ['(-1)', 'more than one sign'],
    ['12-', 'the sign must come first'],
    ['NaN', 'not a finite number'],
    ['Infinity', 'not a finite number'],
    ['-Infinity', 'not a finite number'],
    ['1,23.4', 'misplaced thousands separator'],
    ['12,34.5', 'misplaced thousands separator'],
    ['1,2345', 'misplaced thousands separator'],
    [',123', 'misplaced thousands separator'],
    ['1,,234', 'misplaced thousands separator'],
    ['1.234,5', 'misplaced thousands separator'],
    ['1.234,50', 'misplaced thousands separator'],
    ['1,234.5', 'misplaced thousands separator', ','],
    ['12.', 'no digits after the decimal separator'],
    ['$', 'no digits'],
    ['()', 'no digits'],
    ['(12', 'unbalanced parentheses'],
    ['1 234', 'unexpected whitespace'],
    ['12$', 'misplaced currency symbol'],
    ['0x10', 'unexpected character "x"'],
    ['1'.repeat(101), 'longer than 100 characters'],
  ]
  for (const [input, reason, sep] of bad) {
    it(`refuses ${JSON.stringify(input.length > 20 ? `${input.slice(0, 20)}…` : input)}${sep ? ` with decimal separator "${sep}"` : ''} (${reason})`, () => {
      const error = moneyError(() => parseAmount(input, { field: 'minimumPayout', decimalSeparator: sep }))
      expect(error.code).toBe('INVALID_AMOUNT')
      expect(error.field).toBe('minimumPayout')
      expect(error.message).toContain(`minimumPayout: ${JSON.stringify(input)} is not a valid amount (`)
      expect(error.message).toContain(reason)
    })
  }

  it('words the error as `field: "input" is not a valid amount (reason)`', () => {
    expect(moneyError(() => parseAmount('12,34.5', { field: 'minimumPayout' })).message).toBe(
      'minimumPayout: "12,34.5" is not a valid amount (misplaced thousands separator)',
    )
    expect(moneyError(() => parseAmount('x')).message).toBe('"x" is not a valid amount (unexpected character "x")')
  })

  it('property: the canonical string of any minor amount parses back to the same value', () => {
    fc.assert(
      fc.property(minorAmount, currency, (n, c) => {
        const m = fromMinorUnits(n, c)
        expect(parseAmount(toStorageString(m, minorUnits(c))).eq(m.amount)).toBe(true)
        expect(parseAmount(s(m)).toFixed(minorUnits(c))).toBe(s(m))
      }),
      RUNS,
    )
  })
})

type ParseSep = '.' | ','

describe('conversion and display', () => {
  it('converts to and from minor units', () => {
    expect(toMinorUnits(money('1234.5', 'USD'))).toBe(123450n)
    expect(toMinorUnits(money('-0.07', 'USD'))).toBe(-7n)
    expect(toMinorUnits(money('500', 'JPY'))).toBe(500n)
    expect(s(fromMinorUnits(123456n, 'KWD'))).toBe('123.456')
    expect(s(fromMinorUnits('-5', 'USD'))).toBe('-0.05')
    expect(moneyError(() => toMinorUnits(money('1.005', 'USD'))).code).toBe('PRECISION_LOSS')
    expect(moneyError(() => fromMinorUnits('1.5', 'USD')).code).toBe('INVALID_AMOUNT')
  })

  it('writes storage strings with exactly `scale` decimals and never rounds silently', () => {
    expect(toStorageString(money('12.5', 'USD'))).toBe('12.5000')
    expect(toStorageString(money('-0.0001', 'USD'))).toBe('-0.0001')
    expect(toStorageString(money('12', 'USD'), 2)).toBe('12.00')
    expect(toStorageString(money('12', 'USD'), 0)).toBe('12')
    expect(moneyError(() => toStorageString(money('1.00001', 'USD'))).code).toBe('PRECISION_LOSS')
    expect(moneyError(() => toStorageString(money('1.005', 'USD'), 2)).code).toBe('PRECISION_LOSS')
  })

  it('formats for display with the code, grouping and half-even rounding to minor units', () => {
    expect(format(money('1234.5', 'USD'))).toBe('USD 1,234.50')
    expect(format(money('-1234567.891', 'EUR'))).toBe('EUR -1,234,567.89')
    expect(format(money('2.345', 'USD'))).toBe('USD 2.34')
    expect(format(money('-0.001', 'USD'))).toBe('USD 0.00')
    expect(format(money('999', 'USD'))).toBe('USD 999.00')
    expect(format(money('1234567', 'JPY'))).toBe('JPY 1,234,567')
    expect(format(money('1.2345', 'BHD'))).toBe('BHD 1.234')
  })

  it('property: toMinorUnits(fromMinorUnits(n)) = n', () => {
    fc.assert(
      fc.property(minorAmount, currency, (n, c) => {
        expect(toMinorUnits(fromMinorUnits(n, c))).toBe(n)
        expect(toMinorUnits(fromMinorUnits(n.toString(), c))).toBe(n)
      }),
      RUNS,
    )
  })

  it('property: subtract(add(a, b), b) = a and add(subtract(a, b), b) = a', () => {
    fc.assert(
      fc.property(minorAmount, minorAmount, currency, (x, y, c) => {
        const a = fromMinorUnits(x, c)
        const b = fromMinorUnits(y, c)
        expect(equals(subtract(add(a, b), b), a)).toBe(true)
        expect(equals(add(subtract(a, b), b), a)).toBe(true)
        expect(toMinorUnits(add(a, b))).toBe(x + y)
      }),
      RUNS,
    )
  })
})
