import type { Capability } from '../core/capability'
import { paymentsHome } from './home'
import { PaymentBatches } from './PaymentBatches'
import { Payments } from './Payments/index'

/** Payments: batches and the payments in them. */
export const payments: Capability = {
  home: paymentsHome,
  collections: [PaymentBatches, Payments],
}
