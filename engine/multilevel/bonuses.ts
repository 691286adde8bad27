/**
 * Network bonuses: who earns which share of whose base. No amount is computed here: an earning row says "payee earns
 * rate `rate` of the base of `from`", and the commission run multiplies with exact decimals when it posts. Keeping
 * this step to integers lets it run over ten million members in typed arrays.
 *
 * - Unilevel: each ancestor by level (1 = the parent) earns the level's rate of a member's base. With compression a
 *   member that does not qualify is skipped and the level passes to the next one that does; without it the level
 *   is spent and not paid.
 * - Differential (stair-step): each member earns its rank's rate on its own base, and each qualifying ancestor
 *   earns the difference between its rank's rate and the highest rate already paid on that base, when positive.
 *   With a breakaway, once the walk has passed a breakaway-rank member the differentials stop and the next
 *   breakaway-rank ancestor earns the breakaway percent instead (one generation).
 * The root, the company, never earns. Members are addressed by index (see network.ts).
 */
import { D, decimalOrNull } from '../core/decimal'
import type { Network } from './network'

/** Earning rows: `payee` earns rate `rate` (an index into the bonus's rate table) of the base of `from`, at `level`. */
export type Earnings = { count: number; payee: Int32Array; from: Int32Array; level: Int32Array; rate: Int32Array }

/** Growable columns for earning rows, trimmed to their count when done. */
function earningsBuilder(initial: number) {
  let capacity = Math.max(16, initial)
  let count = 0
  let payee = new Int32Array(capacity)
  let from = new Int32Array(capacity)
  let level = new Int32Array(capacity)
  let rate = new Int32Array(capacity)
  const grow = () => {
    capacity *= 2
    const widen = (a: Int32Array) => {
      const b = new Int32Array(capacity)
      b.set(a)
      return b
    }
    payee = widen(payee)
    from = widen(from)
    level = widen(level)
    rate = widen(rate)
  }
  return {
    push(p: number, f: number, l: number, r: number) {
      if (count === capacity) grow()
      payee[count] = p
      from[count] = f
      level[count] = l
      rate[count] = r
      count++
    },
    done(): Earnings {
      return { count, payee: payee.slice(0, count), from: from.slice(0, count), level: level.slice(0, count), rate: rate.slice(0, count) }
    },
  }
}

function checkColumns(network: Network, base: Float64Array, qualifies: Uint8Array, rank?: Int32Array): void {
  const n = network.size
  if (base.length !== n) throw new Error(`the bonus base has ${base.length} values for ${n} members`)
  if (qualifies.length !== n) throw new Error(`the qualification flags have ${qualifies.length} values for ${n} members`)
  if (rank && rank.length !== n) throw new Error(`the ranks have ${rank.length} values for ${n} members`)
}

/**
 * Per member, its nearest ancestor that may earn: qualifies and is not the root (-1 when none). One pass over the
 * order, parents first, so a compressed walk jumps over members that cannot earn instead of visiting them.
 */
function nearestQualifyingAncestor(network: Network, qualifies: Uint8Array): Int32Array {
  const { order, parent, root } = network
  const nearest = new Int32Array(network.size).fill(-1)
  for (let k = 1; k < order.length; k++) {
    const i = order[k]!
    const p = parent[i]!
    nearest[i] = p !== root && qualifies[p] ? p : nearest[p]!
  }
  return nearest
}

/**
 * Unilevel: for each member with a base other than 0, its ancestors by level earn (level 1 = parent), up to `levels`
 * levels; `rate` = level - 1 (the row of the level in the plan's rate table). With `compress` an ancestor that does
 * not qualify is skipped and does not use a level; without it, it uses the level and earns nothing. The walk stops at
 * the root, which never earns. O(n * levels).
 */
export function unilevel(network: Network, base: Float64Array, qualifies: Uint8Array, levels: number, compress: boolean): Earnings {
  checkColumns(network, base, qualifies)
  if (!Number.isSafeInteger(levels) || levels < 0)
    throw new Error(`the number of paid levels is a whole number of 0 or more, not ${levels}`)
  const { parent, root } = network
  const out = earningsBuilder(Math.min(network.size, 1 << 20))
  if (levels === 0) return out.done()
  const nearest = compress ? nearestQualifyingAncestor(network, qualifies) : null
  for (let i = 0; i < network.size; i++) {
    if (base[i] === 0 || i === root) continue
    if (nearest) {
      let level = 0
      for (let a = nearest[i]!; a !== -1 && level < levels; a = nearest[a]!) {
        level++
        out.push(a, i, level, level - 1)
      }
    } else {
      let level = 0
      for (let a = parent[i]!; a !== -1 && a !== root && level < levels; a = parent[a]!) {
        level++
        if (qualifies[a]) out.push(a, i, level, level - 1)
      }
    }
  }
  return out.done()
}

/** Percent by rank order (rates[0] = rank 0, none); an optional breakaway paid to the next breakaway-rank upline. */
export type DifferentialConfig = { rates: string[]; breakaway?: { rank: number; percent: string } | null }

/** What is wrong with a differential plan, in words for the admin; empty when it can be paid. */
export function differentialProblems(config: DifferentialConfig): string[] {
  const problems: string[] = []
  if (!Array.isArray(config.rates) || config.rates.length === 0) {
    problems.push('give the rate of each rank, starting with rank 0 (no rank)')
    return problems
  }
  let previous: ReturnType<typeof decimalOrNull> = null
  config.rates.forEach((text, rank) => {
    const rate = decimalOrNull(text)
    if (rate === null) problems.push(`rank ${rank}: “${text}” is not a percentage`)
    else if (rate.isNegative()) problems.push(`rank ${rank}: a rate may not be negative (${rate.toString()} %)`)
    else if (rate.gt(100)) problems.push(`rank ${rank}: a rate is at most 100 % (${rate.toString()} %)`)
    else if (previous !== null && rate.lt(previous))
      problems.push(
        `rank ${rank} pays ${rate.toString()} %, less than rank ${rank - 1}'s ${previous.toString()} %: a higher rank must pay at least as much`,
      )
    if (rate !== null) previous = rate
  })
  const breakaway = config.breakaway
  if (breakaway) {
    if (!Number.isSafeInteger(breakaway.rank) || breakaway.rank < 1 || breakaway.rank >= config.rates.length)
      problems.push(`the breakaway rank is one of the ranks 1 to ${config.rates.length - 1}, not ${String(breakaway.rank)}`)
    const percent = decimalOrNull(breakaway.percent)
    if (percent === null) problems.push(`breakaway: “${breakaway.percent}” is not a percentage`)
    else if (percent.isNegative() || percent.gt(100)) problems.push(`breakaway: a percentage from 0 to 100, not ${percent.toString()}`)
  }
  return problems
}

/**
 * The rate table of a differential plan, computed with exact decimals once: `table` holds each distinct percent an
 * earning row can carry (the differences between two ranks' rates, then the breakaway percent); `diff(paidSoFar,
 * rank)` is the row of (rate of `rank` - rate of `paidSoFar`), or -1 when that is not positive. `paidSoFar` is the
 * rank order whose rate was last paid on the base, -1 when nothing has been paid yet. `breakaway` is the row of the
 * breakaway percent, -1 without one. Throws the problems of differentialProblems.
 */
export function differentialRateTable(config: DifferentialConfig): {
  table: string[]
  diff: (paidSoFar: number, rankOrder: number) => number
  breakaway: number
  /** Per rank order, the position of its rate among the distinct rates (0 = the lowest, 0 %): equal rates, equal step. */
  step: Int32Array
} {
  const problems = differentialProblems(config)
  if (problems.length > 0) throw new Error(`the differential plan cannot be paid: ${problems.join('; ')}`)
  const rates = config.rates.map((text) => new D(text.trim()))
  const ranks = rates.length
  const table: string[] = []
  const rowOf = new Map<string, number>()
  const row = (percent: string) => {
    let r = rowOf.get(percent)
    if (r === undefined) {
      r = table.length
      table.push(percent)
      rowOf.set(percent, r)
    }
    return r
  }
  // diffRows[(paid + 1) * ranks + rank]
  const diffRows = new Int32Array((ranks + 1) * ranks).fill(-1)
  for (let paid = -1; paid < ranks; paid++) {
    const already = paid === -1 ? new D(0) : rates[paid]!
    for (let rank = 0; rank < ranks; rank++) {
      const difference = rates[rank]!.minus(already)
      if (difference.gt(0)) diffRows[(paid + 1) * ranks + rank] = row(difference.toFixed())
    }
  }
  const breakaway = config.breakaway ? row(new D(config.breakaway.percent.trim()).toFixed()) : -1
  const step = new Int32Array(ranks)
  let current = 0
  for (let rank = 0; rank < ranks; rank++) {
    if (rank === 0 ? rates[0]!.gt(0) : rates[rank]!.gt(rates[rank - 1]!)) current++
    step[rank] = current
  }
  const diff = (paidSoFar: number, rankOrder: number) => {
    if (
      !Number.isInteger(paidSoFar) ||
      !Number.isInteger(rankOrder) ||
      paidSoFar < -1 ||
      paidSoFar >= ranks ||
      rankOrder < 0 ||
      rankOrder >= ranks
    )
      return -1
    return diffRows[(paidSoFar + 1) * ranks + rankOrder]!
  }
  return { table, diff, breakaway, step }
}

/**
 * Differential (stair-step) earnings; `rate` indexes `differentialRateTable(config).table`, `level` is how many
 * levels above the member the payee sits (0 = the member itself on its own base).
 *
 * A member that does not qualify is compressed out of every walk: it earns nothing, does not raise the rate already
 * paid and does not start a breakaway (on its own base too) — except on its own negative base (returns above its
 * orders), which is taken back as it was paid: its own share at its rank, and each upline's difference over it. Walks jump from one earner to the next ancestor with a
 * higher rate, so each member's walk takes at most as many steps as there are distinct rates: O(n * ranks).
 */
export function differential(
  network: Network,
  base: Float64Array,
  rank: Int32Array,
  qualifies: Uint8Array,
  config: DifferentialConfig,
): Earnings {
  checkColumns(network, base, qualifies, rank)
  const { diff, breakaway, step } = differentialRateTable(config)
  const ranks = config.rates.length
  const { order, parent, depth, root } = network
  const n = network.size
  for (let i = 0; i < n; i++) {
    const r = rank[i]!
    if (!Number.isInteger(r) || r < 0 || r >= ranks)
      throw new Error(`member #${network.ids[i]} holds rank ${r}, but the plan has rates for ranks 0 to ${ranks - 1}`)
  }
  const breakRank = config.breakaway ? config.breakaway.rank : -1
  const earns = (i: number) => i !== root && qualifies[i] === 1
  const isBreakaway = (i: number) => breakRank !== -1 && earns(i) && rank[i]! >= breakRank

  const nearest = nearestQualifyingAncestor(network, qualifies)
  // higher[a]: for a member that earns, the nearest earning ancestor with a higher rate step (-1 when none). Each
  // jump raises the step, so building it takes at most `ranks` jumps per member.
  const higher = new Int32Array(n).fill(-1)
  // nextBreakaway[i]: the nearest earning ancestor of breakaway rank (-1 when none).
  const nextBreakaway = new Int32Array(n).fill(-1)
  for (let k = 1; k < order.length; k++) {
    const i = order[k]!
    const p = parent[i]!
    nextBreakaway[i] = isBreakaway(p) ? p : nextBreakaway[p]!
    if (!earns(i)) continue
    let a = nearest[i]!
    while (a !== -1 && step[rank[a]!]! <= step[rank[i]!]!) a = higher[a]!
    higher[i] = a
  }

  const out = earningsBuilder(Math.min(n, 1 << 20))
  for (let i = 0; i < n; i++) {
    if (base[i] === 0 || i === root) continue
    // The member whose passing ends the differentials: the first breakaway-rank earner from i upwards.
    const stop = isBreakaway(i) ? i : nextBreakaway[i]!
    let paid = -1
    let a: number
    // A negative base (returns above the cycle's orders) takes back what the same volume paid: the member's own share
    // and each upline's difference over it, even though a member whose volume is negative does not qualify itself.
    if (earns(i) || base[i]! < 0) {
      const own = diff(-1, rank[i]!)
      if (own !== -1) {
        out.push(i, i, 0, own)
        paid = rank[i]!
      }
      if (earns(i)) a = higher[i]!
      else {
        a = nearest[i]!
        while (a !== -1 && step[rank[a]!]! <= step[rank[i]!]!) a = higher[a]!
      }
    } else {
      a = nearest[i]!
      while (a !== -1 && step[rank[a]!] === 0) a = higher[a]!
    }
    while (a !== -1 && (stop === -1 || depth[a]! >= depth[stop]!)) {
      out.push(a, i, depth[i]! - depth[a]!, diff(paid, rank[a]!))
      paid = rank[a]!
      a = higher[a]!
    }
    if (stop !== -1) {
      const payee = nextBreakaway[stop]!
      if (payee !== -1) out.push(payee, i, depth[i]! - depth[payee]!, breakaway)
    }
  }
  return out.done()
}
