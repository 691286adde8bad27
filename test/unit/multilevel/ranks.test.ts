import { describe, expect, it } from 'vitest'

import { decideRank, decideRanks, RANK_SOURCES } from '../../../engine/multilevel/ranks'
import type { CareerPolicy } from '../../../engine/multilevel/ranks'

// Rank orders: 1 Bronze, 2 Silver, 3 Gold, 4 Platinum.
const highestEver: CareerPolicy = { graceCycles: 2, honorary: 'highest_ever' }
const yearEnd: CareerPolicy = { graceCycles: 1, honorary: 'year_end' }
const cycle = { yearEnd: false }

describe('paid rank', () => {
  it('a first cycle pays the rank qualified for, with full grace', () => {
    expect(decideRank(2, null, highestEver, cycle)).toEqual({ paid: 2, honorary: 2, graceLeft: 2, source: 'rule' })
    expect(decideRank(0, null, highestEver, cycle)).toEqual({ paid: 0, honorary: 0, graceLeft: 2, source: 'rule' })
  })

  it('a promotion pays the new rank and restores grace', () => {
    expect(decideRank(3, { paid: 2, honorary: 2, graceLeft: 0 }, highestEver, cycle)).toEqual({
      paid: 3,
      honorary: 3,
      graceLeft: 2,
      source: 'rule',
    })
  })

  it('re-qualifying for the rank held keeps it and restores grace', () => {
    expect(decideRank(2, { paid: 2, honorary: 3, graceLeft: 1 }, highestEver, cycle)).toEqual({
      paid: 2,
      honorary: 3,
      graceLeft: 2,
      source: 'kept',
    })
    // No rank, still no rank: that is the rule, not a rank kept.
    expect(decideRank(0, { paid: 0, honorary: 0, graceLeft: 2 }, highestEver, cycle).source).toBe('rule')
  })

  it('qualifying lower spends a grace cycle and keeps the paid rank while grace lasts', () => {
    const first = decideRank(1, { paid: 3, honorary: 3, graceLeft: 2 }, highestEver, cycle)
    expect(first).toEqual({ paid: 3, honorary: 3, graceLeft: 1, source: 'grace' })
    const second = decideRank(1, first, highestEver, cycle)
    expect(second).toEqual({ paid: 3, honorary: 3, graceLeft: 0, source: 'grace' })
    // Grace spent: the member is paid what it qualified for, and grace is full again for the new rank.
    const third = decideRank(1, second, highestEver, cycle)
    expect(third).toEqual({ paid: 1, honorary: 3, graceLeft: 2, source: 'demoted' })
  })

  it('with no grace in the policy a lower qualification demotes at once', () => {
    expect(decideRank(2, { paid: 4, honorary: 4, graceLeft: 0 }, { graceCycles: 0, honorary: 'highest_ever' }, cycle)).toEqual({
      paid: 2,
      honorary: 4,
      graceLeft: 0,
      source: 'demoted',
    })
  })

  it('a manual rank wins over the rule, up or down, and restores grace', () => {
    expect(decideRank(1, { paid: 1, honorary: 1, graceLeft: 0 }, highestEver, { manual: 3, yearEnd: false })).toEqual({
      paid: 3,
      honorary: 3,
      graceLeft: 2,
      source: 'manual',
    })
    expect(decideRank(4, { paid: 4, honorary: 4, graceLeft: 2 }, highestEver, { manual: 2, yearEnd: false })).toEqual({
      paid: 2,
      honorary: 4,
      graceLeft: 2,
      source: 'manual',
    })
    // null means no manual rank.
    expect(decideRank(2, null, highestEver, { manual: null, yearEnd: false }).source).toBe('rule')
  })
})

describe('honorary rank', () => {
  it('highest ever never goes down', () => {
    expect(decideRank(1, { paid: 1, honorary: 4, graceLeft: 2 }, highestEver, cycle).honorary).toBe(4)
    expect(decideRank(4, { paid: 3, honorary: 3, graceLeft: 2 }, highestEver, cycle).honorary).toBe(4)
  })

  it('year end takes the paid rank at the year-end cycle and holds it through the year', () => {
    const held = decideRank(4, { paid: 2, honorary: 2, graceLeft: 1 }, yearEnd, { yearEnd: false })
    expect(held).toEqual({ paid: 4, honorary: 2, graceLeft: 1, source: 'rule' })
    const atYearEnd = decideRank(4, held, yearEnd, { yearEnd: true })
    expect(atYearEnd).toEqual({ paid: 4, honorary: 4, graceLeft: 1, source: 'kept' })
    // Down at the next year end too: the honorary rank is the year-end rank, not the best one.
    const nextYearEnd = decideRank(1, { paid: 2, honorary: 4, graceLeft: 0 }, yearEnd, { yearEnd: true })
    expect(nextYearEnd).toEqual({ paid: 1, honorary: 1, graceLeft: 1, source: 'demoted' })
    // A member's first cycle takes its paid rank.
    expect(decideRank(3, null, yearEnd, { yearEnd: false }).honorary).toBe(3)
  })
})

describe('bulk decisions', () => {
  it('decides every member the same way as one at a time', () => {
    // index: 0 first cycle (new), 1 promotion, 2 grace, 3 demotion, 4 kept, 5 manual
    const qualified = Int32Array.from([2, 3, 1, 1, 2, 0])
    const previous = {
      paid: Int32Array.from([0, 2, 3, 3, 2, 1]),
      honorary: Int32Array.from([0, 2, 3, 4, 3, 1]),
      graceLeft: Int32Array.from([-1, 0, 2, 0, 1, 0]),
    }
    const manual = Int32Array.from([-1, -1, -1, -1, -1, 4])
    const decided = decideRanks(qualified, previous, highestEver, { manual, yearEnd: false })
    expect(Array.from(decided.paid)).toEqual([2, 3, 3, 1, 2, 4])
    expect(Array.from(decided.honorary)).toEqual([2, 3, 3, 4, 3, 4])
    expect(Array.from(decided.graceLeft)).toEqual([2, 2, 1, 2, 2, 2])
    expect(Array.from(decided.source, (s) => RANK_SOURCES[s])).toEqual(['rule', 'rule', 'grace', 'demoted', 'kept', 'manual'])
  })

  it('without a previous cycle everyone starts from their qualification', () => {
    const decided = decideRanks(Int32Array.from([0, 3]), null, yearEnd, { yearEnd: false })
    expect(Array.from(decided.paid)).toEqual([0, 3])
    expect(Array.from(decided.honorary)).toEqual([0, 3])
    expect(Array.from(decided.graceLeft)).toEqual([1, 1])
  })
})

describe('refusals', () => {
  it('refuses negative or fractional ranks, grace and mismatched columns', () => {
    expect(() => decideRank(-1, null, highestEver, cycle)).toThrow('the qualified rank is a rank order of 0 or more, not -1')
    expect(() => decideRank(1, null, { graceCycles: 1.5, honorary: 'highest_ever' }, cycle)).toThrow(
      'grace cycles are a whole number of 0 or more, not 1.5',
    )
    expect(() => decideRank(1, null, highestEver, { manual: -2, yearEnd: false })).toThrow('a manual rank is a rank order of 0 or more')
    expect(() => decideRanks(Int32Array.from([1, 2]), null, highestEver, { manual: Int32Array.from([1]), yearEnd: false })).toThrow(
      'manual ranks hold 1 values for 2 members',
    )
  })
})
