import type { Capability } from '../core/capability'
import { CarrierRecords } from './CarrierRecords'
import { Carriers } from './Carriers'
import { DealerSales } from './DealerSales'
import { PayoutSchedules } from './PayoutSchedules'
import { RatePlans } from './RatePlans'

/** Telecom catalog and facts: carriers, rate plans, payout schedules, dealer sales and carrier records. */
export const telecom: Capability = {
  collections: [Carriers, RatePlans, PayoutSchedules, DealerSales, CarrierRecords],
}
