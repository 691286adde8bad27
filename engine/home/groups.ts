/**
 * The admin's navigation groups, by what people do rather than by table, in the order the sidebar shows them. Every
 * collection names one of these as its `admin.group`; the operations home groups its items the same way.
 */
export const NAV_GROUPS = [
  'Data in',
  'Reconcile',
  'Pay',
  'Proposals',
  'Network',
  'Rebates',
  'Bill payment',
  'Loyalty',
  'Support',
  'Settings',
  'Integrations',
  'System',
] as const

export type NavGroup = (typeof NAV_GROUPS)[number]

/** Groups the sidebar shows collapsed until the user opens them (rarely used, kept out of the way). */
export const COLLAPSED_NAV_GROUPS: readonly NavGroup[] = ['Integrations', 'System']

export function isNavGroup(value: unknown): value is NavGroup {
  return typeof value === 'string' && (NAV_GROUPS as readonly string[]).includes(value)
}

/** Sort position of a group (unknown groups last), so collections can be ordered by group. */
export function navGroupRank(group: unknown): number {
  const index = (NAV_GROUPS as readonly string[]).indexOf(String(group))
  return index === -1 ? NAV_GROUPS.length : index
}

/**
 * How a list opens for a new login when it is sorted for the job rather than by id: open work oldest first, logs and
 * runs newest first. (Kept in the login's list preferences, so the user's own re-sorting wins afterwards.)
 */
export const STARTING_LIST_SORTS: Readonly<Record<string, string>> = {
  discrepancies: 'createdAt',
  tickets: 'createdAt',
  'rebate-claims': 'createdAt',
  'carrier-invoices': 'dueDate',
  imports: '-createdAt',
  'scrape-runs': '-createdAt',
  'commission-runs': '-createdAt',
  'payment-batches': '-createdAt',
  notifications: '-createdAt',
}
