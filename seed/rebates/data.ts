/**
 * The promotions and rebates demo: a manufacturer of wireless network equipment selling through two distributors
 * (DIST-EAST, gold, Northeast; DIST-WEST, silver, West). Its catalog, point-of-sale mappings, programs of every kind
 * (all published but one draft), deals as the partner portal holds them, and October–November 2026 sell-through.
 */
export const REBATE_PRODUCTS = [
  { code: 'AP-100', name: 'Outdoor access point 100', family: 'Access points', list: '350.00', partner: '300.00' },
  { code: 'AP-200', name: 'Outdoor access point 200', family: 'Access points', list: '520.00', partner: '450.00' },
  { code: 'SW-24P', name: 'Rugged switch 24-port PoE', family: 'Switches', list: '1200.00', partner: '1020.00' },
  { code: 'CB-10', name: 'Weatherproof cable 10 m', family: 'Cables', list: '25.00', partner: '20.00' },
]

export type SeedProgram = {
  code: string
  name: string
  kind: string
  status: 'draft' | 'published'
  effectiveFrom: string
  effectiveTo: string
  families?: string[]
  skus?: string[]
  regions?: string[]
  partnerTiers?: string[]
  partners?: string[]
  ratePerUnit?: string
  percent?: string
  agreedPrice?: string
  tiers?: { from: string; rate: string }[]
  tierMode?: 'whole' | 'slice'
  tierBasis?: 'amount' | 'quantity'
  tierRate?: 'percent' | 'per_unit'
  baselineFrom?: string
  baselineTo?: string
  fundingCap?: string
  partnerCap?: string
  financeApprovalAbove?: string
  claimWindowDays?: number
}

export const REBATE_PROGRAMS: SeedProgram[] = [
  {
    code: 'Q4-AP-PROMO',
    name: 'Q4 access point promotion: $15 a unit',
    kind: 'per_unit',
    status: 'published',
    effectiveFrom: '2026-10-01',
    effectiveTo: '2026-12-31',
    families: ['Access points'],
    ratePerUnit: '15.00',
    fundingCap: '25000.00',
    financeApprovalAbove: '5000.00',
    claimWindowDays: 120,
  },
  {
    code: 'SW-NE-3PCT',
    name: 'Switches in the Northeast: 3 % of the sale',
    kind: 'percent_of_price',
    status: 'published',
    effectiveFrom: '2026-10-01',
    effectiveTo: '2026-12-31',
    skus: ['SW-24P'],
    regions: ['US-NE'],
    percent: '3',
    claimWindowDays: 120,
  },
  {
    code: 'PE-AP200-EAST',
    name: 'Price exception AP-200 for Eastline (470.00)',
    kind: 'price_exception',
    status: 'published',
    effectiveFrom: '2026-10-01',
    effectiveTo: '2026-12-31',
    skus: ['AP-200'],
    partners: ['DIST-EAST'],
    agreedPrice: '470.00',
    claimWindowDays: 120,
  },
  {
    code: 'SD-CB10-WEST',
    name: 'Ship and debit: cable at 19.00 for West campus projects',
    kind: 'ship_and_debit',
    status: 'published',
    effectiveFrom: '2026-10-01',
    effectiveTo: '2026-12-31',
    skus: ['CB-10'],
    regions: ['US-W'],
    agreedPrice: '19.00',
    claimWindowDays: 120,
  },
  {
    code: 'VOL-2026-GOLD',
    name: 'Volume rebate 2026 for gold partners (whole volume at the tier reached)',
    kind: 'volume',
    status: 'published',
    effectiveFrom: '2026-01-01',
    effectiveTo: '2026-12-31',
    partnerTiers: ['gold'],
    tiers: [
      { from: '0', rate: '0' },
      { from: '20000', rate: '1' },
      { from: '50000', rate: '2' },
    ],
    tierMode: 'whole',
    tierBasis: 'amount',
    tierRate: 'percent',
    claimWindowDays: 180,
  },
  {
    code: 'GROW-Q4-WEST',
    name: 'Q4 growth over Q3 for West: 5 % of the growth',
    kind: 'growth',
    status: 'published',
    effectiveFrom: '2026-10-01',
    effectiveTo: '2026-12-31',
    partners: ['DIST-WEST'],
    baselineFrom: '2026-07-01',
    baselineTo: '2026-09-30',
    tiers: [{ from: '0', rate: '5' }],
    tierMode: 'slice',
    tierBasis: 'amount',
    tierRate: 'percent',
    claimWindowDays: 120,
  },
  {
    code: 'DEAL-REG-2026',
    name: 'Deal registration: the deal price, plus 2 %',
    kind: 'deal_registration',
    status: 'published',
    effectiveFrom: '2026-01-01',
    effectiveTo: '2026-12-31',
    percent: '2',
    claimWindowDays: 120,
  },
  {
    code: 'Q1-2027-SW',
    name: 'Q1 2027 switch promotion (draft)',
    kind: 'per_unit',
    status: 'draft',
    effectiveFrom: '2027-01-01',
    effectiveTo: '2027-03-31',
    skus: ['SW-24P'],
    ratePerUnit: '40.00',
    claimWindowDays: 90,
  },
]

/** Deals as the partner portal (demo/deal-portal) holds them. */
export const REBATE_DEALS = [
  {
    number: 'DR-1001',
    partner: 'DIST-EAST',
    endCustomer: 'Harbor Point Hospital',
    status: 'approved',
    expiresOn: '2026-12-31',
    lines: [{ sku: 'AP-100', quantity: 40, specialPrice: '310.00' }],
  },
  {
    number: 'DR-1004',
    partner: 'DIST-WEST',
    endCustomer: 'Sierra Unified School District',
    status: 'approved',
    expiresOn: '2027-01-31',
    lines: [{ sku: 'SW-24P', quantity: 12, specialPrice: '1050.00' }],
  },
]

/** Sell-through lines: [partner, invoice, line, sold on, end customer, sku, quantity, unit price, deal?]. */
export const REBATE_POS: [string, string, number, string, string, string, number, string, string?][] = [
  ['DIST-WEST', 'WG-7001', 1, '2026-08-12', 'Redwood County Library', 'AP-100', 20, '349.00'],
  ['DIST-WEST', 'WG-7002', 1, '2026-09-03', 'Bayview Port Authority', 'SW-24P', 2, '1199.00'],
  ['DIST-EAST', 'EL-10001', 1, '2026-10-06', 'Harbor Point Hospital', 'AP-100', 24, '329.00', 'DR-1001'],
  ['DIST-EAST', 'EL-10001', 2, '2026-10-06', 'Harbor Point Hospital', 'CB-10', 60, '24.00'],
  ['DIST-EAST', 'EL-10002', 1, '2026-10-14', 'Granite State University', 'SW-24P', 6, '1180.00'],
  ['DIST-EAST', 'EL-10002', 2, '2026-10-14', 'Granite State University', 'AP-200', 30, '505.00'],
  ['DIST-EAST', 'EL-10003', 1, '2026-10-29', 'Cape Ann Ferries', 'AP-100', 18, '345.00'],
  ['DIST-EAST', 'EL-10004', 1, '2026-11-05', 'Harbor Point Hospital', 'AP-100', 16, '329.00', 'DR-1001'],
  ['DIST-EAST', 'EL-10005', 1, '2026-11-18', 'Berkshire Wind Farm', 'SW-24P', 4, '1195.00'],
  ['DIST-WEST', 'WG-7101', 1, '2026-10-08', 'Sierra Unified School District', 'SW-24P', 8, '1090.00', 'DR-1004'],
  ['DIST-WEST', 'WG-7101', 2, '2026-10-08', 'Sierra Unified School District', 'CB-10', 200, '18.50'],
  ['DIST-WEST', 'WG-7102', 1, '2026-10-21', 'Mojave Solar One', 'AP-100', 30, '340.00'],
  ['DIST-WEST', 'WG-7103', 1, '2026-11-09', 'Cascade Timber Co', 'AP-200', 10, '515.00'],
  ['DIST-WEST', 'WG-7104', 1, '2026-11-20', 'Sierra Unified School District', 'CB-10', 120, '21.00'],
]
