/**
 * The loyalty ledger's vocabulary: movement kinds and sources, wallet entry kinds, expiry policies, goal metrics and
 * award kinds, and the units conversion rates are written in.
 */
import { isCurrencyCode } from '../core/money'

/** What a points movement is: points in (earn), out (redeem, expire, convert), a staff correction, or an undo. */
export const MOVEMENT_KINDS = ['earn', 'redeem', 'expire', 'convert', 'adjust', 'reverse'] as const
export type MovementKind = (typeof MOVEMENT_KINDS)[number]

/** Where a movement came from. */
export const MOVEMENT_SOURCES = [
  'catalog',
  'rule',
  'incentive',
  'referral',
  'bonus',
  'redemption',
  'conversion',
  'expiry',
  'return',
  'adjustment',
] as const
export type MovementSource = (typeof MOVEMENT_SOURCES)[number]

/** What a wallet entry is. */
export const WALLET_KINDS = [
  'points_conversion',
  'currency_conversion',
  'commission_exchange',
  'credit_note',
  'order_payment',
  'referral',
  'adjustment',
  'reversal',
] as const
export type WalletKind = (typeof WALLET_KINDS)[number]

/** When earned points expire: N months after the day earned, at the end of a later campaign, or never. */
export const EXPIRY_POLICIES = ['months', 'campaign_end', 'never'] as const
export type ExpiryPolicy = (typeof EXPIRY_POLICIES)[number]

/** What a goal's checklist item measures. */
export const GOAL_METRICS = ['manual', 'points_earned', 'sales_amount', 'referrals', 'rank'] as const
export type GoalMetric = (typeof GOAL_METRICS)[number]

/** Non-monetary awards. */
export const AWARD_KINDS = ['product', 'trip', 'recognition', 'tribute', 'convention', 'car', 'administrative_support'] as const

/** A conversion unit: an ISO 4217 currency, or a program's points written `points:<program code>`. */
export function unitProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'a unit is a currency code (USD) or points:<program code>'
  if (/^points:[A-Z0-9_-]{1,32}$/.test(value)) return null
  if (isCurrencyCode(value)) return null
  return `"${value}" is neither an ISO 4217 currency code nor points:<program code> (e.g. points:STARS)`
}

/** The unit of a program's points. */
export const pointsUnit = (programCode: string): string => `points:${programCode}`
