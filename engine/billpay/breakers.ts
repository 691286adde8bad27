/**
 * Payment circuit breakers: the checks that stop an automatic payment for a person to look at (from the source: the
 * invoice is already paid; its total is more than twice the account's six-month average; its due date has passed),
 * and the limits of one payment run (how many invoices, how much money). A tripped breaker holds the invoice with its
 * reason; a person may release it, which overrides the breakers that held it for that amount only.
 */
import { D } from '../core/decimal'

export const BREAKERS = ['already_paid', 'above_average', 'past_due'] as const
export type Breaker = (typeof BREAKERS)[number]
export type Trip = { breaker: Breaker; reason: string }

export type BreakerInput = {
  totalDue: string
  dueDate: string
  /** Payments already made or under way for the invoice (submitted or confirmed). */
  paymentsMade: number
  /** The status says it is paid. */
  markedPaid: boolean
  /** The average total due of the account's paid or approved invoices of the six months before this one; null without history. */
  sixMonthAverage: string | null
  /** The breakers a person released for this invoice, with the total they released it at. */
  released: { breakers: readonly Breaker[]; totalDue: string } | null
  /** YYYY-MM-DD of the run. */
  today: string
  /** "2": above twice the average trips. */
  averageFactor: string
}

/** The breakers an invoice trips, each with the reason a person reads; empty when it may be paid now. */
export function tripBreakers(input: BreakerInput): Trip[] {
  const trips: Trip[] = []
  const released = (breaker: Breaker) =>
    input.released !== null && input.released.breakers.includes(breaker) && new D(input.released.totalDue).eq(input.totalDue)
  if (input.markedPaid || input.paymentsMade > 0)
    trips.push({
      breaker: 'already_paid',
      reason: `the invoice is already paid or a payment for it is under way (${input.paymentsMade} payment(s))`,
    })
  if (input.sixMonthAverage !== null && !released('above_average')) {
    const average = new D(input.sixMonthAverage)
    const limit = average.times(input.averageFactor)
    if (average.gt(0) && new D(input.totalDue).gt(limit))
      trips.push({
        breaker: 'above_average',
        reason: `the total due ${new D(input.totalDue).toFixed(2)} is more than ${new D(input.averageFactor).toFixed()}× the account's six-month average ${average.toFixed(2)} (limit ${limit.toFixed(2)})`,
      })
  }
  if (input.dueDate < input.today && !released('past_due'))
    trips.push({
      breaker: 'past_due',
      reason: `the due date ${input.dueDate} has passed (today is ${input.today}): check for late fees before paying`,
    })
  return trips
}

export type RunLimits = { maxInvoices: number; maxTotal: string }
export type RunCandidate = { id: number; totalDue: string; currency: string; dueDate: string }

/**
 * Chooses what one run pays within its limits: the earliest due first (then the lowest id), until the count or the
 * total (per currency) would be exceeded. The rest waits for the next run, with the reason.
 */
export function planRun(
  candidates: readonly RunCandidate[],
  limits: RunLimits,
): { pay: RunCandidate[]; deferred: { id: number; reason: string }[] } {
  const ordered = [...candidates].sort((a, b) => (a.dueDate === b.dueDate ? a.id - b.id : a.dueDate < b.dueDate ? -1 : 1))
  const pay: RunCandidate[] = []
  const deferred: { id: number; reason: string }[] = []
  const totals = new Map<string, InstanceType<typeof D>>()
  const maxTotal = new D(limits.maxTotal)
  for (const candidate of ordered) {
    const total = (totals.get(candidate.currency) ?? new D(0)).plus(candidate.totalDue)
    if (pay.length >= limits.maxInvoices)
      deferred.push({ id: candidate.id, reason: `the run's limit of ${limits.maxInvoices} invoices was reached` })
    else if (total.gt(maxTotal))
      deferred.push({ id: candidate.id, reason: `paying it would take the run's ${candidate.currency} total above ${maxTotal.toFixed(2)}` })
    else {
      pay.push(candidate)
      totals.set(candidate.currency, total)
    }
  }
  return { pay, deferred }
}
