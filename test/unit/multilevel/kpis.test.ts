import { describe, expect, it } from 'vitest'

import { calculateKpi, kpiProblems } from '../../../engine/multilevel/kpis'
import type { KpiDefinition, KpiInputs } from '../../../engine/multilevel/kpis'
import { buildNetwork, indexOfIds } from '../../../engine/multilevel/network'
import type { Network } from '../../../engine/multilevel/network'

/*
 * The tree, with each member's personal volume in cents, active (qualifying period) volume and rank order:
 *
 *   #1 Company                 pv 0       av 0      rank 0
 *   ├── #2 Ana                 pv 10000   av 10000  rank 3
 *   │   ├── #4 Caro            pv 2000    av 2000   rank 2
 *   │   │   └── #7 Gil         pv 3000    av 3000   rank 0
 *   │   └── #5 Dan             pv 500     av 500    rank 0
 *   └── #3 Ben                 pv 5000    av 0      rank 1
 *       └── #6 Eve             pv 8000    av 0      rank 3
 *           ├── #8 Hal         pv 0       av 0      rank 0
 *           └── #9 Ivy         pv 1500    av 1500   rank 0
 *
 * All personal volume together: 10000 + 2000 + 3000 + 500 + 5000 + 8000 + 1500 = 30000.
 */
type Row = { id: number; parent: number; pv: number; av: number; rank: number; returned?: number }
const ROWS: Row[] = [
  { id: 4, parent: 2, pv: 2000, av: 2000, rank: 2 },
  { id: 1, parent: 0, pv: 0, av: 0, rank: 0 },
  { id: 2, parent: 1, pv: 10000, av: 10000, rank: 3, returned: 700 },
  { id: 7, parent: 4, pv: 3000, av: 3000, rank: 0 },
  { id: 5, parent: 2, pv: 500, av: 500, rank: 0 },
  { id: 3, parent: 1, pv: 5000, av: 0, rank: 1 },
  { id: 6, parent: 3, pv: 8000, av: 0, rank: 3 },
  { id: 8, parent: 6, pv: 0, av: 0, rank: 0 },
  { id: 9, parent: 6, pv: 1500, av: 1500, rank: 0, returned: 250 },
]

function setUp(rows: Row[]): { network: Network; inputs: KpiInputs } {
  const result = buildNetwork(
    rows.map((r) => r.id),
    rows.map((r) => r.parent),
  )
  if (!result.network) throw new Error(result.problems.map((p) => p.message).join('; '))
  return {
    network: result.network,
    inputs: {
      personal: Float64Array.from(rows, (r) => r.pv),
      activeVolume: Float64Array.from(rows, (r) => r.av),
      returns: Float64Array.from(rows, (r) => r.returned ?? 0),
      rank: Int32Array.from(rows, (r) => r.rank),
    },
  }
}

const { network, inputs } = setUp(ROWS)
const MEMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9]

/** The KPI per member id, in id order 1..9, for comparing with a typed-in row. */
function kpi(options: Partial<KpiDefinition> & Pick<KpiDefinition, 'measure'>, on = { network, inputs }, ids = MEMBERS): number[] {
  const values = calculateKpi(on.network, { code: 'K', basis: 'qualifying', scope: 'period', ...options }, on.inputs)
  const at = indexOfIds(on.network)
  return ids.map((id) => values[at(id)]!)
}

describe('volume KPIs', () => {
  it('personal volume is the member’s own', () => {
    expect(kpi({ measure: 'personal_volume' })).toEqual([0, 10000, 5000, 2000, 500, 8000, 3000, 0, 1500])
  })

  it('group volume is own volume plus every descendant’s; the company’s is all the volume', () => {
    expect(kpi({ measure: 'group_volume' })).toEqual([30000, 15500, 14500, 5000, 500, 9500, 3000, 0, 1500])
  })

  it('group volume without the head leaves the member’s own volume out', () => {
    expect(kpi({ measure: 'group_volume', excludeHeadVolume: true })).toEqual([30000, 5500, 9500, 3000, 0, 1500, 0, 0, 0])
  })

  it('a minimum volume counts only members at or above it, the member itself included', () => {
    // Dan (500) and Hal (0) fall below 1000.
    expect(kpi({ measure: 'group_volume', minimumThreshold: 1000 })).toEqual([29500, 15000, 14500, 5000, 0, 9500, 3000, 0, 1500])
    // At 2000 Ivy (1500) drops out too; Caro at exactly 2000 still counts.
    expect(kpi({ measure: 'group_volume', minimumThreshold: 2000 })).toEqual([28000, 15000, 13000, 5000, 0, 8000, 3000, 0, 0])
  })

  it('a break at a rank leaves out each leader below and its whole group, never the member’s own rank', () => {
    // Rank 2 and above lead: Caro, Eve, Ana. Ana's group loses Caro and Gil; Ben's loses Eve's line; the company's
    // keeps only Ben's 5000. Caro, Eve and Ana keep their own groups.
    expect(kpi({ measure: 'group_volume', breakAtRank: 2 })).toEqual([5000, 10500, 5000, 5000, 500, 9500, 3000, 0, 1500])
    // Rank 3 and above: Ana and Eve lead; Caro (rank 2) now stays in Ana's group.
    expect(kpi({ measure: 'group_volume', breakAtRank: 3 })).toEqual([5000, 15500, 5000, 5000, 500, 9500, 3000, 0, 1500])
    // Break, threshold and no head together: Ana's group is Dan's 500 (below 1000, not counted) and nothing else.
    expect(kpi({ measure: 'group_volume', breakAtRank: 2, minimumThreshold: 1000, excludeHeadVolume: true })).toEqual([
      5000, 0, 0, 3000, 0, 1500, 0, 0, 0,
    ])
  })

  it('total volume is every descendant’s volume, never the member’s own, never broken', () => {
    expect(kpi({ measure: 'total_volume' })).toEqual([30000, 5500, 9500, 3000, 0, 1500, 0, 0, 0])
    expect(kpi({ measure: 'total_volume', minimumThreshold: 2000 })).toEqual([28000, 5000, 8000, 3000, 0, 0, 0, 0, 0])
  })

  it('level volume sums the descendants exactly that many levels below', () => {
    expect(kpi({ measure: 'level_volume', level: 1 })).toEqual([15000, 2500, 8000, 3000, 0, 1500, 0, 0, 0])
    expect(kpi({ measure: 'level_volume', level: 2 })).toEqual([10500, 3000, 1500, 0, 0, 0, 0, 0, 0])
    expect(kpi({ measure: 'level_volume', level: 3 })).toEqual([4500, 0, 0, 0, 0, 0, 0, 0, 0])
    expect(kpi({ measure: 'level_volume', level: 4 })).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0])
    expect(kpi({ measure: 'level_volume', level: 2, minimumThreshold: 1000 })).toEqual([10000, 3000, 1500, 0, 0, 0, 0, 0, 0])
  })

  it('returns are the volume returned this period', () => {
    expect(kpi({ measure: 'returns' })).toEqual([0, 700, 0, 0, 0, 0, 0, 0, 250])
  })

  it('a negative personal volume (returns above sales) lowers the group, unless a minimum leaves it out', () => {
    const rows = ROWS.map((r) => (r.id === 8 ? { ...r, pv: -400 } : r))
    const withReturn = setUp(rows)
    expect(kpi({ measure: 'group_volume' }, withReturn, [1, 3, 6, 8])).toEqual([29600, 14100, 9100, -400])
    expect(kpi({ measure: 'group_volume', minimumThreshold: 0 }, withReturn, [1, 3, 6, 8])).toEqual([30000, 14500, 9500, 0])
  })
})

describe('generational volume', () => {
  /*
   * Leaders are rank 2 and above (marked *). Group volumes stopping at nested leaders are in brackets.
   *
   *   #1 Company                pv 0     [0]
   *   └── #2 A *                pv 100   [100 + 200 = 300]
   *       ├── #3 B              pv 200   [200]
   *       │   └── #4 C *        pv 300   [300 + 400 = 700]
   *       │       └── #5 D      pv 400   [400]
   *       │           └── #6 E *  pv 500   [500 + 600 = 1100]
   *       │               └── #7 F  pv 600 [600]
   *       └── #8 G *            pv 700   [700 + 800 = 1500]
   *           └── #9 H          pv 800   [800]
   *
   * Generation 1 of A: C (B between is no leader) and G → 700 + 1500 = 2200. Generation 2 of A: E (C between) → 1100.
   * Generation 1 of the company: A → 300; generation 2: C and G (A between) → 2200; generation 3: E → 1100.
   */
  const generations = setUp([
    { id: 1, parent: 0, pv: 0, av: 0, rank: 0 },
    { id: 2, parent: 1, pv: 100, av: 0, rank: 2 },
    { id: 3, parent: 2, pv: 200, av: 0, rank: 0 },
    { id: 4, parent: 3, pv: 300, av: 0, rank: 2 },
    { id: 5, parent: 4, pv: 400, av: 0, rank: 0 },
    { id: 6, parent: 5, pv: 500, av: 0, rank: 4 },
    { id: 7, parent: 6, pv: 600, av: 0, rank: 0 },
    { id: 8, parent: 2, pv: 700, av: 0, rank: 3 },
    { id: 9, parent: 8, pv: 800, av: 0, rank: 0 },
  ])
  const gen = (generation: number, extra: Partial<KpiDefinition> = {}) =>
    kpi({ measure: 'generational_volume', breakAtRank: 2, generation, ...extra }, generations)

  it('the first generation is the nearest leaders below, each with its own group', () => {
    expect(gen(1)).toEqual([300, 2200, 700, 1100, 1100, 0, 0, 0, 0])
  })

  it('the second and third generations pass one and two leaders on the way', () => {
    expect(gen(2)).toEqual([2200, 1100, 1100, 0, 0, 0, 0, 0, 0])
    expect(gen(3)).toEqual([1100, 0, 0, 0, 0, 0, 0, 0, 0])
    expect(gen(4)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0])
  })

  it('a higher leader rank changes who leads', () => {
    // Only E (rank 4) and G (rank 3) lead at 3. E's group is 1100, G's 1500; C is an ordinary member now.
    expect(gen(1, { breakAtRank: 3 })).toEqual([2600, 2600, 1100, 1100, 1100, 0, 0, 0, 0])
  })

  it('a minimum volume applies inside each leader’s group', () => {
    // At 450 only E 500, F 600, G 700 and H 800 count: A's and C's groups are 0, E's 1100, G's 1500.
    expect(gen(1, { minimumThreshold: 450 })).toEqual([0, 1500, 0, 1100, 1100, 0, 0, 0, 0])
  })
})

describe('activity KPIs', () => {
  it('active members counts the active descendants, not the member itself', () => {
    // Active (volume above 0): Ana, Caro, Gil, Dan, Ivy.
    expect(kpi({ measure: 'active_members' })).toEqual([5, 3, 1, 1, 0, 1, 0, 0, 0])
    // At 1000 and above, Dan is not active.
    expect(kpi({ measure: 'active_members', minimumThreshold: 1000 })).toEqual([4, 2, 1, 1, 0, 1, 0, 0, 0])
  })

  it('active legs counts the children with an active member anywhere in their line', () => {
    // Ben is inactive but his line holds Ivy; Eve's legs are Hal (none) and Ivy.
    expect(kpi({ measure: 'active_legs' })).toEqual([2, 2, 1, 1, 0, 1, 0, 0, 0])
    expect(kpi({ measure: 'active_legs', minimumThreshold: 1000 })).toEqual([2, 1, 1, 1, 0, 1, 0, 0, 0])
    // At 2000 Ivy is not active: Ben's whole line is inactive.
    expect(kpi({ measure: 'active_legs', minimumThreshold: 2000 })).toEqual([1, 1, 0, 1, 0, 0, 0, 0, 0])
  })
})

describe('KPI definitions', () => {
  const base = { code: 'GV', basis: 'qualifying', scope: 'period' } as const

  it('a sound definition has no problems', () => {
    expect(kpiProblems({ ...base, measure: 'group_volume', breakAtRank: 2, minimumThreshold: 100, excludeHeadVolume: true })).toEqual([])
    expect(kpiProblems({ ...base, measure: 'level_volume', level: 3 })).toEqual([])
    expect(kpiProblems({ ...base, measure: 'generational_volume', breakAtRank: 4, generation: 2 })).toEqual([])
    expect(kpiProblems({ ...base, measure: 'group_volume', breakAtRank: null })).toEqual([])
  })

  it('an option the measure does not take is refused by name', () => {
    expect(kpiProblems({ ...base, measure: 'total_volume', excludeHeadVolume: true })).toEqual([
      'KPI “GV”: total volume does not take leaving out the member’s own volume',
    ])
    expect(kpiProblems({ ...base, measure: 'personal_volume', minimumThreshold: 100, breakAtRank: 2 })).toEqual([
      'KPI “GV”: personal volume does not take a break at a rank',
      'KPI “GV”: personal volume does not take a minimum volume',
    ])
    expect(kpiProblems({ ...base, measure: 'group_volume', level: 1, generation: 1 })).toEqual([
      'KPI “GV”: group volume does not take a level',
      'KPI “GV”: group volume does not take a generation',
    ])
  })

  it('level and generational volume need their level, generation and leader rank', () => {
    expect(kpiProblems({ ...base, measure: 'level_volume' })).toEqual([
      'KPI “GV”: level volume needs the level to sum, 1 for direct children',
    ])
    expect(kpiProblems({ ...base, measure: 'level_volume', level: 0 })).toEqual([
      'KPI “GV”: level volume needs the level to sum, 1 for direct children (not 0)',
    ])
    expect(kpiProblems({ ...base, measure: 'generational_volume' })).toEqual([
      'KPI “GV”: generational volume needs the rank that makes a leader (break at rank)',
      'KPI “GV”: generational volume needs the generation to sum, 1 for the first',
    ])
  })

  it('refuses a fractional or negative minimum, a rank of 0, a missing code and an unknown measure', () => {
    expect(kpiProblems({ ...base, measure: 'group_volume', minimumThreshold: 10.5, breakAtRank: 0 })).toEqual([
      'KPI “GV”: the break rank is a rank order of 1 or more, not 0',
      'KPI “GV”: the minimum volume is whole cents of 0 or more, not 10.5',
    ])
    expect(kpiProblems({ ...base, code: ' ', measure: 'returns' })).toEqual(['give the KPI a code'])
    expect(kpiProblems({ ...base, measure: 'volume' as never })).toEqual([
      'KPI “GV”: “volume” is not a measure; choose one of personal_volume, group_volume, total_volume, level_volume, generational_volume, active_members, active_legs, returns',
    ])
  })

  it('calculating a definition with problems throws them; so do fractional cents', () => {
    expect(() => kpi({ measure: 'level_volume' })).toThrow('level volume needs the level')
    const fractional = { ...inputs, personal: Float64Array.from(inputs.personal, (v, i) => (i === 0 ? 0.5 : v)) }
    expect(() => kpi({ measure: 'group_volume' }, { network, inputs: fractional })).toThrow(
      'personal volume of member #4 is 0.5: volumes are whole cents',
    )
  })
})
