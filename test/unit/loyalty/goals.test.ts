/** Goal progress worked by hand: each item met or not, percentage = met ÷ items, half up to the whole percent. */
import { describe, expect, it } from 'vitest'

import { goalPercent, goalProgress, itemMet, type GoalItem, type GoalMeasure } from '../../../engine/loyalty/goals'

describe('goalPercent', () => {
  it('rounds half up to the whole percent', () => {
    expect(goalPercent(1, 3)).toBe(33) // 33.33…
    expect(goalPercent(2, 3)).toBe(67) // 66.66…
    expect(goalPercent(1, 8)).toBe(13) // 12.5 → 13 (half up)
    expect(goalPercent(3, 8)).toBe(38) // 37.5 → 38
    expect(goalPercent(4, 4)).toBe(100)
    expect(goalPercent(0, 0)).toBe(0)
  })
})

describe('goalProgress', () => {
  const items: GoalItem[] = [
    { id: 'a', label: '1,000 points', metric: 'points_earned', target: '1000' },
    { id: 'b', label: 'Sales 2,500.00', metric: 'sales_amount', target: '2500.00' },
    { id: 'c', label: 'Three referrals', metric: 'referrals', target: '3' },
    { id: 'd', label: 'Reach GOLD', metric: 'rank', target: 'GOLD' },
    { id: 'e', label: 'Attend training', metric: 'manual', target: null },
  ]
  it('marks each item and gives the percentage', () => {
    const measures = new Map<string, GoalMeasure>([
      ['a', { kind: 'number', value: '1000' }], // exactly the target: met
      ['b', { kind: 'number', value: '2499.99' }], // a cent short: not met
      ['c', { kind: 'number', value: '4' }],
      ['d', { kind: 'rank', code: 'PLATINUM', order: 4, targetOrder: 3 }], // above GOLD: met
    ])
    const progress = goalProgress(items, measures)
    expect(progress.items.map((i) => [i.id, i.measured, i.met])).toEqual([
      ['a', '1000', true],
      ['b', '2499.99', false],
      ['c', '4', true],
      ['d', 'PLATINUM', true],
      ['e', null, false],
    ])
    // 3 of 5 = 60 %
    expect([progress.met, progress.total, progress.percent]).toEqual([3, 5, 60])
  })

  it('a rank below the target, no rank, and a manual tick', () => {
    expect(itemMet(items[3]!, { kind: 'rank', code: 'SILVER', order: 2, targetOrder: 3 })).toBe(false)
    expect(itemMet(items[3]!, { kind: 'rank', code: null, order: null, targetOrder: 3 })).toBe(false)
    expect(itemMet(items[4]!, { kind: 'manual', checked: true })).toBe(true)
  })
})
