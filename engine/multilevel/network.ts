/**
 * The multilevel network in memory: every member addressed by an index 0..n-1, the tree held in typed arrays so a
 * run over ten million members needs a few hundred megabytes and no object per member.
 *
 * - `parent`, `depth`: one Int32 per member (the root has parent -1 and depth 0);
 * - `order`: every index with parents before children (breadth-first from the root). Walking it forwards pushes
 *   values down the tree; walking it backwards (children before parents) sums values up, which is how every KPI
 *   and bonus here avoids recursion;
 * - `childStart` / `children`: the children of each member in compressed rows (CSR), children of `i` being
 *   `children[childStart[i] .. childStart[i + 1])`, in index order.
 *
 * `buildNetwork` refuses a set of members that is not one tree and says why in words an administrator can act on:
 * which members have no parent, which parent is unknown, which members form a cycle, which ids repeat.
 */

export type Network = {
  size: number
  /** Participant id per index. */
  ids: Int32Array
  /** Parent index, -1 for the root. */
  parent: Int32Array
  /** Levels below the root (the root is 0). */
  depth: Int32Array
  /** Every index, parents before children (breadth-first from the root). */
  order: Int32Array
  /** Children of `i` are `children[childStart[i] .. childStart[i + 1])`. */
  childStart: Int32Array
  children: Int32Array
  root: number
}

/** One reason the members do not form a tree; `id` is the member it is about, 0 for the network as a whole. */
export type NetworkProblem = { id: number; message: string }

export type BuildResult = { network: Network; problems: [] } | { network: null; problems: NetworkProblem[] }

/** Problems listed before the rest are summed up in one line: a broken import can hold millions. */
export const MAX_NETWORK_PROBLEMS = 20

/** Members named in full in one message (a cycle, the roots); the rest are counted. */
const MAX_NAMED = 10

const MAX_ID = 0x7fffffff

/** `“Ana” (#12)`, or `#12` when no names are given. */
function labelOf(names: ((id: number) => string) | undefined, id: number): string {
  return names ? `“${names(id)}” (#${id})` : `#${id}`
}

/** `“Ana”`, or `#12` when no names are given: the short form a chain of members is written in. */
function shortLabelOf(names: ((id: number) => string) | undefined, id: number): string {
  return names ? `“${names(id)}”` : `#${id}`
}

/**
 * A lookup from participant id to index built once over `ids`: a dense Int32Array when the ids are roughly
 * 1..n (the usual database sequence), an open-addressing hash table of two Int32Arrays otherwise; no Map, so ten
 * million ids cost 40 to 130 MB, never millions of boxed entries. Ids must be whole numbers from 1 to 2^31 - 1.
 * `duplicates` receives the index of every repeated id after its first occurrence.
 */
function idLookup(ids: ArrayLike<number>, onDuplicate?: (index: number, firstIndex: number) => void): (id: number) => number {
  const n = ids.length
  let maxId = 0
  for (let i = 0; i < n; i++) if (ids[i]! > maxId) maxId = ids[i]!
  if (maxId <= 2 * n + 1024) {
    // Dense: slot `id` holds index + 1 (0 = absent), so the array needs no fill.
    const slot = new Int32Array(maxId + 1)
    for (let i = 0; i < n; i++) {
      const id = ids[i]!
      if (slot[id] !== 0) onDuplicate?.(i, slot[id]! - 1)
      else slot[id] = i + 1
    }
    return (id) => (Number.isInteger(id) && id > 0 && id <= maxId ? slot[id]! - 1 : -1)
  }
  let bits = 1
  while (1 << bits < 2 * n) bits++
  const mask = (1 << bits) - 1
  const keys = new Int32Array(1 << bits) // 0 = empty (ids are positive)
  const values = new Int32Array(1 << bits)
  const home = (id: number) => Math.imul(id, 0x9e3779b1) >>> (32 - bits)
  for (let i = 0; i < n; i++) {
    const id = ids[i]!
    let h = home(id)
    while (keys[h] !== 0 && keys[h] !== id) h = (h + 1) & mask
    if (keys[h] === id) {
      onDuplicate?.(i, values[h]!)
      continue
    }
    keys[h] = id
    values[h] = i
  }
  return (id) => {
    if (!Number.isInteger(id) || id <= 0 || id > MAX_ID) return -1
    let h = home(id)
    while (keys[h] !== 0) {
      if (keys[h] === id) return values[h]!
      h = (h + 1) & mask
    }
    return -1
  }
}

/**
 * The network of `ids` where member `ids[k]` has parent `parentIds[k]` (0 = no parent: the root, the company).
 * `names` gives a member's display name for the messages. On success `problems` is empty; otherwise `network` is null
 * and `problems` lists at most MAX_NETWORK_PROBLEMS reasons (then one line counting the rest).
 */
export function buildNetwork(ids: ArrayLike<number>, parentIds: ArrayLike<number>, names?: (id: number) => string): BuildResult {
  const n = ids.length
  const problems: NetworkProblem[] = []
  let hidden = 0
  const report = (id: number, message: string) => {
    if (problems.length < MAX_NETWORK_PROBLEMS) problems.push({ id, message })
    else hidden++
  }
  const fail = (): BuildResult => {
    if (hidden > 0) problems.push({ id: 0, message: `and ${hidden} more problem${hidden === 1 ? '' : 's'} like these` })
    return { network: null, problems }
  }
  const label = (id: number) => labelOf(names, id)

  if (parentIds.length !== n) {
    report(0, `there are ${n} members but ${parentIds.length} parent references: each member needs exactly one`)
    return fail()
  }
  if (n === 0) {
    report(0, 'the network has no members: it needs at least its root, the company')
    return fail()
  }
  for (let i = 0; i < n; i++) {
    const id = ids[i]!
    if (!Number.isInteger(id) || id <= 0 || id > MAX_ID)
      report(0, `member id ${String(id)} is not valid: ids are whole numbers from 1 to ${MAX_ID}`)
    const p = parentIds[i]!
    if (!Number.isInteger(p) || p < 0 || p > MAX_ID) report(id, `${label(id)} names parent ${String(p)}, which is not a member id`)
  }
  if (problems.length > 0) return fail()

  const seenTwice = new Uint8Array(n)
  const indexOf = idLookup(ids, (index, first) => {
    if (seenTwice[first]) return
    seenTwice[first] = 1
    report(ids[index]!, `${label(ids[index]!)} appears more than once: each member must be listed once`)
  })
  if (problems.length > 0) return fail()

  // Parents, roots and unknown parents.
  const parent = new Int32Array(n)
  let rootCount = 0
  let root = -1
  const rootIds: number[] = []
  for (let i = 0; i < n; i++) {
    const p = parentIds[i]!
    if (p === 0) {
      parent[i] = -1
      rootCount++
      if (root === -1) root = i
      if (rootIds.length < MAX_NAMED) rootIds.push(ids[i]!)
      continue
    }
    const pi = indexOf(p)
    parent[i] = pi
    if (pi === -1) report(ids[i]!, `${label(ids[i]!)} names parent #${p}, which is not in the network`)
  }
  if (rootCount === 0) report(0, 'the network has no root: exactly one member, the company, must have no parent')
  if (rootCount > 1) {
    const more = rootCount > rootIds.length ? ` and ${rootCount - rootIds.length} more` : ''
    report(
      0,
      `the network has ${rootCount} roots, ${rootIds.map(label).join(', ')}${more}: exactly one member, the company, may have no parent`,
    )
  }

  // Cycles: follow parents from every member not yet settled. Reaching a member stamped by the same walk closes a
  // cycle; reaching a settled member, the root or an unknown parent ends the walk. Each member is walked once: O(n).
  const stamp = new Int32Array(n) // 0 = not seen, w = seen by walk w, -1 = settled
  let walk = 0
  for (let start = 0; start < n; start++) {
    if (stamp[start] !== 0) continue
    walk++
    let i = start
    while (i !== -1 && stamp[i] === 0) {
      stamp[i] = walk
      i = parent[i]!
    }
    if (i !== -1 && stamp[i] === walk) reportCycle(i)
    for (let j = start; j !== -1 && stamp[j] === walk; j = parent[j]!) stamp[j] = -1
  }

  function reportCycle(entry: number): void {
    // The members of the cycle, child to parent from `entry`; written parent to child from its lowest index.
    const members: number[] = []
    let lowest = entry
    let i = entry
    do {
      members.push(i)
      if (i < lowest) lowest = i
      i = parent[i]!
    } while (i !== entry)
    const from = members.indexOf(lowest)
    const chain: number[] = [lowest]
    for (let k = 1; k < members.length; k++) chain.push(members[(from - k + members.length) % members.length]!)
    const shown = chain.slice(0, MAX_NAMED).map((m) => shortLabelOf(names, ids[m]!))
    const text =
      chain.length > MAX_NAMED
        ? `${shown.join(' → ')} → … (${chain.length - MAX_NAMED} more) → ${shortLabelOf(names, ids[lowest]!)}`
        : `${[...shown, shortLabelOf(names, ids[lowest]!)].join(' → ')}`
    report(ids[lowest]!, `${text} form a cycle: the network needs one root and no cycles`)
  }

  if (problems.length > 0) return fail()

  // Children in compressed rows, in index order.
  const childStart = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) {
    const p = parent[i]!
    if (p !== -1) childStart[p + 1] = childStart[p + 1]! + 1
  }
  for (let i = 0; i < n; i++) childStart[i + 1] = childStart[i + 1]! + childStart[i]!
  const children = new Int32Array(Math.max(n - 1, 0))
  const fill = childStart.slice(0, n)
  for (let i = 0; i < n; i++) {
    const p = parent[i]!
    if (p === -1) continue
    children[fill[p]!] = i
    fill[p] = fill[p]! + 1
  }

  // Breadth-first order and depths: `order` is its own queue.
  const order = new Int32Array(n)
  const depth = new Int32Array(n)
  order[0] = root
  let tail = 1
  for (let head = 0; head < tail; head++) {
    const i = order[head]!
    for (let k = childStart[i]!; k < childStart[i + 1]!; k++) {
      const c = children[k]!
      depth[c] = depth[i]! + 1
      order[tail++] = c
    }
  }

  return {
    network: { size: n, ids: Int32Array.from(ids), parent, depth, order, childStart, children, root },
    problems: [],
  }
}

/** The index of a participant id in `network`, -1 when it is not a member; the lookup is built once per call. */
export function indexOfIds(network: Network): (id: number) => number {
  return idLookup(network.ids)
}
