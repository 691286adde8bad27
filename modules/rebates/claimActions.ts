/**
 * What people do to a claim after it is validated: channel operations decide the lines that need review, partners
 * dispute rejected lines and the team answers and resolves, operations then finance approve (engine/rebates
 * `approvalStep`), or operations reject it. Each action runs in one transaction under the claims lock, is refused
 * with a sentence when it does not fit the claim's state, and is written to the claim's history and the line's thread.
 */
import type { PoolClient } from 'pg'

import { D } from '../../engine/core/decimal'
import { approvalStep, roundMinor, type ClaimStatus } from '../../engine/rebates'
import { CLAIM_LOCK, markAccruals, refreshClaimTotals } from './claims'
import { createCreditMemo } from './memos'

export class ClaimActionRefused extends Error {
  constructor(
    message: string,
    readonly status = 409,
  ) {
    super(message)
  }
}

export type Actor = { id: number; roles: readonly string[]; participantPath: string | null }

const STAFF = ['company_admin', 'company_user', 'finance', 'auditor']
const OPS = ['company_admin', 'company_user']
const has = (actor: Actor, roles: readonly string[]) => actor.roles.some((role) => roles.includes(role))

type LineRow = {
  id: number
  claimId: number
  claimNumber: string
  claimStatus: ClaimStatus
  partnerId: number
  partnerPath: string
  status: string
  dispute: string | null
  quantity: number
  amount: string
  posLineId: number | null
  programId: number | null
  currency: string
}

async function lockedLine(client: PoolClient, lineId: number, actor: Actor): Promise<LineRow> {
  await client.query('select pg_advisory_xact_lock(hashtext($1))', [CLAIM_LOCK])
  const found = await client.query<LineRow>(
    `select l.id, l.claim_id as "claimId", c.number as "claimNumber", c.status::text as "claimStatus", l.partner_id as "partnerId",
            p.path as "partnerPath", l.status::text, l.dispute::text, l.quantity::int as quantity, l.amount::text, l.pos_line_id as "posLineId",
            l.program_id as "programId", c.currency
       from rebate_claim_lines l join rebate_claims c on c.id = l.claim_id join participants p on p.id = l.partner_id
      where l.id = $1 for update of l`,
    [lineId],
  )
  const line = found.rows[0]
  if (!line || !canSee(actor, line.partnerPath)) throw new ClaimActionRefused(`no claim line ${lineId}`, 404)
  return line
}

function canSee(actor: Actor, partnerPath: string): boolean {
  if (has(actor, STAFF)) return true
  return actor.participantPath !== null && partnerPath.startsWith(actor.participantPath)
}

async function addHistory(client: PoolClient, claimId: number, actor: Actor, action: string, note: string): Promise<void> {
  await client.query(`update rebate_claims set history = coalesce(history, '[]'::jsonb) || $2::jsonb, updated_at = now() where id = $1`, [
    claimId,
    JSON.stringify([{ at: new Date().toISOString(), by: actor.id, action, note }]),
  ])
}

async function addMessage(
  client: PoolClient,
  line: LineRow,
  actor: Actor,
  kind: 'dispute' | 'answer' | 'resolution',
  body: string,
  attachmentId: number | null,
): Promise<number> {
  const inserted = await client.query<{ id: number }>(
    `insert into rebate_claim_messages (line_id, partner_id, kind, author_id, body, attachment_id, updated_at, created_at)
     values ($1, $2, $3, $4, $5, $6, now(), now()) returning id`,
    [line.id, line.partnerId, kind, actor.id, body, attachmentId],
  )
  return inserted.rows[0]!.id
}

const OPEN_CLAIM: readonly ClaimStatus[] = ['in_review', 'finance_review', 'rejected']

/** A partner (or the team for it) disputes a rejected line, or adds to an open dispute. Reopens a rejected claim. */
export async function disputeClaimLine(client: PoolClient, lineId: number, actor: Actor, comment: string, attachmentId: number | null) {
  if (has(actor, ['finance', 'auditor']) && !has(actor, OPS))
    throw new ClaimActionRefused('partners dispute their lines (and channel operations for them); finance and auditors do not', 403)
  const line = await lockedLine(client, lineId, actor)
  if (!comment.trim()) throw new ClaimActionRefused('say why: a dispute needs a comment', 400)
  if (!OPEN_CLAIM.includes(line.claimStatus))
    throw new ClaimActionRefused(`claim ${line.claimNumber} is ${line.claimStatus}: a line can no longer be disputed`)
  if (line.dispute !== 'open') {
    if (line.status !== 'rejected') throw new ClaimActionRefused(`only a rejected line is disputed; this one is ${line.status}`)
    await client.query(`update rebate_claim_lines set status = 'disputed', dispute = 'open', updated_at = now() where id = $1`, [line.id])
    // A rejected claim opens again; one waiting for finance goes back to operations, who resolve the dispute first.
    if (line.claimStatus === 'rejected' || line.claimStatus === 'finance_review')
      await client.query(`update rebate_claims set status = 'in_review', ops_approved_by_id = null, updated_at = now() where id = $1`, [
        line.claimId,
      ])
    await addHistory(client, line.claimId, actor, 'disputed', `line ${line.id}: ${comment.trim()}`)
  }
  await addMessage(client, line, actor, 'dispute', comment.trim(), attachmentId)
  return { line: line.id, status: 'disputed', dispute: 'open' }
}

/** The team answers a dispute (the thread stays open). */
export async function answerClaimLine(client: PoolClient, lineId: number, actor: Actor, comment: string, attachmentId: number | null) {
  if (!has(actor, OPS) && !has(actor, ['finance'])) throw new ClaimActionRefused('channel operations and finance answer disputes', 403)
  const line = await lockedLine(client, lineId, actor)
  if (line.dispute !== 'open') throw new ClaimActionRefused('the line has no open dispute')
  if (!comment.trim()) throw new ClaimActionRefused('an answer needs a comment', 400)
  await addMessage(client, line, actor, 'answer', comment.trim(), attachmentId)
  return { line: line.id, status: line.status, dispute: 'open' }
}

/**
 * What an accepted disputed line pays when the team names no amount: what its accrual pays for the units no other
 * claim holds (the last units get what is left of the accrual), or a refusal when there is nothing left to pay.
 */
async function accrualAmount(client: PoolClient, line: LineRow): Promise<{ amount: InstanceType<typeof D>; quantity: number } | string> {
  if (line.posLineId === null || line.programId === null) return 'the line names no sale or program: name the amount to pay'
  const found = await client.query<{ amount: string; quantity: number; status: string }>(
    `select amount::text, quantity::int as quantity, status::text from rebate_accruals where pos_line_id = $1 and program_id = $2`,
    [line.posLineId, line.programId],
  )
  const accrual = found.rows[0]
  if (!accrual) return 'the line accrued nothing: name the amount to pay'
  if (accrual.status === 'expired') return 'the accrual expired: name the amount to pay'
  const held = await client.query<{ quantity: number; amount: string }>(
    `select coalesce(sum(quantity), 0)::int as quantity, coalesce(sum(amount), 0)::text as amount from rebate_claim_lines
      where pos_line_id = $1 and program_id = $2 and status <> 'rejected' and id <> $3`,
    [line.posLineId, line.programId, line.id],
  )
  const left = accrual.quantity - held.rows[0]!.quantity
  if (left <= 0) return 'other claims already hold every unit of the accrual: name the amount to pay, if any'
  const quantity = Math.min(line.quantity, left)
  const amount =
    quantity === left
      ? new D(accrual.amount).minus(held.rows[0]!.amount)
      : roundMinor(new D(accrual.amount).times(quantity).dividedBy(accrual.quantity), line.currency)
  return { amount: D.max(0, amount), quantity }
}

/**
 * Channel operations decide a line: a line that needs review, or a disputed one (resolving the dispute). Accept pays
 * `amount` (default: what the line's accrual pays for its units); uphold keeps it rejected.
 */
export async function decideClaimLine(
  client: PoolClient,
  lineId: number,
  actor: Actor,
  input: { outcome: 'accept' | 'reject'; comment: string; amount: string | null },
) {
  if (!has(actor, OPS)) throw new ClaimActionRefused('channel operations (company admins and users) decide claim lines', 403)
  const line = await lockedLine(client, lineId, actor)
  if (!['in_review'].includes(line.claimStatus))
    throw new ClaimActionRefused(`claim ${line.claimNumber} is ${line.claimStatus}, not in review`)
  if (line.status !== 'needs_review' && line.dispute !== 'open')
    throw new ClaimActionRefused(`the line is ${line.status}: nothing to decide`)
  if (!input.comment.trim()) throw new ClaimActionRefused('a decision needs a comment (it is the reason the partner reads)', 400)
  let amount = new D(line.amount)
  let quantity = line.quantity
  if (input.outcome === 'accept') {
    if (input.amount !== null) {
      if (!/^\d{1,13}(\.\d+)?$/.test(input.amount)) throw new ClaimActionRefused(`amount: "${input.amount}" is not an amount`, 400)
      amount = roundMinor(new D(input.amount), line.currency)
    } else if (line.status !== 'needs_review') {
      const accrued = await accrualAmount(client, line)
      if (typeof accrued === 'string') throw new ClaimActionRefused(accrued, 409)
      amount = accrued.amount
      quantity = accrued.quantity
    }
  }
  const status = input.outcome === 'accept' ? 'approved' : 'rejected'
  await client.query(
    `update rebate_claim_lines set status = $2, amount = $3, reason = $4, quantity = $5,
            dispute = case when dispute = 'open' then 'resolved'::enum_rebate_claim_lines_dispute else dispute end, updated_at = now() where id = $1`,
    [
      line.id,
      status,
      input.outcome === 'accept' ? amount.toFixed() : '0',
      `${status === 'approved' ? 'approved' : 'rejected'} on review: ${input.comment.trim()}`,
      quantity,
    ],
  )
  if (line.dispute === 'open')
    await addMessage(
      client,
      line,
      actor,
      'resolution',
      `${input.outcome === 'accept' ? 'Accepted' : 'Upheld the rejection'}: ${input.comment.trim()}`,
      null,
    )
  await refreshClaimTotals(client, line.claimId)
  await markAccruals(client, line.claimId)
  await addHistory(
    client,
    line.claimId,
    actor,
    input.outcome === 'accept' ? 'line accepted' : 'line rejected',
    `line ${line.id}: ${input.comment.trim()}`,
  )
  return { line: line.id, status, amount: amount.toFixed(2), dispute: line.dispute === 'open' ? 'resolved' : line.dispute }
}

type ClaimRow = {
  id: number
  number: string
  status: ClaimStatus
  approvedTotal: string
  opsApprovedBy: number | null
  submittedBy: number | null
  currency: string
  partnerPath: string
}

async function lockedClaim(client: PoolClient, claimId: number, actor: Actor): Promise<ClaimRow> {
  await client.query('select pg_advisory_xact_lock(hashtext($1))', [CLAIM_LOCK])
  const found = await client.query<ClaimRow>(
    `select c.id, c.number, c.status::text, c.approved_total::text as "approvedTotal", c.ops_approved_by_id as "opsApprovedBy",
            c.submitted_by_id as "submittedBy", c.currency, p.path as "partnerPath"
       from rebate_claims c join participants p on p.id = c.partner_id where c.id = $1 for update of c`,
    [claimId],
  )
  const claim = found.rows[0]
  if (!claim || !canSee(actor, claim.partnerPath)) throw new ClaimActionRefused(`no claim ${claimId}`, 404)
  return claim
}

/** Operations or finance approve the claim; an approved claim gets its credit memo (pushed to the ERP by a job). */
export async function approveClaim(client: PoolClient, claimId: number, actor: Actor, today: string) {
  const claim = await lockedClaim(client, claimId, actor)
  if (claim.submittedBy === actor.id && has(actor, [...OPS, 'finance']))
    throw new ClaimActionRefused('you submitted this claim for the partner: another person approves it', 403)
  const open = await client.query<{ n: number }>(
    `select count(*)::int as n from rebate_claim_lines where claim_id = $1 and (status in ('needs_review', 'disputed') or dispute = 'open')`,
    [claimId],
  )
  const threshold = await client.query<{ threshold: string | null }>(
    `select min(p.finance_approval_above)::text as threshold from rebate_claim_lines l join rebate_programs p on p.id = l.program_id
      where l.claim_id = $1 and l.status = 'approved'`,
    [claimId],
  )
  const step = approvalStep({
    status: claim.status,
    roles: actor.roles,
    userId: actor.id,
    opsApprovedBy: claim.opsApprovedBy,
    openLines: open.rows[0]!.n,
    approvedTotal: new D(claim.approvedTotal),
    financeThreshold: new D(threshold.rows[0]?.threshold ?? '10000'),
  })
  if ('refusal' in step) {
    // Not this user's step (the wrong role, or the same person twice) is a 403; a claim not ready for it is a 409.
    const notTheirs =
      (claim.status === 'in_review' && !has(actor, OPS)) ||
      (claim.status === 'finance_review' && (!has(actor, ['finance', 'company_admin']) || claim.opsApprovedBy === actor.id))
    throw new ClaimActionRefused(step.refusal, notTheirs ? 403 : 409)
  }
  const stage = claim.status === 'in_review' ? 'ops' : 'finance'
  await client.query(
    `update rebate_claims set status = $2::text::enum_rebate_claims_status, ${stage === 'ops' ? 'ops_approved_by_id' : 'finance_approved_by_id'} = $3,
            decided_at = case when $2::text = 'approved' then now() else decided_at end, updated_at = now() where id = $1`,
    [claimId, step.to, actor.id],
  )
  await addHistory(
    client,
    claimId,
    actor,
    stage === 'ops' ? 'approved by channel operations' : 'approved by finance',
    step.to === 'finance_review'
      ? `${claim.approvedTotal} is above the finance threshold: waiting for finance`
      : `approved ${claim.approvedTotal} ${claim.currency}`,
  )
  const memo = step.to === 'approved' ? await createCreditMemo(client, claimId, today) : null
  return { claim: claimId, status: step.to, memo }
}

/** Operations reject the whole claim: every line that was not rejected is, and its accruals are open again. */
export async function rejectClaim(client: PoolClient, claimId: number, actor: Actor, reason: string) {
  if (!has(actor, OPS)) throw new ClaimActionRefused('channel operations (company admins and users) reject claims', 403)
  const claim = await lockedClaim(client, claimId, actor)
  if (!reason.trim()) throw new ClaimActionRefused('say why: the partner reads the reason', 400)
  if (claim.status !== 'in_review' && claim.status !== 'finance_review')
    throw new ClaimActionRefused(`claim ${claim.number} is ${claim.status}: it cannot be rejected`)
  await client.query(
    `update rebate_claim_lines set status = 'rejected', amount = 0, reason = $2,
            dispute = case when dispute = 'open' then 'resolved'::enum_rebate_claim_lines_dispute else dispute end, updated_at = now()
      where claim_id = $1 and status <> 'rejected'`,
    [claimId, `the claim was rejected: ${reason.trim()}`],
  )
  await client.query(
    `update rebate_claims set status = 'rejected', rejection_reason = $2, decided_at = now(), updated_at = now() where id = $1`,
    [claimId, reason.trim()],
  )
  await refreshClaimTotals(client, claimId)
  await markAccruals(client, claimId)
  await addHistory(client, claimId, actor, 'rejected', reason.trim())
  return { claim: claimId, status: 'rejected' }
}
