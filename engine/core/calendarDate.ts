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
