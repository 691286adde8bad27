import { addDays } from '../../engine/core/calendarDate'
import type { HomeItem } from '../../engine/home'

/** Data in: imports that failed, and recent imports that left rejected rows to fix and re-import. */
export const ingestHome: HomeItem[] = [
  {
    key: 'imports-failed',
    label: 'Imports that failed',
    hint: 'The file could not be read; fix it or its mapping and import it again.',
    group: 'Data in',
    collection: 'imports',
    where: ({ today }) => ({ status: { equals: 'failed' }, createdAt: { greater_than_equal: addDays(today, -30) } }),
    sort: '-createdAt',
  },
  {
    key: 'imports-rejects',
    label: 'Imports with rejected rows (last 30 days)',
    hint: 'Download the rejects, correct them and import them again.',
    group: 'Data in',
    collection: 'imports',
    where: ({ today }) => ({ rejected: { greater_than: 0 }, createdAt: { greater_than_equal: addDays(today, -30) } }),
    sort: '-createdAt',
  },
]
