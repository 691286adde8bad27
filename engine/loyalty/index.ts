/** Loyalty's pure engine: the ledger's lot arithmetic, expiry, wallet conversions, order incentives, referrals, goals, and the vocabulary. */
export * from './types'
export * from './ledger'
export * from './expiry'
export * from './wallet'
export * from './incentives'
export * from './referrals'
export * from './goals'
