import type { HomeItem } from '../../engine/home'

/** Pay: payment batches whose bank file is ready to release, and batches that failed. */
export const paymentsHome: HomeItem[] = [
  {
    key: 'batches-to-release',
    label: 'Payment batches to release',
    hint: 'The bank file is ready: send it to the bank, then mark the batch paid.',
    group: 'Pay',
    collection: 'payment-batches',
    where: () => ({ status: { equals: 'ready' } }),
    sort: 'createdAt',
  },
  {
    key: 'batches-failed',
    label: 'Payment batches that failed',
    group: 'Pay',
    collection: 'payment-batches',
    where: () => ({ status: { equals: 'failed' } }),
    sort: '-createdAt',
  },
]
