/** Dealer tiers: a participant's standing in a plan; upfront tables may pay tiers differently. */
export const DEALER_TIERS = ['standard', 'silver', 'gold', 'platinum'] as const
export type DealerTier = (typeof DEALER_TIERS)[number]
