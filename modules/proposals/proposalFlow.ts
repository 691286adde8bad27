import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { pgClientOf } from '../../db/transaction'
import {
  applyAction,
  waitingFor,
  type ApprovalAction,
  type ApprovalState,
  type ProposalStatus,
  type RefusalKind,
} from '../../engine/proposals/approval'
import { fieldError } from '../../hooks/core/fieldError'
import { relationId } from '../../hooks/core/relationId'
import { submitTermsProblem } from './termsCheck'

type ProposalDoc = Record<string, unknown> & { id: number | string }

/** The stored proposal after the step, or why the state machine refused it (`role`: a 403, `state`: a 409). */
export type FlowOutcome = { ok: true; doc: ProposalDoc } | { ok: false; reason: string; refusal: RefusalKind }

/** The code a client is known by in the billing engine's files. */
export function clientCode(prospectId: number): string {
  return `CL-${String(prospectId).padStart(5, '0')}`
}

/** The approval state a stored proposal is in. */
export function stateOf(doc: ProposalDoc): ApprovalState {
  return {
    status: doc.status as ProposalStatus,
    authorParticipantId: relationId(doc.authorParticipant) ?? -1,
    authorUserId: relationId(doc.author) ?? -1,
    chain: (doc.chain as number[] | null) ?? [],
    level: Number(doc.level ?? -1),
  }
}

/**
 * Applies one action to a stored proposal and records it (status, level, whose turn, history); the prospect becomes a
 * client on acceptance. Returns the refusal reason when the state machine refuses; at submit, terms that could not be
 * fixed at the top's approval throw a 400 naming the term's field.
 *
 * One transaction, holding a lock on the proposal: two answers or two approvals sent at the same moment are decided
 * one after the other on the proposal as the first left it (the second is refused), so an accepted proposal is never
 * also declined and the terms are fixed once.
 */
export async function actOnProposal(
  req: PayloadRequest,
  doc: ProposalDoc,
  action: ApprovalAction,
  extra: Record<string, unknown> = {},
): Promise<FlowOutcome> {
  const owned = await initTransaction(req)
  try {
    await (await pgClientOf(req)).query(`select pg_advisory_xact_lock(hashtext('accrue.proposal'), $1)`, [Number(doc.id)])
    const current = (await req.payload.findByID({
      collection: 'proposals',
      id: doc.id,
      depth: 0,
      req,
      overrideAccess: true,
    })) as unknown as ProposalDoc
    const outcome = await applyAndRecord(req, current, action, extra)
    if (owned) await commitTransaction(req)
    return outcome
  } catch (err) {
    if (owned) await killTransaction(req)
    throw err
  }
}

async function applyAndRecord(
  req: PayloadRequest,
  doc: ProposalDoc,
  action: ApprovalAction,
  extra: Record<string, unknown>,
): Promise<FlowOutcome> {
  const result = applyAction(stateOf(doc), action)
  if (!result.ok) return result
  if (action.kind === 'submit') {
    // Checked at submit, not only when the top fixes them: a proposal the chain approves can always be fixed.
    const problem = await submitTermsProblem(req, doc)
    if (problem) throw fieldError('proposals', problem.field, problem.message)
  }
  const history = [
    ...((doc.history as unknown[]) ?? []),
    {
      action: action.kind,
      user: action.actorUserId,
      participant: action.actorParticipantId,
      at: new Date().toISOString(),
      comment: action.comment ?? null,
    },
  ]
  const next = waitingFor(result.state)
  const updated = await req.payload.update({
    collection: 'proposals',
    id: doc.id,
    data: {
      status: result.state.status,
      level: result.state.level,
      waitingFor: next,
      waitingForName: next === null ? null : await participantName(req, next),
      history,
      ...extra,
    } as never,
    req,
    overrideAccess: true,
    context: { proposalFlow: true },
    depth: 0,
  })
  if (result.state.status === 'approved') await fixTerms(req, doc)
  if (result.state.status === 'accepted') {
    const prospectId = relationId(doc.prospect)!
    await req.payload.update({
      collection: 'prospects',
      id: prospectId,
      data: { status: 'client', clientCode: clientCode(prospectId) },
      req,
      overrideAccess: true,
      context: { proposalFlow: true },
    })
  }
  return { ok: true, doc: updated as unknown as ProposalDoc }
}

/** A participant's name, read with the system's rights: it is copied onto the proposal for the whole chain to read. */
async function participantName(req: PayloadRequest, id: number): Promise<string> {
  const participant = await req.payload.findByID({
    collection: 'participants',
    id,
    depth: 0,
    req,
    overrideAccess: true,
    select: { name: true },
  })
  return participant.name
}

/**
 * The terms proposed for members of the chain become the proposal's own commission rules when the top approves it
 * (proposal scope: they win over territory, relationship and default rules for this proposal's billing).
 */
async function fixTerms(req: PayloadRequest, doc: ProposalDoc): Promise<void> {
  const terms = (doc.terms ?? []) as { participant?: unknown; kind?: string; rate?: string; service?: unknown }[]
  for (const term of terms) {
    await req.payload.create({
      collection: 'commission-rules',
      data: {
        scope: 'proposal',
        proposal: Number(doc.id),
        child: relationId(term.participant),
        service: relationId(term.service),
        kind: term.kind === 'fixed' ? 'fixed' : 'percent',
        rate: String(term.rate ?? ''),
        currency: 'USD',
      } as never,
      req,
      overrideAccess: true,
    })
  }
}
