/**
 * When earned points expire, and which lots expire on a day. Dates are calendar days as "YYYY-MM-DD"; an expiry day
 * is the LAST day the points can be used (they are gone the day after).
 */
import type { ExpiryPolicy } from './types'

/** A campaign (a regular commission period): first and last day. */
export type Campaign = { start: string; end: string }

/** A program's expiry settings and, for `campaign_end`, the campaigns sorted by start. */
export type ExpirySettings = { months?: number | null; campaigns?: number | null; calendar?: readonly Campaign[] }

/** The program's expiry settings cannot place a day (no campaign holds it, or too few campaigns after it). */
export class ExpiryCalendarError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ExpiryCalendarError'
  }
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

function parts(day: string): [number, number, number] {
  const match = DAY.exec(day)
  if (!match) throw new RangeError(`"${day}" is not a day as YYYY-MM-DD`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** Days in a month (month 1-12). */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** `day` plus whole months, clamped to the month's end: 2026-01-31 + 1 month = 2026-02-28; 2026-01-15 + 12 = 2027-01-15. */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = parts(day)
  const index = year * 12 + (month - 1) + months
  const y = Math.floor(index / 12)
  const m = (index % 12) + 1
  return `${pad(y, 4)}-${pad(m)}-${pad(Math.min(date, daysIn(y, m)))}`
}

/**
 * The last day points earned on `earnedOn` can be used, or null when they never expire.
 * - `months`: earnedOn + N months (month ends clamp: 2026-01-31 + 1 → 2026-02-28); usable through that day.
 * - `campaign_end`: the last day of the campaign N campaigns after the one containing earnedOn (0: that campaign).
 * - `never`: null.
 * Throws ExpiryCalendarError when the settings are missing or the calendar cannot place the day.
 */
export function expiryDate(policy: ExpiryPolicy, earnedOn: string, settings: ExpirySettings): string | null {
  parts(earnedOn)
  if (policy === 'never') return null
  if (policy === 'months') {
    const months = settings.months
    if (typeof months !== 'number' || !Number.isSafeInteger(months) || months < 1)
      throw new ExpiryCalendarError('expiryMonths: the program expires points after N months but N is not a whole number ≥ 1')
    return addMonths(earnedOn, months)
  }
  const after = settings.campaigns ?? 0
  if (!Number.isSafeInteger(after) || after < 0)
    throw new ExpiryCalendarError('expiryCampaigns: the number of later campaigns is not a whole number ≥ 0')
  const calendar = settings.calendar ?? []
  const index = calendar.findIndex((c) => c.start <= earnedOn && earnedOn <= c.end)
  if (index === -1) throw new ExpiryCalendarError(`no campaign holds ${earnedOn}: add the commission periods of that time`)
  const target = calendar[index + after]
  if (!target)
    throw new ExpiryCalendarError(
      `points earned ${earnedOn} expire ${after} campaign(s) after the one holding it, and the calendar stops at ${calendar[calendar.length - 1]!.end}`,
    )
  return target.end
}

/** A lot as the expiry plan reads it. */
export type ExpiringLot = { id: number; remaining: number; expiresOn: string | null }

/** What expires on `today`: every lot with points left whose last usable day is before today, and the total. */
export function expiryPlan(lots: readonly ExpiringLot[], today: string): { lots: { lotId: number; points: number }[]; points: number } {
  const expiring = lots
    .filter((lot) => lot.remaining > 0 && lot.expiresOn !== null && lot.expiresOn < today)
    .map((lot) => ({ lotId: lot.id, points: lot.remaining }))
  return { lots: expiring, points: expiring.reduce((sum, lot) => sum + lot.points, 0) }
}

/** What expires when: the usable lots' points grouped by last usable day, earliest first (never-expiring left out). */
export function expirySchedule(lots: readonly ExpiringLot[], today: string): { expiresOn: string; points: number }[] {
  const byDay = new Map<string, number>()
  for (const lot of lots)
    if (lot.remaining > 0 && lot.expiresOn !== null && lot.expiresOn >= today)
      byDay.set(lot.expiresOn, (byDay.get(lot.expiresOn) ?? 0) + lot.remaining)
  return [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([expiresOn, points]) => ({ expiresOn, points }))
}
