/**
 * Monthly roll-up of the billing engine's charges, the base of the monthly commission cycle.
 *
 * Choices:
 * - Every charge, monthly, weekly or biweekly, counts in the calendar month of its charge date: a month holds four
 *   or five weekly charges and two or three biweekly ones, as billed; nothing is prorated.
 * - `monthOf` reads the date as written ("2026-10-31T23:00:00-05:00" is in 2026-10); time and offset are ignored,
 *   so the month never depends on the server's time zone.
 * - Amounts are stored decimal text with at most 4 decimals; sums are exact and returned as 4-decimal strings.
 *   Credits (negative charges) are accepted; a part must not have the opposite sign of its charge.
 * - `rollUpCharges` refuses (throws) when any charge has problems, naming the charge by its index.
 * - Rows come out sorted by month, then client, then service.
 */
import { D, decimalText, quoted, type Dec } from '../core/decimal'
import { leadingCalendarDay } from '../core/calendarDate'

export const CHARGE_FREQUENCIES = ['monthly', 'weekly', 'biweekly'] as const
export type ChargeFrequency = (typeof CHARGE_FREQUENCIES)[number]
export const CHARGE_FREQUENCY_LABELS: Record<ChargeFrequency, string> = { monthly: 'Monthly', weekly: 'Weekly', biweekly: 'Biweekly' }

export type Charge = {
  clientId: number
  serviceId: number
  chargedOn: string
  frequency: ChargeFrequency
  charged: string
  commissionable: string
  nonCommissionable: string
}

export type MonthlyCharge = {
  month: string
  clientId: number
  serviceId: number
  charged: string
  commissionable: string
  nonCommissionable: string
  charges: number
}

export type ChargeProblem = { field: string; message: string }

/** Most decimals a stored charge amount may have. */
const STORAGE_SCALE = 4

const DATE = /^\d{4}-\d{2}-\d{2}(T.*)?$/

/** The calendar month ('2026-10') of a date ('2026-10-15' or an ISO date-time); throws on anything else. */
export function monthOf(date: string): string {
  const day = typeof date === 'string' && DATE.test(date) ? leadingCalendarDay(date) : null
  if (day === null) throw new Error(`${quoted(date)} is not a date (expected YYYY-MM-DD)`)
  return date.slice(0, 7)
}

/** What is wrong with one charge, field by field (empty when it is sound). */
export function chargeProblems(charge: Charge): ChargeProblem[] {
  const problems: ChargeProblem[] = []
  const add = (field: string, message: string): void => {
    problems.push({ field, message })
  }
  for (const key of ['clientId', 'serviceId'] as const) {
    if (!Number.isSafeInteger(charge[key]) || charge[key] <= 0) add(key, `${key} must be a positive integer id, got ${String(charge[key])}`)
  }
  if (typeof charge.chargedOn !== 'string' || !DATE.test(charge.chargedOn) || leadingCalendarDay(charge.chargedOn) === null) {
    add('chargedOn', `${quoted(charge.chargedOn)} is not a date (expected YYYY-MM-DD)`)
  }
  if (!(CHARGE_FREQUENCIES as readonly string[]).includes(charge.frequency)) {
    add('frequency', `${quoted(charge.frequency)} is not a billing frequency (monthly, weekly or biweekly)`)
  }
  const charged = amountProblem(charge.charged, 'charged', add)
  const commissionable = amountProblem(charge.commissionable, 'commissionable', add)
  const nonCommissionable = amountProblem(charge.nonCommissionable, 'nonCommissionable', add)
  if (charged === null || commissionable === null || nonCommissionable === null) return problems
  const parts = commissionable.plus(nonCommissionable)
  if (!parts.eq(charged)) {
    add(
      'commissionable',
      `commissionable ${charge.commissionable} + non-commissionable ${charge.nonCommissionable} = ${parts.toFixed(STORAGE_SCALE)}, but the charge is ${charge.charged} (a difference of ${charged.minus(parts).toFixed(STORAGE_SCALE)})`,
    )
  }
  for (const [field, part] of [
    ['commissionable', commissionable],
    ['nonCommissionable', nonCommissionable],
  ] as const) {
    if (!part.isZero() && !charged.isZero() && part.isNegative() !== charged.isNegative()) {
      add(field, `${field} ${part.toFixed(STORAGE_SCALE)} has the opposite sign of the charge ${charged.toFixed(STORAGE_SCALE)}`)
    }
  }
  return problems
}

/** The amount written in `text`, or null after reporting why it cannot be used. */
function amountProblem(text: string, field: string, add: (field: string, message: string) => void): Dec | null {
  const value = decimalText(text)
  if (value === null) {
    add(field, `${field} ${quoted(text)} is not an amount`)
    return null
  }
  if (value.dp() > STORAGE_SCALE) {
    add(field, `${field} ${text} has more than ${STORAGE_SCALE} decimals`)
    return null
  }
  return value
}

/** Totals per calendar month, client and service; throws when a charge has problems. */
export function rollUpCharges(charges: readonly Charge[]): MonthlyCharge[] {
  const groups = new Map<
    string,
    { month: string; clientId: number; serviceId: number; charged: Dec; commissionable: Dec; nonCommissionable: Dec; charges: number }
  >()
  charges.forEach((charge, index) => {
    const problems = chargeProblems(charge)
    if (problems.length > 0) throw new Error(`charge ${index + 1} cannot be rolled up: ${problems.map((p) => p.message).join('; ')}`)
    const month = monthOf(charge.chargedOn)
    const key = `${month}|${charge.clientId}|${charge.serviceId}`
    const group = groups.get(key) ?? {
      month,
      clientId: charge.clientId,
      serviceId: charge.serviceId,
      charged: new D(0),
      commissionable: new D(0),
      nonCommissionable: new D(0),
      charges: 0,
    }
    group.charged = group.charged.plus(charge.charged)
    group.commissionable = group.commissionable.plus(charge.commissionable)
    group.nonCommissionable = group.nonCommissionable.plus(charge.nonCommissionable)
    group.charges += 1
    groups.set(key, group)
  })
  return [...groups.values()]
    .sort((a, b) => (a.month === b.month ? a.clientId - b.clientId || a.serviceId - b.serviceId : a.month < b.month ? -1 : 1))
    .map((g) => ({
      month: g.month,
      clientId: g.clientId,
      serviceId: g.serviceId,
      charged: storage(g.charged),
      commissionable: storage(g.commissionable),
      nonCommissionable: storage(g.nonCommissionable),
      charges: g.charges,
    }))
}

/** 4-decimal text, with no "-0.0000". */
function storage(value: Dec): string {
  return (value.isZero() ? new D(0) : value).toFixed(STORAGE_SCALE)
}
