/**
 * The network plan demo ("Glow", a direct-selling company's consultants): a catalog with volumes, three ranks, the
 * KPIs the rank and bonus rules read, a career plan, a compensation plan (unilevel, differential, a leadership bonus
 * rule, an 80 % fortnight advance), the monthly and advance pipelines, a month of orders of the demo network's Glow
 * consultants (seed/network/data.ts, codes GLW-…) to settle. The tests of the network plan read these definitions: change them and the hand-worked figures in
 * test/int/multilevel/pipeline.test.ts change with them.
 */
import { tableGraph } from '../../engine/rules'

export const GLOW_PRODUCTS = [
  {
    code: 'SKU-GLOW',
    name: 'Glow serum',
    volumeSource: 'direct',
    qualifyingVolume: '100',
    commissionableVolume: '80',
    prices: [{ currency: 'USD', consultantPrice: '50', publicPrice: '70', vatPercent: '0' }],
  },
  {
    code: 'SKU-MIST',
    name: 'Hydra mist',
    volumeSource: 'direct',
    qualifyingVolume: '25',
    commissionableVolume: '20',
    prices: [{ currency: 'USD', consultantPrice: '12.50', publicPrice: '18', vatPercent: '0' }],
  },
]

export const GLOW_RANKS = [
  { code: 'BRONZE', name: 'Bronze', order: 1, description: 'Personal volume of 100 in the cycle.' },
  { code: 'SILVER', name: 'Silver', order: 2, description: 'Personal volume of 100 and group volume of 500.' },
  { code: 'GOLD', name: 'Gold', order: 3, description: 'Personal volume of 100 and group volume of 800.' },
]

export const GLOW_KPIS = [
  { code: 'PV', label: 'Personal volume', measure: 'personal_volume', basis: 'qualifying', scope: 'period' },
  { code: 'GV', label: 'Group volume', measure: 'group_volume', basis: 'qualifying', scope: 'period' },
  { code: 'L1VC', label: 'First-level sales', measure: 'level_volume', level: 1, basis: 'commissionable', scope: 'period' },
  { code: 'AL', label: 'Active legs', measure: 'active_legs', basis: 'qualifying', scope: 'period', minimumThreshold: '100' },
  { code: 'CPV', label: 'Personal volume to date', measure: 'personal_volume', basis: 'qualifying', scope: 'cumulative', visible: true },
]

export const GLOW_RANK_RULES = {
  set: {
    name: 'Glow ranks',
    purpose: 'rank_qualification',
    description: 'The career plan: Gold, Silver, Bronze from personal and group volume.',
  },
  content: tableGraph({
    name: 'Ranks',
    hitPolicy: 'first',
    inputs: ['kpi.PV', 'kpi.GV'],
    outputs: ['rankCode'],
    rows: [
      ['>= 100', '>= 800', '"GOLD"'],
      ['>= 100', '>= 500', '"SILVER"'],
      ['>= 100', '', '"BRONZE"'],
    ],
  }),
  tests: [
    { name: 'a leader with 800 of group volume is gold', inputs: { kpi: { PV: 100, GV: 800 } }, expected: [{ rankCode: 'GOLD' }] },
    { name: 'silver with 500 of group volume', inputs: { kpi: { PV: 120, GV: 500 } }, expected: [{ rankCode: 'SILVER' }] },
  ],
}

export const GLOW_BONUS_RULES = {
  set: {
    name: 'Glow leadership bonus',
    purpose: 'network_bonus',
    description: 'Silver and Gold with two active legs: 4 % of their first level’s sales; Gold joins the Elite Club.',
  },
  content: tableGraph({
    name: 'Bonuses',
    hitPolicy: 'collect',
    inputs: ['rank', 'kpi.AL'],
    outputs: ['label', 'kind', 'percent', 'baseKpi', 'currency', 'badge'],
    rows: [
      ['"SILVER", "GOLD"', '>= 2', '"Leadership bonus"', '"money"', '4', '"L1VC"', '"USD"', ''],
      ['"GOLD"', '', '"Elite Club"', '"badge"', '', '', '', '"Elite Club"'],
    ],
  }),
  tests: [
    {
      name: 'gold with two active legs: the bonus and the badge',
      inputs: { rank: 'GOLD', kpi: { AL: 2, L1VC: 160 } },
      expected: [{ label: 'Leadership bonus', percent: 4 }, { label: 'Elite Club' }],
    },
  ],
}

export const GLOW_CAREER_PLAN = { name: 'Glow career plan', graceCycles: 1, honorary: 'highest_ever', activityMinimum: '100' }

export const GLOW_PLAN = {
  name: 'Glow network plan',
  currency: 'USD',
  description: 'Consultants of the Glow catalog: unilevel, differential, leadership bonus, fortnight advances.',
}

export const GLOW_PLAN_COMPONENTS = [
  {
    blockType: 'unilevel',
    compress: true,
    levels: [
      { level: 1, percent: '10' },
      { level: 2, percent: '5' },
    ],
  },
  {
    blockType: 'differential',
    rates: [
      { rank: 'BRONZE', percent: '5' },
      { rank: 'SILVER', percent: '10' },
      { rank: 'GOLD', percent: '15' },
    ],
  },
  { blockType: 'network_bonus' },
  { blockType: 'advance', percent: '80' },
]

export const MONTHLY_STEPS = [
  'integrate_network',
  'return_indicators',
  'calculate_indicators',
  'adjust_indicators',
  'integrate_indicators',
  'calculate_rank',
  'honorary_rank',
  'compress_network',
  'calculate_bonuses',
  'validate_bonuses',
  'review_and_pay',
] as const

export const ADVANCE_STEPS = [
  'integrate_network',
  'calculate_indicators',
  'calculate_rank',
  'compress_network',
  'calculate_bonuses',
  'validate_bonuses',
  'review_and_pay',
] as const

/** A daily refresh of the open cycle's KPIs and ranks, so consultants follow them in the portal. */
export const DAILY_STEPS = ['integrate_network', 'calculate_indicators', 'calculate_rank'] as const

/** October 2026 orders: [order, consultant, product, quantity, day, customer?]; RMA lines return one unit. */
export const GLOW_ORDERS: [string, string, string, number, string, string?][] = [
  ['GL-1001', 'GLW-01', 'SKU-GLOW', 1, '2026-10-02'],
  ['GL-1002', 'GLW-02', 'SKU-GLOW', 2, '2026-10-03'],
  ['GL-1003', 'GLW-03', 'SKU-MIST', 2, '2026-10-04'],
  ['GL-1004', 'GLW-04', 'SKU-GLOW', 3, '2026-10-05', 'Ana Beltrán'],
  ['GL-1005', 'GLW-05', 'SKU-GLOW', 1, '2026-10-08'],
  ['GL-1006', 'GLW-06', 'SKU-GLOW', 1, '2026-10-12'],
  ['GL-1007', 'GLW-07', 'SKU-GLOW', 2, '2026-10-15'],
  ['GL-1008', 'GLW-08', 'SKU-MIST', 4, '2026-10-18'],
  ['GL-1009', 'GLW-09', 'SKU-GLOW', 1, '2026-10-20', 'Carla Méndez'],
  ['GL-1010', 'GLW-10', 'SKU-MIST', 1, '2026-10-22'],
  ['GL-1011', 'GLW-02', 'SKU-MIST', 2, '2026-10-25'],
]
export const GLOW_RETURNS: [string, string, number, string][] = [['GL-R-1', 'GL-1007', 1, '2026-10-28']]
