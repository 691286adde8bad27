import { describe, expect, it } from 'vitest'

import { advanceDue, settleAdvances } from '../../../engine/multilevel/advances'

describe('advance due in a period', () => {
  it('pays the percentage of the earnings so far, less what was already advanced', () => {
    // 40 % of 1234.56 = 493.824 → 493.82; 200.00 went out before.
    expect(advanceDue({ earnedSoFar: '1234.56', percent: '40', alreadyAdvanced: '200', minorUnits: 2 })).toBe('293.82')
    expect(advanceDue({ earnedSoFar: '1000', percent: '50', alreadyAdvanced: '0', minorUnits: 2 })).toBe('500.00')
  })

  it('rounds the advance half to even at the currency’s minor units', () => {
    // 50 % of 0.25 = 0.125 → 0.12 (even); of 0.35 = 0.175 → 0.18 (even).
    expect(advanceDue({ earnedSoFar: '0.25', percent: '50', alreadyAdvanced: '0', minorUnits: 2 })).toBe('0.12')
    expect(advanceDue({ earnedSoFar: '0.35', percent: '50', alreadyAdvanced: '0', minorUnits: 2 })).toBe('0.18')
    // Yen: no minor units. 50 % of 25 = 12.5 → 12.
    expect(advanceDue({ earnedSoFar: '25', percent: '50', alreadyAdvanced: '0', minorUnits: 0 })).toBe('12')
  })

  it('never pays below zero when the earnings fell behind what was advanced', () => {
    expect(advanceDue({ earnedSoFar: '300', percent: '50', alreadyAdvanced: '200', minorUnits: 2 })).toBe('0.00')
    expect(advanceDue({ earnedSoFar: '-80', percent: '50', alreadyAdvanced: '0', minorUnits: 2 })).toBe('0.00')
  })

  it('refuses amounts that are not decimal text and percentages outside 0..100', () => {
    expect(() => advanceDue({ earnedSoFar: '1,000', percent: '50', alreadyAdvanced: '0', minorUnits: 2 })).toThrow(
      'the commission earned so far "1,000" is not a decimal amount such as 1234.50',
    )
    expect(() => advanceDue({ earnedSoFar: '100', percent: '150', alreadyAdvanced: '0', minorUnits: 2 })).toThrow(
      'the advance percentage is from 0 to 100, not 150',
    )
    expect(() => advanceDue({ earnedSoFar: '100', percent: '10', alreadyAdvanced: '0', minorUnits: 2.5 })).toThrow('minor units')
  })
})

describe('settling the advances', () => {
  it('recovers the advances from the final commission', () => {
    expect(settleAdvances({ finalCommission: '1500.00', advanced: '600.00' })).toEqual({
      recovery: '-600',
      net: '900',
      carriedBalance: '0',
    })
  })

  it('an advance larger than the final commission leaves a negative balance carried forward', () => {
    expect(settleAdvances({ finalCommission: '450.25', advanced: '600.50' })).toEqual({
      recovery: '-600.5',
      net: '-150.25',
      carriedBalance: '-150.25',
    })
  })

  it('nothing advanced recovers nothing', () => {
    expect(settleAdvances({ finalCommission: '80', advanced: '0' })).toEqual({ recovery: '0', net: '80', carriedBalance: '0' })
  })
})
