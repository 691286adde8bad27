import { addDays } from '../core/calendarDate'
import type { NavGroup } from './groups'

/** A list filter in Payload's `where` shape (`{ status: { equals: 'open' } }`, `and`/`or` arrays). */
export type HomeFilter = { [field: string]: unknown }

/** Who is looking, and when: every item's filter is a function of it (no clock inside). */
export type HomeContext = { userId: number; participantId: number | null; roles: readonly string[]; today: string }

/**
 * One thing that may need doing, declared by the capability that owns it: a count of the rows of `collection`
 * matching `where`, read as the logged-in user (so access rules scope it: staff see the whole network, others their
 * subtree), with a link to the same filtered list.
 */
export type HomeItem = {
  key: string
  label: string
  group: NavGroup
  collection: string
  where: (ctx: HomeContext) => HomeFilter
  /** The list's sort when opened from the home (e.g. `createdAt` for oldest first). */
  sort?: string
  /** Only these roles see the item (default: anyone who may read the collection). */
  roles?: readonly string[]
  /** What doing it means, one short line under the label. */
  hint?: string
}

/** The items a user's roles let them see, in group order then declaration order. */
export function itemsFor(items: readonly HomeItem[], roles: readonly string[], groupOrder: readonly string[]): HomeItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => !item.roles || item.roles.some((role) => roles.includes(role)))
    .sort((a, b) => groupOrder.indexOf(a.item.group) - groupOrder.indexOf(b.item.group) || a.index - b.index)
    .map(({ item }) => item)
}

/** Age buckets for open work, by days since it was created. */
export const AGE_BUCKETS = [
  { key: 'week', label: 'opened in the last 7 days', newerThanDays: 7 },
  { key: 'month', label: 'open 8–30 days', newerThanDays: 30, olderThanDays: 7 },
  { key: 'older', label: 'open more than 30 days', olderThanDays: 30 },
] as const satisfies readonly { key: string; label: string; newerThanDays?: number; olderThanDays?: number }[]

/** `createdAt` bounds of an age bucket on `today` as a filter (created on or after / before whole days back). */
export function createdWithin(bucket: { newerThanDays?: number; olderThanDays?: number }, today: string): HomeFilter {
  const createdAt: Record<string, string> = {}
  if (bucket.newerThanDays !== undefined) createdAt.greater_than_equal = addDays(today, -bucket.newerThanDays)
  if (bucket.olderThanDays !== undefined) createdAt.less_than = addDays(today, -bucket.olderThanDays)
  return { createdAt }
}

/**
 * The query string of an admin list filtered by `where` and sorted by `sort`, in the bracket form Payload's list
 * view reads (`where[status][equals]=open`, `where[or][0][…]`).
 */
export function listQuery(where: HomeFilter, sort?: string): string {
  const parts: string[] = []
  const walk = (prefix: string, value: unknown): void => {
    if (value !== null && typeof value === 'object') {
      const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)
      for (const [key, inner] of entries) walk(`${prefix}[${key}]`, inner)
      return
    }
    parts.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`)
  }
  for (const [key, value] of Object.entries(where)) walk(`where[${key}]`, value)
  if (sort) parts.push(`sort=${encodeURIComponent(sort)}`)
  return parts.join('&')
}
