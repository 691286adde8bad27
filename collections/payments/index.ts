import type { Capability } from '../core/capability'
import { PaymentBatches } from './PaymentBatches'
import { Payments } from './Payments/index'

/** Payments: batches and the payments in them. */
export const payments: Capability = {
  collections: [PaymentBatches, Payments],
}
