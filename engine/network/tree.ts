/**
 * The participant network is one tree: exactly one root, no cycles. Each node keeps a materialized path of ids,
 * `/1/4/9/`, so "X's subtree" is every node whose path contains `/X/` (ids are unique, so the segment can only
 * appear where X is an ancestor or the node itself).
 */

export type TreeNode = { id: number; name: string; path?: string | null }

export function pathOf(parentPath: string | null | undefined, id: number): string {
  return `${parentPath ?? '/'}${id}/`
}

/** The ids on a path, root first: `/1/4/9/` → [1, 4, 9]. */
export function idsOnPath(path: string): number[] {
  return path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      const id = Number(segment)
      if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`malformed participant path "${path}"`)
      return id
    })
}

/** The filter fragment that selects a node and everything beneath it. */
export function subtreeSegment(id: number): string {
  return `/${id}/`
}

export function isInSubtree(path: string | null | undefined, ancestorId: number): boolean {
  return Boolean(path?.includes(subtreeSegment(ancestorId)))
}

/** Rewrites a descendant's path when its subtree moves from `oldPrefix` to `newPrefix`. */
export function rebasePath(path: string, oldPrefix: string, newPrefix: string): string {
  if (!path.startsWith(oldPrefix)) throw new Error(`path "${path}" is not under "${oldPrefix}"`)
  return newPrefix + path.slice(oldPrefix.length)
}

export type ParentChange = {
  /** The node being created or moved; `id` is undefined while it is being created. */
  node: { id?: number; name: string }
  newParent: TreeNode | null
  /** The current root, if the tree has one. */
  root: TreeNode | null
  /** Names of the nodes on `newParent.path`, for a readable message. */
  namesById?: ReadonlyMap<number, string>
}

/**
 * Why a parent assignment would break the tree, or null when it is sound.
 * Messages name the participants involved.
 */
export function parentChangeProblem(change: ParentChange): string | null {
  const { node, newParent, root } = change
  if (newParent === null) {
    if (root && root.id !== node.id) {
      return `"${node.name}" needs a parent: the network already has its root, "${root.name}", and there can be only one`
    }
    return null
  }
  if (node.id === undefined) return null
  if (newParent.id === node.id) return `"${node.name}" cannot be its own parent`
  if (isInSubtree(newParent.path, node.id)) {
    const names = change.namesById
    const chain = newParent.path ? idsOnPath(newParent.path) : []
    const from = chain.indexOf(node.id)
    const loop = chain.slice(from).map((id) => `"${names?.get(id) ?? `#${id}`}"`)
    return `moving "${node.name}" under "${newParent.name}" would make a cycle: "${newParent.name}" is inside "${node.name}"'s own subtree (${loop.join(' → ')})`
  }
  return null
}

export type IntegrityRow = { id: number; name: string; parentId: number | null; path: string | null }

/**
 * Checks a whole tree (as stored): one root, every parent exists, no cycle, every path equals the path derived
 * from the parent chain. Returns one message per problem.
 */
export function treeIntegrityProblems(rows: readonly IntegrityRow[]): string[] {
  const problems: string[] = []
  const byId = new Map(rows.map((row) => [row.id, row]))
  const roots = rows.filter((row) => row.parentId === null)
  if (rows.length > 0 && roots.length !== 1) {
    problems.push(`the network must have exactly one root, found ${roots.length}: ${roots.map((r) => `"${r.name}"`).join(', ') || 'none'}`)
  }
  const derived = new Map<number, string>()
  const derive = (row: IntegrityRow): string | null => {
    const seen = new Set<number>()
    const chain: IntegrityRow[] = []
    let current: IntegrityRow | undefined = row
    while (current) {
      const known = derived.get(current.id)
      if (known !== undefined) break
      if (seen.has(current.id)) {
        problems.push(`cycle through ${chain.map((r) => `"${r.name}"`).join(' → ')}`)
        return null
      }
      seen.add(current.id)
      chain.push(current)
      if (current.parentId === null) break
      const parent = byId.get(current.parentId)
      if (!parent) {
        problems.push(`"${current.name}" has a parent #${current.parentId} that does not exist`)
        return null
      }
      current = parent
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const link = chain[i]!
      const parentPath = link.parentId === null ? null : derived.get(link.parentId)
      derived.set(link.id, pathOf(parentPath, link.id))
    }
    return derived.get(row.id) ?? null
  }
  for (const row of rows) {
    const expected = derive(row)
    if (expected !== null && row.path !== expected) {
      problems.push(`"${row.name}" has path ${row.path ?? '(none)'} but its parent chain gives ${expected}`)
    }
  }
  return problems
}
