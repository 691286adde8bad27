/**
 * Network KPIs: one number per member, computed for every member at once over the typed-array network.
 *
 * Volumes are whole hundredths of a volume point ("cents of volume") held in Float64Array: every sum of integers
 * below 2^53 is exact, so no decimal library is needed in these loops. Which volume a KPI reads (qualifying or
 * commissionable, of the period or cumulative) is chosen by the caller, who passes that array as `personal`:
 * `basis` and `scope` describe the KPI for the admin and the loader; the arithmetic is the same for all four.
 *
 * The measures (i is a member, "counted volume" is its personal volume, or 0 when `minimumThreshold` is set and the
 * personal volume is below it):
 * - personal_volume: i's personal volume (the threshold does not apply).
 * - group_volume: i's counted volume (left out with `excludeHeadVolume`) plus every descendant's. With `breakAtRank`
 *   a descendant whose rank order is at least that is a leader: the leader and everything beneath it are left out
 *   of i's group (i's own rank never matters to its own group).
 * - total_volume: every descendant's counted volume, never i's own and never broken at leaders.
 * - level_volume: the counted volume of the descendants exactly `level` levels below i (1 = direct children).
 * - generational_volume: with breakAtRank R and generation G, the leaders below i (rank >= R) with exactly G - 1
 *   leaders strictly between them and i form i's generation G; the value is the sum of their group volumes, each
 *   group stopping at its own nested leaders (group volume with breakAtRank R, the leader's own volume included;
 *   the threshold applies inside those groups).
 * - active_members: descendants (not i) that are active; active_legs: direct children whose subtree (the child
 *   included) holds at least one active member. Active means a personal qualifying volume of the period
 *   (`activeVolume`) of at least `minimumThreshold`, or above 0 when no threshold is set.
 * - returns: the volume returned this period, `returns[i]`.
 *
 * Every measure is one or two passes over `network.order` (backwards, children before parents, sums up the tree);
 * level_volume is O(n * level) and generational_volume O(n * generation).
 */
import type { Network } from './network'

export const KPI_MEASURES = [
  'personal_volume',
  'group_volume',
  'total_volume',
  'level_volume',
  'generational_volume',
  'active_members',
  'active_legs',
  'returns',
] as const
export type KpiMeasure = (typeof KPI_MEASURES)[number]

export type KpiDefinition = {
  code: string
  measure: KpiMeasure
  basis: 'qualifying' | 'commissionable'
  scope: 'period' | 'cumulative'
  /** group_volume: leave the member's own personal volume out. */
  excludeHeadVolume?: boolean
  /** group_volume / generational_volume: rank order from which a descendant is a leader (see the file comment). */
  breakAtRank?: number | null
  /** Cents: the least personal volume that counts in a volume (group, total, level, generational) or makes a member active. */
  minimumThreshold?: number
  /** level_volume: 1 = direct children. */
  level?: number
  /** generational_volume: 1 = first generation. */
  generation?: number
}

export type KpiInputs = {
  /** The basis + scope volume per member, net of returns (whole cents). */
  personal: Float64Array
  /** Personal qualifying volume of the period: the activity test. */
  activeVolume: Float64Array
  /** Volume returned this period, positive. */
  returns: Float64Array
  /** Rank order per member (0 = none), for breakAtRank. */
  rank: Int32Array
}

/** The measures each option belongs to. */
const OPTION_MEASURES = {
  excludeHeadVolume: ['group_volume'],
  breakAtRank: ['group_volume', 'generational_volume'],
  minimumThreshold: ['group_volume', 'total_volume', 'level_volume', 'generational_volume', 'active_members', 'active_legs'],
  level: ['level_volume'],
  generation: ['generational_volume'],
} as const satisfies Record<string, readonly KpiMeasure[]>

const OPTION_LABELS: Record<keyof typeof OPTION_MEASURES, string> = {
  excludeHeadVolume: 'leaving out the member’s own volume',
  breakAtRank: 'a break at a rank',
  minimumThreshold: 'a minimum volume',
  level: 'a level',
  generation: 'a generation',
}

const MEASURE_LABELS: Record<KpiMeasure, string> = {
  personal_volume: 'personal volume',
  group_volume: 'group volume',
  total_volume: 'total volume',
  level_volume: 'level volume',
  generational_volume: 'generational volume',
  active_members: 'active members',
  active_legs: 'active legs',
  returns: 'returns',
}

const isPositiveWhole = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 1

/** What is wrong with a KPI definition, in words for the admin who wrote it; empty when it can be calculated. */
export function kpiProblems(def: KpiDefinition): string[] {
  const problems: string[] = []
  const code = typeof def.code === 'string' ? def.code.trim() : ''
  const name = code === '' ? 'the KPI' : `KPI “${code}”`
  if (code === '') problems.push('give the KPI a code')
  if (!(KPI_MEASURES as readonly string[]).includes(def.measure)) {
    problems.push(`${name}: “${String(def.measure)}” is not a measure; choose one of ${KPI_MEASURES.join(', ')}`)
    return problems
  }
  if (def.basis !== 'qualifying' && def.basis !== 'commissionable')
    problems.push(`${name}: the volume basis is qualifying or commissionable, not “${String(def.basis)}”`)
  if (def.scope !== 'period' && def.scope !== 'cumulative')
    problems.push(`${name}: the scope is period or cumulative, not “${String(def.scope)}”`)

  const measure = MEASURE_LABELS[def.measure]
  for (const option of Object.keys(OPTION_MEASURES) as (keyof typeof OPTION_MEASURES)[]) {
    const value = def[option]
    const set = option === 'excludeHeadVolume' ? value === true : value !== undefined && value !== null
    if (set && !(OPTION_MEASURES[option] as readonly KpiMeasure[]).includes(def.measure))
      problems.push(`${name}: ${measure} does not take ${OPTION_LABELS[option]}`)
  }

  if (def.breakAtRank !== undefined && def.breakAtRank !== null && !isPositiveWhole(def.breakAtRank))
    problems.push(`${name}: the break rank is a rank order of 1 or more, not ${String(def.breakAtRank)}`)
  if (def.measure === 'generational_volume' && (def.breakAtRank === undefined || def.breakAtRank === null))
    problems.push(`${name}: generational volume needs the rank that makes a leader (break at rank)`)
  if (def.minimumThreshold !== undefined && !(Number.isSafeInteger(def.minimumThreshold) && def.minimumThreshold >= 0))
    problems.push(`${name}: the minimum volume is whole cents of 0 or more, not ${String(def.minimumThreshold)}`)
  if (def.measure === 'level_volume' && !isPositiveWhole(def.level))
    problems.push(
      `${name}: level volume needs the level to sum, 1 for direct children${def.level === undefined ? '' : ` (not ${String(def.level)})`}`,
    )
  if (def.measure === 'generational_volume' && !isPositiveWhole(def.generation))
    problems.push(
      `${name}: generational volume needs the generation to sum, 1 for the first${def.generation === undefined ? '' : ` (not ${String(def.generation)})`}`,
    )
  return problems
}

/** Throws unless `values` has one whole number per member: fractions of a cent would make the sums inexact. */
function checkColumn(network: Network, values: Float64Array | Int32Array, what: string): void {
  if (values.length !== network.size) throw new Error(`${what} has ${values.length} values for ${network.size} members`)
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!
    if (!Number.isSafeInteger(v)) throw new Error(`${what} of member #${network.ids[i]} is ${v}: volumes are whole cents`)
  }
}

/** Each member's value of the KPI `def`, one per index. Throws when `def` has problems (see kpiProblems). */
export function calculateKpi(network: Network, def: KpiDefinition, inputs: KpiInputs): Float64Array {
  const problems = kpiProblems(def)
  if (problems.length > 0) throw new Error(problems.join('; '))
  const threshold = def.minimumThreshold
  const breakAt = def.breakAtRank ?? null
  switch (def.measure) {
    case 'personal_volume':
      checkColumn(network, inputs.personal, 'personal volume')
      return Float64Array.from(inputs.personal)
    case 'returns':
      checkColumn(network, inputs.returns, 'returned volume')
      return Float64Array.from(inputs.returns)
    case 'group_volume': {
      checkColumn(network, inputs.personal, 'personal volume')
      if (breakAt !== null) checkColumn(network, inputs.rank, 'rank')
      const counted = countedVolume(inputs.personal, threshold)
      const group = groupVolume(network, counted, breakAt, inputs.rank)
      if (def.excludeHeadVolume) for (let i = 0; i < group.length; i++) group[i] = group[i]! - counted[i]!
      return group
    }
    case 'total_volume': {
      checkColumn(network, inputs.personal, 'personal volume')
      const counted = countedVolume(inputs.personal, threshold)
      const group = groupVolume(network, counted, null, inputs.rank)
      for (let i = 0; i < group.length; i++) group[i] = group[i]! - counted[i]!
      return group
    }
    case 'level_volume':
      checkColumn(network, inputs.personal, 'personal volume')
      return levelVolume(network, countedVolume(inputs.personal, threshold), def.level!)
    case 'generational_volume':
      checkColumn(network, inputs.personal, 'personal volume')
      checkColumn(network, inputs.rank, 'rank')
      return generationalVolume(network, countedVolume(inputs.personal, threshold), inputs.rank, breakAt!, def.generation!)
    case 'active_members':
    case 'active_legs': {
      checkColumn(network, inputs.activeVolume, 'active volume')
      const active = activeCountBelow(network, inputs.activeVolume, threshold)
      return def.measure === 'active_members' ? active.members : active.legs
    }
  }
}

/** The personal volume that counts: all of it without a threshold, else only a volume of at least the threshold. */
function countedVolume(personal: Float64Array, threshold: number | undefined): Float64Array {
  if (threshold === undefined) return personal
  const counted = new Float64Array(personal.length)
  for (let i = 0; i < personal.length; i++) if (personal[i]! >= threshold) counted[i] = personal[i]!
  return counted
}

/**
 * Own counted volume plus every descendant's, children before parents; with `breakAt` a member whose rank is at
 * least it does not pass its group up to its parent.
 */
function groupVolume(network: Network, counted: Float64Array, breakAt: number | null, rank: Int32Array): Float64Array {
  const { order, parent } = network
  const group = Float64Array.from(counted)
  for (let k = order.length - 1; k > 0; k--) {
    const i = order[k]!
    if (breakAt !== null && rank[i]! >= breakAt) continue
    const p = parent[i]!
    group[p] = group[p]! + group[i]!
  }
  return group
}

/** Each member's counted volume added to its ancestor `level` levels up: O(n * level). */
function levelVolume(network: Network, counted: Float64Array, level: number): Float64Array {
  const { parent } = network
  const result = new Float64Array(network.size)
  for (let i = 0; i < network.size; i++) {
    const v = counted[i]!
    if (v === 0) continue
    let a = i
    for (let up = 0; up < level && a !== -1; up++) a = parent[a]!
    if (a !== -1) result[a] = result[a]! + v
  }
  return result
}

/**
 * Generation G by dynamic programming, one pass per generation (O(n * G), no walk to the root per leader).
 * h_k(x), for x and its subtree, is the summed group volume of the leaders l in that subtree with exactly k - 1
 * leaders on the path from x down to l (l excluded, x included); the answer for a member m is the sum over its
 * children c of h_G(c). For a leader x: h_1(x) = its group, h_k(x) = sum over children of h_(k-1); for any other
 * member h_k(x) = sum over children of h_k. `below` holds those children's sums for the current k.
 */
function generationalVolume(network: Network, counted: Float64Array, rank: Int32Array, breakAt: number, generation: number): Float64Array {
  const { order, parent } = network
  const leaderGroup = groupVolume(network, counted, breakAt, rank)
  let previous = new Float64Array(network.size)
  let below = new Float64Array(network.size)
  for (let k = 1; k <= generation; k++) {
    below.fill(0)
    for (let o = order.length - 1; o > 0; o--) {
      const x = order[o]!
      const h = rank[x]! >= breakAt ? (k === 1 ? leaderGroup[x]! : previous[x]!) : below[x]!
      if (h === 0) continue
      const p = parent[x]!
      below[p] = below[p]! + h
    }
    const done = previous
    previous = below
    below = done
  }
  return previous
}

/**
 * Active members beneath each member (itself not counted) and its active legs (children whose subtree holds one),
 * in one pass children before parents.
 */
function activeCountBelow(
  network: Network,
  activeVolume: Float64Array,
  threshold: number | undefined,
): { members: Float64Array; legs: Float64Array } {
  const { order, parent } = network
  const inSubtree = new Float64Array(network.size)
  const legs = new Float64Array(network.size)
  for (let i = 0; i < network.size; i++) {
    const v = activeVolume[i]!
    if (threshold === undefined ? v > 0 : v >= threshold) inSubtree[i] = 1
  }
  const members = new Float64Array(network.size)
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!
    const p = parent[i]!
    if (p === -1) continue
    if (inSubtree[i]! > 0) {
      inSubtree[p] = inSubtree[p]! + inSubtree[i]!
      legs[p] = legs[p]! + 1
    }
  }
  for (let i = 0; i < network.size; i++) {
    const v = activeVolume[i]!
    members[i] = inSubtree[i]! - (threshold === undefined ? (v > 0 ? 1 : 0) : v >= threshold ? 1 : 0)
  }
  return { members, legs }
}
