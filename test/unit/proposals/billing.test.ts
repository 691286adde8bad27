import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { D } from '../../../engine/core/decimal'
import { chargeProblems, monthOf, rollUpCharges, type Charge } from '../../../engine/proposals/billing'

/** A charge of client 1, service 40, split 80% commissionable unless told otherwise. */
const charge = (
  chargedOn: string,
  frequency: Charge['frequency'],
  charged: string,
  commissionable: string,
  nonCommissionable: string,
  extra: Partial<Charge> = {},
): Charge => ({
  clientId: 1,
  serviceId: 40,
  chargedOn,
  frequency,
  charged,
  commissionable,
  nonCommissionable,
  ...extra,
})

describe('monthOf', () => {
  it('is the calendar month of the date as written', () => {
    expect(monthOf('2026-10-15')).toBe('2026-10')
    expect(monthOf('2026-10-01')).toBe('2026-10')
    expect(monthOf('2024-02-29')).toBe('2024-02')
  })

  it("ignores the time and offset of a date-time, so the server's time zone never moves a charge", () => {
    expect(monthOf('2026-10-31T23:00:00-05:00')).toBe('2026-10')
    expect(monthOf('2026-11-01T00:30:00+02:00')).toBe('2026-11')
    expect(monthOf('2026-10-31T12:00:00.000Z')).toBe('2026-10')
  })

  it('refuses what is not a real day', () => {
    expect(() => monthOf('2026-02-29')).toThrow('"2026-02-29" is not a date (expected YYYY-MM-DD)')
    expect(() => monthOf('2026-13-01')).toThrow('"2026-13-01" is not a date (expected YYYY-MM-DD)')
    expect(() => monthOf('10/15/2026')).toThrow('"10/15/2026" is not a date (expected YYYY-MM-DD)')
    expect(() => monthOf('2026-10')).toThrow('"2026-10" is not a date (expected YYYY-MM-DD)')
    expect(() => monthOf('2026-10-15junk')).toThrow('"2026-10-15junk" is not a date (expected YYYY-MM-DD)')
  })
})

describe('rollUpCharges', () => {
  it('rolls weekly and biweekly charges into the calendar month of their charge date, as billed', () => {
    const weekly = (day: string): Charge => charge(day, 'weekly', '125.00', '100.00', '25.00')
    const biweekly = (day: string): Charge => charge(day, 'biweekly', '210.50', '200.00', '10.50', { serviceId: 41 })
    const charges = [
      // October 2026 has five Thursdays: five weekly charges.
      ...['2026-10-01', '2026-10-08', '2026-10-15', '2026-10-22', '2026-10-29', '2026-11-05'].map(weekly),
      // Biweekly on Fridays: three in October, then the first of November.
      ...['2026-10-02', '2026-10-16', '2026-10-30', '2026-11-13'].map(biweekly),
      charge('2026-10-01', 'monthly', '99.99', '99.99', '0.00', { serviceId: 42 }),
      charge('2026-11-01', 'monthly', '99.99', '99.99', '0.00', { serviceId: 42 }),
    ]
    expect(rollUpCharges(charges)).toEqual([
      {
        month: '2026-10',
        clientId: 1,
        serviceId: 40,
        charged: '625.0000',
        commissionable: '500.0000',
        nonCommissionable: '125.0000',
        charges: 5,
      },
      {
        month: '2026-10',
        clientId: 1,
        serviceId: 41,
        charged: '631.5000',
        commissionable: '600.0000',
        nonCommissionable: '31.5000',
        charges: 3,
      },
      {
        month: '2026-10',
        clientId: 1,
        serviceId: 42,
        charged: '99.9900',
        commissionable: '99.9900',
        nonCommissionable: '0.0000',
        charges: 1,
      },
      {
        month: '2026-11',
        clientId: 1,
        serviceId: 40,
        charged: '125.0000',
        commissionable: '100.0000',
        nonCommissionable: '25.0000',
        charges: 1,
      },
      {
        month: '2026-11',
        clientId: 1,
        serviceId: 41,
        charged: '210.5000',
        commissionable: '200.0000',
        nonCommissionable: '10.5000',
        charges: 1,
      },
      {
        month: '2026-11',
        clientId: 1,
        serviceId: 42,
        charged: '99.9900',
        commissionable: '99.9900',
        nonCommissionable: '0.0000',
        charges: 1,
      },
    ])
  })

  it('keeps clients apart, sorts by month, client and service, and sums to the last of four decimals', () => {
    const rows = rollUpCharges([
      charge('2026-12-03', 'weekly', '0.1000', '0.0001', '0.0999', { clientId: 9 }),
      charge('2026-11-20', 'weekly', '10.10', '10.10', '0', { clientId: 9 }),
      charge('2026-11-27', 'weekly', '20.20', '20.20', '0', { clientId: 9 }),
      charge('2026-11-20', 'weekly', '0.10', '0.10', '0', { clientId: 2 }),
      charge('2026-11-20', 'weekly', '0.20', '0.20', '0', { clientId: 2 }),
    ])
    expect(rows).toEqual([
      {
        month: '2026-11',
        clientId: 2,
        serviceId: 40,
        charged: '0.3000',
        commissionable: '0.3000',
        nonCommissionable: '0.0000',
        charges: 2,
      },
      {
        month: '2026-11',
        clientId: 9,
        serviceId: 40,
        charged: '30.3000',
        commissionable: '30.3000',
        nonCommissionable: '0.0000',
        charges: 2,
      },
      {
        month: '2026-12',
        clientId: 9,
        serviceId: 40,
        charged: '0.1000',
        commissionable: '0.0001',
        nonCommissionable: '0.0999',
        charges: 1,
      },
    ])
  })

  it('nets a credit against its charge, to zero and never "-0.0000"', () => {
    expect(
      rollUpCharges([
        charge('2026-10-01', 'monthly', '50.00', '40.00', '10.00'),
        charge('2026-10-20', 'monthly', '-50.00', '-40.00', '-10.00'),
      ]),
    ).toEqual([
      {
        month: '2026-10',
        clientId: 1,
        serviceId: 40,
        charged: '0.0000',
        commissionable: '0.0000',
        nonCommissionable: '0.0000',
        charges: 2,
      },
    ])
  })

  it('gives nothing for no charges', () => {
    expect(rollUpCharges([])).toEqual([])
  })

  it('refuses to roll up a charge with problems, naming it', () => {
    expect(() =>
      rollUpCharges([
        charge('2026-10-01', 'monthly', '50.00', '40.00', '10.00'),
        charge('2026-10-02', 'monthly', '50.00', '40.00', '9.00'),
      ]),
    ).toThrow(
      'charge 2 cannot be rolled up: commissionable 40.00 + non-commissionable 9.00 = 49.0000, but the charge is 50.00 (a difference of 1.0000)',
    )
  })

  it('never loses or invents a cent: the rows sum to the charges (property)', () => {
    const cents = fc.integer({ min: -1_000_000, max: 1_000_000 })
    const anyCharge = fc
      .record({
        clientId: fc.integer({ min: 1, max: 3 }),
        serviceId: fc.integer({ min: 1, max: 3 }),
        day: fc.integer({ min: 0, max: 364 }),
        frequency: fc.constantFrom('monthly' as const, 'weekly' as const, 'biweekly' as const),
        commissionable: cents,
        nonCommissionable: cents,
      })
      .filter((c) => c.commissionable === 0 || c.nonCommissionable === 0 || Math.sign(c.commissionable) === Math.sign(c.nonCommissionable))
    const text = (n: number): string => new D(n).div(100).toFixed(2)
    fc.assert(
      fc.property(fc.array(anyCharge, { maxLength: 40 }), (list) => {
        const charges: Charge[] = list.map((c) => ({
          clientId: c.clientId,
          serviceId: c.serviceId,
          chargedOn: new Date(Date.UTC(2026, 0, 1 + c.day)).toISOString().slice(0, 10),
          frequency: c.frequency,
          charged: text(c.commissionable + c.nonCommissionable),
          commissionable: text(c.commissionable),
          nonCommissionable: text(c.nonCommissionable),
        }))
        const rows = rollUpCharges(charges)
        const total = (values: string[]): string => values.reduce((s, v) => s.plus(v), new D(0)).toFixed(4)
        expect(total(rows.map((r) => r.charged))).toBe(total(charges.map((c) => c.charged)))
        expect(total(rows.map((r) => r.commissionable))).toBe(total(charges.map((c) => c.commissionable)))
        expect(rows.reduce((n, r) => n + r.charges, 0)).toBe(charges.length)
        for (const r of rows) expect(new D(r.commissionable).plus(r.nonCommissionable).eq(r.charged)).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})

describe('chargeProblems', () => {
  it('finds nothing wrong with a sound charge, a credit or a wholly non-commissionable charge', () => {
    expect(chargeProblems(charge('2026-10-01', 'weekly', '125.00', '100.00', '25.00'))).toEqual([])
    expect(chargeProblems(charge('2026-10-01', 'weekly', '-125.00', '-100.00', '-25.00'))).toEqual([])
    expect(chargeProblems(charge('2026-10-01', 'biweekly', '30.00', '0', '30.00'))).toEqual([])
  })

  it('refuses parts that do not add up to the charge, with the amounts', () => {
    expect(chargeProblems(charge('2026-10-01', 'monthly', '100.00', '80.00', '15.00'))).toEqual([
      {
        field: 'commissionable',
        message: 'commissionable 80.00 + non-commissionable 15.00 = 95.0000, but the charge is 100.00 (a difference of 5.0000)',
      },
    ])
    expect(chargeProblems(charge('2026-10-01', 'monthly', '100.00', '80.01', '20.00'))).toEqual([
      {
        field: 'commissionable',
        message: 'commissionable 80.01 + non-commissionable 20.00 = 100.0100, but the charge is 100.00 (a difference of -0.0100)',
      },
    ])
  })

  it('refuses a part of the opposite sign, even when the sum is right', () => {
    expect(chargeProblems(charge('2026-10-01', 'monthly', '100.00', '120.00', '-20.00'))).toEqual([
      { field: 'nonCommissionable', message: 'nonCommissionable -20.0000 has the opposite sign of the charge 100.0000' },
    ])
  })

  it('names every bad field', () => {
    expect(
      chargeProblems({
        clientId: 0,
        serviceId: 1.5,
        chargedOn: '2026-02-30',
        frequency: 'daily' as 'weekly',
        charged: '1,000',
        commissionable: '1.00001',
        nonCommissionable: '',
      }),
    ).toEqual([
      { field: 'clientId', message: 'clientId must be a positive integer id, got 0' },
      { field: 'serviceId', message: 'serviceId must be a positive integer id, got 1.5' },
      { field: 'chargedOn', message: '"2026-02-30" is not a date (expected YYYY-MM-DD)' },
      { field: 'frequency', message: '"daily" is not a billing frequency (monthly, weekly or biweekly)' },
      { field: 'charged', message: 'charged "1,000" is not an amount' },
      { field: 'commissionable', message: 'commissionable 1.00001 has more than 4 decimals' },
      { field: 'nonCommissionable', message: 'nonCommissionable "" is not an amount' },
    ])
  })
})
