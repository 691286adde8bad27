/** Wallet arithmetic: points to money down and money to money half-even to the minor unit, sub-minor-unit conversions refused, money to whole points. */
import { describe, expect, it } from 'vitest'

import { money } from '../../../engine/core/money'
import { convertMoney, convertPoints, moneyText, moneyToPoints, WalletMathError } from '../../../engine/loyalty'

describe('convertPoints', () => {
  it('multiplies exactly and rounds points to money down to the cent', () => {
    // 150 × 0.015 = 2.25 exactly.
    expect(moneyText(convertPoints(150, '0.015', 'USD'))).toBe('2.25')
    // 151 × 0.015 = 2.265 → down to 2.26.
    expect(moneyText(convertPoints(151, '0.015', 'USD'))).toBe('2.26')
    // 153 × 0.015 = 2.295 → down to 2.29 (never up: 3 points at 0.005 are 0.01, not 0.02 that buys back 4).
    expect(moneyText(convertPoints(153, '0.015', 'USD'))).toBe('2.29')
    expect(moneyText(convertPoints(3, '0.005', 'USD'))).toBe('0.01')
    // 1234 × 0.01 = 12.34.
    expect(moneyText(convertPoints(1234, '0.01', 'USD'))).toBe('12.34')
  })

  it('rounds to the currency minor unit: yen have none', () => {
    // 333 × 1.5 = 499.5 → down to 499.
    expect(moneyText(convertPoints(333, '1.5', 'JPY'))).toBe('499')
  })

  it('refuses points worth less than one minor unit', () => {
    // 1 × 0.004 = 0.004 → 0.00.
    expect(() => convertPoints(1, '0.004', 'USD')).toThrow(WalletMathError)
    // 1 × 0.005 = 0.005 → down to 0.00: refused too.
    expect(() => convertPoints(1, '0.005', 'USD')).toThrow(/less than one minor unit/)
  })

  it('refuses zero, negative and fractional points', () => {
    expect(() => convertPoints(0, '0.01', 'USD')).toThrow(/points/)
    expect(() => convertPoints(-5, '0.01', 'USD')).toThrow(/points/)
    expect(() => convertPoints(2.5, '0.01', 'USD')).toThrow(/points/)
  })
})

describe('convertMoney', () => {
  it('converts at the rate, half-even to the target cent', () => {
    // 10.00 × 0.9215 = 9.215 → tie, even neighbour 9.22 (2 is even).
    expect(moneyText(convertMoney(money('10.00', 'USD'), '0.9215', 'EUR'))).toBe('9.22')
    // 10.00 × 0.9225 = 9.225 → 9.22.
    expect(moneyText(convertMoney(money('10.00', 'USD'), '0.9225', 'EUR'))).toBe('9.22')
    // 19.99 × 0.92 = 18.3908 → 18.39.
    expect(moneyText(convertMoney(money('19.99', 'USD'), '0.92', 'EUR'))).toBe('18.39')
  })
})

describe('moneyToPoints', () => {
  it('buys whole points (floor) and uses only what they cost, rounded up to the cent', () => {
    // 12.34 × 100 = 1234 points exactly, 12.34 used.
    expect(((r) => [r.points, moneyText(r.used)])(moneyToPoints(money('12.34', 'USD'), '100'))).toEqual([1234, '12.34'])
    // 0.50 × 7 = 3.5 → 3 points; 3 ÷ 7 = 0.428571… → 0.43 used.
    expect(((r) => [r.points, moneyText(r.used)])(moneyToPoints(money('0.50', 'USD'), '7'))).toEqual([3, '0.43'])
    // 1.01 × 3 = 3.03 → 3 points; 3 ÷ 3 = 1.00 used (0.01 stays in the wallet).
    expect(((r) => [r.points, moneyText(r.used)])(moneyToPoints(money('1.01', 'USD'), '3'))).toEqual([3, '1.00'])
  })

  it('refuses money that buys no whole point', () => {
    // 0.10 × 5 = 0.5 → 0 points.
    expect(() => moneyToPoints(money('0.10', 'USD'), '5')).toThrow(/no whole point/)
  })
})
