/**
 * Claim validation, one line at a time, as a plain decision over facts the caller gathered: the point-of-sale line
 * the claim names, the program, the line's accrual, what other claims already hold of it, and the program's caps.
 * Every outcome carries its reason; the amount a line may be paid is always the accrual's (pro rata for part of a
 * line of a line kind), so claims, accruals and credit memos tie to the cent.
 */
import type Decimal from 'decimal.js'

import { D } from '../core/decimal'
import { minorUnits } from '../core/money'
import { ineligibility, isVolumeKind, roundMinor, type PosFact, type ProgramTerms } from './programs'

export const CLAIM_LINE_STATUSES = ['approved', 'rejected', 'needs_review', 'disputed'] as const
export type ClaimLineStatus = (typeof CLAIM_LINE_STATUSES)[number]

export const CLAIM_STATUSES = ['in_review', 'finance_review', 'approved', 'credited', 'rejected'] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  in_review: 'Channel operations review',
  finance_review: 'Finance approval',
  approved: 'Approved — credit memo on its way',
  credited: 'Credited',
  rejected: 'Rejected',
}

export type ClaimLineFacts = {
  /** The line as the claim named it, for messages: "INV-1001/2". */
  reference: string
  line: PosFact | null
  program: (ProgramTerms & { status: string }) | null
  /** The line's accrual under the program; null when it accrued nothing. */
  accrual: { amount: Decimal; quantity: number; expiresOn: string; status: string } | null
  /** Why the line did not accrue, when the accrual step said so (deal units used up). */
  accrualSkip: string | null
  quantity: number
  claimedAmount: Decimal | null
  /** Units of this line under this program held by other claims' lines that are not rejected, and their numbers. */
  claimedElsewhere: { quantity: number; amount: Decimal; claims: string[] }
  claimedOn: string
  /** The program's amounts already approved or waiting in claims, in total and for this partner. */
  programClaimed: Decimal
  partnerClaimed: Decimal
}

export type ClaimLineDecision = { status: Exclude<ClaimLineStatus, 'disputed'>; reason: string; amount: Decimal }

const rejected = (reason: string): ClaimLineDecision => ({ status: 'rejected', reason, amount: new D(0) })

/** Decides one claim line. */
export function decideClaimLine(facts: ClaimLineFacts): ClaimLineDecision {
  const { line, program, accrual } = facts
  if (!line) return rejected(`no point-of-sale line ${facts.reference} of the partner`)
  if (!program) return rejected('no such program')
  if (program.status !== 'published') return rejected(`program ${program.code} is ${program.status}, not published`)
  if (!Number.isInteger(facts.quantity) || facts.quantity < 1)
    return rejected(`quantity ${facts.quantity} must be a whole number of units, at least 1`)
  const outside = ineligibility(program, line)
  if (outside !== null) return rejected(outside)
  if (facts.quantity > line.quantity) return rejected(`claims ${facts.quantity} units; the sale was ${line.quantity}`)
  if (!accrual) return rejected(facts.accrualSkip ?? 'the line accrued nothing under the program')
  if (facts.claimedOn > accrual.expiresOn) return rejected(`the claim window closed on ${accrual.expiresOn}`)
  if (accrual.status === 'expired') return rejected('the accrual expired unclaimed')
  if (facts.quantity > accrual.quantity) return rejected(`the program covers ${accrual.quantity} of the line's ${line.quantity} units`)
  const left = accrual.quantity - facts.claimedElsewhere.quantity
  if (facts.quantity > left) {
    return rejected(
      left <= 0
        ? `already claimed on ${facts.claimedElsewhere.claims.join(', ')}`
        : `claims ${facts.quantity} units; ${left} are left after ${facts.claimedElsewhere.claims.join(', ')}`,
    )
  }
  if (isVolumeKind(program.kind) && facts.quantity !== accrual.quantity) {
    return rejected(`a ${program.kind} rebate is claimed for whole lines (${accrual.quantity} units)`)
  }
  // The claim that takes the last units is paid what is left of the accrual, so parts add up to it to the cent.
  const amount =
    facts.quantity === left
      ? accrual.amount.minus(facts.claimedElsewhere.amount)
      : roundMinor(accrual.amount.times(facts.quantity).dividedBy(accrual.quantity), program.currency)
  const places = minorUnits(program.currency)
  if (amount.isNegative()) {
    return {
      status: 'needs_review',
      reason: `earlier claims of this line were paid more than its accrual; ${amount.toFixed(places)} is left`,
      amount: new D(0),
    }
  }
  if (facts.claimedAmount !== null && facts.claimedAmount.greaterThan(amount)) {
    return {
      status: 'needs_review',
      reason: `claims ${facts.claimedAmount.toFixed(places)}; the program pays ${amount.toFixed(places)}`,
      amount,
    }
  }
  if (program.fundingCap !== null && facts.programClaimed.plus(amount).greaterThan(program.fundingCap)) {
    const left = D.max(0, program.fundingCap.minus(facts.programClaimed))
    return { status: 'needs_review', reason: `exceeds the program's funding cap (${left.toFixed(places)} left)`, amount }
  }
  if (program.partnerCap !== null && facts.partnerClaimed.plus(amount).greaterThan(program.partnerCap)) {
    const left = D.max(0, program.partnerCap.minus(facts.partnerClaimed))
    return { status: 'needs_review', reason: `exceeds the partner's cap in the program (${left.toFixed(places)} left)`, amount }
  }
  return { status: 'approved', reason: 'eligible; within the sale, the claim window and the caps', amount }
}

/** The claim's status after its lines were validated: rejected when no line can be paid, else channel operations review. */
export function statusAfterValidation(lines: readonly { status: ClaimLineStatus }[]): ClaimStatus {
  return lines.every((line) => line.status === 'rejected') ? 'rejected' : 'in_review'
}

/**
 * Who may move a claim on, and where it goes. Channel operations (company admins and users) approve a claim in review
 * once no line needs review or is in dispute; above the finance threshold it then waits for finance (finance or a
 * company admin — never the user who approved it for operations).
 */
export function approvalStep(input: {
  status: ClaimStatus
  roles: readonly string[]
  userId: number
  opsApprovedBy: number | null
  openLines: number
  approvedTotal: Decimal
  financeThreshold: Decimal
}): { to: ClaimStatus } | { refusal: string } {
  const has = (...roles: string[]) => input.roles.some((role) => roles.includes(role))
  if (input.status === 'in_review') {
    if (!has('company_admin', 'company_user')) return { refusal: 'channel operations (company admins and users) approve claims in review' }
    if (input.openLines > 0) return { refusal: `${input.openLines} line(s) still need review or are in dispute` }
    if (!input.approvedTotal.greaterThan(0)) return { refusal: 'no line is approved; reject the claim instead' }
    return { to: input.approvedTotal.greaterThan(input.financeThreshold) ? 'finance_review' : 'approved' }
  }
  if (input.status === 'finance_review') {
    if (!has('finance', 'company_admin')) return { refusal: 'finance approves claims above the threshold' }
    if (input.opsApprovedBy === input.userId)
      return { refusal: 'the user who approved the claim for operations cannot also approve it for finance' }
    if (input.openLines > 0) return { refusal: `${input.openLines} line(s) still need review or are in dispute` }
    return { to: 'approved' }
  }
  return { refusal: `a claim that is ${CLAIM_STATUS_LABELS[input.status].toLowerCase()} is not waiting for approval` }
}
