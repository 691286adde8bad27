import { describe, expect, it } from 'vitest'

import { differential, differentialRateTable, unilevel } from '../../../engine/multilevel/bonuses'
import { calculateKpi } from '../../../engine/multilevel/kpis'
import type { KpiDefinition } from '../../../engine/multilevel/kpis'
import { buildNetwork, indexOfIds } from '../../../engine/multilevel/network'

/*
 * A million members: ids 1..1,000,000, a chain #1 → #2 → … → #1000 (the company at #1), then every later member
 * under a scattered earlier one. These tests check sums that hold for any tree, not timings.
 */
const N = 1_000_000
const CHAIN = 1000

function parentOf(id: number): number {
  if (id === 1) return 0
  if (id <= CHAIN) return id - 1
  return 1 + ((id * 7919) % (id - 1))
}

const ids = new Int32Array(N)
const parentIds = new Int32Array(N)
// Given youngest first, so parents come after their children in the input.
for (let k = 0; k < N; k++) {
  const id = N - k
  ids[k] = id
  parentIds[k] = parentOf(id)
}
const personal = Float64Array.from(ids, (id) => (id % 100) * 100 - (id % 37 === 0 ? 5000 : 0))
const activeVolume = Float64Array.from(personal, (v) => Math.max(v, 0))
const rank = Int32Array.from(ids, (id) => (id % 5 === 0 ? 2 : id % 3 === 0 ? 1 : 0))
const inputs = { personal, activeVolume, returns: new Float64Array(N), rank }

const built = buildNetwork(ids, parentIds)
if (!built.network) throw new Error(built.problems.map((p) => p.message).join('; '))
const network = built.network
const root = network.root

let totalVolume = 0
let activeCount = 0
for (let i = 0; i < N; i++) {
  totalVolume += personal[i]!
  if (activeVolume[i]! > 0) activeCount++
}

const kpi = (def: Partial<KpiDefinition> & Pick<KpiDefinition, 'measure'>) =>
  calculateKpi(network, { code: 'K', basis: 'qualifying', scope: 'period', ...def }, inputs)

describe('a network of a million members', { timeout: 120_000 }, () => {
  it('is built as one tree, every member after its parent', () => {
    expect(network.size).toBe(N)
    expect(network.ids[root]).toBe(1)
    expect(network.depth[indexOfIds(network)(CHAIN)]).toBe(CHAIN - 1)
    const seen = new Uint8Array(N)
    seen[root] = 1
    let ordered = true
    for (let k = 1; k < N; k++) {
      const i = network.order[k]!
      if (!seen[network.parent[i]!]) ordered = false
      seen[i] = 1
    }
    expect(ordered).toBe(true)
  })

  it('the company’s group volume is everybody’s volume, and its total volume all but its own', () => {
    expect(kpi({ measure: 'group_volume' })[root]).toBe(totalVolume)
    expect(kpi({ measure: 'total_volume' })[root]).toBe(totalVolume - personal[root]!)
  })

  it('every member is in exactly one leader’s (or the company’s) broken group', () => {
    const broken = kpi({ measure: 'group_volume', breakAtRank: 2 })
    let sum = 0
    for (let i = 0; i < N; i++) if (i === root || rank[i]! >= 2) sum += broken[i]!
    expect(sum).toBe(totalVolume)
  })

  it('every member but the company is at level 1 of exactly one member', () => {
    const level1 = kpi({ measure: 'level_volume', level: 1 })
    let sum = 0
    for (let i = 0; i < N; i++) sum += level1[i]!
    expect(sum).toBe(totalVolume - personal[root]!)
  })

  it('the company counts every active member below it', () => {
    expect(kpi({ measure: 'active_members' })[root]).toBe(activeCount - (activeVolume[root]! > 0 ? 1 : 0))
  })

  it('unilevel pays each base at most as many levels as there are members between it and the company', () => {
    const everyone = new Uint8Array(N).fill(1)
    const earnings = unilevel(network, personal, everyone, 3, true)
    let expected = 0
    for (let i = 0; i < N; i++) if (personal[i] !== 0 && i !== root) expected += Math.min(3, network.depth[i]! - 1)
    expect(earnings.count).toBe(expected)
  })

  it('the differentials on one base never add up to more than the top rate', () => {
    const config = { rates: ['0', '4', '10'] }
    const { table } = differentialRateTable(config)
    const percent = table.map(Number)
    const everyone = new Uint8Array(N).fill(1)
    const earnings = differential(network, personal, rank, everyone, config)
    const paid = new Float64Array(N)
    for (let k = 0; k < earnings.count; k++) paid[earnings.from[k]!] = paid[earnings.from[k]!]! + percent[earnings.rate[k]!]!
    let over = 0
    for (let i = 0; i < N; i++) if (paid[i]! > 10) over++
    expect(earnings.count).toBeGreaterThan(N / 2)
    expect(over).toBe(0)
  })
})
