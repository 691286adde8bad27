import { addDays } from '../../engine/core/calendarDate'
import type { HomeItem } from '../../engine/home'

/** Data in: carrier-portal scrapes that failed this week (drift, a changed password, a portal down). */
export const scrapeHome: HomeItem[] = [
  {
    key: 'scrapes-failing',
    label: 'Carrier-portal scrapes failing (last 7 days)',
    hint: 'Read the failure kind: drift needs the connector steps fixed, permanent a new password.',
    group: 'Data in',
    collection: 'scrape-runs',
    where: ({ today }) => ({ status: { equals: 'failed' }, createdAt: { greater_than_equal: addDays(today, -7) } }),
    sort: '-createdAt',
  },
]
