import { describe, expect, it } from 'vitest'

import { RECON_CLASSES, isCommissionable, stakeSql, summarize, type ClassTotals } from '../../../engine/reconcile/reconciliation'

const totals = (reconClass: ClassTotals['reconClass'], over: Partial<ClassTotals>): ClassTotals => ({
  reconClass,
  sales: 0,
  carrierRecords: 0,
  expected: '0',
  paid: '0',
  shortfall: '0',
  excess: '0',
  ...over,
})

describe('reconciliation summary', () => {
  it('only a clean match is commissionable', () => {
    expect(RECON_CLASSES.filter(isCommissionable)).toEqual(['matched'])
  })

  it('adds each class to its headline: overpayment avoided, revenue leakage (shortfall), unattributed revenue, carrier overpaid', () => {
    const summary = summarize([
      totals('matched', { sales: 10, carrierRecords: 10, expected: '1000.00', paid: '1000.00' }),
      totals('not_with_carrier', { sales: 2, expected: '180.00' }),
      totals('duplicate_claim', { sales: 1, expected: '40.00' }),
      totals('deactivated_in_window', { sales: 1, carrierRecords: 1, expected: '90.00', paid: '90.00' }),
      totals('rate_plan_mismatch', { sales: 1, carrierRecords: 1, expected: '90.10', paid: '90.00', shortfall: '0.10' }),
      totals('amount_mismatch', { sales: 3, carrierRecords: 3, expected: '420.00', paid: '415.01', shortfall: '10.00', excess: '5.01' }),
      totals('not_reported', { carrierRecords: 2, expected: '230.00', paid: '230.00' }),
    ])
    expect(summary.overpaymentAvoided).toBe('400.1000')
    expect(summary.revenueLeakage).toBe('10.0000')
    expect(summary.carrierOverpaid).toBe('5.0100')
    expect(summary.unattributedRevenue).toBe('230.0000')
    expect(summary.classes.amount_mismatch.atStake).toBe('15.0100')
    expect(summary.commissionableSales).toBe(10)
    expect(summary.salesRead).toBe(18)
    expect(summary.carrierRecordsRead).toBe(17)
  })

  it('every class appears in the summary, with zeros when none was found', () => {
    const summary = summarize([])
    expect(Object.keys(summary.classes)).toEqual([...RECON_CLASSES])
    expect(summary.classes.duplicate_claim).toEqual({ sales: 0, carrierRecords: 0, expected: '0.0000', paid: '0.0000', atStake: '0.0000' })
  })

  it('a million cent amounts sum exactly', () => {
    const summary = summarize([totals('not_with_carrier', { sales: 1_000_000, expected: '100000000.01' })])
    expect(summary.overpaymentAvoided).toBe('100000000.0100')
  })

  it('the SQL stake expression is generated from the same table as the summary', () => {
    const sql = stakeSql('c', 'e', 'p')
    expect(sql).toContain("when 'not_with_carrier' then e")
    expect(sql).toContain("when 'amount_mismatch' then abs(e - p)")
    expect(sql).toContain("when 'not_reported' then p")
    expect(sql).toContain("when 'matched' then 0")
  })
})
