/** Referral continuity and the referral rule's input, worked by hand. */
import { describe, expect, it } from 'vitest'

import { continuity, referralInput, referralKey } from '../../../engine/loyalty/referrals'

const c = (...amounts: string[]) => amounts.map((amount, i) => ({ periodId: i + 1, amount }))

describe('continuity', () => {
  it('counts the campaigns in a row, ending with this one, with orders net of returns above zero', () => {
    expect(continuity(c('120.00', '80.00', '45.50'))).toBe(3)
    // a gap two campaigns ago: only the last two count
    expect(continuity(c('120.00', '0', '10.00', '5.00'))).toBe(2)
    // nothing this campaign → 0 whatever came before
    expect(continuity(c('120.00', '80.00', '0.00'))).toBe(0)
    // returns larger than the orders are not an order
    expect(continuity(c('50.00', '-20.00'))).toBe(0)
    expect(continuity([])).toBe(0)
  })
})

describe('referralInput', () => {
  it('builds the rule input of one referral in one campaign', () => {
    expect(referralInput({ code: 'C-100', rank: 'GOLD', currency: 'USD' }, 'C-200', c('0', '150.00', '99.90'))).toEqual({
      referrer: 'C-100',
      referrerRank: 'GOLD',
      newMember: 'C-200',
      continuity: 2,
      campaignOrderAmount: '99.9',
      campaignsSinceJoining: 3,
      currency: 'USD',
    })
  })

  it('keys each line once per referral, campaign and label', () => {
    expect(referralKey('points', 42, 7, 'Referral continuity')).toBe('referral:points:42:7:Referral continuity')
  })
})
