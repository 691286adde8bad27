/**
 * The loyalty demo on the Glow network (seed/multilevel): the "Glow Stars" program (stars expire 12 months after they
 * are earned), points and redeem values on the catalog, wallet rates, a VIP list, and the three rule sets a
 * business person would write — extra stars per order, order incentives, referral rewards — plus a convention goal.
 * The tests of the loyalty capability read these definitions: change them and the hand-worked figures change too.
 */
import { tableGraph } from '../../engine/rules'

export const STARS_PROGRAM = { code: 'STARS', name: 'Glow Stars', unitName: 'stars', expiryPolicy: 'months', expiryMonths: 12 }

/** [SKU, stars earned per unit, stars that pay for a unit]. */
export const PRODUCT_POINTS: [string, number, number][] = [
  ['SKU-GLOW', 10, 120],
  ['SKU-MIST', 3, 40],
]

/** [from, to, rate, valid from]: 1 star = 0.05 USD; 1 USD buys 20 stars; USD ⇄ EUR. */
export const CONVERSION_RATES: [string, string, string, string][] = [
  ['points:STARS', 'USD', '0.05', '2026-01-01'],
  ['USD', 'points:STARS', '20', '2026-01-01'],
  ['USD', 'EUR', '0.92', '2026-01-01'],
  ['EUR', 'USD', '1.08', '2026-01-01'],
]

export const VIP_LIST = { code: 'VIP', name: 'VIP consultants', consultants: ['GLW-02'] }

export const EARN_RULES = {
  set: {
    name: 'Glow extra stars',
    purpose: 'points_earn',
    description: 'Serum and mist bought together earn 25 extra stars; a Gold consultant earns 15 more on any order of 100 or more.',
  },
  content: tableGraph({
    name: 'Extra stars',
    hitPolicy: 'collect',
    inputs: ['products', 'rank', 'orderAmount'],
    outputs: ['label', 'points'],
    rows: [
      ['contains($, "SKU-GLOW") and contains($, "SKU-MIST")', '', '', '"Glow duo"', '25'],
      ['', '"GOLD"', '>= 100', '"Gold order"', '15'],
    ],
  }),
  tests: [
    {
      name: 'serum and mist together',
      inputs: { products: ['SKU-GLOW', 'SKU-MIST'], rank: null, orderAmount: 62.5 },
      expected: [{ label: 'Glow duo', points: 25 }],
    },
  ],
}

export const INCENTIVE_RULES = {
  set: {
    name: 'Glow order incentives',
    purpose: 'order_incentive',
    description:
      'Orders of 150 or more ship free; three serums bring a free mist; VIP consultants get 5 % off; orders of 100 or more earn a 10 USD coupon for the next order (60 days).',
  },
  content: tableGraph({
    name: 'Incentives',
    hitPolicy: 'collect',
    inputs: ['orderAmount', 'quantities["SKU-GLOW"]', 'lists'],
    outputs: ['label', 'kind', 'product', 'quantity', 'amount', 'percent', 'validDays'],
    rows: [
      ['>= 150', '', '', '"Free shipping from 150"', '"freight_waived"', '', '', '', '', ''],
      ['', '>= 3', '', '"Three serums: a free mist"', '"gift"', '"SKU-MIST"', '1', '', '', ''],
      ['', '', 'contains($, "VIP")', '"VIP 5 % off"', '"discount_percent"', '', '', '', '5', ''],
      ['>= 100', '', '', '"10 USD for your next order"', '"coupon_amount"', '', '', '10', '', '60'],
    ],
  }),
  tests: [
    {
      name: 'three serums for a VIP',
      inputs: { orderAmount: 150, quantities: { 'SKU-GLOW': 3 }, lists: ['VIP'] },
      expected: [
        { label: 'Free shipping from 150', kind: 'freight_waived' },
        { label: 'Three serums: a free mist', kind: 'gift', product: 'SKU-MIST', quantity: 1 },
        { label: 'VIP 5 % off', kind: 'discount_percent', percent: 5 },
        { label: '10 USD for your next order', kind: 'coupon_amount', amount: 10, validDays: 60 },
      ],
    },
  ],
}

export const REFERRAL_RULES = {
  set: {
    name: 'Glow referral rewards',
    purpose: 'referral_reward',
    description:
      'A referral that orders two campaigns in a row earns its referrer 50 stars; one that orders 100 or more in a campaign, 10 USD of credit.',
  },
  content: tableGraph({
    name: 'Referral rewards',
    hitPolicy: 'collect',
    inputs: ['continuity', 'campaignOrderAmount'],
    outputs: ['label', 'points', 'amount'],
    rows: [
      ['>= 2', '', '"Referral continuity"', '50', ''],
      ['', '>= 100', '"Referral sales"', '', '10'],
    ],
  }),
  tests: [
    {
      name: 'two campaigns in a row',
      inputs: { continuity: 2, campaignOrderAmount: 50 },
      expected: [{ label: 'Referral continuity', points: 50 }],
    },
  ],
}

/** [new member, referrer]. */
export const REFERRALS: [string, string][] = [
  ['GLW-05', 'GLW-02'],
  ['GLW-08', 'GLW-02'],
]

export const CONVENTION_GOAL = {
  name: 'Convention 2027',
  award: 'convention',
  awardDescription: 'The 2027 convention trip for two',
  startsOn: '2026-10-01',
  endsOn: '2027-03-31',
  checklist: [
    { label: 'Earn 500 stars', metric: 'points_earned', target: '500' },
    { label: 'Sell 1,000 USD', metric: 'sales_amount', target: '1000' },
    { label: 'Refer 2 new members', metric: 'referrals', target: '2' },
    { label: 'Complete the product training', metric: 'manual', target: '' },
  ],
}
