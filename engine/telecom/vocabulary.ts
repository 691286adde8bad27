/** The telecom words both sides of a reconciliation use: how a line was sold, its state, what the carrier pays for. */

export const ACTIVATION_TYPES = ['new', 'upgrade', 'downgrade', 'port_in', 'feature_add'] as const
export type ActivationType = (typeof ACTIVATION_TYPES)[number]

export const ACTIVATION_TYPE_LABELS: Record<ActivationType, string> = {
  new: 'New activation',
  upgrade: 'Upgrade',
  downgrade: 'Downgrade',
  port_in: 'Port-in',
  feature_add: 'Feature add',
}

/** Spellings seen in dealer and carrier files, mapped to the activation type they mean. */
export const ACTIVATION_TYPE_ALIASES: Record<string, ActivationType> = {
  'new activation': 'new',
  activation: 'new',
  act: 'new',
  gross_add: 'new',
  'gross add': 'new',
  upg: 'upgrade',
  dng: 'downgrade',
  'port in': 'port_in',
  'port-in': 'port_in',
  portin: 'port_in',
  port: 'port_in',
  'feature add': 'feature_add',
  'feature-add': 'feature_add',
  feature: 'feature_add',
}

export const LINE_STATUSES = ['active', 'suspended', 'deactivated'] as const
export type LineStatus = (typeof LINE_STATUSES)[number]

export const LINE_STATUS_ALIASES: Record<string, LineStatus> = {
  act: 'active',
  live: 'active',
  susp: 'suspended',
  deact: 'deactivated',
  disconnected: 'deactivated',
  cancelled: 'deactivated',
  canceled: 'deactivated',
  terminated: 'deactivated',
}

export const RATE_PLAN_CATEGORIES = ['postpaid', 'prepaid', 'business', 'data', 'wearable'] as const

/** What a carrier's payout schedule pays for. `activation` is per activation type; `feature` per feature code. */
export const PAYOUT_KINDS = ['activation', 'feature', 'spiff'] as const
export type PayoutKind = (typeof PAYOUT_KINDS)[number]

/** The keys that tie a dealer's sale to a carrier's record, in the order they are tried. */
export const MATCH_KEYS = ['iccid', 'imei', 'mdn'] as const
export type MatchKey = (typeof MATCH_KEYS)[number]

/** A feature list as stored: upper-case codes, sorted, comma-joined ("HOTSPOT,INTL"), '' when none. */
export function normalizeFeatures(codes: readonly string[]): string {
  const unique = new Set(codes.map((code) => code.trim().toUpperCase()).filter((code) => code !== ''))
  return [...unique].sort().join(',')
}
