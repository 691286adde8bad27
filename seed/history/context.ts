import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { generatePeriods } from '../../engine/commission'

/** One month of the demo's history: its days, its label as the commission calendar writes it, and its place (0 = oldest). */
export type HistoryMonth = { index: number; start: string; end: string; label: string; key: string }

/** What every part of the history writer shares: the months, and the demo's participants and logins by code and email. */
export type HistoryContext = {
  payload: Payload
  pool: Pool
  months: HistoryMonth[]
  participants: Map<string, number>
  users: Map<string, number>
}

/** The `count` full calendar months before `today`'s month, oldest first (2026-12-06 → Dec 2025 … Nov 2026). */
export function historyMonths(today: string, count = 12): HistoryMonth[] {
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7)) - 1 - count
  const first = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10)
  return generatePeriods('monthly', first, count).map((period, index) => ({
    index,
    start: period.startsOn,
    end: period.endsOn,
    label: period.label,
    key: period.startsOn.slice(0, 7),
  }))
}

/** A day of a month (clamped to its end): `dayOf(month, 5)` is the 5th. */
export function dayOf(month: HistoryMonth, day: number): string {
  const wanted = `${month.key}-${String(day).padStart(2, '0')}`
  return wanted > month.end ? month.end : wanted
}

/** A timestamp on a given day (noon UTC), for the history's dates of decisions and payments. */
export const noonOf = (day: string): string => `${day}T12:00:00.000Z`

/** The day `days` after `date`. */
export function daysAfter(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
