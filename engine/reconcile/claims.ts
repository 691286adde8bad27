/**
 * Which of several dealer claims on one carrier line is the claim, and how a losing claim is explained.
 *
 * The claim dated closest to the carrier's activation date wins; on a tie, the one reported first (imported
 * earliest), then the lower sale id. Ranking by the earliest sale date instead would reward backdating: a claim
 * dated days before the carrier activated the line would beat the one dated on the activation day.
 * (The ranking itself runs in SQL over every pair of a run, see CLAIM_ORDER_SQL; this module states it once.)
 */
import { daysBetween } from '../core/calendarDate'

/** "the same day", "3 days before", "1 day after": where `date` lies relative to `reference`. */
export function relativeDay(date: string, reference: string): string {
  const days = daysBetween(reference, date)
  if (days === 0) return 'the same day'
  const n = Math.abs(days)
  return `${n} ${n === 1 ? 'day' : 'days'} ${days < 0 ? 'before' : 'after'}`
}

/**
 * The order of a carrier line's claims, best first, as an SQL window ordering over columns `distance` (absolute
 * days between sale and activation), `reported` (when the sale was imported) and `sid` (the sale id).
 */
export const CLAIM_ORDER_SQL = 'distance, reported, sid'

export type DuplicateClaim = {
  activationDate: string
  /** The losing claim. */
  saleDate: string
  /** The claim that won. */
  winner: { saleId: number; saleDate: string }
}

/**
 * The sentence a duplicate claim's discrepancy carries: the winning claim and how far each claim is from the
 * carrier's date. It names the winning sale by id and date, not its dealer (the losing dealer may read it).
 */
export function duplicateClaimDetail(claim: DuplicateClaim): string {
  const { activationDate, saleDate, winner } = claim
  const tie = Math.abs(daysBetween(activationDate, saleDate)) === Math.abs(daysBetween(activationDate, winner.saleDate))
  return (
    `The carrier activated this line on ${activationDate} and more than one sale claims it; the claim dated closest to that day wins. ` +
    `Winning claim: sale #${winner.saleId}, dated ${winner.saleDate} (${relativeDay(winner.saleDate, activationDate)}). ` +
    `This claim is dated ${saleDate} (${relativeDay(saleDate, activationDate)}).` +
    (tie ? ' Both are as close to that day, so the claim reported first (then the lower sale number) won.' : '')
  )
}
