import type { HomeItem } from '../../engine/home'

/** Bill payment: carrier invoices waiting for approval, on hold, or in error. */
export const billpayHome: HomeItem[] = [
  {
    key: 'invoices-approval-needed',
    label: 'Carrier invoices needing approval',
    group: 'Bill payment',
    collection: 'carrier-invoices',
    where: () => ({ status: { equals: 'approval_needed' } }),
    sort: 'dueDate',
  },
  {
    key: 'invoices-problems',
    label: 'Carrier invoices on hold or in error',
    group: 'Bill payment',
    collection: 'carrier-invoices',
    where: () => ({ status: { in: ['on_hold', 'error'] } }),
    sort: 'dueDate',
  },
]
