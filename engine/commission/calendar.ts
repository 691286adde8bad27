/**
 * The commercial calendar: consecutive periods of a frequency (calendar months, or 14- or 7-day periods from an
 * anchor date) and the arithmetic runs need (months between two dates, days between two dates). Dates are
 * YYYY-MM-DD strings; nothing here reads the clock.
 */
import { daysBetween } from '../core/calendarDate'

export { daysBetween }

export const PERIOD_FREQUENCIES = ['monthly', 'biweekly', 'weekly'] as const
export type PeriodFrequency = (typeof PERIOD_FREQUENCIES)[number]

/** Regular pay cycles and the extra cycles advances are paid in. */
export const PERIOD_CYCLES = ['regular', 'advance'] as const
export type PeriodCycle = (typeof PERIOD_CYCLES)[number]

export type PeriodDates = { startsOn: string; endsOn: string; label: string }

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function parse(date: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`"${date}" is not a date like 2026-10-01`)
  const d = new Date(`${date}T00:00:00Z`)
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw new Error(`"${date}" is not a calendar date`)
  return d
}

const iso = (d: Date) => d.toISOString().slice(0, 10)

export function addDays(date: string, days: number): string {
  const d = parse(date)
  d.setUTCDate(d.getUTCDate() + days)
  return iso(d)
}

/** Calendar months from the month of `from` to the month of `to` (2026-01-31 → 2026-02-01 is 1). */
export function monthsBetween(from: string, to: string): number {
  const a = parse(from)
  const b = parse(to)
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth())
}

/** `count` consecutive periods of `frequency` starting on `from` (monthly periods start on the 1st of from's month). */
export function generatePeriods(frequency: PeriodFrequency, from: string, count: number): PeriodDates[] {
  if (!Number.isInteger(count) || count < 1 || count > 120) throw new Error(`count must be a whole number from 1 to 120 (${count})`)
  const periods: PeriodDates[] = []
  if (frequency === 'monthly') {
    const start = parse(from)
    for (let i = 0; i < count; i++) {
      const first = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1))
      const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0))
      periods.push({ startsOn: iso(first), endsOn: iso(last), label: `${MONTHS[first.getUTCMonth()]} ${first.getUTCFullYear()}` })
    }
    return periods
  }
  const length = frequency === 'biweekly' ? 14 : 7
  let startsOn = iso(parse(from))
  for (let i = 0; i < count; i++) {
    const endsOn = addDays(startsOn, length - 1)
    periods.push({ startsOn, endsOn, label: `${frequency === 'biweekly' ? 'Fortnight' : 'Week'} ${startsOn} – ${endsOn}` })
    startsOn = addDays(endsOn, 1)
  }
  return periods
}

/** Problems with a period's dates: order, and for monthly periods whole calendar months. */
export function periodProblems(frequency: PeriodFrequency, startsOn: string, endsOn: string): string[] {
  try {
    if (daysBetween(startsOn, endsOn) < 0) return [`the period ends (${endsOn}) before it starts (${startsOn})`]
    if (frequency === 'monthly') {
      const [expected] = generatePeriods('monthly', startsOn, 1)
      if (expected!.startsOn !== startsOn || expected!.endsOn !== endsOn)
        return [`a monthly period runs from the 1st to the last day of a month (${expected!.startsOn} to ${expected!.endsOn})`]
    } else {
      const days = daysBetween(startsOn, endsOn) + 1
      const wanted = frequency === 'biweekly' ? 14 : 7
      if (days !== wanted) return [`a ${frequency} period has ${wanted} days (this one has ${days})`]
    }
    return []
  } catch (err) {
    return [(err as Error).message]
  }
}

/** The same day `months` months later (or earlier); the 1st stays the 1st (used on period starts). */
export function addMonths(date: string, months: number): string {
  const d = parse(date)
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay))
  return iso(target)
}

/** The last day of the month before `date`'s month: the month a schedule pays on `date` (2027-01-05 → 2026-12-31). */
export function previousMonthEnd(date: string): string {
  return addDays(`${date.slice(0, 8)}01`, -1)
}
