/**
 * The states of a commission line, stated once: when its lines count as posted, when they are locked for good, and
 * what holds them back from payment. Pure words and predicates; the SQL that applies them to the tables is
 * `modules/commission/lineStates.ts`, built from these lists.
 *
 * - Posted: a line of a run in post mode that finished calculating (awaiting approval, approved or locked). What
 *   dashboards, reports, chargebacks and ledgers read.
 * - Locked: a posted line whose run and period are both locked; earned for good, payable, never replaced.
 * - Held: a line with an active hold on itself, its sale or its payee. Sale and payee holds mark the line when it is
 *   calculated (`held`); every hold, line holds included, keeps it out of a payment.
 */
import type { RunStatus } from './runSteps'

/** The statuses of a run whose lines count as posted. */
export const POSTED_RUN_STATUSES = ['awaiting_approval', 'approved', 'locked'] as const satisfies readonly RunStatus[]

/** The status of a run, and of a period, whose lines are locked. */
export const LOCKED_STATUS = 'locked' as const

/** What a hold can be placed on. */
export const HOLD_TARGETS = ['participant', 'sale', 'line'] as const
export type HoldTarget = (typeof HOLD_TARGETS)[number]

/** The status of a hold that holds (a released hold holds nothing). */
export const ACTIVE_HOLD_STATUS = 'active' as const

/** Holds applied when a run calculates (line holds exist only on locked lines, so they apply at payment time). */
export const RUN_HOLD_TARGETS = ['participant', 'sale'] as const satisfies readonly HoldTarget[]

/** True when a run in this status and mode has posted lines. */
export function isPostedRun(status: string, mode: 'post' | 'preview'): boolean {
  return mode === 'post' && (POSTED_RUN_STATUSES as readonly string[]).includes(status)
}

/** True when a line of a run in `runStatus` within a period in `periodStatus` is locked. */
export function isLockedLine(runStatus: string, periodStatus: string): boolean {
  return runStatus === LOCKED_STATUS && periodStatus === LOCKED_STATUS
}

/** Why a line of a run in `runStatus` cannot be held or corrected by a note (null when it can: its run is locked). */
export function unlockedLineProblem(lineId: number, runStatus: string): string | null {
  return runStatus === LOCKED_STATUS
    ? null
    : `line ${lineId} belongs to a run that is not locked; its lines are replaced when the period is run again, so hold or correct the sale or the participant instead`
}
