/**
 * Claim validation, worked by hand: every branch of decideClaimLine, the claim's status after validation and who
 * moves a claim on (channel operations, then finance above the threshold, never the same user twice).
 */
import { describe, expect, it } from 'vitest'

import { D } from '../../../engine/core/decimal'
import { approvalStep, decideClaimLine, statusAfterValidation, type ClaimLineFacts } from '../../../engine/rebates/claims'
import type { ProgramTerms } from '../../../engine/rebates/programs'
import { line, program as baseProgram } from './fixtures'

const program = (over: Partial<ProgramTerms & { status: string }> = {}): ProgramTerms & { status: string } => ({
  ...baseProgram(),
  status: 'published',
  ...over,
})

// A 40-unit line of a 5.00-per-unit program: accrued 40 × 5.00 = 200.00, claim window 60 days from 2026-02-10 → 2026-04-11.
const facts = (over: Partial<ClaimLineFacts> = {}): ClaimLineFacts => ({
  reference: 'INV-1001/2',
  line: line(),
  program: program(),
  accrual: { amount: new D('200.00'), quantity: 40, expiresOn: '2026-04-11', status: 'open' },
  accrualSkip: null,
  quantity: 40,
  claimedAmount: new D('200.00'),
  claimedElsewhere: { quantity: 0, amount: new D(0), claims: [] },
  claimedOn: '2026-03-01',
  programClaimed: new D('0'),
  partnerClaimed: new D('0'),
  ...over,
})

const APPROVED = 'eligible; within the sale, the claim window and the caps'

describe('decideClaimLine', () => {
  it('approves an eligible whole line at its accrual', () => {
    const d = decideClaimLine(facts())
    expect(d.status).toBe('approved')
    expect(d.reason).toBe(APPROVED)
    // the accrual: 40 × 5.00 = 200.00
    expect(d.amount.toFixed(2)).toBe('200.00')
  })

  it('rejects a line that does not exist', () => {
    const d = decideClaimLine(facts({ line: null }))
    expect(d).toMatchObject({ status: 'rejected', reason: 'no point-of-sale line INV-1001/2 of the partner' })
    expect(d.amount.toFixed(2)).toBe('0.00')
  })

  it('rejects a missing program', () => {
    expect(decideClaimLine(facts({ program: null })).reason).toBe('no such program')
  })

  it('rejects an unpublished program', () => {
    expect(decideClaimLine(facts({ program: program({ status: 'approved' }) }))).toMatchObject({
      status: 'rejected',
      reason: 'program PRM-2026-01 is approved, not published',
    })
    expect(decideClaimLine(facts({ program: program({ status: 'closed' }) })).reason).toBe('program PRM-2026-01 is closed, not published')
  })

  it('rejects a quantity that is not a whole number of units', () => {
    expect(decideClaimLine(facts({ quantity: 0 })).reason).toBe('quantity 0 must be a whole number of units, at least 1')
    expect(decideClaimLine(facts({ quantity: 1.5 })).reason).toBe('quantity 1.5 must be a whole number of units, at least 1')
  })

  it('rejects an ineligible line with the eligibility reason', () => {
    expect(decideClaimLine(facts({ line: line({ soldOn: '2026-04-02' }) }))).toMatchObject({
      status: 'rejected',
      reason: "sold on 2026-04-02, outside the program's dates 2026-01-01..2026-03-31",
    })
    expect(decideClaimLine(facts({ program: program({ partnerIds: [12] }) })).reason).toBe('the partner is not on the program’s list')
  })

  it('rejects more units than the sale', () => {
    expect(decideClaimLine(facts({ quantity: 41 }))).toMatchObject({ status: 'rejected', reason: 'claims 41 units; the sale was 40' })
  })

  it('rejects a line that accrued nothing, with the accrual step’s reason when there is one', () => {
    expect(decideClaimLine(facts({ accrual: null })).reason).toBe('the line accrued nothing under the program')
    expect(decideClaimLine(facts({ accrual: null, accrualSkip: "deal DR-2026-0042's 50 units of RTR-4400 are used up" })).reason).toBe(
      "deal DR-2026-0042's 50 units of RTR-4400 are used up",
    )
  })

  it('accepts a claim on the last day of the window and rejects it the day after', () => {
    expect(decideClaimLine(facts({ claimedOn: '2026-04-11' })).status).toBe('approved')
    expect(decideClaimLine(facts({ claimedOn: '2026-04-12' }))).toMatchObject({
      status: 'rejected',
      reason: 'the claim window closed on 2026-04-11',
    })
  })

  it('rejects an expired accrual', () => {
    const expired = { amount: new D('200.00'), quantity: 40, expiresOn: '2026-04-11', status: 'expired' }
    expect(decideClaimLine(facts({ accrual: expired })).reason).toBe('the accrual expired unclaimed')
  })

  it('rejects a line already claimed, naming the claims', () => {
    expect(
      decideClaimLine(facts({ claimedElsewhere: { quantity: 40, amount: new D('200.00'), claims: ['CLM-0007', 'CLM-0009'] } })),
    ).toMatchObject({
      status: 'rejected',
      reason: 'already claimed on CLM-0007, CLM-0009',
    })
  })

  it('rejects more than the units left and pays the units left pro rata', () => {
    const elsewhere = { quantity: 30, amount: new D('150.00'), claims: ['CLM-0007'] }
    // 40 − 30 = 10 left
    expect(decideClaimLine(facts({ quantity: 15, claimedElsewhere: elsewhere })).reason).toBe('claims 15 units; 10 are left after CLM-0007')
    const d = decideClaimLine(facts({ quantity: 10, claimedAmount: null, claimedElsewhere: elsewhere }))
    expect(d.status).toBe('approved')
    // 200.00 × 10 / 40 = 50.00
    expect(d.amount.toFixed(2)).toBe('50.00')
  })

  it('pays part of a line pro rata, rounded half up', () => {
    const accrual = { amount: new D('100.00'), quantity: 3, expiresOn: '2026-04-11', status: 'open' }
    const three = line({ quantity: 3 })
    // 100.00 × 1 / 3 = 33.333… → 33.33
    expect(decideClaimLine(facts({ line: three, accrual, quantity: 1, claimedAmount: new D('33.33') })).amount.toFixed(2)).toBe('33.33')
    // 100.00 × 2 / 3 = 66.666… → 66.67
    expect(decideClaimLine(facts({ line: three, accrual, quantity: 2, claimedAmount: null })).amount.toFixed(2)).toBe('66.67')
    // the whole line: the accrual itself, 100.00
    expect(decideClaimLine(facts({ line: three, accrual, quantity: 3, claimedAmount: null })).amount.toFixed(2)).toBe('100.00')
  })

  it('pays pro rata in JPY and BHD at their minor units', () => {
    const jpy = program({ currency: 'JPY', ratePerUnit: new D('1000') })
    const jpyLine = line({ currency: 'JPY', quantity: 3, unitPrice: new D('39800') })
    const jpyAccrual = { amount: new D('1000'), quantity: 3, expiresOn: '2026-04-11', status: 'open' }
    // ¥1,000 × 1 / 3 = ¥333.33… → ¥333
    expect(
      decideClaimLine(facts({ program: jpy, line: jpyLine, accrual: jpyAccrual, quantity: 1, claimedAmount: null })).amount.toFixed(0),
    ).toBe('333')
    const bhd = program({ currency: 'BHD', ratePerUnit: new D('0.500') })
    const bhdLine = line({ currency: 'BHD', quantity: 8, unitPrice: new D('120.000') })
    const bhdAccrual = { amount: new D('4.000'), quantity: 8, expiresOn: '2026-04-11', status: 'open' }
    // 4.000 × 3 / 8 = 1.5 → 1.500
    expect(
      decideClaimLine(facts({ program: bhd, line: bhdLine, accrual: bhdAccrual, quantity: 3, claimedAmount: null })).amount.toFixed(3),
    ).toBe('1.500')
  })

  it('refuses part of a volume line; pays the whole line at its accrual', () => {
    const volume = program({ kind: 'volume', ratePerUnit: null, tiers: [{ from: new D('0'), rate: new D('2') }] })
    const accrual = { amount: new D('159.15'), quantity: 15, expiresOn: '2026-04-11', status: 'open' }
    const l = line({ quantity: 15, unitPrice: new D('120.33') })
    expect(decideClaimLine(facts({ program: volume, line: l, accrual, quantity: 10, claimedAmount: null }))).toMatchObject({
      status: 'rejected',
      reason: 'a volume rebate is claimed for whole lines (15 units)',
    })
    const whole = decideClaimLine(facts({ program: volume, line: l, accrual, quantity: 15, claimedAmount: new D('159.15') }))
    expect(whole.status).toBe('approved')
    expect(whole.amount.toFixed(2)).toBe('159.15')
  })

  it('sends a claimed amount above what the program pays to review, at the program’s amount', () => {
    const d = decideClaimLine(facts({ claimedAmount: new D('200.01') }))
    expect(d.status).toBe('needs_review')
    expect(d.reason).toBe('claims 200.01; the program pays 200.00')
    expect(d.amount.toFixed(2)).toBe('200.00')
  })

  it('writes the review reason in the currency’s minor unit (BHD: 3 decimals)', () => {
    const bhd = program({ currency: 'BHD', ratePerUnit: new D('0.500') })
    const bhdLine = line({ currency: 'BHD', quantity: 3, unitPrice: new D('120.000') })
    const accrual = { amount: new D('1.500'), quantity: 3, expiresOn: '2026-04-11', status: 'open' }
    // 3 × 0.500 = 1.500 accrued; 1.501 claimed → needs review
    const d = decideClaimLine(facts({ program: bhd, line: bhdLine, accrual, quantity: 3, claimedAmount: new D('1.501') }))
    expect(d.status).toBe('needs_review')
    expect(d.reason).toBe('claims 1.501; the program pays 1.500')
  })

  it('a claimed amount at or below the accrual is approved at the accrual', () => {
    expect(decideClaimLine(facts({ claimedAmount: new D('200.00') })).status).toBe('approved')
    const below = decideClaimLine(facts({ claimedAmount: new D('150.00') }))
    expect(below.status).toBe('approved')
    // the amount is always the accrual's: 200.00, not the 150.00 claimed
    expect(below.amount.toFixed(2)).toBe('200.00')
  })

  it('sends an amount over the funding cap to review', () => {
    const capped = program({ fundingCap: new D('10000.00') })
    // 9,850.00 + 200.00 = 10,050.00 > 10,000.00; left 10,000.00 − 9,850.00 = 150.00
    expect(decideClaimLine(facts({ program: capped, programClaimed: new D('9850.00') }))).toMatchObject({
      status: 'needs_review',
      reason: "exceeds the program's funding cap (150.00 left)",
    })
    // 9,800.00 + 200.00 = 10,000.00: exactly the cap → approved
    expect(decideClaimLine(facts({ program: capped, programClaimed: new D('9800.00') })).status).toBe('approved')
    // already 10,250.00 claimed: left max(0, −250.00) = 0.00
    expect(decideClaimLine(facts({ program: capped, programClaimed: new D('10250.00') })).reason).toBe(
      "exceeds the program's funding cap (0.00 left)",
    )
  })

  it('sends an amount over the partner cap to review', () => {
    const capped = program({ partnerCap: new D('1000.00') })
    // 900.00 + 200.00 = 1,100.00 > 1,000.00; left 1,000.00 − 900.00 = 100.00
    const d = decideClaimLine(facts({ program: capped, partnerClaimed: new D('900.00') }))
    expect(d).toMatchObject({ status: 'needs_review', reason: "exceeds the partner's cap in the program (100.00 left)" })
    expect(d.amount.toFixed(2)).toBe('200.00')
    // 800.00 + 200.00 = 1,000.00 → approved
    expect(decideClaimLine(facts({ program: capped, partnerClaimed: new D('800.00') })).status).toBe('approved')
  })

  it('a deal line that accrued part of its units: claiming them all is refused as beyond the program', () => {
    // The line sold 30 units, the deal covered 20 (accrual 20 × 70.00 = 1,400.00); nothing claimed elsewhere.
    const accrual = { amount: new D('1400.00'), quantity: 20, expiresOn: '2026-04-11', status: 'open' }
    const d = decideClaimLine(facts({ line: line({ quantity: 30 }), accrual, quantity: 20, claimedAmount: null }))
    expect(d.status).toBe('approved')
    expect(d.amount.toFixed(2)).toBe('1400.00')
    expect(decideClaimLine(facts({ line: line({ quantity: 30 }), accrual, quantity: 30, claimedAmount: null })).status).toBe('rejected')
  })

  it('names the units the program covers, not an empty list of claims, when claiming beyond a partial deal accrual', () => {
    const accrual = { amount: new D('1400.00'), quantity: 20, expiresOn: '2026-04-11', status: 'open' }
    expect(decideClaimLine(facts({ line: line({ quantity: 30 }), accrual, quantity: 30, claimedAmount: null })).reason).toBe(
      "the program covers 20 of the line's 30 units",
    )
  })

  it('three one-unit claims of a 100.00 accrual for 3 units add up to it: the last takes what is left', () => {
    const accrual = { amount: new D('100.00'), quantity: 3, expiresOn: '2026-04-11', status: 'open' }
    const three = line({ quantity: 3 })
    const paidBefore = ['0.00', '33.33', '66.66']
    const paid = [0, 1, 2].map((before) =>
      decideClaimLine(
        facts({
          line: three,
          accrual,
          quantity: 1,
          claimedAmount: null,
          claimedElsewhere: {
            quantity: before,
            amount: new D(paidBefore[before]!),
            claims: before === 0 ? [] : ['CLM-0001', 'CLM-0002'].slice(0, before),
          },
        }),
      ).amount.toFixed(2),
    )
    // 100.00 × 1 / 3 = 33.33 twice; the last unit: 100.00 − 66.66 = 33.34; 33.33 + 33.33 + 33.34 = 100.00
    expect(paid).toEqual(['33.33', '33.33', '33.34'])
  })
})

describe('statusAfterValidation', () => {
  it('rejected only when every line is rejected', () => {
    expect(statusAfterValidation([{ status: 'rejected' }, { status: 'rejected' }])).toBe('rejected')
    expect(statusAfterValidation([{ status: 'rejected' }, { status: 'approved' }])).toBe('in_review')
    expect(statusAfterValidation([{ status: 'needs_review' }])).toBe('in_review')
    expect(statusAfterValidation([{ status: 'disputed' }, { status: 'rejected' }])).toBe('in_review')
  })
})

describe('approvalStep', () => {
  const base = {
    status: 'in_review' as const,
    roles: ['company_user'],
    userId: 5,
    opsApprovedBy: null,
    openLines: 0,
    approvedTotal: new D('4999.99'),
    financeThreshold: new D('5000.00'),
  }

  it('operations approve a claim at or below the threshold outright', () => {
    // 4,999.99 ≤ 5,000.00
    expect(approvalStep(base)).toEqual({ to: 'approved' })
    // 5,000.00 is not above 5,000.00
    expect(approvalStep({ ...base, approvedTotal: new D('5000.00') })).toEqual({ to: 'approved' })
    expect(approvalStep({ ...base, roles: ['company_admin'] })).toEqual({ to: 'approved' })
  })

  it('refuses a claim whose approved lines total 0.00', () => {
    expect(approvalStep({ ...base, approvedTotal: new D('0.00') })).toEqual({ refusal: 'no line is approved; reject the claim instead' })
  })

  it('above the threshold the claim goes on to finance', () => {
    // 5,000.01 > 5,000.00
    expect(approvalStep({ ...base, approvedTotal: new D('5000.01') })).toEqual({ to: 'finance_review' })
  })

  it('refuses while lines are open, with nothing approved, or for the wrong role', () => {
    expect(approvalStep({ ...base, openLines: 2 })).toEqual({ refusal: '2 line(s) still need review or are in dispute' })
    expect(approvalStep({ ...base, approvedTotal: new D('-0.01') })).toEqual({ refusal: 'no line is approved; reject the claim instead' })
    expect(approvalStep({ ...base, roles: ['finance'] })).toEqual({
      refusal: 'channel operations (company admins and users) approve claims in review',
    })
    expect(approvalStep({ ...base, roles: ['partner'] })).toEqual({
      refusal: 'channel operations (company admins and users) approve claims in review',
    })
  })

  it('finance approves another user’s operations approval', () => {
    const finance = {
      ...base,
      status: 'finance_review' as const,
      roles: ['finance'],
      userId: 7,
      opsApprovedBy: 5,
      approvedTotal: new D('7250.00'),
    }
    expect(approvalStep(finance)).toEqual({ to: 'approved' })
    expect(approvalStep({ ...finance, roles: ['company_admin'] })).toEqual({ to: 'approved' })
  })

  it('refuses the same user at the finance step, and operations users', () => {
    const finance = {
      ...base,
      status: 'finance_review' as const,
      roles: ['company_admin'],
      userId: 5,
      opsApprovedBy: 5,
      approvedTotal: new D('7250.00'),
    }
    expect(approvalStep(finance)).toEqual({ refusal: 'the user who approved the claim for operations cannot also approve it for finance' })
    expect(approvalStep({ ...finance, roles: ['company_user'], userId: 7 })).toEqual({
      refusal: 'finance approves claims above the threshold',
    })
  })

  it('refuses a claim not waiting for approval', () => {
    expect(approvalStep({ ...base, status: 'approved' })).toEqual({
      refusal: 'a claim that is approved — credit memo on its way is not waiting for approval',
    })
    expect(approvalStep({ ...base, status: 'credited' })).toEqual({ refusal: 'a claim that is credited is not waiting for approval' })
    expect(approvalStep({ ...base, status: 'rejected' })).toEqual({ refusal: 'a claim that is rejected is not waiting for approval' })
  })
})
