import type { HomeItem } from '../../engine/home'

/** System: notifications nobody has acknowledged yet (scrape drift, failed jobs, expiring credentials). */
export const systemHome: HomeItem[] = [
  {
    key: 'notifications-open',
    label: 'Notifications not yet acknowledged',
    group: 'System',
    collection: 'notifications',
    where: () => ({ acknowledged: { not_equals: true } }),
    sort: '-createdAt',
  },
]
