import { describe, expect, it } from 'vitest'

import { idsOnPath, isInSubtree, parentChangeProblem, pathOf, rebasePath, treeIntegrityProblems } from '../../../engine/network/tree'

const root = { id: 1, name: 'Northwind', path: '/1/' }
const territory = { id: 3, name: 'Pacific', path: '/1/2/3/' }
const agent = { id: 5, name: 'Leo', path: '/1/2/3/5/' }
const names = new Map([
  [1, 'Northwind'],
  [2, 'Summit'],
  [3, 'Pacific'],
  [5, 'Leo'],
])

describe('materialized paths', () => {
  it('builds a child path from its parent', () => {
    expect(pathOf(null, 1)).toBe('/1/')
    expect(pathOf('/1/2/', 7)).toBe('/1/2/7/')
  })

  it('reads the ids root first and refuses a malformed path', () => {
    expect(idsOnPath('/1/2/3/')).toEqual([1, 2, 3])
    expect(() => idsOnPath('/1/x/')).toThrow(/malformed/)
  })

  it('a subtree is every path holding the /id/ segment, and not a path with a longer id that contains it', () => {
    expect(isInSubtree('/1/2/3/', 2)).toBe(true)
    expect(isInSubtree('/1/12/3/', 2)).toBe(false)
    expect(isInSubtree('/1/21/', 1)).toBe(true)
    expect(isInSubtree('/1/21/', 2)).toBe(false)
  })

  it('rebases a descendant when its subtree moves', () => {
    expect(rebasePath('/1/2/3/5/', '/1/2/3/', '/1/9/3/')).toBe('/1/9/3/5/')
    expect(() => rebasePath('/1/4/', '/1/2/', '/1/9/')).toThrow(/not under/)
  })
})

describe('parent changes', () => {
  it('refuses a cycle and names every participant on it', () => {
    expect(parentChangeProblem({ node: { id: 2, name: 'Summit' }, newParent: agent, root, namesById: names })).toBe(
      'moving "Summit" under "Leo" would make a cycle: "Leo" is inside "Summit"\'s own subtree ("Summit" → "Pacific" → "Leo")',
    )
  })

  it('refuses a node as its own parent', () => {
    expect(parentChangeProblem({ node: { id: 3, name: 'Pacific' }, newParent: territory, root })).toBe('"Pacific" cannot be its own parent')
  })

  it('refuses a second root and names the existing one', () => {
    expect(parentChangeProblem({ node: { name: 'Rogue Co' }, newParent: null, root })).toMatch(/"Rogue Co" needs a parent: .*"Northwind"/)
  })

  it('accepts the first root, a new node anywhere, and a move to a sibling branch', () => {
    expect(parentChangeProblem({ node: { name: 'Northwind' }, newParent: null, root: null })).toBeNull()
    expect(parentChangeProblem({ node: { name: 'New' }, newParent: agent, root })).toBeNull()
    expect(parentChangeProblem({ node: { id: 3, name: 'Pacific' }, newParent: { id: 4, name: 'Coastal', path: '/1/4/' }, root })).toBeNull()
  })
})

describe('tree integrity', () => {
  it('passes a sound tree', () => {
    expect(
      treeIntegrityProblems([
        { id: 1, name: 'A', parentId: null, path: '/1/' },
        { id: 2, name: 'B', parentId: 1, path: '/1/2/' },
        { id: 3, name: 'C', parentId: 2, path: '/1/2/3/' },
      ]),
    ).toEqual([])
  })

  it('reports two roots, a stale path, a missing parent and a cycle', () => {
    const problems = treeIntegrityProblems([
      { id: 1, name: 'A', parentId: null, path: '/1/' },
      { id: 2, name: 'B', parentId: null, path: '/2/' },
      { id: 3, name: 'C', parentId: 1, path: '/2/3/' },
      { id: 4, name: 'D', parentId: 99, path: '/99/4/' },
      { id: 5, name: 'E', parentId: 6, path: null },
      { id: 6, name: 'F', parentId: 5, path: null },
    ])
    expect(problems).toContain('the network must have exactly one root, found 2: "A", "B"')
    expect(problems).toContain('"C" has path /2/3/ but its parent chain gives /1/3/')
    expect(problems).toContain('"D" has a parent #99 that does not exist')
    expect(problems.some((p) => p.startsWith('cycle through "E" → "F"'))).toBe(true)
  })
})
