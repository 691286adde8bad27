/**
 * Program terms and what one pays, every figure worked by hand in the comment next to it: the line kinds (per unit,
 * percent of price, price exception, ship and debit, deal registration, rule), the tier tables (whole and slice),
 * growth over a baseline, who and what is eligible, and the terms a program needs before it can be published.
 */
import { describe, expect, it } from 'vitest'

import { D } from '../../../engine/core/decimal'
import {
  addLine,
  ineligibility,
  lineRebate,
  NO_VOLUME,
  programProblems,
  roundMinor,
  tieredRebate,
  volumeRebate,
  type DealTerms,
  type PosFact,
} from '../../../engine/rebates/programs'
import { line as baseLine, program, tiers, vol } from './fixtures'

// The base line with what the partner paid per unit, for the price-exception and ship-and-debit cases.
const line = (over: Partial<PosFact> = {}): PosFact => baseLine({ unitCost: new D('240.00'), ...over })

const deal = (over: Partial<DealTerms> = {}): DealTerms => ({
  number: 'DR-2026-0042',
  partnerId: 10,
  status: 'approved',
  expiresOn: '2026-03-15',
  currency: 'USD',
  lines: new Map([[100, { quantity: 50, specialPrice: new D('280.00') }]]),
  ...over,
})

describe('line kinds: lineRebate', () => {
  it('per_unit pays the rate on every unit', () => {
    const p = program({ kind: 'per_unit', ratePerUnit: new D('12.50') })
    // 40 units × 12.50 = 500.00
    expect(lineRebate(p, line()).toFixed(2)).toBe('500.00')
    // part of the line: 15 units × 12.50 = 187.50
    expect(lineRebate(p, line(), 15).toFixed(2)).toBe('187.50')
  })

  it('per_unit in JPY (no minor unit)', () => {
    const p = program({ kind: 'per_unit', currency: 'JPY', ratePerUnit: new D('1200') })
    // 25 units × ¥1,200 = ¥30,000
    expect(lineRebate(p, line({ currency: 'JPY', quantity: 25, unitPrice: new D('39800') })).toFixed(0)).toBe('30000')
  })

  it('percent_of_price pays a percent of quantity × unit price', () => {
    const p = program({ kind: 'percent_of_price', percent: new D('3') })
    // 40 × 310.00 = 12,400.00; × 3% = 372.00
    expect(lineRebate(p, line()).toFixed(2)).toBe('372.00')
  })

  it('percent_of_price rounds a half cent up (not to even)', () => {
    const p = program({ kind: 'percent_of_price', percent: new D('2.5') })
    // 12 × 18.75 = 225.00; × 2.5% = 5.625 → half up 5.63 (half-even would give 5.62)
    expect(lineRebate(p, line({ quantity: 12, unitPrice: new D('18.75') })).toFixed(2)).toBe('5.63')
    // 1 × 2.50 × 5% = 0.125 → half up 0.13 (half-even 0.12)
    const five = program({ kind: 'percent_of_price', percent: new D('5') })
    expect(lineRebate(five, line({ quantity: 1, unitPrice: new D('2.50') })).toFixed(2)).toBe('0.13')
  })

  it('percent_of_price in JPY rounds to whole yen, half up', () => {
    const p = program({ kind: 'percent_of_price', currency: 'JPY', percent: new D('2.5') })
    // 3 × ¥4,980 = ¥14,940; × 2.5% = ¥373.5 → ¥374
    expect(lineRebate(p, line({ currency: 'JPY', quantity: 3, unitPrice: new D('4980'), listPrice: new D('5500') })).toFixed(0)).toBe('374')
  })

  it('percent_of_price in BHD rounds to three decimals, half up', () => {
    const p = program({ kind: 'percent_of_price', currency: 'BHD', percent: new D('1') })
    // 2 × 11.725 = 23.450; × 1% = 0.2345 → 0.235 (half-even would give 0.234)
    expect(lineRebate(p, line({ currency: 'BHD', quantity: 2, unitPrice: new D('11.725') })).toFixed(3)).toBe('0.235')
    const p15 = program({ kind: 'percent_of_price', currency: 'BHD', percent: new D('1.5') })
    // 7 × 12.345 = 86.415; × 1.5% = 1.296225 → 1.296
    expect(lineRebate(p15, line({ currency: 'BHD', quantity: 7, unitPrice: new D('12.345') })).toFixed(3)).toBe('1.296')
  })

  it('price_exception pays list less the exception price per unit, whatever the sale price', () => {
    const p = program({ kind: 'price_exception', agreedPrice: new D('295.00') })
    // 40 × (350.00 − 295.00) = 40 × 55.00 = 2,200.00
    expect(lineRebate(p, line()).toFixed(2)).toBe('2200.00')
    // sold at 340.00 instead: still 40 × (350.00 − 295.00) = 2,200.00
    expect(lineRebate(p, line({ unitPrice: new D('340.00') })).toFixed(2)).toBe('2200.00')
    // a list price below the exception price pays nothing: max(0, 290.00 − 295.00) = 0 → 0.00
    expect(lineRebate(p, line({ listPrice: new D('290.00') })).toFixed(2)).toBe('0.00')
  })

  it('price_exception needs a list price and an agreed price', () => {
    expect(ineligibility(program({ kind: 'price_exception', agreedPrice: new D('295.00') }), line({ listPrice: null }))).toBe(
      'product RTR-4400 has no list price in USD',
    )
    expect(ineligibility(program({ kind: 'price_exception' }), line())).toBe('the program has no agreed price')
  })

  describe('ship_and_debit', () => {
    const p = program({ kind: 'ship_and_debit', agreedPrice: new D('310.00') })

    it('is eligible at the agreed price and pays list − agreed per unit', () => {
      expect(ineligibility(p, line({ unitPrice: new D('310.00') }))).toBeNull()
      // 40 × (350.00 − 310.00) = 40 × 40.00 = 1,600.00
      expect(lineRebate(p, line({ unitPrice: new D('310.00') })).toFixed(2)).toBe('1600.00')
    })

    it('is eligible below the agreed price and still pays list − agreed', () => {
      expect(ineligibility(p, line({ unitPrice: new D('299.99') }))).toBeNull()
      // 40 × (350.00 − 310.00) = 1,600.00 (the sale price does not enter)
      expect(lineRebate(p, line({ unitPrice: new D('299.99') })).toFixed(2)).toBe('1600.00')
    })

    it('refuses a sale above the agreed price, naming both prices', () => {
      expect(ineligibility(p, line({ unitPrice: new D('310.01') }))).toBe('sold at 310.01, above the agreed price 310')
    })
  })

  describe('deal_registration', () => {
    it('pays list less the special price per unit', () => {
      const p = program({ kind: 'deal_registration' })
      const l = line({ deal: deal() })
      expect(ineligibility(p, l)).toBeNull()
      // 40 × (350.00 − 280.00) = 40 × 70.00 = 2,800.00
      expect(lineRebate(p, l).toFixed(2)).toBe('2800.00')
    })

    it('adds the percent of the sale on top', () => {
      const p = program({ kind: 'deal_registration', percent: new D('2') })
      // 40 × 70.00 = 2,800.00; plus 40 × 310.00 × 2% = 12,400.00 × 2% = 248.00; total 3,048.00
      expect(lineRebate(p, line({ deal: deal() })).toFixed(2)).toBe('3048.00')
      // 10 of the units: 10 × 70.00 = 700.00 + 10 × 310.00 × 2% = 62.00 → 762.00
      expect(lineRebate(p, line({ deal: deal() }), 10).toFixed(2)).toBe('762.00')
    })

    const p = program({ kind: 'deal_registration', percent: new D('2') })

    it('is still eligible on the day the deal expires, not the day after', () => {
      expect(ineligibility(p, line({ soldOn: '2026-03-15', deal: deal() }))).toBeNull()
      expect(ineligibility(p, line({ soldOn: '2026-03-16', deal: deal() }))).toBe('deal DR-2026-0042 expired on 2026-03-15')
    })

    it("refuses another partner's deal", () => {
      expect(ineligibility(p, line({ deal: deal({ partnerId: 11 }) }))).toBe('deal DR-2026-0042 belongs to another partner')
    })

    it('refuses a product the deal does not cover', () => {
      expect(ineligibility(p, line({ productId: 200, sku: 'SW-24P', deal: deal() }))).toBe('deal DR-2026-0042 does not cover SW-24P')
    })

    it('refuses an unapproved deal', () => {
      expect(ineligibility(p, line({ deal: deal({ status: 'submitted' }) }))).toBe('deal DR-2026-0042 is submitted, not approved')
      expect(ineligibility(p, line({ deal: deal({ status: 'rejected' }) }))).toBe('deal DR-2026-0042 is rejected, not approved')
    })

    it('refuses a line without a deal, a deal in another currency, a product without a list price', () => {
      expect(ineligibility(p, line())).toBe('the line names no registered deal')
      expect(ineligibility(p, line({ deal: deal({ currency: 'CAD' }) }))).toBe('deal DR-2026-0042 is in CAD, the line in USD')
      expect(ineligibility(p, line({ deal: deal(), listPrice: null }))).toBe('product RTR-4400 has no list price in USD')
    })
  })

  describe('rule', () => {
    const p = program({ kind: 'rule' })

    it('pays the rule set amount for the whole line', () => {
      // ruleAmount 100.00 for the 3 units = 100.00
      expect(lineRebate(p, line({ quantity: 3, ruleAmount: new D('100.00') })).toFixed(2)).toBe('100.00')
    })

    it('pays pro rata for part of a line, rounded half up', () => {
      // 100.00 × 1 / 3 = 33.333… → 33.33
      expect(lineRebate(p, line({ quantity: 3, ruleAmount: new D('100.00') }), 1).toFixed(2)).toBe('33.33')
      // 100.00 × 2 / 3 = 66.666… → 66.67
      expect(lineRebate(p, line({ quantity: 3, ruleAmount: new D('100.00') }), 2).toFixed(2)).toBe('66.67')
    })

    it('refuses a line the rule set gave no amount for', () => {
      expect(ineligibility(p, line({ ruleAmount: null }))).toBe('the program’s rule set gave no amount for the line')
      expect(ineligibility(p, line())).toBe('the program’s rule set gave no amount for the line')
      expect(ineligibility(p, line({ ruleAmount: new D('0') }))).toBeNull()
    })
  })

  it('refuses to price a volume kind line by line', () => {
    expect(() => lineRebate(program({ kind: 'volume' }), line())).toThrow('volume is paid on volume, not per line')
    expect(() => lineRebate(program({ kind: 'growth' }), line())).toThrow('growth is paid on volume, not per line')
  })
})

describe('roundMinor', () => {
  it('rounds half up to the minor unit of the currency', () => {
    // USD 2 decimals: 2.345 → 2.35; JPY 0: 2.5 → 3; BHD 3: 2.3455 → 2.346
    expect(roundMinor(new D('2.345'), 'USD').toFixed(2)).toBe('2.35')
    expect(roundMinor(new D('2.5'), 'JPY').toFixed(0)).toBe('3')
    expect(roundMinor(new D('2.3455'), 'BHD').toFixed(3)).toBe('2.346')
  })
})

describe('tier tables: tieredRebate and volumeRebate', () => {
  describe('whole: the whole volume at the rate of the tier reached', () => {
    const p = program({
      kind: 'volume',
      tierMode: 'whole',
      tierBasis: 'quantity',
      tierRate: 'percent',
      tiers: tiers(['0', '1'], ['100', '2'], ['250', '3']),
    })

    it('below the boundary stays on the lower tier', () => {
      // 99 units, 30,690.00: tier 0 (1%) → 306.90
      expect(volumeRebate(p, vol('99', '30690.00')).toFixed(2)).toBe('306.90')
    })

    it('exactly on a boundary reaches that tier, for the whole volume', () => {
      // 100 units, 31,000.00: tier 100 (2%) on all 31,000.00 → 620.00
      expect(volumeRebate(p, vol('100', '31000.00')).toFixed(2)).toBe('620.00')
      // 250 units, 77,500.00: tier 250 (3%) → 2,325.00
      expect(volumeRebate(p, vol('250', '77500.00')).toFixed(2)).toBe('2325.00')
    })

    it('rounds the rebate half up to the cent', () => {
      // 120 units, 12,345.67: 2% → 246.9134 → 246.91
      expect(volumeRebate(p, vol('120', '12345.67')).toFixed(2)).toBe('246.91')
      // 40 units, 18,500.50: 1% → 185.005 → 185.01 (half up)
      expect(volumeRebate(p, vol('40', '18500.50')).toFixed(2)).toBe('185.01')
    })

    it('reads tiers in threshold order whatever order they are given in', () => {
      const shuffled = program({ ...p, tiers: tiers(['250', '3'], ['0', '1'], ['100', '2']) })
      // 100 units, 31,000.00 → 2% → 620.00
      expect(volumeRebate(shuffled, vol('100', '31000.00')).toFixed(2)).toBe('620.00')
    })

    it('pays an amount per unit on the whole quantity, nothing below the first tier', () => {
      const perUnit = program({
        kind: 'volume',
        tierMode: 'whole',
        tierBasis: 'quantity',
        tierRate: 'per_unit',
        tiers: tiers(['50', '2.00'], ['100', '3.00']),
      })
      // 49 units: below the first threshold (50) → 0.00
      expect(volumeRebate(perUnit, vol('49', '15190.00')).toFixed(2)).toBe('0.00')
      // 50 units × 2.00 = 100.00
      expect(volumeRebate(perUnit, vol('50', '15500.00')).toFixed(2)).toBe('100.00')
      // 120 units × 3.00 = 360.00
      expect(volumeRebate(perUnit, vol('120', '37200.00')).toFixed(2)).toBe('360.00')
    })

    it('counts amount thresholds when the basis is the amount', () => {
      const byAmount = program({
        kind: 'volume',
        tierMode: 'whole',
        tierBasis: 'amount',
        tierRate: 'percent',
        tiers: tiers(['0', '1'], ['50000', '2.5']),
      })
      // 49,999.99: 1% → 499.9999 → 500.00
      expect(volumeRebate(byAmount, vol('10', '49999.99')).toFixed(2)).toBe('500.00')
      // 50,000.00 exactly: 2.5% → 1,250.00
      expect(volumeRebate(byAmount, vol('10', '50000.00')).toFixed(2)).toBe('1250.00')
    })

    it('pays whole yen in JPY', () => {
      const jpy = program({
        kind: 'volume',
        currency: 'JPY',
        tierMode: 'whole',
        tierBasis: 'amount',
        tierRate: 'percent',
        tiers: tiers(['0', '2']),
      })
      // ¥1,234,567 × 2% = ¥24,691.34 → ¥24,691
      expect(volumeRebate(jpy, vol('30', '1234567')).toFixed(0)).toBe('24691')
    })
  })

  describe('slice: each slice at its own rate', () => {
    const p = program({
      kind: 'volume',
      tierMode: 'slice',
      tierBasis: 'amount',
      tierRate: 'percent',
      tiers: tiers(['0', '1'], ['10000', '2'], ['25000', '3']),
    })

    it('pays every slice at its own percent', () => {
      // 31,000.00: 10,000 × 1% = 100.00 + 15,000 × 2% = 300.00 + 6,000 × 3% = 180.00 → 580.00
      expect(volumeRebate(p, vol('100', '31000.00')).toFixed(2)).toBe('580.00')
    })

    it('exactly on a boundary the next slice is still empty', () => {
      // 25,000.00: 10,000 × 1% = 100.00 + 15,000 × 2% = 300.00 (+ 0 × 3%) → 400.00
      expect(volumeRebate(p, vol('80', '25000.00')).toFixed(2)).toBe('400.00')
      // 10,000.00: 10,000 × 1% = 100.00
      expect(volumeRebate(p, vol('30', '10000.00')).toFixed(2)).toBe('100.00')
      // 10,000.01: 100.00 + 0.01 × 2% = 100.0002 → 100.00
      expect(volumeRebate(p, vol('30', '10000.01')).toFixed(2)).toBe('100.00')
    })

    it('pays per unit on quantity slices', () => {
      const perUnit = program({
        kind: 'volume',
        tierMode: 'slice',
        tierBasis: 'quantity',
        tierRate: 'per_unit',
        tiers: tiers(['0', '1.00'], ['100', '1.50']),
      })
      // 130 units: 100 × 1.00 = 100.00 + 30 × 1.50 = 45.00 → 145.00
      expect(volumeRebate(perUnit, vol('130', '40300.00')).toFixed(2)).toBe('145.00')
      // 100 units exactly: 100 × 1.00 = 100.00
      expect(volumeRebate(perUnit, vol('100', '31000.00')).toFixed(2)).toBe('100.00')
    })

    it('pays nothing on the units below the first threshold', () => {
      const from50 = program({
        kind: 'volume',
        tierMode: 'slice',
        tierBasis: 'quantity',
        tierRate: 'per_unit',
        tiers: tiers(['50', '2.00']),
      })
      // 120 units: (120 − 50) × 2.00 = 140.00
      expect(volumeRebate(from50, vol('120', '0')).toFixed(2)).toBe('140.00')
      // 50 units: 0 × 2.00 = 0.00
      expect(volumeRebate(from50, vol('50', '0')).toFixed(2)).toBe('0.00')
    })

    it('tieredRebate is unrounded', () => {
      // 10,000.01: 100.00 + 0.01 × 2% = 100.0002
      expect(tieredRebate(p, vol('30', '10000.01')).toFixed(4)).toBe('100.0002')
    })
  })

  describe('growth over a baseline', () => {
    const p = program({
      kind: 'growth',
      tierMode: 'slice',
      tierBasis: 'amount',
      tierRate: 'percent',
      tiers: tiers(['0', '5'], ['5000', '8']),
    })
    const baseline = vol('60', '20000.00')

    it('pays nothing at or below the baseline', () => {
      // 20,000.00 − 20,000.00 = 0 → 0.00
      expect(volumeRebate(p, vol('60', '20000.00'), baseline).toFixed(2)).toBe('0.00')
      // 18,000.00 < 20,000.00 → excess max(0, −2,000) = 0 → 0.00
      expect(volumeRebate(p, vol('55', '18000.00'), baseline).toFixed(2)).toBe('0.00')
    })

    it('pays the tier table on the excess', () => {
      // 28,000.00 − 20,000.00 = 8,000.00: 5,000 × 5% = 250.00 + 3,000 × 8% = 240.00 → 490.00
      expect(volumeRebate(p, vol('85', '28000.00'), baseline).toFixed(2)).toBe('490.00')
    })

    it('without a baseline pays on the whole total', () => {
      // 4,000.00 × 5% = 200.00
      expect(volumeRebate(p, vol('12', '4000.00')).toFixed(2)).toBe('200.00')
    })

    it('whole mode: quantity thresholds on the excess units, the percent on the excess amount', () => {
      const whole = program({
        kind: 'growth',
        tierMode: 'whole',
        tierBasis: 'quantity',
        tierRate: 'percent',
        tiers: tiers(['0', '1'], ['50', '2']),
      })
      // excess 160 − 100 = 60 units (tier 50, 2%), 49,600.00 − 30,000.00 = 19,600.00 × 2% = 392.00
      expect(volumeRebate(whole, vol('160', '49600.00'), vol('100', '30000.00')).toFixed(2)).toBe('392.00')
      // excess 150 − 100 = 50 units: exactly on the boundary → 2%; 46,500.00 − 30,000.00 = 16,500.00 × 2% = 330.00
      expect(volumeRebate(whole, vol('150', '46500.00'), vol('100', '30000.00')).toFixed(2)).toBe('330.00')
      // excess 49 units: 1% × (45,190.00 − 30,000.00 = 15,190.00) = 151.90
      expect(volumeRebate(whole, vol('149', '45190.00'), vol('100', '30000.00')).toFixed(2)).toBe('151.90')
    })
  })

  it('addLine adds the units and quantity × unit price', () => {
    // 0 + 40 units; 0 + 40 × 310.00 = 12,400.00; then + 3 units, + 3 × 99.99 = 299.97 → 43 units, 12,699.97
    const after = addLine(addLine(NO_VOLUME, line()), { quantity: 3, unitPrice: new D('99.99') })
    expect(after.quantity.toFixed(0)).toBe('43')
    expect(after.amount.toFixed(2)).toBe('12699.97')
  })
})

describe('ineligibility', () => {
  const p = program({ kind: 'per_unit', ratePerUnit: new D('5.00') })

  it('a line inside every condition is eligible', () => {
    expect(ineligibility(p, line())).toBeNull()
  })

  it('dates: both ends are inclusive', () => {
    expect(ineligibility(p, line({ soldOn: '2026-01-01' }))).toBeNull()
    expect(ineligibility(p, line({ soldOn: '2026-03-31' }))).toBeNull()
    expect(ineligibility(p, line({ soldOn: '2025-12-31' }))).toBe("sold on 2025-12-31, outside the program's dates 2026-01-01..2026-03-31")
    expect(ineligibility(p, line({ soldOn: '2026-04-01' }))).toBe("sold on 2026-04-01, outside the program's dates 2026-01-01..2026-03-31")
  })

  it('currency', () => {
    expect(ineligibility(p, line({ currency: 'EUR' }))).toBe("currency EUR is not the program's USD")
  })

  it('region', () => {
    const west = program({ ...p, regions: ['US-WEST', 'US-EAST'] })
    expect(ineligibility(west, line({ region: 'US-EAST' }))).toBeNull()
    expect(ineligibility(west, line({ region: 'CA-ON' }))).toBe("region CA-ON is not one of the program's regions (US-WEST, US-EAST)")
    expect(ineligibility(west, line({ region: null }))).toBe("region (none) is not one of the program's regions (US-WEST, US-EAST)")
    // no regions listed: every region, none included
    expect(ineligibility(p, line({ region: null }))).toBeNull()
  })

  it('partner tier', () => {
    const gold = program({ ...p, partnerTiers: ['gold', 'platinum'] })
    expect(ineligibility(gold, line({ partnerTier: 'platinum' }))).toBeNull()
    expect(ineligibility(gold, line({ partnerTier: 'silver' }))).toBe(
      "partner tier silver is not one of the program's tiers (gold, platinum)",
    )
    expect(ineligibility(gold, line({ partnerTier: null }))).toBe("partner tier (none) is not one of the program's tiers (gold, platinum)")
  })

  it('partner list', () => {
    const listed = program({ ...p, partnerIds: [10, 12] })
    expect(ineligibility(listed, line({ partnerId: 12 }))).toBeNull()
    expect(ineligibility(listed, line({ partnerId: 11 }))).toBe('the partner is not on the program’s list')
  })

  it('product list and family', () => {
    const products = program({ ...p, productIds: [100, 101] })
    expect(ineligibility(products, line({ productId: 101 }))).toBeNull()
    expect(ineligibility(products, line({ productId: 200, sku: 'SW-24P', family: 'switches' }))).toBe(
      'product SW-24P is outside the program',
    )
    const families = program({ ...p, families: ['routers'] })
    expect(ineligibility(families, line({ productId: 999 }))).toBeNull()
    expect(ineligibility(families, line({ sku: 'SW-24P', family: 'switches' }))).toBe('product SW-24P is outside the program')
    expect(ineligibility(families, line({ sku: 'CBL-01', family: null }))).toBe('product CBL-01 is outside the program')
    // either admits: product 200 is listed though its family (switches) is not
    const both = program({ ...p, productIds: [200], families: ['routers'] })
    expect(ineligibility(both, line({ productId: 200, family: 'switches' }))).toBeNull()
  })

  it('a return or an empty line is not a sale', () => {
    expect(ineligibility(p, line({ quantity: 0 }))).toBe('quantity 0 is not a sale')
    expect(ineligibility(p, line({ quantity: -2 }))).toBe('quantity -2 is not a sale')
  })

  it('reports the first failing condition: dates before currency', () => {
    expect(ineligibility(p, line({ soldOn: '2026-04-01', currency: 'EUR' }))).toBe(
      "sold on 2026-04-01, outside the program's dates 2026-01-01..2026-03-31",
    )
  })
})

describe('programProblems', () => {
  it('a complete per_unit program has none', () => {
    expect(programProblems(program({ ratePerUnit: new D('5.00') }), false)).toEqual([])
  })

  it('names the field each kind needs', () => {
    expect(programProblems(program({ kind: 'per_unit' }), false)).toEqual([
      { field: 'ratePerUnit', reason: 'an amount per unit is required' },
    ])
    expect(programProblems(program({ kind: 'percent_of_price' }), false)).toEqual([{ field: 'percent', reason: 'a percent is required' }])
    expect(programProblems(program({ kind: 'ship_and_debit' }), false)).toEqual([
      { field: 'agreedPrice', reason: 'the agreed price is required' },
    ])
    expect(programProblems(program({ kind: 'rule' }), false)).toEqual([
      { field: 'ruleSet', reason: 'a rule set of purpose "Rebate per point-of-sale line" is required' },
    ])
    expect(programProblems(program({ kind: 'rule' }), true)).toEqual([])
    expect(programProblems(program({ kind: 'volume' }), false)).toEqual([{ field: 'tiers', reason: 'at least one tier is required' }])
  })

  it('refuses negatives, duplicate thresholds, a slice table paying per unit on amounts, bad dates and windows', () => {
    const p = program({
      kind: 'volume',
      effectiveTo: '2025-12-31',
      tiers: tiers(['0', '1'], ['100', '-2'], ['100', '3']),
      tierMode: 'slice',
      tierBasis: 'amount',
      tierRate: 'per_unit',
      partnerCap: new D('-1'),
      claimWindowDays: 0,
    })
    expect(programProblems(p, false)).toEqual([
      { field: 'effectiveTo', reason: 'is before the start date' },
      { field: 'tiers.1.rate', reason: 'must not be negative' },
      { field: 'tiers.2.from', reason: 'two tiers start at the same threshold' },
      {
        field: 'tierRate',
        reason: 'paying each slice needs a percent rate on amount thresholds, or an amount per unit on quantity thresholds',
      },
      { field: 'partnerCap', reason: 'must not be negative' },
      { field: 'claimWindowDays', reason: 'must be a whole number of days, at least 1' },
    ])
  })
})
