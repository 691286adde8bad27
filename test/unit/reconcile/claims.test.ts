import { describe, expect, it } from 'vitest'

import { daysBetween } from '../../../engine/core/calendarDate'
import { duplicateClaimDetail, relativeDay } from '../../../engine/reconcile/claims'

describe('claim dates', () => {
  it('counts calendar days across month and year ends, negative backwards', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3)
    expect(daysBetween('2026-03-02', '2026-02-27')).toBe(-3)
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2) // 2028 is a leap year
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow('"2026-02-30" is not a calendar date')
  })

  it('says where a claim lies relative to the activation', () => {
    expect(relativeDay('2026-08-20', '2026-08-20')).toBe('the same day')
    expect(relativeDay('2026-08-19', '2026-08-20')).toBe('1 day before')
    expect(relativeDay('2026-08-23', '2026-08-20')).toBe('3 days after')
  })

  it('names the winning claim and each distance; a tie says the first reported won', () => {
    const text = duplicateClaimDetail({
      activationDate: '2026-08-20',
      saleDate: '2026-08-17',
      winner: { saleId: 41, saleDate: '2026-08-20' },
    })
    expect(text).toContain('Winning claim: sale #41, dated 2026-08-20 (the same day).')
    expect(text).toContain('This claim is dated 2026-08-17 (3 days before).')
    expect(text).not.toContain('reported first')
    const tie = duplicateClaimDetail({
      activationDate: '2026-08-20',
      saleDate: '2026-08-18',
      winner: { saleId: 7, saleDate: '2026-08-22' },
    })
    expect(tie).toMatch(/so the claim reported first \(then the lower sale number\) won\.$/)
  })
})
