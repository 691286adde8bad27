import type { HomeItem } from '../../engine/home'

/** Support: tickets assigned to me and not closed, and tickets nobody has picked up. */
export const supportHome: HomeItem[] = [
  {
    key: 'tickets-mine',
    label: 'Tickets assigned to me',
    group: 'Support',
    collection: 'tickets',
    where: ({ userId }) => ({ assignee: { equals: userId }, status: { in: ['open', 'in_progress'] } }),
    sort: 'createdAt',
  },
  {
    key: 'tickets-open',
    label: 'Open tickets',
    group: 'Support',
    collection: 'tickets',
    where: () => ({ status: { in: ['open', 'in_progress', 'waiting_on_consultant'] } }),
    sort: 'createdAt',
  },
]
