/** Expiry days: N months (month ends clamp), campaign ends, never; the expiry plan and schedule. */
import { describe, expect, it } from 'vitest'

import { addMonths, ExpiryCalendarError, expiryDate, expiryPlan, expirySchedule } from '../../../engine/loyalty'

const calendar = [
  { start: '2026-01-01', end: '2026-01-31' },
  { start: '2026-02-01', end: '2026-02-28' },
  { start: '2026-03-01', end: '2026-03-31' },
  { start: '2026-04-01', end: '2026-04-30' },
]

describe('expiryDate', () => {
  it('months: earned 2026-01-15 with 12 months is usable through 2027-01-15', () => {
    expect(expiryDate('months', '2026-01-15', { months: 12 })).toBe('2027-01-15')
  })

  it('months: a month end clamps to the shorter month', () => {
    // January 31 + 1 month: February 2026 has 28 days.
    expect(expiryDate('months', '2026-01-31', { months: 1 })).toBe('2026-02-28')
    // 2027-01-31 + 13 months: February 2028 is a leap month (29 days).
    expect(addMonths('2027-01-31', 13)).toBe('2028-02-29')
    // August 31 + 1 month: September has 30 days.
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30')
    // Across a year end: 2026-11-30 + 3 months = 2027-02-28.
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
  })

  it('campaign_end: the last day of the campaign N after the one holding the day', () => {
    // 2026-01-20 is in January (index 0); 2 campaigns later is March, ending 2026-03-31.
    expect(expiryDate('campaign_end', '2026-01-20', { campaigns: 2, calendar })).toBe('2026-03-31')
    // 0: the same campaign. A campaign's last day belongs to it.
    expect(expiryDate('campaign_end', '2026-02-28', { campaigns: 0, calendar })).toBe('2026-02-28')
    expect(expiryDate('campaign_end', '2026-02-28', { campaigns: 1, calendar })).toBe('2026-03-31')
  })

  it('campaign_end: refuses a day no campaign holds, or a calendar that stops too early', () => {
    expect(() => expiryDate('campaign_end', '2025-12-31', { campaigns: 1, calendar })).toThrow(ExpiryCalendarError)
    expect(() => expiryDate('campaign_end', '2026-03-10', { campaigns: 2, calendar })).toThrow(/stops at 2026-04-30/)
  })

  it('never: null', () => {
    expect(expiryDate('never', '2026-03-10', {})).toBeNull()
  })

  it('months without a number of months is refused', () => {
    expect(() => expiryDate('months', '2026-03-10', { months: null })).toThrow(/expiryMonths/)
  })
})

describe('expiryPlan and schedule', () => {
  const lots = [
    { id: 1, remaining: 40, expiresOn: '2026-03-31' },
    { id: 2, remaining: 0, expiresOn: '2026-03-31' },
    { id: 3, remaining: 25, expiresOn: '2026-04-01' },
    { id: 4, remaining: 10, expiresOn: null },
    { id: 5, remaining: 5, expiresOn: '2026-04-30' },
    { id: 6, remaining: 7, expiresOn: '2026-04-30' },
  ]

  it('expires the lots with points left whose last day is before today', () => {
    // On 2026-04-01: lot 1 (last day 03-31) expires, 40 points; lot 2 has none left; lot 3's last day is today.
    expect(expiryPlan(lots, '2026-04-01')).toEqual({ lots: [{ lotId: 1, points: 40 }], points: 40 })
  })

  it('groups what is still usable by last day', () => {
    // On 2026-04-01: 25 on 04-01, 5 + 7 = 12 on 04-30; lot 4 never expires.
    expect(expirySchedule(lots, '2026-04-01')).toEqual([
      { expiresOn: '2026-04-01', points: 25 },
      { expiresOn: '2026-04-30', points: 12 },
    ])
  })
})
