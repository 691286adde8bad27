/**
 * Order incentives worked by hand: lines, discounts (percent of the product subtotal, amounts), freight waived or
 * reduced, the coupon (amount, or percent of the products left after discounts, rounded half up to the cent), credit
 * (at most what is available and what is left to pay), gifts and points, coupons and credit notes to issue with their
 * expiry, and why each applies.
 */
import { describe, expect, it } from 'vitest'

import { addDays } from '../../../engine/core/calendarDate'
import { applyIncentives, ruleLines, type IncentiveRuleLine } from '../../../engine/loyalty/incentives'
import type { FiredRow } from '../../../engine/rules/types'

const why = { ruleVersion: 7, version: 'Spring incentives v1' }
const rule = (result: Record<string, unknown>): IncentiveRuleLine => ({ result, why })
const order = (
  items: { sku: string; quantity: number; unitPrice: string; redeem?: boolean; redeemPoints?: number }[],
  freight = '0.00',
) => ({
  currency: 'USD',
  orderDate: '2026-11-20',
  freight,
  items,
})

describe('applyIncentives', () => {
  it('a 200.00 order, 10 % discount, freight 15.00 waived, coupon 20.00 → total 160.00', () => {
    const out = applyIncentives(
      order([{ sku: 'CREAM', quantity: 2, unitPrice: '100.00' }], '15.00'),
      [rule({ label: 'Ten off', kind: 'discount_percent', percent: '10' }), rule({ label: 'Free shipping', kind: 'freight_waived' })],
      { coupon: { code: 'CP-1', kind: 'amount', value: '20' } },
    )
    // subtotal 2 × 100.00 = 200.00; discount 10 % × 200.00 = 20.00; freight 15.00 → 0.00; coupon 20.00
    // total 200.00 − 20.00 + 0.00 − 20.00 = 160.00
    expect(out).toMatchObject({
      subtotal: '200.00',
      discount: '20.00',
      freight: '15.00',
      freightCharged: '0.00',
      couponDiscount: '20.00',
      creditUsed: '0.00',
      total: '160.00',
    })
    expect(out.applied.map((a) => [a.kind, a.label, a.figures])).toEqual([
      ['discount_percent', 'Ten off', { percent: '10', amount: '20.00' }],
      ['freight_waived', 'Free shipping', { freight: '15.00', charged: '0.00' }],
      ['coupon_used', 'Coupon CP-1', { value: '20', amount: '20.00' }],
    ])
    expect(out.applied[0]!.why).toEqual(why)
  })

  it('a percent coupon rounds half up to the cent on the products left', () => {
    // 3 × 33.33 = 99.99; 10 % = 9.999 → 10.00; total 99.99 − 10.00 = 89.99
    const a = applyIncentives(order([{ sku: 'A', quantity: 3, unitPrice: '33.33' }]), [], {
      coupon: { code: 'P', kind: 'percent', value: '10' },
    })
    expect([a.subtotal, a.couponDiscount, a.total]).toEqual(['99.99', '10.00', '89.99'])
    // 3 × 0.35 = 1.05; 50 % = 0.525 → 0.53 (half up, not half even's 0.52); total 1.05 − 0.53 = 0.52
    const b = applyIncentives(order([{ sku: 'B', quantity: 3, unitPrice: '0.35' }]), [], {
      coupon: { code: 'P', kind: 'percent', value: '50' },
    })
    expect([b.subtotal, b.couponDiscount, b.total]).toEqual(['1.05', '0.53', '0.52'])
    // after a 20 % discount of 100.00 (20.00), a 10 % coupon is 10 % of the 80.00 left = 8.00; total 72.00
    const c = applyIncentives(
      order([{ sku: 'C', quantity: 1, unitPrice: '100.00' }]),
      [rule({ label: 'D', kind: 'discount_percent', percent: 20 })],
      {
        coupon: { code: 'P', kind: 'percent', value: '10' },
      },
    )
    expect([c.discount, c.couponDiscount, c.total]).toEqual(['20.00', '8.00', '72.00'])
  })

  it('never goes below zero: discounts capped at the products, freight at the freight, coupon at what is left, credit at what is left', () => {
    const out = applyIncentives(
      order([{ sku: 'A', quantity: 1, unitPrice: '50.00' }], '10.00'),
      [
        rule({ label: 'Big', kind: 'discount_amount', amount: '30' }),
        rule({ label: 'Bigger', kind: 'discount_amount', amount: '30' }),
        rule({ label: 'Cheap freight', kind: 'freight_amount', amount: '12.50' }),
        rule({ label: 'Cheaper freight', kind: 'freight_amount', amount: '4.255' }),
      ],
      { coupon: { code: 'X', kind: 'amount', value: '5' }, creditAvailable: '100.00', useCredit: '100' },
    )
    // discounts 30.00 + min(30.00, 50.00 − 30.00 = 20.00) = 50.00; freight min(10.00, 12.50) = 10.00 then 4.255 → 4.26
    // coupon min(5.00, 0.00 left) = 0.00; credit min(100, 100, 0 + 4.26) = 4.26; total 0.00
    expect(out).toMatchObject({ discount: '50.00', freightCharged: '4.26', couponDiscount: '0.00', creditUsed: '4.26', total: '0.00' })
    expect(out.applied.filter((a) => a.kind === 'discount_amount').map((a) => a.figures.amount)).toEqual(['30.00', '20.00'])
  })

  it('credit used is at most what the wallet holds', () => {
    // 80.00 + freight 5.00 = 85.00; asked 60.00, held 25.50 → 25.50; total 85.00 − 25.50 = 59.50
    const out = applyIncentives(order([{ sku: 'A', quantity: 4, unitPrice: '20' }], '5'), [], {
      creditAvailable: '25.50',
      useCredit: '60.00',
    })
    expect([out.subtotal, out.freightCharged, out.creditUsed, out.total]).toEqual(['80.00', '5.00', '25.50', '59.50'])
  })

  it('gives gifts at 0, pays redeemed lines with points, and says what to issue and when it expires', () => {
    const out = applyIncentives(
      order([
        { sku: 'CREAM', quantity: 2, unitPrice: '45.00' },
        { sku: 'LIPSTICK', quantity: 2, unitPrice: '12.00', redeem: true, redeemPoints: 300 },
      ]),
      [
        rule({ label: 'Spring kit', kind: 'gift', product: 'KIT' }),
        rule({ label: 'Next order', kind: 'coupon_amount', amount: '15', validDays: 30 }),
        rule({ label: 'Next order %', kind: 'coupon_percent', percent: '5' }),
        rule({ label: 'Thanks', kind: 'credit_note', amount: '7.5', validDays: 10 }),
        rule({ label: 'Duo', kind: 'points', points: '50' }),
        rule({ label: 'Broken', kind: 'discount_amount' }),
      ],
    )
    // products 2 × 45.00 = 90.00 (the lipsticks are paid with 2 × 300 = 600 points)
    expect(out.subtotal).toBe('90.00')
    expect(out.total).toBe('90.00')
    expect(out.pointsRedeemed).toBe(600)
    expect(out.lines).toEqual([
      { sku: 'CREAM', quantity: 2, unitPrice: '45.00', amount: '90.00', kind: 'product' },
      { sku: 'LIPSTICK', quantity: 2, unitPrice: '0.00', amount: '0.00', kind: 'redeemed', points: 600 },
      { sku: 'KIT', quantity: 1, unitPrice: '0.00', amount: '0.00', kind: 'gift', label: 'Spring kit' },
    ])
    // 2026-11-20 + 30 days = 2026-12-20; + 90 days (default) = 2027-02-18 (10 to Nov 30, 31 Dec, 31 Jan, 18 Feb); + 10 = 2026-11-30
    expect(out.couponsToIssue.map((c) => [c.kind, c.value, c.expiresOn])).toEqual([
      ['amount', '15.00', '2026-12-20'],
      ['percent', '5', '2027-02-18'],
    ])
    expect(out.creditNotesToIssue.map((c) => [c.amount, c.expiresOn])).toEqual([['7.50', '2026-11-30']])
    expect(out.pointsToPost.map((p) => [p.label, p.points])).toEqual([['Duo', 50]])
    expect(out.ignored).toEqual([{ label: 'Broken', reason: 'discount_amount without amount' }])
  })
})

describe('ruleLines', () => {
  it('pairs each result of a collect table with the row that fired', () => {
    const fired: FiredRow[] = [
      { nodeId: 't', node: 'Incentives', row: 2, rowId: 'row2', conditions: 'orderAmount: >= 150', outputs: 'kind: "freight_waived"' },
      { nodeId: 't', node: 'Incentives', row: 4, rowId: 'row4', conditions: 'rank: "GOLD"', outputs: 'kind: "gift"' },
    ]
    const lines = ruleLines([{ kind: 'freight_waived' }, { kind: 'gift' }], fired, { id: 12, label: 'Incentives v3' })
    expect(lines.map((l) => l.why)).toEqual([
      {
        ruleVersion: 12,
        version: 'Incentives v3',
        table: 'Incentives',
        row: 2,
        conditions: 'orderAmount: >= 150',
        outputs: 'kind: "freight_waived"',
      },
      { ruleVersion: 12, version: 'Incentives v3', table: 'Incentives', row: 4, conditions: 'rank: "GOLD"', outputs: 'kind: "gift"' },
    ])
  })

  it('names only the version when results and rows do not pair up', () => {
    expect(ruleLines([{ kind: 'gift' }], [], { id: 3, label: 'V v1' })[0]!.why).toEqual({ ruleVersion: 3, version: 'V v1' })
  })
})

describe('addDays', () => {
  it('crosses months and years', () => {
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
  })
})
