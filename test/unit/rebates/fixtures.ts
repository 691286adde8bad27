/**
 * The program and point-of-sale line the engine tests start from (each test overrides what it works by hand): a
 * 60-day claim window, Q1 2026 in USD, and a gold partner's 40 routers sold at 310.00 (list 350.00) in US-WEST.
 */
import { D } from '../../../engine/core/decimal'
import type { PosFact, ProgramTerms, Tier, Volume } from '../../../engine/rebates/programs'

export const program = (over: Partial<ProgramTerms> = {}): ProgramTerms => ({
  id: 1,
  code: 'PRM-2026-01',
  kind: 'per_unit',
  currency: 'USD',
  effectiveFrom: '2026-01-01',
  effectiveTo: '2026-03-31',
  regions: [],
  partnerTiers: [],
  partnerIds: [],
  productIds: [],
  families: [],
  ratePerUnit: null,
  percent: null,
  agreedPrice: null,
  tiers: [],
  tierMode: 'whole',
  tierBasis: 'quantity',
  tierRate: 'percent',
  fundingCap: null,
  partnerCap: null,
  claimWindowDays: 60,
  ...over,
})

export const line = (over: Partial<PosFact> = {}): PosFact => ({
  id: 1,
  partnerId: 10,
  partnerTier: 'gold',
  region: 'US-WEST',
  productId: 100,
  sku: 'RTR-4400',
  family: 'routers',
  soldOn: '2026-02-10',
  quantity: 40,
  currency: 'USD',
  unitPrice: new D('310.00'),
  unitCost: null,
  listPrice: new D('350.00'),
  deal: null,
  ...over,
})

export const tiers = (...pairs: [string, string][]): Tier[] => pairs.map(([from, rate]) => ({ from: new D(from), rate: new D(rate) }))
export const vol = (quantity: string, amount: string): Volume => ({ quantity: new D(quantity), amount: new D(amount) })
