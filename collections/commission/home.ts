import type { HomeItem } from '../../engine/home'

/** Pay: commission runs calculated and waiting for someone to approve them. */
export const commissionHome: HomeItem[] = [
  {
    key: 'runs-awaiting-approval',
    label: 'Commission runs waiting for approval',
    hint: 'Check the summary and the held lines, then approve or re-run.',
    group: 'Pay',
    collection: 'commission-runs',
    where: () => ({ status: { equals: 'awaiting_approval' } }),
    sort: 'createdAt',
  },
]
