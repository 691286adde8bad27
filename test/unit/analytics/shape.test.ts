/** The dashboards' pure shaping: month windows and buckets, the active-member definition, period checks. */
import { describe, expect, it } from 'vitest'

import {
  activeWindow,
  addMonths,
  bucketByMonth,
  countByMonth,
  isActiveMember,
  lastMonths,
  monthEnd,
  monthsBetween,
  moneyText,
  periodProblem,
} from '../../../engine/analytics/shape'

describe('months', () => {
  it('counts the last 12 months back from today, the current month included, across a year end', () => {
    // 2026-03-15: the current month 2026-03 and the 11 before it, back to 2025-04.
    expect(lastMonths('2026-03-15', 12)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ])
  })

  it('moves months and finds month ends, leap years included', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01')
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(monthEnd('2028-02')).toBe('2028-02-29')
    expect(monthEnd('2026-02')).toBe('2026-02-28')
    expect(monthsBetween('2026-11-20', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02'])
  })

  it('sums per month and currency, fills empty months with zero and nets a return out', () => {
    // January USD: 100.10 + 200.20 = 300.30; February USD: 50.00 − 50.00 (a return) = 0.00; EUR February 10.005 +
    // 10.005 = 20.010 → 20.01; March nothing.
    const out = bucketByMonth(
      [
        { month: '2026-01', currency: 'USD', amount: '100.1000' },
        { month: '2026-01', currency: 'USD', amount: '200.2000' },
        { month: '2026-02', currency: 'USD', amount: '50.0000' },
        { month: '2026-02', currency: 'USD', amount: '-50.0000' },
        { month: '2026-02', currency: 'EUR', amount: '10.0050' },
        { month: '2026-02', currency: 'EUR', amount: '10.0050' },
      ],
      ['2026-01', '2026-02', '2026-03'],
    )
    expect(out.currencies).toEqual(['EUR', 'USD'])
    expect(out.rows).toEqual([
      { month: '2026-01', EUR: '0.00', USD: '300.30' },
      { month: '2026-02', EUR: '20.01', USD: '0.00' },
      { month: '2026-03', EUR: '0.00', USD: '0.00' },
    ])
  })

  it('rounds to the currency minor unit half-even, after summing', () => {
    // 0.125 + 0.000 → 0.12 (half-even); JPY has no minor unit: 1,000.5 → 1000 (half-even).
    expect(moneyText('0.1250', 'USD')).toBe('0.12')
    expect(moneyText('1000.5', 'JPY')).toBe('1000')
  })

  it('counts per month with zeros', () => {
    expect(countByMonth([{ month: '2026-02', count: 3 }], ['2026-01', '2026-02'], 'joined')).toEqual([
      { month: '2026-01', joined: 0 },
      { month: '2026-02', joined: 3 },
    ])
  })
})

describe('the active definition', () => {
  it('is the 90 days ending on the day asked, both ends included', () => {
    // 2026-03-31 minus 89 days: March has 31 days (back to 03-01 is 30 days), February 28 (back to 02-01 is 58),
    // January 31 (back to 01-01 is 89) → 2026-01-01.
    expect(activeWindow('2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' })
  })

  it('needs status active and an order in the window', () => {
    const window = { from: '2026-01-01', to: '2026-03-31' }
    expect(isActiveMember('active', '2026-01-01', window)).toBe(true)
    expect(isActiveMember('active', '2026-03-31', window)).toBe(true)
    expect(isActiveMember('active', '2025-12-31', window)).toBe(false)
    expect(isActiveMember('active', '2026-04-01', window)).toBe(false)
    expect(isActiveMember('active', null, window)).toBe(false)
    expect(isActiveMember('suspended', '2026-02-01', window)).toBe(false)
    expect(isActiveMember('terminated', '2026-02-01', window)).toBe(false)
  })
})

describe('periods', () => {
  it('accepts none, one or both real days in order and names the field that is wrong', () => {
    expect(periodProblem(undefined, undefined)).toBeNull()
    expect(periodProblem('2026-01-01', '2026-01-01')).toBeNull()
    expect(periodProblem('2026-02-30', undefined)).toEqual({
      field: 'from',
      message: 'from: "2026-02-30" is not a calendar day as YYYY-MM-DD',
    })
    expect(periodProblem(undefined, '1/2/2026')?.field).toBe('to')
    expect(periodProblem('2026-03-01', '2026-02-01')).toEqual({ field: 'from', message: 'from: 2026-03-01 is after to 2026-02-01' })
  })
})
