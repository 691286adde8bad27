/**
 * Career ranks: from the rank a member qualified for this cycle and its state after the previous cycle, the rank it
 * is paid at, the honorary rank it carries, and the grace cycles left before a demotion.
 *
 * Ranks are rank orders (1 = the lowest rank, 0 = none). The rules, in order:
 * 1. A manual rank (a promotion entered with a reason) wins: paid = manual, grace back to the policy's full count.
 * 2. Qualifying at or above the previous paid rank pays the qualified rank and restores full grace. The source is
 *    'kept' when the member re-qualified for the rank it already held (above none), 'rule' for a promotion, a first
 *    cycle or no rank at all: the statement can then say "kept Gold" rather than "qualified Gold" every month.
 * 3. Qualifying below the previous paid rank spends a grace cycle when one is left (the previous paid rank is kept,
 *    'grace'); with none left the member is paid the rank it qualified for ('demoted') and grace is full again.
 * Honorary: 'highest_ever' keeps the highest paid rank ever; 'year_end' takes the paid rank at the year-end cycle
 * and holds it through the next year (a member's first cycle takes its paid rank).
 *
 * `decideRank` decides one member (a form, a test); `decideRanks` decides every member over typed arrays.
 */

export type CareerPolicy = { graceCycles: number; honorary: 'highest_ever' | 'year_end' }

/** Rank orders, 0 = none; graceLeft = cycles a member may still qualify below its paid rank and keep it. */
export type RankState = { paid: number; honorary: number; graceLeft: number }

export const RANK_SOURCES = ['rule', 'grace', 'manual', 'demoted', 'kept'] as const
export type RankSource = (typeof RANK_SOURCES)[number]

export type RankDecision = RankState & { source: RankSource }

/** Rank state of every member by index. In `previous`, graceLeft -1 marks a member with no previous cycle (new). */
export type RankColumns = { paid: Int32Array; honorary: Int32Array; graceLeft: Int32Array }

const SOURCE_RULE = 0
const SOURCE_GRACE = 1
const SOURCE_MANUAL = 2
const SOURCE_DEMOTED = 3
const SOURCE_KEPT = 4

const isRankOrder = (value: number) => Number.isSafeInteger(value) && value >= 0 && value <= 0x7fffffff

function checkPolicy(policy: CareerPolicy): void {
  if (!isRankOrder(policy.graceCycles)) throw new Error(`grace cycles are a whole number of 0 or more, not ${String(policy.graceCycles)}`)
  if (policy.honorary !== 'highest_ever' && policy.honorary !== 'year_end')
    throw new Error(`the honorary rank is kept as highest_ever or year_end, not ${String(policy.honorary)}`)
}

/**
 * The decision for one member, written into `out` as [paid, honorary, graceLeft, source]: both entry points share
 * it, and the bulk one allocates nothing per member. `hasPrevious` false = the member's first cycle.
 */
function decideInto(
  qualified: number,
  hasPrevious: boolean,
  previousPaid: number,
  previousHonorary: number,
  previousGrace: number,
  manual: number,
  policy: CareerPolicy,
  yearEnd: boolean,
  out: Int32Array,
): void {
  const paidBefore = hasPrevious ? previousPaid : 0
  let paid: number
  let grace = policy.graceCycles
  let source: number
  if (manual >= 0) {
    paid = manual
    source = SOURCE_MANUAL
  } else if (qualified >= paidBefore) {
    paid = qualified
    source = hasPrevious && qualified === paidBefore && qualified > 0 ? SOURCE_KEPT : SOURCE_RULE
  } else if (previousGrace > 0) {
    paid = paidBefore
    grace = previousGrace - 1
    source = SOURCE_GRACE
  } else {
    paid = qualified
    source = SOURCE_DEMOTED
  }
  out[0] = paid
  out[1] = honoraryRank(paid, hasPrevious, previousHonorary, policy, yearEnd)
  out[2] = grace
  out[3] = source
}

/**
 * The honorary rank after a cycle paid `paid`: 'highest_ever' keeps the highest paid rank ever; 'year_end' takes the
 * paid rank of the year-end cycle and holds it through the next year. A member's first cycle takes its paid rank.
 */
export function honoraryRank(paid: number, hasPrevious: boolean, previousHonorary: number, policy: CareerPolicy, yearEnd: boolean): number {
  if (policy.honorary === 'highest_ever') return hasPrevious ? Math.max(previousHonorary, paid) : paid
  return yearEnd || !hasPrevious ? paid : previousHonorary
}

/** The rank decision for one member; `previous` null = its first cycle; `manual` a rank set by hand with a reason. */
export function decideRank(
  qualified: number,
  previous: RankState | null,
  policy: CareerPolicy,
  opts: { manual?: number | null; yearEnd: boolean },
): RankDecision {
  checkPolicy(policy)
  if (!isRankOrder(qualified)) throw new Error(`the qualified rank is a rank order of 0 or more, not ${String(qualified)}`)
  const manual = opts.manual ?? -1
  if (opts.manual !== undefined && opts.manual !== null && !isRankOrder(opts.manual))
    throw new Error(`a manual rank is a rank order of 0 or more, not ${String(opts.manual)}`)
  if (previous && (!isRankOrder(previous.paid) || !isRankOrder(previous.honorary) || !isRankOrder(previous.graceLeft)))
    throw new Error('the previous rank state holds ranks and grace cycles of 0 or more')
  const out = new Int32Array(4)
  decideInto(
    qualified,
    previous !== null,
    previous?.paid ?? 0,
    previous?.honorary ?? 0,
    previous?.graceLeft ?? 0,
    manual,
    policy,
    opts.yearEnd,
    out,
  )
  return { paid: out[0]!, honorary: out[1]!, graceLeft: out[2]!, source: RANK_SOURCES[out[3]!]! }
}

/**
 * The rank decision of every member: `qualified` per index; `previous` null when this is everyone's first cycle (a
 * member new since then has graceLeft -1); `manual` per index, -1 = none. `source` holds indexes into RANK_SOURCES.
 */
export function decideRanks(
  qualified: Int32Array,
  previous: RankColumns | null,
  policy: CareerPolicy,
  opts: { manual?: Int32Array | null; yearEnd: boolean },
): RankColumns & { source: Uint8Array } {
  checkPolicy(policy)
  const n = qualified.length
  const manual = opts.manual ?? null
  for (const [name, column] of [
    ['previous paid ranks', previous?.paid],
    ['previous honorary ranks', previous?.honorary],
    ['previous grace cycles', previous?.graceLeft],
    ['manual ranks', manual],
  ] as const) {
    if (column && column.length !== n) throw new Error(`${name} hold ${column.length} values for ${n} members`)
  }
  const paid = new Int32Array(n)
  const honorary = new Int32Array(n)
  const graceLeft = new Int32Array(n)
  const source = new Uint8Array(n)
  const out = new Int32Array(4)
  for (let i = 0; i < n; i++) {
    const q = qualified[i]!
    if (q < 0) throw new Error(`member at index ${i} qualified for rank ${q}: rank orders are 0 or more`)
    const hasPrevious = previous !== null && previous.graceLeft[i]! >= 0
    decideInto(
      q,
      hasPrevious,
      hasPrevious ? previous.paid[i]! : 0,
      hasPrevious ? previous.honorary[i]! : 0,
      hasPrevious ? previous.graceLeft[i]! : 0,
      manual ? manual[i]! : -1,
      policy,
      opts.yearEnd,
      out,
    )
    paid[i] = out[0]!
    honorary[i] = out[1]!
    graceLeft[i] = out[2]!
    source[i] = out[3]!
  }
  return { paid, honorary, graceLeft, source }
}
