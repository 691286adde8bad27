/**
 * The proposal approval state machine: a pure transition function over a small state.
 *
 * A proposal climbs its author's ancestors, nearest first, one level per approval, up to the top approver
 * (the root participant, whose company admins finally approve and send it to the prospect).
 *
 * Choices (documented because the brief left them open):
 * - The chain holds participant ids; a login of `chain[level]` acts for that level when its roles allow the step
 *   (`STEP_ROLES`: partner admins, territory owner admins and agent managers below the top, company admins at the
 *   top), except the proposal's own author (nobody approves, returns or rejects their own proposal). User roles,
 *   agents, referrers, finance and the auditor never approve, return, reject or send; the auditor writes nothing.
 * - A proposal written by a login of the top participant has no ancestors. Its chain is then the author's own
 *   participant, `[authorParticipantId]`, so another login of the top participant approves it; `approvalChain`
 *   builds that. Outside this case the chain must not contain the author's participant.
 * - `level` is the index of the participant that must act next while `submitted`, and -1 in every other status.
 * - `send` is done by a company admin of the top participant (the last id of the chain), including the author when
 *   the author is at the top: the independent approval has already happened.
 * - `submit` is the author's, and only while the author's roles still write proposals (`PROPOSAL_WRITER_ROLES`).
 * - `accept`, `decline` and `expire` accept any actor, or none (the prospect through a signed link, the expiry job).
 * - A refusal is a value (`ok: false`) with a message a user understands and why it was refused: `role` (the
 *   login's roles never allow the step there: a 403) or `state` (not now, not yours, not in this status: a 409);
 *   nothing here throws for a refused action.
 */
import { HIERARCHY_ROLES, hasAnyRole, type Role } from '../network'
import { idsOnPath } from '../network'

export const PROPOSAL_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'rejected',
  'approved',
  'sent',
  'accepted',
  'declined',
  'expired',
] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

export const APPROVAL_ACTION_KINDS = ['submit', 'approve', 'return', 'reject', 'send', 'accept', 'decline', 'expire'] as const
export type ApprovalActionKind = (typeof APPROVAL_ACTION_KINDS)[number]

/** Names of the events a successful transition reports (for the audit trail and notifications). */
export const PROPOSAL_EVENTS = [
  'proposal.submitted',
  'proposal.approval_advanced',
  'proposal.approved',
  'proposal.returned',
  'proposal.rejected',
  'proposal.sent',
  'proposal.accepted',
  'proposal.declined',
  'proposal.expired',
] as const
export type ProposalEvent = (typeof PROPOSAL_EVENTS)[number]

/** The approval chain: the author's ancestors (participants) from the immediate parent up to the top approver (the root's company admin level), nearest first. */
export type ApprovalState = {
  status: ProposalStatus
  authorParticipantId: number
  authorUserId: number
  /** participant ids nearest-first */
  chain: number[]
  /** index into chain of who must act next; -1 when not submitted */
  level: number
}

export type ApprovalAction = {
  kind: ApprovalActionKind
  actorUserId: number | null
  actorParticipantId: number | null
  /** The acting login's roles; missing means none, so every step a login takes is refused. */
  actorRoles?: readonly string[] | null
  comment?: string
}

/** Why an action is refused: the login's roles never allow it there (`role`), or not in this state or by this login (`state`). */
export type RefusalKind = 'role' | 'state'

export type ApprovalResult = { ok: true; state: ApprovalState; event: ProposalEvent } | { ok: false; reason: string; refusal: RefusalKind }

/** The steps a login takes (the prospect's answer and the expiry take no login). */
export type LoginStep = 'submit' | 'approve' | 'return' | 'reject' | 'send'

/** Roles that write proposals and prospects (create, edit, submit their own): every role of the network, never finance or the auditor. */
export const PROPOSAL_WRITER_ROLES: readonly Role[] = HIERARCHY_ROLES

/** Roles that approve, return and reject for their participant below the top of the chain. */
export const CHAIN_APPROVER_ROLES: readonly Role[] = ['partner_admin', 'territory_owner_admin', 'agent_manager']

/** Roles that approve, return, reject and send at the top of the chain (the operating company). */
export const TOP_APPROVER_ROLES: readonly Role[] = ['company_admin']

/** Which roles may take each step, at the top of the chain and below it (the README's role table says the same). */
export const STEP_ROLES: Readonly<Record<LoginStep, { top: readonly Role[]; below: readonly Role[] }>> = {
  submit: { top: PROPOSAL_WRITER_ROLES, below: PROPOSAL_WRITER_ROLES },
  approve: { top: TOP_APPROVER_ROLES, below: CHAIN_APPROVER_ROLES },
  return: { top: TOP_APPROVER_ROLES, below: CHAIN_APPROVER_ROLES },
  reject: { top: TOP_APPROVER_ROLES, below: CHAIN_APPROVER_ROLES },
  send: { top: TOP_APPROVER_ROLES, below: [] },
}

/** Where a step is taken: at the top of the chain, below it, or not yet known (anywhere the roles could take it). */
export type StepPlace = 'top' | 'below' | 'anywhere'

/** May a login with `roles` write proposals and prospects? */
export function mayWriteProposals(roles: readonly string[] | null | undefined): boolean {
  return hasAnyRole(roles, PROPOSAL_WRITER_ROLES)
}

/**
 * Why a login with `roles` may not take `kind` at `place`, or null when its roles allow it (whether it is its turn
 * is the state machine's business). Steps without a login (accept, decline, expire) need no role.
 */
export function stepRoleProblem(roles: readonly string[] | null | undefined, kind: ApprovalActionKind, place: StepPlace): string | null {
  if (!isLoginStep(kind)) return null
  const { top, below } = STEP_ROLES[kind]
  const allowed = place === 'top' ? top : place === 'below' ? below : [...new Set([...top, ...below])]
  if (hasAnyRole(roles, allowed)) return null
  const yours = roles && roles.length > 0 ? roles.join(', ') : 'none'
  if (kind === 'submit') return `your roles (${yours}) do not write proposals: finance and the auditor never submit one`
  if (kind === 'send') return `your roles (${yours}) do not send proposals: only a company admin of the top of the chain sends one`
  if (place === 'top') return `your roles (${yours}) do not ${kind} at the top of the chain: only a company admin does`
  return `your roles (${yours}) do not ${kind} proposals: a partner admin, territory owner admin or agent manager does it for their participant, a company admin at the top`
}

function isLoginStep(kind: ApprovalActionKind): kind is LoginStep {
  return Object.hasOwn(STEP_ROLES, kind)
}

/** The statuses each action starts from. */
const ALLOWED_FROM: Readonly<Record<ApprovalActionKind, readonly ProposalStatus[]>> = {
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
  reject: ['submitted'],
  send: ['approved'],
  accept: ['sent'],
  decline: ['sent'],
  expire: ['sent'],
}

/**
 * The approval chain of an author from the author participant's materialized path (`/1/4/9/` for participant 9):
 * its ancestors nearest first (`[4, 1]`), or `[authorParticipantId]` when the author is the root.
 */
export function approvalChain(authorParticipantId: number, authorPath: string): number[] {
  const ids = idsOnPath(authorPath)
  if (ids[ids.length - 1] !== authorParticipantId) {
    throw new Error(`path "${authorPath}" is not the path of participant #${authorParticipantId}`)
  }
  const ancestors = ids.slice(0, -1).reverse()
  return ancestors.length === 0 ? [authorParticipantId] : ancestors
}

/** The participant whose logins must act next: chain[level] while submitted, the top approver (who sends) once approved, otherwise null. */
export function waitingFor(state: ApprovalState): number | null {
  if (state.status === 'submitted') return state.chain[state.level] ?? null
  if (state.status === 'approved') return state.chain[state.chain.length - 1] ?? null
  return null
}

/** Applies one action to a proposal: the next state and its event, or the reason it is refused. */
export function applyAction(state: ApprovalState, action: ApprovalAction): ApprovalResult {
  const allowed = ALLOWED_FROM[action.kind]
  if (allowed === undefined)
    return refuse(`unknown action ${JSON.stringify(String(action.kind))} (known actions: ${APPROVAL_ACTION_KINDS.join(', ')})`)
  if (!allowed.includes(state.status)) {
    return refuse(
      `cannot ${action.kind} this proposal: it is ${state.status} (${action.kind} is allowed only when it is ${allowed.join(' or ')})`,
    )
  }
  switch (action.kind) {
    case 'submit':
      return submit(state, action)
    case 'approve':
    case 'return':
    case 'reject':
      return decide(state, action)
    case 'send':
      return send(state, action)
    case 'accept':
      return done(state, 'accepted', 'proposal.accepted')
    case 'decline':
      return done(state, 'declined', 'proposal.declined')
    case 'expire':
      return done(state, 'expired', 'proposal.expired')
  }
}

function submit(state: ApprovalState, action: ApprovalAction): ApprovalResult {
  if (action.actorUserId === null) return refuse('submit needs a signed-in user')
  if (action.actorUserId !== state.authorUserId) return refuse(`only the author (user #${state.authorUserId}) can submit this proposal`)
  const roleProblem = stepRoleProblem(action.actorRoles, 'submit', 'anywhere')
  if (roleProblem) return refuse(roleProblem, 'role')
  const problem = chainProblem(state)
  if (problem) return refuse(problem)
  return done(state, 'submitted', 'proposal.submitted', 0)
}

/** Why the chain cannot carry a proposal, or null. */
function chainProblem(state: ApprovalState): string | null {
  const { chain, authorParticipantId } = state
  if (chain.length === 0) {
    return 'this proposal has no approval chain: a proposal of the top participant is approved by another login of that participant (chain [its own participant])'
  }
  if (chain.includes(authorParticipantId) && chain.length > 1) {
    return `the approval chain must not include the author's own participant #${authorParticipantId} (only a top participant approves its own proposals, through another login)`
  }
  const seen = new Set<number>()
  for (const id of chain) {
    if (seen.has(id)) return `participant #${id} appears twice in the approval chain`
    seen.add(id)
  }
  return null
}

/** approve, return or reject by the approver whose turn it is. */
function decide(state: ApprovalState, action: ApprovalAction): ApprovalResult {
  const expected = state.chain[state.level]
  if (expected === undefined) {
    return refuse(`the approval state is inconsistent: level ${state.level} is outside the chain of ${state.chain.length} approver(s)`)
  }
  if (action.actorUserId === null) return refuse(`${action.kind} needs a signed-in user`)
  if (action.actorUserId === state.authorUserId) return refuse(`you cannot ${action.kind} your own proposal`)
  if (action.actorParticipantId !== expected) return refuse(`not your turn: this proposal waits for participant #${expected}`)
  const roleProblem = stepRoleProblem(action.actorRoles, action.kind, state.level === state.chain.length - 1 ? 'top' : 'below')
  if (roleProblem) return refuse(roleProblem, 'role')
  if (action.kind === 'return') {
    if (!hasText(action.comment)) return refuse('a comment is required to return a proposal: tell the author what to change')
    return done(state, 'returned', 'proposal.returned')
  }
  if (action.kind === 'reject') {
    if (!hasText(action.comment)) return refuse('a comment is required to reject a proposal: say why it is rejected')
    return done(state, 'rejected', 'proposal.rejected')
  }
  if (state.level === state.chain.length - 1) return done(state, 'approved', 'proposal.approved')
  return done(state, 'submitted', 'proposal.approval_advanced', state.level + 1)
}

function send(state: ApprovalState, action: ApprovalAction): ApprovalResult {
  const top = state.chain[state.chain.length - 1]
  if (top === undefined) return refuse('this proposal has no approval chain, so no top approver can send it')
  if (action.actorUserId === null) return refuse('send needs a signed-in user')
  if (action.actorParticipantId !== top) return refuse(`only the top approver (participant #${top}) can send this proposal`)
  const roleProblem = stepRoleProblem(action.actorRoles, 'send', 'top')
  if (roleProblem) return refuse(roleProblem, 'role')
  return done(state, 'sent', 'proposal.sent')
}

function done(state: ApprovalState, status: ProposalStatus, event: ProposalEvent, level = -1): ApprovalResult {
  return { ok: true, state: { ...state, chain: [...state.chain], status, level }, event }
}

function refuse(reason: string, refusal: RefusalKind = 'state'): ApprovalResult {
  return { ok: false, reason, refusal }
}

function hasText(comment: string | undefined): boolean {
  return typeof comment === 'string' && comment.trim() !== ''
}
