/**
 * What a dealer reads about one of its sales in the partner portal: the reconciliation status in plain words, whether
 * the sale is payable, what it was paid (the posted commission lines on it) or why it was not, and the rules of a
 * dealer's dispute. The classes, and which of them are paid, are the reconciliation's (engine/reconcile): a new class
 * fails to compile until it has its words.
 */
import { add, format, isCurrencyCode, money, round, type Money } from '../core/money'
import { isCommissionable, RECON_CLASSES, type ReconClass } from '../reconcile'

/** The reconciliation classes a dealer sale can be in, plus "not reconciled yet" (no reconciliation line). */
export const SALE_STATUS_KEYS = [...RECON_CLASSES, 'unreconciled'] as const
export type SaleStatusKey = ReconClass | 'unreconciled'

export type SaleStatusWords = {
  /** A few words, for the status badge. */
  label: string
  /** One sentence: what it means for the dealer's money. */
  explanation: string
}

/** Commission is earned on the sale: exactly when the reconciliation calls its class commissionable. */
export function isPayable(status: SaleStatusKey): boolean {
  return status !== 'unreconciled' && isCommissionable(status)
}

export const SALE_STATUS_WORDS: Record<SaleStatusKey, SaleStatusWords> = {
  matched: {
    label: 'Verified and payable',
    explanation: "The carrier's record confirms this sale: plan, amount and line status agree, so it earns commission.",
  },
  not_with_carrier: {
    label: 'Not found at the carrier',
    explanation: "The carrier's records for the period have no line with these identifiers, so nothing is paid until it is verified.",
  },
  not_reported: {
    label: 'Paid by the carrier, not reported',
    explanation: 'The carrier paid for a line no dealer reported.',
  },
  rate_plan_mismatch: {
    label: "Plan differs from the carrier's record",
    explanation: 'The carrier activated this line on a different rate plan than the sale reports, so it is not paid as reported.',
  },
  amount_mismatch: {
    label: 'Amount differs from the schedule',
    explanation: 'The carrier paid a different amount for this line than its payout schedule says; it is held until that is settled.',
  },
  duplicate_claim: {
    label: 'Duplicate of another claim',
    explanation: 'Another sale claims the same carrier line, and only one claim is paid.',
  },
  deactivated_in_window: {
    label: 'Deactivated within the chargeback window',
    explanation: 'The line was deactivated inside the carrier’s chargeback window, so its commission is not paid (or is charged back).',
  },
  unreconciled: {
    label: 'Not yet reconciled',
    explanation: "This sale has not been compared with the carrier's records yet; it is paid once it is verified.",
  },
}

export function isSaleStatusKey(value: unknown): value is SaleStatusKey {
  return typeof value === 'string' && (SALE_STATUS_KEYS as readonly string[]).includes(value)
}

/** The status of a sale from the class of its latest reconciliation line (null: never reconciled). */
export function saleStatusOf(reconClass: string | null): SaleStatusKey {
  if (reconClass === null) return 'unreconciled'
  if (!isSaleStatusKey(reconClass) || reconClass === 'unreconciled') throw new Error(`unknown reconciliation class "${reconClass}"`)
  return reconClass
}

/** One posted commission line on the sale, paid to the sale's dealer. */
export type PaidLine = { amount: string; currency: string }

/** What the dealer reads in the "paid" column. */
export type SalePayment =
  { paid: true; totals: Money[]; display: string; reason: null } | { paid: false; totals: Money[]; display: string; reason: string }

/**
 * The paid totals of a sale per currency (exact sums, rounded to the currency's minor unit half-even once, at the end),
 * and in words why nothing was paid when nothing was: the status's explanation plus the discrepancy's own detail.
 * A verified sale with no posted line yet is "payable, not paid yet" (or, when its lines come to zero, says so); lines
 * that net to zero on a sale that is no longer payable (a chargeback) are paid nothing, with the status saying why.
 */
export function salePayment(status: SaleStatusKey, lines: readonly PaidLine[], detail: string | null = null): SalePayment {
  const byCurrency = new Map<string, Money>()
  for (const line of lines) {
    if (!isCurrencyCode(line.currency)) throw new Error(`commission line in unknown currency "${line.currency}"`)
    const amount = money(line.amount, line.currency)
    const before = byCurrency.get(line.currency)
    byCurrency.set(line.currency, before ? add(before, amount) : amount)
  }
  const totals = [...byCurrency.keys()].sort().map((currency) => round(byCurrency.get(currency)!, 'half-even'))
  const nonZero = totals.filter((total) => !total.amount.isZero())
  if (nonZero.length > 0) return { paid: true, totals, display: nonZero.map(format).join(' + '), reason: null }
  const words = SALE_STATUS_WORDS[status]
  const why = !isPayable(status)
    ? [`${words.label}: ${words.explanation}`, detail?.trim() || null].filter(Boolean).join(' ')
    : totals.length > 0
      ? `Verified and payable; the commission posted on it comes to ${totals.map(format).join(' + ')}.`
      : 'Verified and payable; not in a posted commission run yet.'
  return { paid: false, totals, display: 'Not paid', reason: why }
}

// ---------------------------------------------------------------------------------------------
// Periods: the calendar month of the sale date (the demo's commission calendar is monthly, labelled the same way)

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const
const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/

/** "2026-10" from a sale date "2026-10-17". */
export function monthOf(date: string): string {
  const key = date.slice(0, 7)
  if (!MONTH_KEY.test(key)) throw new Error(`"${date}" is not a date`)
  return key
}

/** A month key from a query parameter, or null when it is not one ("2026-13", "x"). */
export function parseMonth(value: unknown): string | null {
  return typeof value === 'string' && MONTH_KEY.test(value) ? value : null
}

/** "Oct 2026" for "2026-10". */
export function monthLabel(key: string): string {
  const match = MONTH_KEY.exec(key)
  if (!match) throw new Error(`"${key}" is not a month`)
  return `${MONTHS[Number(match[2]) - 1]} ${match[1]}`
}

/** First and last day of the month, as calendar dates. */
export function monthRange(key: string): { from: string; to: string } {
  const match = MONTH_KEY.exec(key)
  if (!match) throw new Error(`"${key}" is not a month`)
  const year = Number(match[1])
  const month = Number(match[2])
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return { from: `${key}-01`, to: `${key}-${String(last).padStart(2, '0')}` }
}

// ---------------------------------------------------------------------------------------------
// Disputes

export const DISPUTE_COMMENT_MAX = 2000
export const DISPUTE_PREFIX = 'Dealer dispute: '

/** Why a dispute comment is refused, or null when it is fine: required, not blank, at most 2,000 characters. */
export function disputeCommentProblem(comment: unknown): string | null {
  if (typeof comment !== 'string' || comment.trim() === '') return 'a dispute needs a comment saying what is wrong'
  if (comment.trim().length > DISPUTE_COMMENT_MAX)
    return `the comment is ${comment.trim().length} characters; at most ${DISPUTE_COMMENT_MAX}`
  return null
}

/** The comment as it enters the discrepancy's history, marked so staff tell it from their own notes. */
export function disputeText(comment: string): string {
  return `${DISPUTE_PREFIX}${comment.trim()}`
}

/** The discrepancy's status after a dealer disputes it: a closed one (resolved, written off) opens again. */
export function statusAfterDispute(status: string): string {
  return status === 'resolved' || status === 'written_off' ? 'open' : status
}
