import { describe, expect, it } from 'vitest'

import { buildNetwork, indexOfIds, MAX_NETWORK_PROBLEMS } from '../../../engine/multilevel/network'
import type { Network } from '../../../engine/multilevel/network'

/*
 * The tree of these tests, given out of order on purpose:
 *
 *   #1 Company
 *   ├── #2 Ana
 *   │   ├── #4 Caro
 *   │   │   └── #7 Gil
 *   │   └── #5 Dan
 *   └── #3 Ben
 *       └── #6 Eve
 *           ├── #8 Hal
 *           └── #9 Ivy
 */
const ids = [4, 1, 2, 7, 5, 3, 6, 8, 9]
const parents = [2, 0, 1, 4, 2, 1, 3, 6, 6]
const NAMES: Record<number, string> = { 1: 'Company', 2: 'Ana', 3: 'Ben', 4: 'Caro', 5: 'Dan', 6: 'Eve', 7: 'Gil', 8: 'Hal', 9: 'Ivy' }
const names = (id: number) => NAMES[id] ?? `member ${id}`

function built(memberIds: number[], parentIds: number[]): Network {
  const result = buildNetwork(memberIds, parentIds, names)
  if (result.network === null) throw new Error(result.problems.map((p) => p.message).join('\n'))
  return result.network
}

/** The ids of `indexes`, to compare with the drawing. */
const idsAt = (network: Network, indexes: ArrayLike<number>) => Array.from(indexes, (i) => network.ids[i])

describe('building the network', () => {
  it('finds the root and orders every member after its parent, breadth first', () => {
    const network = built(ids, parents)
    expect(network.size).toBe(9)
    expect(network.ids[network.root]).toBe(1)
    expect(idsAt(network, network.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('keeps each member’s parent and depth by index', () => {
    const network = built(ids, parents)
    const at = indexOfIds(network)
    expect(network.parent[at(1)]).toBe(-1)
    expect(network.ids[network.parent[at(7)]!]).toBe(4)
    expect(network.ids[network.parent[at(9)]!]).toBe(6)
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((id) => network.depth[at(id)])).toEqual([0, 1, 1, 2, 2, 2, 3, 3, 3])
  })

  it('lists the children of each member in compressed rows', () => {
    const network = built(ids, parents)
    const at = indexOfIds(network)
    const childrenOf = (id: number) => {
      const i = at(id)
      return idsAt(network, network.children.subarray(network.childStart[i], network.childStart[i + 1]))
    }
    expect(childrenOf(1)).toEqual([2, 3])
    expect(childrenOf(2)).toEqual([4, 5])
    expect(childrenOf(6)).toEqual([8, 9])
    expect(childrenOf(7)).toEqual([])
    expect(network.children.length).toBe(8)
  })

  it('looks ids up in both the dense and the hashed index, -1 for a stranger', () => {
    const small = built(ids, parents)
    expect(indexOfIds(small)(7)).toBe(3)
    expect(indexOfIds(small)(99)).toBe(-1)
    expect(indexOfIds(small)(0)).toBe(-1)
    // Ids far beyond the member count are hashed rather than held in a dense array.
    const big = built([2_000_000_001, 1_500_000_000, 77], [0, 2_000_000_001, 1_500_000_000])
    const at = indexOfIds(big)
    expect([at(2_000_000_001), at(1_500_000_000), at(77), at(78)]).toEqual([0, 1, 2, -1])
    expect(idsAt(big, big.order)).toEqual([2_000_000_001, 1_500_000_000, 77])
    expect(Array.from(big.depth)).toEqual([0, 1, 2])
  })

  it('a single member is a network: the company alone', () => {
    const network = built([5], [0])
    expect(network.root).toBe(0)
    expect(Array.from(network.order)).toEqual([0])
    expect(network.children.length).toBe(0)
  })
})

describe('a set of members that is not one tree', () => {
  const problemsOf = (memberIds: number[], parentIds: number[], withNames = true) => {
    const result = buildNetwork(memberIds, parentIds, withNames ? names : undefined)
    expect(result.network).toBeNull()
    return result.problems
  }

  it('refuses a network without a root', () => {
    // #2 and #3 are each other's parent: no member is left without a parent.
    expect(problemsOf([2, 3], [3, 2]).map((p) => p.message)).toEqual([
      'the network has no root: exactly one member, the company, must have no parent',
      '“Ana” → “Ben” → “Ana” form a cycle: the network needs one root and no cycles',
    ])
  })

  it('names every root when there is more than one', () => {
    expect(problemsOf([1, 2, 3], [0, 0, 1])).toEqual([
      {
        id: 0,
        message: 'the network has 2 roots, “Company” (#1), “Ana” (#2): exactly one member, the company, may have no parent',
      },
    ])
  })

  it('names a parent that is not a member', () => {
    expect(problemsOf([1, 12], [0, 99])).toEqual([{ id: 12, message: '“member 12” (#12) names parent #99, which is not in the network' }])
    expect(problemsOf([1, 2], [0, 99], false)).toEqual([{ id: 2, message: '#2 names parent #99, which is not in the network' }])
  })

  it('names the members of a cycle, each the parent of the next, from the first listed', () => {
    // #2's parent is #3, #3's parent is #4, #4's parent is #2; #5 hangs below the cycle and is not part of it.
    expect(problemsOf([1, 2, 3, 4, 5], [0, 3, 4, 2, 4])).toEqual([
      { id: 2, message: '“Ana” → “Caro” → “Ben” → “Ana” form a cycle: the network needs one root and no cycles' },
    ])
  })

  it('a member that is its own parent is a cycle of one', () => {
    expect(problemsOf([1, 6], [0, 6], false)).toEqual([
      { id: 6, message: '#6 → #6 form a cycle: the network needs one root and no cycles' },
    ])
  })

  it('reports two separate cycles separately', () => {
    expect(problemsOf([1, 2, 3, 4, 5], [0, 3, 2, 5, 4], false).map((p) => p.message)).toEqual([
      '#2 → #3 → #2 form a cycle: the network needs one root and no cycles',
      '#4 → #5 → #4 form a cycle: the network needs one root and no cycles',
    ])
  })

  it('refuses an id listed twice, once per id', () => {
    expect(problemsOf([1, 2, 2, 2, 3], [0, 1, 1, 1, 1])).toEqual([
      { id: 2, message: '“Ana” (#2) appears more than once: each member must be listed once' },
    ])
    // The hashed index finds duplicates too.
    expect(problemsOf([2_000_000_000, 1_999_999_999, 1_999_999_999], [0, 2_000_000_000, 2_000_000_000], false)).toEqual([
      { id: 1_999_999_999, message: '#1999999999 appears more than once: each member must be listed once' },
    ])
  })

  it('refuses ids that are not whole positive numbers and mismatched columns', () => {
    expect(problemsOf([1, 0, 2.5], [0, 1, 1], false).map((p) => p.message)).toEqual([
      'member id 0 is not valid: ids are whole numbers from 1 to 2147483647',
      'member id 2.5 is not valid: ids are whole numbers from 1 to 2147483647',
    ])
    expect(problemsOf([1, 2], [0], false).map((p) => p.message)).toEqual([
      'there are 2 members but 1 parent references: each member needs exactly one',
    ])
    expect(problemsOf([], [], false).map((p) => p.message)).toEqual(['the network has no members: it needs at least its root, the company'])
  })

  it('lists at most 20 problems, then counts the rest', () => {
    // 30 members all naming parents that do not exist, beside a proper root.
    const memberIds = [1, ...Array.from({ length: 30 }, (_, k) => k + 2)]
    const parentIds = [0, ...Array.from({ length: 30 }, (_, k) => 1000 + k)]
    const problems = problemsOf(memberIds, parentIds, false)
    expect(problems).toHaveLength(MAX_NETWORK_PROBLEMS + 1)
    expect(problems[0]).toEqual({ id: 2, message: '#2 names parent #1000, which is not in the network' })
    expect(problems[MAX_NETWORK_PROBLEMS]).toEqual({ id: 0, message: 'and 10 more problems like these' })
  })
})
