import { describe, expect, it } from 'vitest'

import { differential, differentialProblems, differentialRateTable, unilevel } from '../../../engine/multilevel/bonuses'
import type { DifferentialConfig, Earnings } from '../../../engine/multilevel/bonuses'
import { buildNetwork, indexOfIds } from '../../../engine/multilevel/network'
import type { Network } from '../../../engine/multilevel/network'

type Member = { id: number; parent: number; base?: number; qualifies?: boolean; rank?: number }

function setUp(members: Member[]) {
  const result = buildNetwork(
    members.map((m) => m.id),
    members.map((m) => m.parent),
  )
  if (!result.network) throw new Error(result.problems.map((p) => p.message).join('; '))
  return {
    network: result.network,
    base: Float64Array.from(members, (m) => m.base ?? 0),
    qualifies: Uint8Array.from(members, (m) => (m.qualifies === false ? 0 : 1)),
    rank: Int32Array.from(members, (m) => m.rank ?? 0),
  }
}

/** Earning rows as [payee id, from id, level, rate], sorted by from id then level, for typed-in expectations. */
function rows(network: Network, earnings: Earnings, rateText?: string[]): (string | number)[][] {
  const list: (string | number)[][] = []
  for (let k = 0; k < earnings.count; k++) {
    const rate = earnings.rate[k]!
    list.push([network.ids[earnings.payee[k]!]!, network.ids[earnings.from[k]!]!, earnings.level[k]!, rateText ? rateText[rate]! : rate])
  }
  return list.sort((a, b) => (a[1] as number) - (b[1] as number) || (a[2] as number) - (b[2] as number))
}

describe('unilevel', () => {
  /*
   *   #1 Company
   *   ├── #2 Ana            base 200
   *   │   ├── #4 Caro       does not qualify
   *   │   │   └── #7 Gil    base 1000
   *   │   └── #5 Dan
   *   └── #3 Ben            does not qualify
   *       └── #6 Eve
   *           ├── #8 Hal
   *           └── #9 Ivy    base 500
   */
  const tree = setUp([
    { id: 4, parent: 2, qualifies: false },
    { id: 1, parent: 0 },
    { id: 2, parent: 1, base: 200 },
    { id: 7, parent: 4, base: 1000 },
    { id: 5, parent: 2 },
    { id: 3, parent: 1, qualifies: false },
    { id: 6, parent: 3 },
    { id: 8, parent: 6 },
    { id: 9, parent: 6, base: 500 },
  ])
  const pay = (levels: number, compress: boolean) => rows(tree.network, unilevel(tree.network, tree.base, tree.qualifies, levels, compress))

  it('with compression a member who does not qualify is skipped and the level goes to the next one up', () => {
    // Gil: Caro skipped, Ana is level 1. Ivy: Eve level 1, Ben skipped, the company never earns. Ana: only the company above.
    expect(pay(2, true)).toEqual([
      [2, 7, 1, 0],
      [6, 9, 1, 0],
    ])
  })

  it('without compression the member who does not qualify spends its level and earns nothing', () => {
    expect(pay(2, false)).toEqual([
      [2, 7, 2, 1],
      [6, 9, 1, 0],
    ])
    expect(pay(1, false)).toEqual([[6, 9, 1, 0]])
    expect(pay(0, true)).toEqual([])
  })

  /*  #1 Company → #2 A → #3 B → #4 C (does not qualify) → #5 D → #6 E (base 1000)  */
  const chain = setUp([
    { id: 1, parent: 0 },
    { id: 2, parent: 1 },
    { id: 3, parent: 2 },
    { id: 4, parent: 3, qualifies: false },
    { id: 5, parent: 4, base: -300 },
    { id: 6, parent: 5, base: 1000 },
  ])
  const chainPay = (levels: number, compress: boolean) =>
    rows(chain.network, unilevel(chain.network, chain.base, chain.qualifies, levels, compress))

  it('pays only as many levels as the plan has, and stops at the company', () => {
    // E's base: D 1, B 2 (C compressed), A 3. D's base (a return of 300): B 1, A 2.
    expect(chainPay(2, true)).toEqual([
      [3, 5, 1, 0],
      [2, 5, 2, 1],
      [5, 6, 1, 0],
      [3, 6, 2, 1],
    ])
    expect(chainPay(5, true)).toEqual([
      [3, 5, 1, 0],
      [2, 5, 2, 1],
      [5, 6, 1, 0],
      [3, 6, 2, 1],
      [2, 6, 3, 2],
    ])
    expect(chainPay(3, false)).toEqual([
      [3, 5, 2, 1],
      [2, 5, 3, 2],
      [5, 6, 1, 0],
      [3, 6, 3, 2],
    ])
  })

  it('refuses a negative number of levels and columns of the wrong length', () => {
    expect(() => unilevel(chain.network, chain.base, chain.qualifies, -1, true)).toThrow('the number of paid levels')
    expect(() => unilevel(chain.network, new Float64Array(2), chain.qualifies, 1, true)).toThrow(
      'the bonus base has 2 values for 6 members',
    )
  })
})

describe('differential', () => {
  // Rank orders 0 (none), 1, 2, 3 pay 0 %, 4 %, 10 %, 15 %.
  const plan: DifferentialConfig = { rates: ['0', '4', '10', '15'] }
  const withBreakaway: DifferentialConfig = { ...plan, breakaway: { rank: 2, percent: '3' } }
  const pay = (members: Member[], config: DifferentialConfig) => {
    const t = setUp(members)
    const { table } = differentialRateTable(config)
    return rows(t.network, differential(t.network, t.base, t.rank, t.qualifies, config), table)
  }

  /*
   *   #1 Company (rank 3: still never earns)
   *   └── #2 A rank 3
   *       └── #3 B rank 1, does not qualify
   *           └── #4 C rank 2
   *               └── #5 D rank 1        base 1000
   *                   └── #6 E rank 0    base 10000
   */
  const stairs: Member[] = [
    { id: 1, parent: 0, rank: 3 },
    { id: 2, parent: 1, rank: 3 },
    { id: 3, parent: 2, rank: 1, qualifies: false },
    { id: 4, parent: 3, rank: 2 },
    { id: 5, parent: 4, rank: 1, base: 1000 },
    { id: 6, parent: 5, rank: 0, base: 10000 },
  ]

  it('takes a negative base back as it was paid: the member’s own share at its rank and each upline’s difference, though it does not qualify', () => {
    // #3 X rank 2 (10 %) returned more than it ordered this cycle: base −1000 and, below the activity minimum, it does
    // not qualify. Its upline #2 (rank 3, 15 %) earned 15 − 10 = 5 % of X's volume when it was sold, so it gives back
    // 5 %, and X gives back its own 10 %; not the upline's whole 15 %.
    expect(
      pay(
        [
          { id: 1, parent: 0 },
          { id: 2, parent: 1, rank: 3 },
          { id: 3, parent: 2, rank: 2, base: -1000, qualifies: false },
        ],
        plan,
      ),
    ).toEqual([
      [3, 3, 0, '10'],
      [2, 3, 1, '5'],
    ])
  })

  it('each upline earns its rate less the highest rate already paid; the member earns its own rate', () => {
    // D's own base: D 4 % itself, C 10 - 4 = 6 %, A 15 - 10 = 5 %. E's base: E 0 % (nothing), D 4, C 6, A 5.
    expect(pay(stairs, plan)).toEqual([
      [5, 5, 0, '4'],
      [4, 5, 1, '6'],
      [2, 5, 3, '5'],
      [5, 6, 1, '4'],
      [4, 6, 2, '6'],
      [2, 6, 4, '5'],
    ])
  })

  it('an upline at a rank already paid earns nothing', () => {
    // B qualifies at rank 3 now: B takes the 5 %, A above at the same rank has no difference left.
    const members = stairs.map((m) => (m.id === 3 ? { ...m, rank: 3, qualifies: true } : m))
    expect(pay(members, plan).filter((r) => r[1] === 6)).toEqual([
      [5, 6, 1, '4'],
      [4, 6, 2, '6'],
      [3, 6, 3, '5'],
    ])
  })

  it('a member who does not qualify earns nothing on its own base and raises no rate', () => {
    const members = stairs.map((m) => (m.id === 5 ? { ...m, qualifies: false } : m))
    // D is compressed out: on E's base C earns all 10 %, A 5 %.
    expect(pay(members, plan)).toEqual([
      [4, 5, 1, '10'],
      [2, 5, 3, '5'],
      [4, 6, 2, '10'],
      [2, 6, 4, '5'],
    ])
  })

  /*
   *   #1 Company
   *   └── #2 A rank 3
   *       └── #3 B rank 2
   *           └── #4 C rank 0
   *               └── #5 D rank 2         base 1000
   *                   └── #6 E rank 1     base 10000
   */
  const breakaway: Member[] = [
    { id: 1, parent: 0 },
    { id: 2, parent: 1, rank: 3 },
    { id: 3, parent: 2, rank: 2 },
    { id: 4, parent: 3, rank: 0 },
    { id: 5, parent: 4, rank: 2, base: 1000 },
    { id: 6, parent: 5, rank: 1, base: 10000 },
  ]

  it('without a breakaway the differentials run to the top', () => {
    // E's base: E 4, D 6, B (10 % already paid) nothing, A 5. D's base: D 10, A 5.
    expect(pay(breakaway, plan)).toEqual([
      [5, 5, 0, '10'],
      [2, 5, 3, '5'],
      [6, 6, 0, '4'],
      [5, 6, 1, '6'],
      [2, 6, 4, '5'],
    ])
  })

  it('past a breakaway-rank member the differentials stop and the next breakaway-rank upline earns the breakaway', () => {
    // E's base: E 4, D 6 and D is breakaway rank; C earns nothing; B (rank 2) earns the 3 % breakaway; A nothing.
    // D's base: D itself is breakaway rank: D 10, then B 3 %.
    expect(pay(breakaway, withBreakaway)).toEqual([
      [5, 5, 0, '10'],
      [3, 5, 2, '3'],
      [6, 6, 0, '4'],
      [5, 6, 1, '6'],
      [3, 6, 3, '3'],
    ])
  })

  it('a breakaway starts at the member itself even when its own rate leaves the upline no difference', () => {
    const members = breakaway.map((m) => (m.id === 6 ? { ...m, rank: 3 } : m.id === 5 ? { ...m, base: 0 } : m))
    // E at rank 3 earns 15 % itself; D (rank 2) is the next breakaway-rank upline: 3 %. Nothing above D.
    expect(pay(members, withBreakaway)).toEqual([
      [6, 6, 0, '15'],
      [5, 6, 1, '3'],
    ])
  })

  it('a breakaway-rank upline who does not qualify passes the breakaway to the next one', () => {
    const members = breakaway.map((m) => (m.id === 3 ? { ...m, qualifies: false } : m))
    expect(pay(members, withBreakaway)).toEqual([
      [5, 5, 0, '10'],
      [2, 5, 3, '3'],
      [6, 6, 0, '4'],
      [5, 6, 1, '6'],
      [2, 6, 4, '3'],
    ])
  })

  it('the company at the root never earns', () => {
    expect(
      pay(
        [
          { id: 1, parent: 0, rank: 3 },
          { id: 2, parent: 1, rank: 1, base: 500 },
        ],
        withBreakaway,
      ),
    ).toEqual([[2, 2, 0, '4']])
  })

  it('the rate table holds each difference once, computed exactly, and the breakaway percent', () => {
    const {
      table,
      diff,
      breakaway: row,
    } = differentialRateTable({ rates: ['0', '2.5', '7.75', '7.75', '12.1'], breakaway: { rank: 3, percent: '1.5' } })
    expect(table[diff(-1, 1)]).toBe('2.5')
    expect(table[diff(1, 2)]).toBe('5.25')
    expect(table[diff(2, 4)]).toBe('4.35')
    expect(table[diff(1, 4)]).toBe('9.6')
    expect(diff(2, 3)).toBe(-1)
    expect(diff(3, 1)).toBe(-1)
    expect(table[row]).toBe('1.5')
    expect(new Set(table).size).toBe(table.length)
  })

  it('refuses rates that fall with rank, negative rates and a breakaway rank the plan does not have', () => {
    expect(differentialProblems({ rates: ['0', '5', '4', '-1', 'x'], breakaway: { rank: 7, percent: '200' } })).toEqual([
      "rank 2 pays 4 %, less than rank 1's 5 %: a higher rank must pay at least as much",
      'rank 3: a rate may not be negative (-1 %)',
      'rank 4: “x” is not a percentage',
      'the breakaway rank is one of the ranks 1 to 4, not 7',
      'breakaway: a percentage from 0 to 100, not 200',
    ])
    expect(differentialProblems({ rates: [] })).toEqual(['give the rate of each rank, starting with rank 0 (no rank)'])
    expect(differentialProblems(withBreakaway)).toEqual([])
    const t = setUp(breakaway)
    expect(() => differential(t.network, t.base, t.rank, t.qualifies, { rates: ['0', '5', '4'] })).toThrow(
      "the differential plan cannot be paid: rank 2 pays 4 %, less than rank 1's 5 %",
    )
  })

  it('refuses a member whose rank has no rate', () => {
    const t = setUp(breakaway)
    expect(() => differential(t.network, t.base, t.rank, t.qualifies, { rates: ['0', '4'] })).toThrow(
      'member #2 holds rank 3, but the plan has rates for ranks 0 to 1',
    )
  })
})

describe('earnings rows address members by index', () => {
  it('payee and from are network indexes, trimmed to the count', () => {
    const t = setUp([
      { id: 10, parent: 0 },
      { id: 20, parent: 10 },
      { id: 30, parent: 20, base: 100 },
    ])
    const earnings = unilevel(t.network, t.base, t.qualifies, 3, true)
    const at = indexOfIds(t.network)
    expect(earnings.count).toBe(1)
    expect(earnings.payee.length).toBe(1)
    expect([earnings.payee[0], earnings.from[0], earnings.level[0], earnings.rate[0]]).toEqual([at(20), at(30), 1, 0])
  })
})
