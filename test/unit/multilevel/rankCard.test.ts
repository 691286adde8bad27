import { describe, expect, it } from 'vitest'

import { rankCard, rankRequirements } from '../../../engine/multilevel/rankCard'
import { tableGraph } from '../../../engine/rules/tableGraph'

const RULES = tableGraph({
  hitPolicy: 'first',
  inputs: ['kpi.PV', 'kpi.GV', 'tenureMonths'],
  outputs: ['rankCode'],
  rows: [
    ['>= 100', '>= 800', '', '"GOLD"'],
    ['>= 100', '[500..799.99]', '', '"SILVER"'],
    ['> 50', '', '>= 3', '"BRONZE"'],
    ['', '', '', '""'],
  ],
})
const RANKS = [
  { code: 'BRONZE', order: 1 },
  { code: 'SILVER', order: 2 },
  { code: 'GOLD', order: 3 },
]

describe('the rank report card', () => {
  it('reads the plain comparisons of each rank’s row, and marks a row with other conditions as decided by the rules', () => {
    const requirements = rankRequirements(RULES)
    expect(requirements.get('GOLD')).toEqual([
      { kpi: 'PV', op: '>=', value: '100' },
      { kpi: 'GV', op: '>=', value: '800' },
    ])
    expect(requirements.get('SILVER')).toEqual([
      { kpi: 'PV', op: '>=', value: '100' },
      { kpi: 'GV', op: 'between', value: '500', upTo: '799.99' },
    ])
    expect(requirements.get('BRONZE')).toBeNull()
  })

  it('shows a silver member what gold still needs: 200 more group volume, personal volume met', () => {
    const card = rankCard(RANKS, 2, { PV: '120', GV: '600.00' }, rankRequirements(RULES))
    expect(card).toEqual({
      next: 'GOLD',
      decidedByRules: false,
      lines: [
        { kpi: 'PV', needs: '>= 100', has: '120', gap: '0', met: true },
        { kpi: 'GV', needs: '>= 800', has: '600', gap: '200', met: false },
      ],
    })
  })

  it('has no next rank at the top, and says the rules decide when the next row is not plain', () => {
    expect(rankCard(RANKS, 3, {}, rankRequirements(RULES))).toEqual({ next: null })
    expect(rankCard(RANKS, 0, { PV: 10 }, rankRequirements(RULES))).toEqual({ next: 'BRONZE', lines: [], decidedByRules: true })
  })
})
