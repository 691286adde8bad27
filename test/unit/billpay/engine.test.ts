import { describe, expect, it } from 'vitest'

import { allocateCharges, serviceKey, splitProblems, type InventoryItem } from '../../../engine/billpay/allocation'
import { planRun, tripBreakers, type BreakerInput } from '../../../engine/billpay/breakers'
import { sanityChecks, type CheckInput } from '../../../engine/billpay/checks'
import { InvoiceStateError, transition } from '../../../engine/billpay/states'

/** The pure core of bill payment, on hand-worked figures: states, checks, allocation to the cent, breakers, run limits. */

describe('invoice states', () => {
  it('allows the machine’s moves and refuses the others, naming what is possible', () => {
    expect(transition('processing', 'pending_payment')).toBe('pending_payment')
    expect(transition('on_hold', 'pending_payment')).toBe('pending_payment')
    expect(() => transition('paid', 'pending_payment')).toThrow(InvoiceStateError)
    expect(() => transition('approval_needed', 'paid')).toThrow(
      /cannot become "Paid" \(it can become: Pending payment, Rejected, Processing\)/,
    )
    expect(() => transition('nonsense', 'paid')).toThrow(InvoiceStateError)
  })
})

const header = {
  accountNumber: 'A-1',
  invoiceNumber: 'INV-1',
  statementDate: '2026-11-05',
  dueDate: '2026-11-28',
  currency: 'USD',
  previousBalance: '100.00',
  payments: '100.00',
  newCharges: '60.50',
  taxes: '4.39',
  totalDue: '64.89',
}
const checkInput = (over: Partial<CheckInput> = {}): CheckInput => ({
  header,
  lines: [
    { lineNo: 1, amount: '50.00' },
    { lineNo: 2, amount: '12.50' },
    { lineNo: 3, amount: '-2.00' },
  ],
  duplicateOf: null,
  historyAverage: null,
  historyFactor: '3',
  parseProblems: 0,
  ...over,
})

describe('sanity checks', () => {
  it('passes an invoice whose lines and balance add up', () => {
    expect(sanityChecks(checkInput())).toEqual([])
  })
  it('names the difference when the lines do not sum to the new charges', () => {
    const failures = sanityChecks(checkInput({ lines: [{ lineNo: 1, amount: '60.49' }] }))
    expect(failures).toEqual([
      { check: 'lines_sum', message: "the 1 line item(s) sum to 60.49, the invoice's new charges are 60.50 (difference -0.01)" },
    ])
  })
  it('checks previous balance − payments + new charges + taxes = total due', () => {
    const failures = sanityChecks(checkInput({ header: { ...header, totalDue: '64.90' } }))
    expect(failures.map((f) => f.check)).toEqual(['balance'])
    expect(failures[0]!.message).toContain('= 64.89, but the total due says 64.90')
  })
  it('flags missing figures, unread parts, duplicates and totals far from the history', () => {
    const failures = sanityChecks(
      checkInput({
        header: { ...header, dueDate: null },
        parseProblems: 2,
        duplicateOf: { id: 7, invoiceNumber: 'INV-1' },
        historyAverage: '20.00',
      }),
    )
    expect(failures.map((f) => f.check)).toEqual(['parse', 'required', 'duplicate', 'history'])
    expect(failures[3]!.message).toContain('3.24× the account')
    expect(sanityChecks(checkInput({ historyAverage: '21.63' }))).toEqual([])
  })
})

const inventory = new Map<string, InventoryItem>([
  ['5552010001', { serviceId: '555-201-0001', kind: 'line', department: 'Sales', costCentre: 'CC-200', location: 'HQ', splits: [] }],
  [
    'CKT/10GE/000001',
    {
      serviceId: 'CKT/10GE/000001',
      kind: 'circuit',
      department: 'IT',
      costCentre: null,
      location: 'DC1',
      splits: [
        { costCentre: 'CC-1', percent: '33.33' },
        { costCentre: 'CC-2', percent: '33.33' },
        { costCentre: 'CC-3', percent: '33.34' },
      ],
    },
  ],
])
const accountDefaults = { carrier: 'NTL', accountNumber: 'A-1', costCentre: 'CC-100', location: 'HQ', sharedSplits: [] }

describe('GL allocation', () => {
  it('keys phone numbers by their digits and circuits in upper case', () => {
    expect(serviceKey('(555) 201-0001')).toBe('5552010001')
    expect(serviceKey('+1 555 201 0001')).toBe('5552010001')
    expect(serviceKey('ckt/10ge/000001')).toBe('CKT/10GE/000001')
  })
  it('splits a shared circuit by percentages with parts that sum to the charge to the cent', () => {
    const { allocations, problems } = allocateCharges(
      [{ lineNo: 1, serviceId: 'ckt/10ge/000001', chargeType: 'MRC', description: 'Circuit', amount: '100.00' }],
      'USD',
      inventory,
      accountDefaults,
      () => ({ glCode: '6420', costCentre: null }),
    )
    expect(problems).toEqual([])
    // 33.33 % of 100.00 = 33.33; 33.34 % = 33.34: exact, no remainder.
    expect(allocations.map((a) => [a.costCentre, a.amount])).toEqual([
      ['CC-1', '33.33'],
      ['CC-2', '33.33'],
      ['CC-3', '33.34'],
    ])
    const odd = allocateCharges(
      [{ lineNo: 1, serviceId: 'CKT/10GE/000001', chargeType: 'MRC', description: 'Circuit', amount: '0.10' }],
      'USD',
      inventory,
      accountDefaults,
      () => ({ glCode: '6420', costCentre: null }),
    )
    // 3.333, 3.333, 3.334 cents: largest remainders 0.334 then 0.333 (first) → 3 + 3 + 4 = 10 cents.
    expect(odd.allocations.map((a) => a.amount)).toEqual(['0.03', '0.03', '0.04'])
  })
  it('sends a charge nobody covers, or for an unknown service, to review instead of guessing', () => {
    const { allocations, problems } = allocateCharges(
      [
        { lineNo: 1, serviceId: '555-201-0001', chargeType: 'ODD', description: 'Mystery fee', amount: '5.00' },
        { lineNo: 2, serviceId: '555-999-0000', chargeType: 'MRC', description: 'Plan', amount: '5.00' },
        { lineNo: null, serviceId: null, chargeType: 'TAX', description: 'Taxes', amount: '1.00' },
      ],
      'USD',
      inventory,
      accountDefaults,
      (input) => ({ glCode: input.chargeType === 'TAX' ? '6490' : null, costCentre: null }),
    )
    expect(problems.map((p) => p.lineNo)).toEqual([1, 2])
    expect(problems[1]!.message).toContain('555-999-0000 is not in the inventory')
    expect(allocations).toEqual([{ lineNo: null, glCode: '6490', costCentre: 'CC-100', percent: '100', amount: '1.00' }])
  })
  it('refuses splits that do not add up to 100 %', () => {
    expect(
      splitProblems([
        { costCentre: 'A', percent: '60' },
        { costCentre: 'B', percent: '30' },
      ]),
    ).toEqual(['the splits add up to 90 %, not 100 %'])
  })
})

const breakerInput = (over: Partial<BreakerInput> = {}): BreakerInput => ({
  totalDue: '2000.01',
  dueDate: '2026-12-20',
  paymentsMade: 0,
  markedPaid: false,
  sixMonthAverage: '1000.00',
  released: null,
  today: '2026-12-06',
  averageFactor: '2',
  ...over,
})

describe('payment breakers and run limits', () => {
  it('holds at more than twice the six-month average, and not at exactly twice', () => {
    expect(tripBreakers(breakerInput()).map((t) => t.breaker)).toEqual(['above_average'])
    expect(tripBreakers(breakerInput({ totalDue: '2000.00' }))).toEqual([])
  })
  it('holds a paid invoice and a past-due one; a release overrides only at the released total', () => {
    expect(tripBreakers(breakerInput({ totalDue: '10', paymentsMade: 1, dueDate: '2026-12-05' })).map((t) => t.breaker)).toEqual([
      'already_paid',
      'past_due',
    ])
    const released = { breakers: ['above_average' as const], totalDue: '2000.01' }
    expect(tripBreakers(breakerInput({ released }))).toEqual([])
    expect(tripBreakers(breakerInput({ released, totalDue: '2500.00' })).map((t) => t.breaker)).toEqual(['above_average'])
  })
  it('pays the earliest due first within the count and the total per currency', () => {
    const plan = planRun(
      [
        { id: 3, totalDue: '600.00', currency: 'USD', dueDate: '2026-12-10' },
        { id: 1, totalDue: '500.00', currency: 'USD', dueDate: '2026-12-20' },
        { id: 2, totalDue: '900.00', currency: 'EUR', dueDate: '2026-12-15' },
        { id: 4, totalDue: '300.00', currency: 'USD', dueDate: '2026-12-25' },
      ],
      { maxInvoices: 3, maxTotal: '1000.00' },
    )
    expect(plan.pay.map((c) => c.id)).toEqual([3, 2, 4])
    expect(plan.deferred).toEqual([{ id: 1, reason: "paying it would take the run's USD total above 1000.00" }])
  })
})
