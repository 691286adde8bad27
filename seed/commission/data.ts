/** The demo compensation plan: what Northwind pays its dealers for verified Vertex and Tidal lines. */

type SeedUpfront = {
  payout: 'rebate' | 'feature' | 'spiff'
  carrier?: string
  ratePlan?: string
  activationType?: string
  dealerTier?: string
  featureCode?: string
  amount: string
}

export const DEMO_PLAN = {
  name: 'Telecom dealer plan',
  currency: 'USD',
  description:
    'Upfront rebates, features and spiffs on verified activations; volume bonus; upgrade/downgrade adjustments; residuals; chargebacks; overrides for the network above each dealer.',
}

export const DEMO_UPFRONT: SeedUpfront[] = [
  { payout: 'rebate', amount: '20.00' },
  { payout: 'rebate', activationType: 'feature_add', amount: '0.00' },
  { payout: 'rebate', carrier: 'VTX', ratePlan: 'VTX-UNL-5G', activationType: 'new', amount: '60.00' },
  { payout: 'rebate', carrier: 'VTX', ratePlan: 'VTX-UNL-5G', activationType: 'new', dealerTier: 'gold', amount: '70.00' },
  { payout: 'rebate', carrier: 'VTX', ratePlan: 'VTX-ESS', activationType: 'new', amount: '40.00' },
  { payout: 'rebate', carrier: 'VTX', ratePlan: 'VTX-PRE-35', activationType: 'new', amount: '15.00' },
  { payout: 'rebate', carrier: 'VTX', ratePlan: 'VTX-BIZ', activationType: 'new', amount: '80.00' },
  { payout: 'rebate', carrier: 'VTX', activationType: 'port_in', amount: '55.00' },
  { payout: 'rebate', carrier: 'TDL', ratePlan: 'TDL-MAX', activationType: 'new', amount: '65.00' },
  { payout: 'rebate', carrier: 'TDL', ratePlan: 'TDL-PLUS', activationType: 'new', amount: '45.00' },
  { payout: 'rebate', carrier: 'TDL', ratePlan: 'TDL-GO', activationType: 'new', amount: '12.00' },
  { payout: 'feature', featureCode: 'HOTSPOT', amount: '5.00' },
  { payout: 'feature', featureCode: 'INTL', amount: '4.00' },
  { payout: 'feature', featureCode: 'PROT', amount: '3.00' },
  { payout: 'spiff', carrier: 'VTX', ratePlan: 'VTX-UNL-5G', activationType: 'new', amount: '10.00' },
]

export const DEMO_COMPONENTS = [
  {
    blockType: 'volume_bonus',
    metric: 'count',
    method: 'marginal',
    activationTypes: ['new', 'port_in'],
    tiers: [
      { from: '0', to: '10', rate: '0' },
      { from: '10', to: '25', rate: '5.00' },
      { from: '25', to: null, rate: '8.00' },
    ],
  },
  { blockType: 'plan_change', percent: '100' },
  { blockType: 'residual', percent: '3', months: 24 },
  { blockType: 'chargeback', percent: '100', windowDays: null },
  {
    blockType: 'override',
    compress: true,
    levels: [
      { level: 1, percent: '5' },
      { level: 2, percent: '3' },
      { level: 3, percent: '1' },
    ],
  },
]

/** Dealer tiers and demo bank accounts (valid routing numbers, made-up accounts). */
export const DEMO_PAYEES: Record<string, { dealerTier?: string; routing: string; account: string; type?: 'checking' | 'savings' }> = {
  'DLR-0101': { dealerTier: 'gold', routing: '021000021', account: '4410000101' },
  'DLR-0102': { dealerTier: 'silver', routing: '011000015', account: '4410000102', type: 'savings' },
  'DLR-0201': { dealerTier: 'standard', routing: '021000021', account: '4410000201' },
  'DLR-0301': { dealerTier: 'standard', routing: '011000015', account: '4410000301' },
  'DLR-0302': { dealerTier: 'silver', routing: '021000021', account: '4410000302' },
}

/** The commercial calendar of the demo: the months of 2026 and 2027 (a schedule pays a month only when it is here). */
export const DEMO_CALENDAR = { frequency: 'monthly' as const, from: '2026-01-01', count: 24 }
