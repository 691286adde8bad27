import { AGE_BUCKETS, createdWithin, type HomeItem } from '../../engine/home'

const DISCREPANCY_AGES: HomeItem[] = AGE_BUCKETS.map((bucket) => ({
  key: `discrepancies-open-${bucket.key}`,
  label: `Discrepancies ${bucket.label}`,
  group: 'Reconcile',
  collection: 'discrepancies',
  where: ({ today }) => ({ and: [{ status: { equals: 'open' } }, createdWithin(bucket, today)] }),
  sort: 'createdAt',
}))

/** Reconcile: open discrepancies by age (oldest first), mine, and those disputed with the carrier. */
export const reconcileHome: HomeItem[] = [
  {
    key: 'discrepancies-mine',
    label: 'Open discrepancies assigned to me',
    hint: 'Oldest first.',
    group: 'Reconcile',
    collection: 'discrepancies',
    where: ({ userId }) => ({ status: { equals: 'open' }, owner: { equals: userId } }),
    sort: 'createdAt',
  },
  ...DISCREPANCY_AGES,
  {
    key: 'discrepancies-disputed',
    label: 'Discrepancies disputed with the carrier',
    hint: 'Waiting for the carrier: chase the answer or write off.',
    group: 'Reconcile',
    collection: 'discrepancies',
    where: () => ({ status: { equals: 'disputed' } }),
    sort: 'createdAt',
  },
]
