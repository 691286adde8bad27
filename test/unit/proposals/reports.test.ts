import { describe, expect, it } from 'vitest'

import {
  advertisingByProgram,
  ageBucket,
  approvalTurnaround,
  commissionByParticipant,
  levelDecisions,
  median,
  proposalsByStatusAndAge,
  type AdvertisingAmount,
  type CommissionAmount,
  type HistoryStep,
  type ProposalTrail,
} from '../../../engine/proposals/reports'

const asOf = new Date('2026-11-30T12:00:00Z')

describe('proposals by status and age', () => {
  it('counts whole days since creation into 0–7, 8–30, 31–90 and over 90, bounds included', () => {
    const at = (iso: string) => new Date(iso)
    const report = proposalsByStatusAndAge(
      [
        { id: 1, status: 'draft', createdAt: at('2026-11-30T12:00:00Z') }, // 0 days
        { id: 2, status: 'draft', createdAt: at('2026-11-22T12:00:01Z') }, // 7 days 23:59:59 → 7
        { id: 3, status: 'draft', createdAt: at('2026-11-22T12:00:00Z') }, // 8
        { id: 4, status: 'draft', createdAt: at('2026-12-01T00:00:00Z') }, // after asOf → 0
        { id: 5, status: 'submitted', createdAt: at('2026-10-31T12:00:00Z') }, // 30
        { id: 6, status: 'submitted', createdAt: at('2026-10-30T12:00:00Z') }, // 31
        { id: 7, status: 'accepted', createdAt: at('2026-09-01T12:00:00Z') }, // 90
        { id: 8, status: 'accepted', createdAt: at('2026-08-31T12:00:00Z') }, // 91
      ],
      asOf,
    )
    const table = report.rows.map((r) => [
      r.status,
      r.count,
      r.buckets['0-7'],
      r.buckets['8-30'],
      r.buckets['31-90'],
      r.buckets['over-90'],
      r.oldestDays,
    ])
    expect(table).toEqual([
      ['draft', 4, 3, 1, 0, 0, 8],
      ['submitted', 2, 0, 1, 1, 0, 31],
      ['returned', 0, 0, 0, 0, 0, null],
      ['rejected', 0, 0, 0, 0, 0, null],
      ['approved', 0, 0, 0, 0, 0, null],
      ['sent', 0, 0, 0, 0, 0, null],
      ['accepted', 2, 0, 0, 1, 1, 91],
      ['declined', 0, 0, 0, 0, 0, null],
      ['expired', 0, 0, 0, 0, 0, null],
    ])
    expect(report.total).toEqual({ count: 8, buckets: { '0-7': 3, '8-30': 2, '31-90': 2, 'over-90': 1 }, oldestDays: 91 })
  })

  it('puts each boundary day in the bucket that names it', () => {
    expect([0, 7, 8, 30, 31, 90, 91, 400].map(ageBucket)).toEqual(['0-7', '0-7', '8-30', '8-30', '31-90', '31-90', 'over-90', 'over-90'])
  })

  it('refuses a status the state machine does not know', () => {
    expect(() => proposalsByStatusAndAge([{ id: 9, status: 'lost', createdAt: asOf }], asOf)).toThrow(
      'proposal #9 has an unknown status "lost"',
    )
  })
})

const base = new Date('2026-11-01T08:00:00Z').getTime()
const h = (hours: number): Date => new Date(base + hours * 3_600_000)
const step = (action: string, hours: number, participantId: number | null = null): HistoryStep => ({ action, at: h(hours), participantId })
// Participants: 1 the operating company, 2 the partner, 3 the territory owner, 4 the agent manager.
const chain = [4, 3, 2, 1]
const kinds = new Map<number, string>([
  [1, 'operating_company'],
  [2, 'partner'],
  [3, 'territory_owner'],
  [4, 'agent_manager'],
])

/** Returned at level 1 after 2 h, resubmitted, then through every level: 1 h, 4 h, 24 h, 2 h. */
const returnedThenAccepted: ProposalTrail = {
  id: 1,
  status: 'accepted',
  chain,
  history: [
    step('created', -1, 5),
    step('submit', 0, 5),
    step('return', 2, 4),
    step('submit', 5, 5),
    step('approve', 6, 4),
    step('approve', 10, 3),
    step('approve', 34, 2),
    step('approve', 36, 1),
    step('send', 37, 1),
    step('accept', 40),
  ],
}
/** Approved at level 1 after 3 h, rejected at level 2 after 30 min. */
const rejected: ProposalTrail = {
  id: 2,
  status: 'rejected',
  chain,
  history: [step('submit', 0, 5), step('approve', 3, 4), step('reject', 3.5, 3)],
}
/** Approved at level 1 after 1 h 30, waiting at level 2 since. */
const waiting: ProposalTrail = { id: 3, status: 'submitted', chain, history: [step('submit', 0, 5), step('approve', 1.5, 4)] }

describe('approval turnaround per level', () => {
  it('times a return and the resubmitted proposal’s approval as two decisions of level 1, from each arrival', () => {
    const { decisions, wait } = levelDecisions(returnedThenAccepted, h(100))
    expect(decisions.map((d) => [d.level, d.decision, d.participantId, d.ms / 3_600_000])).toEqual([
      [1, 'return', 4, 2],
      [1, 'approve', 4, 1], // from the resubmit at 5 h, not from the first submit
      [2, 'approve', 3, 4],
      [3, 'approve', 2, 24],
      [4, 'approve', 1, 2],
    ])
    expect(wait).toBeNull()
  })

  it('reports count, average, median (even count: mean of the two middle values) and maximum in hours per level', () => {
    const report = approvalTurnaround([returnedThenAccepted, rejected, waiting], kinds, h(11.5))
    expect(report.rows).toEqual([
      // level 1: 2, 1, 3, 1.5 h → average 1.875 → 1.88; median of 1, 1.5, 2, 3 is 1.75
      {
        level: 1,
        approvers: 'Agent manager',
        decisions: 4,
        approved: 3,
        returned: 1,
        rejected: 0,
        averageHours: 1.88,
        medianHours: 1.75,
        maxHours: 3,
        waiting: 0,
        longestWaitHours: null,
      },
      // level 2: 4 h and 0.5 h; proposal 3 waits there since 1.5 h, 10 h by 11.5 h
      {
        level: 2,
        approvers: 'Territory owner',
        decisions: 2,
        approved: 1,
        returned: 0,
        rejected: 1,
        averageHours: 2.25,
        medianHours: 2.25,
        maxHours: 4,
        waiting: 1,
        longestWaitHours: 10,
      },
      {
        level: 3,
        approvers: 'Partner',
        decisions: 1,
        approved: 1,
        returned: 0,
        rejected: 0,
        averageHours: 24,
        medianHours: 24,
        maxHours: 24,
        waiting: 0,
        longestWaitHours: null,
      },
      {
        level: 4,
        approvers: 'Operating company',
        decisions: 1,
        approved: 1,
        returned: 0,
        rejected: 0,
        averageHours: 2,
        medianHours: 2,
        maxHours: 2,
        waiting: 0,
        longestWaitHours: null,
      },
    ])
    // all 8 decisions: 0.5, 1, 1.5, 2, 2, 3, 4, 24 → average 38 / 8 = 4.75, median (2 + 2) / 2
    expect(report.total).toEqual({ decisions: 8, averageHours: 4.75, medianHours: 2, maxHours: 24, waiting: 1 })
  })

  it('takes the middle value of an odd count and the mean of the two middle values of an even count', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([7])).toBe(7)
    expect(median([])).toBeNull()
  })

  it('labels a level with every kind that approves there: an agent’s manager and a territory owner’s partner are both level 1', () => {
    const ownersProposal: ProposalTrail = {
      id: 4,
      status: 'submitted',
      chain: [2, 1],
      history: [step('submit', 0, 3), step('approve', 0.25, 2)],
    }
    const report = approvalTurnaround([waiting, ownersProposal], kinds, h(2))
    expect(report.rows.map((r) => [r.level, r.approvers, r.decisions, r.waiting, r.longestWaitHours])).toEqual([
      [1, 'Agent manager / Partner', 2, 0, null],
      [2, 'Territory owner / Operating company', 0, 2, 1.75], // waits: 0.5 h (proposal 3) and 1.75 h (proposal 4)
    ])
    expect(report.rows[1]).toMatchObject({ averageHours: null, medianHours: null, maxHours: null })
  })
})

const payee = {
  sum: { payeeId: 2, payeeCode: 'SUM', payeeName: 'Summit Wireless Partners' },
  pac: { payeeId: 3, payeeCode: 'SUM-PAC', payeeName: 'Pacific Territory LLC' },
  am1: { payeeId: 4, payeeCode: 'SUM-PAC-AM1', payeeName: 'Dana Ruiz' },
  ag1: { payeeId: 5, payeeCode: 'SUM-PAC-AG1', payeeName: 'Leo Park' },
}
const mobility = { serviceId: 11, serviceCode: 'MGD-MOB', serviceName: 'Managed mobility' }
const fleet = { serviceId: 12, serviceCode: 'FLEET-TRK', serviceName: 'Fleet tracking' }
const usd = (amount: string, lines?: number) => ({ currency: 'USD', amount, ...(lines === undefined ? {} : { lines }) })

describe('commission by participant, rule scope and service', () => {
  it('sums proposal commission lines per payee, scope and service and totals them to the cent', () => {
    const lines: CommissionAmount[] = [
      { ...payee.sum, scope: 'default', ...mobility, ...usd('90.0000') },
      { ...payee.sum, scope: 'default', ...fleet, ...usd('8.0000') },
      { ...payee.pac, scope: 'relationship', ...mobility, ...usd('67.5000') },
      { ...payee.pac, scope: 'relationship', ...fleet, ...usd('6.0000') },
      { ...payee.am1, scope: 'territory', ...mobility, ...usd('72.0000') },
      { ...payee.am1, scope: 'territory', ...fleet, ...usd('6.4000') },
      { ...payee.ag1, scope: 'proposal', ...mobility, ...usd('108.0000') },
      { ...payee.ag1, scope: 'proposal', ...mobility, ...usd('0.1000') }, // a second billing line of the same service
      { ...payee.ag1, scope: 'proposal', ...mobility, ...usd('0.2000', 3) }, // three lines PostgreSQL summed already
      { ...payee.ag1, scope: 'proposal', ...fleet, ...usd('9.6000') },
      { ...payee.ag1, scope: 'default', ...fleet, ...usd('1.0500') }, // another proposal of the agent, paid by the default rule
    ]
    const report = commissionByParticipant(lines)
    expect(report.rows.map((r) => [r.payeeCode, r.scope, r.serviceCode, r.lines, r.amount])).toEqual([
      ['SUM-PAC-AM1', 'territory', 'FLEET-TRK', 1, '6.40'],
      ['SUM-PAC-AM1', 'territory', 'MGD-MOB', 1, '72.00'],
      ['SUM-PAC-AG1', 'proposal', 'FLEET-TRK', 1, '9.60'],
      ['SUM-PAC-AG1', 'proposal', 'MGD-MOB', 5, '108.30'], // 108.00 + 0.10 + 0.20, never 108.30000000000001
      ['SUM-PAC-AG1', 'default', 'FLEET-TRK', 1, '1.05'],
      ['SUM-PAC', 'relationship', 'FLEET-TRK', 1, '6.00'],
      ['SUM-PAC', 'relationship', 'MGD-MOB', 1, '67.50'],
      ['SUM', 'default', 'FLEET-TRK', 1, '8.00'],
      ['SUM', 'default', 'MGD-MOB', 1, '90.00'],
    ])
    // 78.40 + 118.95 + 73.50 + 98.00
    expect(report.totals).toEqual([{ currency: 'USD', lines: 13, amount: '368.85' }])
  })

  it('never adds two currencies: one total per currency', () => {
    const report = commissionByParticipant([
      { ...payee.sum, scope: 'default', ...mobility, ...usd('10.00') },
      { ...payee.sum, scope: 'default', ...mobility, currency: 'EUR', amount: '7.25' },
      { ...payee.sum, scope: 'default', ...mobility, ...usd('5.10') },
    ])
    expect(report.rows.map((r) => [r.currency, r.amount])).toEqual([
      ['EUR', '7.25'],
      ['USD', '15.10'],
    ])
    expect(report.totals).toEqual([
      { currency: 'USD', lines: 2, amount: '15.10' },
      { currency: 'EUR', lines: 1, amount: '7.25' },
    ])
  })

  it('rounds each row once and totals the rows as shown, so the total always equals the sum of the rows', () => {
    const report = commissionByParticipant([
      { ...payee.sum, scope: 'default', ...mobility, ...usd('0.0050') }, // 0.005 → 0.00 (half-even)
      { ...payee.sum, scope: 'default', ...fleet, ...usd('0.0150') }, // 0.015 → 0.02
      { ...payee.pac, scope: 'relationship', ...fleet, ...usd('0.0050') },
      { ...payee.pac, scope: 'relationship', ...fleet, ...usd('0.0050') }, // same row: 0.01
    ])
    expect(report.rows.map((r) => r.amount)).toEqual(['0.01', '0.02', '0.00'])
    expect(report.totals[0]!.amount).toBe('0.03')
  })

  it('keeps a line whose rule or service is gone, after the known scopes', () => {
    const report = commissionByParticipant([
      { ...payee.sum, scope: null, serviceId: null, serviceCode: null, serviceName: null, ...usd('1.00') },
      { ...payee.sum, scope: 'default', ...mobility, ...usd('2.00') },
    ])
    expect(report.rows.map((r) => [r.scope, r.serviceCode, r.amount])).toEqual([
      ['default', 'MGD-MOB', '2.00'],
      [null, null, '1.00'],
    ])
  })
})

describe('advertising deductions by program', () => {
  const national = { programId: 1, programName: 'National print' }
  const west = { programId: 2, programName: 'West billboards' }
  it('sums deductions per program and payee, totals each program and all programs to the cent', () => {
    const lines: AdvertisingAmount[] = [
      { ...west, ...payee.sum, ...usd('-1.9600') },
      { ...west, ...payee.pac, ...usd('-1.4700') },
      { ...west, ...payee.am1, ...usd('-1.5700') },
      { ...west, ...payee.ag1, ...usd('-2.3500') },
      { ...national, ...payee.sum, ...usd('-0.9800') },
      { ...national, ...payee.pac, ...usd('-0.7400') },
      { ...national, ...payee.am1, ...usd('-0.7800') },
      { ...national, ...payee.ag1, ...usd('-1.1800') },
      { ...national, ...payee.ag1, ...usd('-0.0100') }, // a second run of the period
    ]
    const report = advertisingByProgram(lines)
    expect(report.rows.map((r) => [r.programName, r.payeeCode, r.lines, r.amount])).toEqual([
      ['National print', 'SUM-PAC-AM1', 1, '-0.78'],
      ['National print', 'SUM-PAC-AG1', 2, '-1.19'],
      ['National print', 'SUM-PAC', 1, '-0.74'],
      ['National print', 'SUM', 1, '-0.98'],
      ['West billboards', 'SUM-PAC-AM1', 1, '-1.57'],
      ['West billboards', 'SUM-PAC-AG1', 1, '-2.35'],
      ['West billboards', 'SUM-PAC', 1, '-1.47'],
      ['West billboards', 'SUM', 1, '-1.96'],
    ])
    expect(report.programs).toEqual([
      { programId: 1, programName: 'National print', payees: 4, currency: 'USD', lines: 5, amount: '-3.69' },
      { programId: 2, programName: 'West billboards', payees: 4, currency: 'USD', lines: 4, amount: '-7.35' },
    ])
    expect(report.totals).toEqual([{ currency: 'USD', lines: 9, amount: '-11.04' }])
  })

  it('keeps two programs of the same name apart by id', () => {
    const report = advertisingByProgram([
      { programId: 7, programName: 'Radio', ...payee.sum, ...usd('-1.00') },
      { programId: 8, programName: 'Radio', ...payee.sum, ...usd('-2.00') },
    ])
    expect(report.programs.map((p) => [p.programId, p.amount])).toEqual([
      [7, '-1.00'],
      [8, '-2.00'],
    ])
  })
})
