/**
 * Strict calendar dates for the proposal modules (JavaScript's Date.parse accepts "2026-02-30" as 2 March,
 * and "24:00" as the next midnight; stored dates must not be silently moved).
 */

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/

/** True when `year-month-day` exists in the proleptic Gregorian calendar. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The year, month and day a string starts with ("2026-10-15…"), or null when they are not a real day. */
export function leadingCalendarDay(text: string): { year: number; month: number; day: number } | null {
  const match = DATE_PREFIX.exec(text)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return isCalendarDay(year, month, day) ? { year, month, day } : null
}

/** The UTC midnight of a YYYY-MM-DD day, in milliseconds; throws on anything that is not a real day. */
function utcDay(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`"${date}" is not a date like 2026-10-01`)
  const day = leadingCalendarDay(date)
  if (!day) throw new Error(`"${date}" is not a calendar date`)
  return Date.UTC(day.year, day.month - 1, day.day)
}

/** Whole days from `from` to `to` (YYYY-MM-DD; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / 86_400_000)
}

/** The calendar day `days` after `date` (YYYY-MM-DD; negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date(utcDay(date) + days * 86_400_000).toISOString().slice(0, 10)
}
