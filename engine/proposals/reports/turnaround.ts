/**
 * Approval turnaround per level: how long each level of the chain takes to decide, read from proposals' histories.
 *
 * Choices:
 * - Level 1 is the first approver of the chain (the author's parent), level 2 the next, and so on up to the top.
 * - A level's clock starts when the proposal arrives there (the submit for level 1, the previous level's approve for
 *   the others) and stops at that level's decision: approve, return or reject. After a return the proposal leaves the
 *   chain; its resubmit starts level 1 again, so a return then an approval at level 1 are two decisions there.
 * - The history is read in its stored order; steps without a time still move the proposal along but are not timed.
 *   A decision recorded before its arrival (clocks apart) counts 0 hours.
 * - A proposal still submitted is "waiting" at its level, for as long as from its arrival to `asOf`.
 * - Levels are labelled with the kinds of the participants that decided or wait there (an agent's level 1 is its
 *   agent manager, a territory owner's level 1 its partner), in the order first seen.
 * - Durations are hours as plain numbers, rounded to 2 decimals only in the report rows; the median of an even count
 *   is the mean of the two middle values.
 */
import { KIND_LABELS, type ParticipantKind } from '../../network'

const HOUR_MS = 3_600_000
const DECISIONS = ['approve', 'return', 'reject'] as const
export type Decision = (typeof DECISIONS)[number]

export type HistoryStep = { action: string; at: Date | null; participantId: number | null }
export type ProposalTrail = { id: number; status: string; chain: readonly number[]; history: readonly HistoryStep[] }

/** One timed decision of one level (1-based) of one proposal. */
export type LevelDecision = { proposalId: number; level: number; decision: Decision; participantId: number | null; ms: number }
/** A proposal still waiting for a level, for `ms` milliseconds so far. */
export type LevelWait = { proposalId: number; level: number; participantId: number | null; ms: number }

export type DurationStats = { averageHours: number | null; medianHours: number | null; maxHours: number | null }
export type TurnaroundRow = DurationStats & {
  level: number
  approvers: string
  decisions: number
  approved: number
  returned: number
  rejected: number
  waiting: number
  longestWaitHours: number | null
}
export type TurnaroundReport = { rows: TurnaroundRow[]; total: DurationStats & { decisions: number; waiting: number } }

/** The timed decisions of one proposal and, while it is submitted, the level it waits at. */
export function levelDecisions(trail: ProposalTrail, asOf: Date): { decisions: LevelDecision[]; wait: LevelWait | null } {
  const decisions: LevelDecision[] = []
  let level: number | null = null
  let arrived: Date | null = null
  for (const step of trail.history) {
    if (step.action === 'submit') {
      level = 0
      arrived = step.at
      continue
    }
    if (!isDecision(step.action) || level === null) continue
    if (arrived && step.at) {
      decisions.push({
        proposalId: trail.id,
        level: level + 1,
        decision: step.action,
        participantId: step.participantId ?? trail.chain[level] ?? null,
        ms: elapsed(arrived, step.at),
      })
    }
    level = step.action === 'approve' && level + 1 < trail.chain.length ? level + 1 : null
    arrived = step.at
  }
  const waiting = trail.status === 'submitted' && level !== null
  const wait = waiting
    ? { proposalId: trail.id, level: level! + 1, participantId: trail.chain[level!] ?? null, ms: arrived ? elapsed(arrived, asOf) : 0 }
    : null
  return { decisions, wait }
}

/** Turnaround per level over many proposals; `kindOf` gives the kind of the participants that approve. */
export function approvalTurnaround(trails: readonly ProposalTrail[], kindOf: ReadonlyMap<number, string>, asOf: Date): TurnaroundReport {
  const decisions: LevelDecision[] = []
  const waits: LevelWait[] = []
  for (const trail of trails) {
    const found = levelDecisions(trail, asOf)
    decisions.push(...found.decisions)
    if (found.wait) waits.push(found.wait)
  }
  const levels = [...new Set([...decisions, ...waits].map((d) => d.level))].sort((a, b) => a - b)
  const rows = levels.map((level): TurnaroundRow => {
    const decided = decisions.filter((d) => d.level === level)
    const waiting = waits.filter((w) => w.level === level)
    return {
      level,
      approvers: approversLabel(
        [...decided, ...waiting].map((d) => d.participantId),
        kindOf,
      ),
      decisions: decided.length,
      approved: decided.filter((d) => d.decision === 'approve').length,
      returned: decided.filter((d) => d.decision === 'return').length,
      rejected: decided.filter((d) => d.decision === 'reject').length,
      ...durationStats(decided.map((d) => d.ms)),
      waiting: waiting.length,
      longestWaitHours: waiting.length === 0 ? null : hours(Math.max(...waiting.map((w) => w.ms))),
    }
  })
  return { rows, total: { decisions: decisions.length, ...durationStats(decisions.map((d) => d.ms)), waiting: waits.length } }
}

/** Average, median and maximum of durations in milliseconds, as hours with 2 decimals (null for none). */
export function durationStats(ms: readonly number[]): DurationStats {
  if (ms.length === 0) return { averageHours: null, medianHours: null, maxHours: null }
  return {
    averageHours: hours(ms.reduce((s, x) => s + x, 0) / ms.length),
    medianHours: hours(median(ms)!),
    maxHours: hours(Math.max(...ms)),
  }
}

/** The middle value; for an even count the mean of the two middle values; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function hours(ms: number): number {
  return Math.round(ms / (HOUR_MS / 100)) / 100
}

function elapsed(from: Date, to: Date): number {
  return Math.max(0, to.getTime() - from.getTime())
}

function isDecision(action: string): action is Decision {
  return (DECISIONS as readonly string[]).includes(action)
}

/** "Agent manager" or "Partner / Territory owner": the kinds of a level's approvers, first seen first. */
function approversLabel(participantIds: readonly (number | null)[], kindOf: ReadonlyMap<number, string>): string {
  const kinds = new Set<string>()
  for (const id of participantIds) {
    const kind = id === null ? undefined : kindOf.get(id)
    if (kind) kinds.add(KIND_LABELS[kind as ParticipantKind] ?? kind)
  }
  return [...kinds].join(' / ')
}
