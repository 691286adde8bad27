/**
 * Accruals, worked by hand: one accrual per eligible line in arrival order, volume shares as the cumulative
 * difference (so they add up to the rebate on the total to the cent, with the catch-up on the line that crosses a
 * tier), partner and funding caps clipping in arrival order, deal units used up, reasons for skipped lines and the
 * day each accrual's claim window closes.
 */
import type Decimal from 'decimal.js'
import { describe, expect, it } from 'vitest'

import { D } from '../../../engine/core/decimal'
import { accrueLines, addDays, emptyAccrualState } from '../../../engine/rebates/accruals'
import { volumeRebate, type DealTerms } from '../../../engine/rebates/programs'
import { line, program, tiers, vol } from './fixtures'

const amounts = (list: { amount: Decimal }[], dp = 2) => list.map((a) => a.amount.toFixed(dp))

describe('accrueLines: volume shares are cumulative differences', () => {
  // Whole mode, quantity thresholds, percent of the amount: 0–99 units 2%, from 100 units 3%.
  const p = program({
    kind: 'volume',
    tierMode: 'whole',
    tierBasis: 'quantity',
    tierRate: 'percent',
    tiers: tiers(['0', '2'], ['100', '3']),
  })
  const lines = [
    line({ id: 1, quantity: 60, unitPrice: new D('125.00') }),
    line({ id: 2, quantity: 30, unitPrice: new D('99.99') }),
    line({ id: 3, quantity: 15, unitPrice: new D('120.33') }),
  ]

  it('three lines, the third crossing into the 3% tier and carrying the catch-up', () => {
    const state = emptyAccrualState()
    const { accruals, skipped } = accrueLines(p, lines, state)
    expect(skipped).toEqual([])
    // Line 1: 60 × 125.00 = 7,500.00; total 60 u / 7,500.00 → 2% = 150.00; share 150.00 − 0.00 = 150.00
    // Line 2: 30 × 99.99 = 2,999.70; total 90 u / 10,499.70 → 2% = 209.994 → 209.99; share 209.99 − 150.00 = 59.99
    // Line 3: 15 × 120.33 = 1,804.95; total 105 u / 12,304.65 → 3% (100+ units) = 369.1395 → 369.14;
    //         share 369.14 − 209.99 = 159.15 (its own 54.1485 at 3% plus the 1% catch-up on the 10,499.70 before it)
    expect(amounts(accruals)).toEqual(['150.00', '59.99', '159.15'])
    // 150.00 + 59.99 + 159.15 = 369.14 = the rebate on the total
    expect(volumeRebate(p, vol('105', '12304.65')).toFixed(2)).toBe('369.14')
    expect(state.programAccrued.toFixed(2)).toBe('369.14')
    const standing = state.partners.get(10)!
    expect(standing.volume.quantity.toFixed(0)).toBe('105')
    expect(standing.volume.amount.toFixed(2)).toBe('12304.65')
    expect(standing.accrued.toFixed(2)).toBe('369.14')
    expect(accruals.map((a) => a.quantity)).toEqual([60, 30, 15])
  })

  it('in another arrival order the shares differ but still add up to 369.14', () => {
    const { accruals } = accrueLines(p, [lines[2]!, lines[1]!, lines[0]!], emptyAccrualState())
    // Line 3 first: 1,804.95 × 2% = 36.099 → 36.10; share 36.10
    // Line 2: total 45 u / 4,804.65 × 2% = 96.093 → 96.09; share 96.09 − 36.10 = 59.99
    // Line 1: total 105 u / 12,304.65 × 3% = 369.14; share 369.14 − 96.09 = 273.05
    expect(amounts(accruals)).toEqual(['36.10', '59.99', '273.05'])
    // 36.10 + 59.99 + 273.05 = 369.14
  })

  it('continues from where the partner stood: two batches equal one', () => {
    const state = emptyAccrualState()
    const first = accrueLines(p, lines.slice(0, 2), state)
    const second = accrueLines(p, lines.slice(2), state)
    // as above: 150.00, 59.99, then 159.15
    expect([...amounts(first.accruals), ...amounts(second.accruals)]).toEqual(['150.00', '59.99', '159.15'])
  })

  it('keeps partners apart', () => {
    const { accruals } = accrueLines(
      p,
      [line({ id: 1, quantity: 95, unitPrice: new D('100.00') }), line({ id: 2, partnerId: 11, quantity: 10, unitPrice: new D('100.00') })],
      emptyAccrualState(),
    )
    // partner 10: 95 u, 9,500.00 × 2% = 190.00; partner 11: 10 u (not 105), 1,000.00 × 2% = 20.00
    expect(amounts(accruals)).toEqual(['190.00', '20.00'])
  })

  it('slice mode: each line pays the slices it fills', () => {
    const slice = program({
      kind: 'volume',
      tierMode: 'slice',
      tierBasis: 'amount',
      tierRate: 'percent',
      tiers: tiers(['0', '1'], ['10000', '2']),
    })
    const { accruals } = accrueLines(
      slice,
      [line({ id: 1, quantity: 25, unitPrice: new D('333.33') }), line({ id: 2, quantity: 10, unitPrice: new D('250.00') })],
      emptyAccrualState(),
    )
    // Line 1: 25 × 333.33 = 8,333.25 × 1% = 83.3325 → 83.33
    // Line 2: + 2,500.00 = 10,833.25: 10,000 × 1% = 100.00 + 833.25 × 2% = 16.665 → 116.665 → 116.67; share 116.67 − 83.33 = 33.34
    expect(amounts(accruals)).toEqual(['83.33', '33.34'])
  })

  it('growth: nothing until the partner passes the baseline', () => {
    const growth = program({ kind: 'growth', tierMode: 'slice', tierBasis: 'amount', tierRate: 'percent', tiers: tiers(['0', '5']) })
    const state = emptyAccrualState(new Map([[10, vol('30', '10000.00')]]))
    const { accruals } = accrueLines(
      growth,
      [
        line({ id: 1, quantity: 20, unitPrice: new D('400.00') }),
        line({ id: 2, quantity: 10, unitPrice: new D('400.00') }),
        line({ id: 3, partnerId: 11, quantity: 5, unitPrice: new D('200.00') }),
      ],
      state,
    )
    // Partner 10, baseline 10,000.00. Line 1: 8,000.00 ≤ 10,000.00 → 0.00
    // Line 2: 12,000.00 − 10,000.00 = 2,000.00 × 5% = 100.00; share 100.00 − 0.00 = 100.00
    // Partner 11, no baseline: 5 × 200.00 = 1,000.00 × 5% = 50.00
    expect(amounts(accruals)).toEqual(['0.00', '100.00', '50.00'])
  })
})

describe('accrueLines: line kinds', () => {
  it('per_unit in JPY', () => {
    const p = program({ currency: 'JPY', ratePerUnit: new D('1200') })
    const { accruals } = accrueLines(p, [line({ currency: 'JPY', quantity: 25, unitPrice: new D('39800') })], emptyAccrualState())
    // 25 × ¥1,200 = ¥30,000
    expect(amounts(accruals, 0)).toEqual(['30000'])
  })

  it('percent_of_price in BHD', () => {
    const p = program({ kind: 'percent_of_price', currency: 'BHD', percent: new D('1') })
    const state = emptyAccrualState()
    const { accruals } = accrueLines(
      p,
      [
        line({ id: 1, currency: 'BHD', quantity: 2, unitPrice: new D('11.725') }),
        line({ id: 2, currency: 'BHD', quantity: 4, unitPrice: new D('8.500') }),
      ],
      state,
    )
    // 2 × 11.725 = 23.450 × 1% = 0.2345 → 0.235; 4 × 8.500 = 34.000 × 1% = 0.340
    expect(amounts(accruals, 3)).toEqual(['0.235', '0.340'])
    // 0.235 + 0.340 = 0.575
    expect(state.programAccrued.toFixed(3)).toBe('0.575')
  })
})

describe('accrueLines: caps clip in arrival order', () => {
  it('partner cap', () => {
    const p = program({ ratePerUnit: new D('5.00'), partnerCap: new D('400.00') })
    const state = emptyAccrualState()
    const { accruals } = accrueLines(
      p,
      [
        line({ id: 1, quantity: 50 }),
        line({ id: 2, quantity: 40 }),
        line({ id: 3, quantity: 10 }),
        line({ id: 4, partnerId: 11, quantity: 30 }),
      ],
      state,
    )
    // partner 10: 50 × 5.00 = 250.00; then 250.00 + 40 × 5.00 = 450.00, capped at 400.00 → 400.00 − 250.00 = 150.00;
    // then 400.00 + 10 × 5.00 = 450.00, capped at 400.00 → 0.00. Partner 11: 30 × 5.00 = 150.00 (its own cap)
    expect(amounts(accruals)).toEqual(['250.00', '150.00', '0.00', '150.00'])
    expect(state.partners.get(10)!.accrued.toFixed(2)).toBe('400.00')
    // 250.00 + 150.00 + 0.00 + 150.00 = 550.00
    expect(state.programAccrued.toFixed(2)).toBe('550.00')
  })

  it('funding cap', () => {
    const p = program({ ratePerUnit: new D('5.00'), fundingCap: new D('1000.00') })
    const state = emptyAccrualState()
    const { accruals } = accrueLines(
      p,
      [
        line({ id: 1, partnerId: 10, quantity: 100 }),
        line({ id: 2, partnerId: 11, quantity: 80 }),
        line({ id: 3, partnerId: 12, quantity: 60 }),
        line({ id: 4, partnerId: 10, quantity: 20 }),
      ],
      state,
    )
    // 100 × 5.00 = 500.00 (500.00 left); 80 × 5.00 = 400.00 (100.00 left); 60 × 5.00 = 300.00 clipped to 100.00 (0 left);
    // 20 × 5.00 = 100.00 clipped to 0.00
    expect(amounts(accruals)).toEqual(['500.00', '400.00', '100.00', '0.00'])
    expect(state.programAccrued.toFixed(2)).toBe('1000.00')
    expect(state.partners.get(12)!.accrued.toFixed(2)).toBe('100.00')
  })

  it('both caps on a volume program', () => {
    const p = program({
      kind: 'volume',
      tierMode: 'whole',
      tierBasis: 'quantity',
      tierRate: 'per_unit',
      tiers: tiers(['0', '2.00']),
      partnerCap: new D('150.00'),
      fundingCap: new D('250.00'),
    })
    const { accruals } = accrueLines(
      p,
      [
        line({ id: 1, partnerId: 10, quantity: 90 }),
        line({ id: 2, partnerId: 11, quantity: 60 }),
        line({ id: 3, partnerId: 11, quantity: 10 }),
      ],
      emptyAccrualState(),
    )
    // partner 10: 90 × 2.00 = 180.00 → partner cap 150.00 → 150.00 (program 150.00, 100.00 left)
    // partner 11: 60 × 2.00 = 120.00 → funding leaves 100.00 → 100.00 (program 250.00)
    // partner 11: 70 × 2.00 = 140.00; target 140.00 − 100.00 = 40.00, but 0.00 funding left → 0.00
    expect(amounts(accruals)).toEqual(['150.00', '100.00', '0.00'])
  })
})

describe('accrueLines: deal registration', () => {
  const deal: DealTerms = {
    number: 'DR-2026-0042',
    partnerId: 10,
    status: 'approved',
    expiresOn: '2026-03-15',
    currency: 'USD',
    lines: new Map([[100, { quantity: 50, specialPrice: new D('280.00') }]]),
  }

  it('accrues no more units than registered: whole, then partial, then skipped', () => {
    const p = program({ kind: 'deal_registration' })
    const state = emptyAccrualState()
    const { accruals, skipped } = accrueLines(
      p,
      [line({ id: 1, quantity: 30, deal }), line({ id: 2, quantity: 30, deal }), line({ id: 3, quantity: 5, deal })],
      state,
    )
    // line 1: 30 of 50 units × (350.00 − 280.00) = 30 × 70.00 = 2,100.00
    // line 2: 50 − 30 = 20 units left → 20 × 70.00 = 1,400.00, quantity 20
    // line 3: 0 left → skipped
    expect(amounts(accruals)).toEqual(['2100.00', '1400.00'])
    expect(accruals.map((a) => a.quantity)).toEqual([30, 20])
    expect(skipped).toEqual([{ lineId: 3, reason: "deal DR-2026-0042's 50 units of RTR-4400 are used up" }])
    expect(state.dealUnits.get('DR-2026-0042|100')).toBe(50)
  })

  it('the percent is paid on the units accrued only', () => {
    const p = program({ kind: 'deal_registration', percent: new D('2') })
    const state = emptyAccrualState()
    state.dealUnits.set('DR-2026-0042|100', 45)
    const { accruals } = accrueLines(p, [line({ id: 1, quantity: 8, deal })], state)
    // 50 − 45 = 5 units: 5 × 70.00 = 350.00 + 5 × 310.00 × 2% = 31.00 → 381.00
    expect(amounts(accruals)).toEqual(['381.00'])
    expect(accruals[0]!.quantity).toBe(5)
  })
})

describe('accrueLines: skipped lines and expiry', () => {
  it('skips ineligible lines with their reasons and goes on', () => {
    const p = program({ ratePerUnit: new D('5.00'), regions: ['US-WEST'] })
    const { accruals, skipped } = accrueLines(
      p,
      [
        line({ id: 1, currency: 'EUR' }),
        line({ id: 2, region: 'CA-ON' }),
        line({ id: 3, soldOn: '2026-04-02' }),
        line({ id: 4, quantity: 2 }),
      ],
      emptyAccrualState(),
    )
    expect(skipped).toEqual([
      { lineId: 1, reason: "currency EUR is not the program's USD" },
      { lineId: 2, reason: "region CA-ON is not one of the program's regions (US-WEST)" },
      { lineId: 3, reason: "sold on 2026-04-02, outside the program's dates 2026-01-01..2026-03-31" },
    ])
    // 2 × 5.00 = 10.00
    expect(accruals).toHaveLength(1)
    expect(accruals[0]!.lineId).toBe(4)
    expect(accruals[0]!.amount.toFixed(2)).toBe('10.00')
  })

  it('expiresOn is soldOn + claimWindowDays, across a month end', () => {
    const p = program({ ratePerUnit: new D('5.00'), claimWindowDays: 10 })
    const { accruals } = accrueLines(p, [line({ id: 1, soldOn: '2026-02-20' }), line({ id: 2, soldOn: '2026-01-25' })], emptyAccrualState())
    // 2026-02-20 + 10: February 2026 has 28 days → 02-28 is +8, 03-01 +9, 03-02 +10
    // 2026-01-25 + 10: 01-31 is +6, 02-04 +10
    expect(accruals.map((a) => a.expiresOn)).toEqual(['2026-03-02', '2026-02-04'])
  })

  it('addDays crosses a leap February and a year end', () => {
    // 2028 is a leap year: 02-20 + 9 = 02-29, + 10 = 03-01
    expect(addDays('2028-02-20', 10)).toBe('2028-03-01')
    // 2026-12-25 + 7 = 2027-01-01; + 10 = 2027-01-04
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04')
    // 90-day window: 2026-01-15 + 16 = 01-31, + 44 = 02-28 (16 + 28), + 75 = 03-31, + 90 = 04-15
    expect(addDays('2026-01-15', 90)).toBe('2026-04-15')
  })
})
