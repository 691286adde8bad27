import type { HomeItem } from '../../engine/home'

/** Rebates: claims waiting for review, and approved claims waiting for finance. */
export const rebatesHome: HomeItem[] = [
  {
    key: 'claims-in-review',
    label: 'Rebate claims to review',
    group: 'Rebates',
    collection: 'rebate-claims',
    where: () => ({ status: { equals: 'in_review' } }),
    sort: 'createdAt',
  },
  {
    key: 'claims-finance-review',
    label: 'Rebate claims waiting for finance',
    group: 'Rebates',
    collection: 'rebate-claims',
    where: () => ({ status: { equals: 'finance_review' } }),
    sort: 'createdAt',
  },
]
