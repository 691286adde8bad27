/**
 * Proposals by status and age: for every status, how many proposals are in it, how old they are (whole days since the
 * proposal was created, as of `asOf`) in four buckets, and the age of the oldest.
 *
 * Choices:
 * - Age is counted in whole days elapsed (a proposal created 7 days and 23 hours ago is 7 days old); a creation time
 *   after `asOf` (clocks apart) counts 0.
 * - Every status appears, in the state machine's order, even with no proposal, so the table keeps its shape.
 */
import { PROPOSAL_STATUSES, type ProposalStatus } from '../approval'

const DAY_MS = 86_400_000

/** Age buckets in days, bounds included: 0–7, 8–30, 31–90, over 90. */
export const AGE_BUCKETS = [
  { key: '0-7', label: '0–7 days', upTo: 7 },
  { key: '8-30', label: '8–30 days', upTo: 30 },
  { key: '31-90', label: '31–90 days', upTo: 90 },
  { key: 'over-90', label: 'Over 90 days', upTo: Number.POSITIVE_INFINITY },
] as const
export type AgeBucket = (typeof AGE_BUCKETS)[number]['key']

export type ProposalAge = { id: number; status: string; createdAt: Date }
export type AgeCounts = { count: number; buckets: Record<AgeBucket, number>; oldestDays: number | null }
export type StatusAgeRow = AgeCounts & { status: ProposalStatus }
export type StatusAgeReport = { rows: StatusAgeRow[]; total: AgeCounts }

/** Whole days from `createdAt` to `asOf` (never negative). */
export function ageInDays(createdAt: Date, asOf: Date): number {
  const ms = asOf.getTime() - createdAt.getTime()
  if (Number.isNaN(ms)) throw new Error('the age of a proposal needs a valid creation time and report time')
  return ms <= 0 ? 0 : Math.floor(ms / DAY_MS)
}

/** The bucket of an age in whole days. */
export function ageBucket(days: number): AgeBucket {
  return AGE_BUCKETS.find((bucket) => days <= bucket.upTo)!.key
}

/** Counts per status and age bucket, with the oldest age per status and over all proposals. */
export function proposalsByStatusAndAge(proposals: readonly ProposalAge[], asOf: Date): StatusAgeReport {
  const byStatus = new Map<ProposalStatus, AgeCounts>(PROPOSAL_STATUSES.map((status) => [status, emptyCounts()]))
  const total = emptyCounts()
  for (const proposal of proposals) {
    const counts = byStatus.get(proposal.status as ProposalStatus)
    if (!counts) throw new Error(`proposal #${proposal.id} has an unknown status ${JSON.stringify(proposal.status)}`)
    const days = ageInDays(proposal.createdAt, asOf)
    for (const c of [counts, total]) {
      c.count += 1
      c.buckets[ageBucket(days)] += 1
      c.oldestDays = Math.max(c.oldestDays ?? 0, days)
    }
  }
  return { rows: PROPOSAL_STATUSES.map((status) => ({ status, ...byStatus.get(status)! })), total }
}

function emptyCounts(): AgeCounts {
  return { count: 0, buckets: { '0-7': 0, '8-30': 0, '31-90': 0, 'over-90': 0 }, oldestDays: null }
}
