import type { Capability } from '../core/capability'
import { ConversionRates } from './ConversionRates'
import { Coupons } from './Coupons'
import { CustomerLists } from './CustomerLists'
import { GoalChecks } from './GoalChecks'
import { LoyaltyGoals } from './LoyaltyGoals'
import { LoyaltyPrograms } from './LoyaltyPrograms'
import { OrderIncentives } from './OrderIncentives'
import { PointsMovements } from './PointsMovements'
import { PointsRedemptions } from './PointsRedemptions'
import { WalletEntries } from './WalletEntries'

/**
 * Incentives and loyalty: points programs and their append-only ledger (earn, expire, redeem, convert), the wallet of
 * account credit, coupons and credit notes, incentives granted on orders, pre-selected lists, referrals and goals.
 */
export const loyalty: Capability = {
  collections: [
    LoyaltyPrograms,
    PointsMovements,
    PointsRedemptions,
    WalletEntries,
    ConversionRates,
    Coupons,
    OrderIncentives,
    CustomerLists,
    LoyaltyGoals,
    GoalChecks,
  ],
}
