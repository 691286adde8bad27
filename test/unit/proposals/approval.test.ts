import { describe, expect, it } from 'vitest'

import { ROLES, type Role } from '../../../engine/network/roles'
import {
  APPROVAL_ACTION_KINDS,
  PROPOSAL_STATUSES,
  applyAction,
  approvalChain,
  mayWriteProposals,
  stepRoleProblem,
  waitingFor,
  type ApprovalAction,
  type ApprovalActionKind,
  type ApprovalState,
  type ProposalStatus,
} from '../../../engine/proposals/approval'

// The network: company 1 (root) → partner 2 → territory owner 3 → agent 5.
// Logins: 10 and 11 company admins, 20 a partner admin, 30 and 31 territory owner admins, 50 and 51 agents.
const AGENT_PATH = '/1/2/3/5/'

const draft: ApprovalState = { status: 'draft', authorParticipantId: 5, authorUserId: 50, chain: [3, 2, 1], level: -1 }

const ROLES_OF: Record<number, Role[]> = {
  10: ['company_admin'],
  11: ['company_admin'],
  20: ['partner_admin'],
  30: ['territory_owner_admin'],
  31: ['territory_owner_admin'],
  50: ['agent'],
  51: ['agent'],
}

/** An action by login `actorUserId` with the roles it holds in this network. */
const act = (kind: ApprovalActionKind, actorUserId: number | null, actorParticipantId: number | null, comment?: string): ApprovalAction => {
  const action: ApprovalAction = {
    kind,
    actorUserId,
    actorParticipantId,
    actorRoles: actorUserId === null ? [] : (ROLES_OF[actorUserId] ?? []),
  }
  return comment === undefined ? action : { ...action, comment }
}

/** Applies an action that must succeed and returns the new state. */
function ok(state: ApprovalState, action: ApprovalAction): ApprovalState {
  const result = applyAction(state, action)
  if (!result.ok) throw new Error(`expected ${action.kind} to succeed, got: ${result.reason}`)
  return result.state
}

/** The refusal reason of an action that must be refused. */
function refused(state: ApprovalState, action: ApprovalAction): string {
  const result = applyAction(state, action)
  if (result.ok) throw new Error(`expected ${action.kind} to be refused, but the proposal became ${result.state.status}`)
  return result.reason
}

const submitted = ok(draft, act('submit', 50, 5))
const atPartner = ok(submitted, act('approve', 30, 3))
const atTop = ok(atPartner, act('approve', 20, 2))
const approved = ok(atTop, act('approve', 10, 1))
const sent = ok(approved, act('send', 10, 1))

describe('the approval chain', () => {
  it("is the author participant's ancestors, nearest first, up to the root", () => {
    expect(approvalChain(5, AGENT_PATH)).toEqual([3, 2, 1])
    expect(approvalChain(2, '/1/2/')).toEqual([1])
  })

  it('for a proposal written at the top is the top participant itself, approved by another of its logins', () => {
    expect(approvalChain(1, '/1/')).toEqual([1])
  })

  it("refuses a path that is not the author's", () => {
    expect(() => approvalChain(4, AGENT_PATH)).toThrow('path "/1/2/3/5/" is not the path of participant #4')
  })
})

describe('a proposal climbs one level per approval up to the top, which sends it to the prospect', () => {
  it('goes draft → submitted at each level → approved → sent → accepted, with one event per step', () => {
    const steps: [ApprovalState, ApprovalAction][] = [
      [draft, act('submit', 50, 5)],
      [submitted, act('approve', 30, 3)],
      [atPartner, act('approve', 20, 2)],
      [atTop, act('approve', 10, 1)],
      [approved, act('send', 10, 1)],
      [sent, act('accept', null, null)],
    ]
    const trail = steps.map(([state, action]) => {
      const result = applyAction(state, action)
      if (!result.ok) throw new Error(result.reason)
      return [result.event, result.state.status, result.state.level, waitingFor(result.state)]
    })
    expect(trail).toEqual([
      ['proposal.submitted', 'submitted', 0, 3],
      ['proposal.approval_advanced', 'submitted', 1, 2],
      ['proposal.approval_advanced', 'submitted', 2, 1],
      ['proposal.approved', 'approved', -1, 1],
      ['proposal.sent', 'sent', -1, null],
      ['proposal.accepted', 'accepted', -1, null],
    ])
  })

  it('keeps the author and the chain as they were, and never changes the state it was given', () => {
    const before = structuredClone(submitted)
    const next = ok(submitted, act('approve', 30, 3))
    expect(submitted).toEqual(before)
    expect(next).toEqual({ status: 'submitted', authorParticipantId: 5, authorUserId: 50, chain: [3, 2, 1], level: 1 })
    expect(next.chain).not.toBe(submitted.chain)
  })

  it('lets the prospect decline a sent proposal, and lets it expire unanswered', () => {
    expect(applyAction(sent, act('decline', null, null))).toEqual({
      ok: true,
      state: { ...sent, status: 'declined', level: -1 },
      event: 'proposal.declined',
    })
    expect(applyAction(sent, act('expire', null, null))).toEqual({
      ok: true,
      state: { ...sent, status: 'expired', level: -1 },
      event: 'proposal.expired',
    })
  })

  it("a staff login may also record the prospect's answer", () => {
    expect(ok(sent, act('accept', 10, 1)).status).toBe('accepted')
  })
})

describe('submitting', () => {
  it('only the author submits', () => {
    expect(refused(draft, act('submit', 51, 5))).toBe('only the author (user #50) can submit this proposal')
    expect(refused(draft, act('submit', 30, 3))).toBe('only the author (user #50) can submit this proposal')
    expect(refused(draft, act('submit', null, null))).toBe('submit needs a signed-in user')
  })

  it('a returned proposal is resubmitted to the immediate parent again, at level 0', () => {
    const returned = ok(atTop, act('return', 10, 1, 'lower the setup fee'))
    expect(returned).toEqual({ ...draft, status: 'returned', level: -1 })
    expect(applyAction(returned, act('submit', 50, 5))).toEqual({
      ok: true,
      state: { ...draft, status: 'submitted', level: 0 },
      event: 'proposal.submitted',
    })
  })

  it('refuses a chain that is empty, holds the author below the top, or names a participant twice', () => {
    expect(refused({ ...draft, chain: [] }, act('submit', 50, 5))).toBe(
      'this proposal has no approval chain: a proposal of the top participant is approved by another login of that participant (chain [its own participant])',
    )
    expect(refused({ ...draft, chain: [5, 3, 2, 1] }, act('submit', 50, 5))).toBe(
      "the approval chain must not include the author's own participant #5 (only a top participant approves its own proposals, through another login)",
    )
    expect(refused({ ...draft, chain: [3, 2, 3, 1] }, act('submit', 50, 5))).toBe('participant #3 appears twice in the approval chain')
  })
})

describe('approving in turn', () => {
  it('refuses an approver whose turn it is not, naming the participant it waits for', () => {
    expect(refused(submitted, act('approve', 20, 2))).toBe('not your turn: this proposal waits for participant #3')
    expect(refused(atPartner, act('approve', 30, 3))).toBe('not your turn: this proposal waits for participant #2')
    expect(refused(submitted, act('approve', 99, null))).toBe('not your turn: this proposal waits for participant #3')
  })

  it('refuses the top skipping the levels below it', () => {
    expect(refused(submitted, act('approve', 10, 1))).toBe('not your turn: this proposal waits for participant #3')
    expect(refused(atPartner, act('approve', 10, 1))).toBe('not your turn: this proposal waits for participant #2')
  })

  it('refuses the author approving their own proposal, even acting for the participant whose turn it is', () => {
    expect(refused(submitted, act('approve', 50, 3))).toBe('you cannot approve your own proposal')
    expect(refused(submitted, act('approve', 50, 5))).toBe('you cannot approve your own proposal')
    expect(refused(submitted, act('return', 50, 3, 'x'))).toBe('you cannot return your own proposal')
    expect(refused(submitted, act('reject', 50, 3, 'x'))).toBe('you cannot reject your own proposal')
  })

  it('needs a signed-in approver', () => {
    expect(refused(submitted, act('approve', null, 3))).toBe('approve needs a signed-in user')
  })

  it('any login of the participant whose turn it is, holding an approving role, may act for it', () => {
    expect(ok(submitted, act('approve', 31, 3)).level).toBe(1)
  })

  it('refuses a state whose level is outside its chain', () => {
    expect(refused({ ...submitted, level: 3 }, act('approve', 10, 1))).toBe(
      'the approval state is inconsistent: level 3 is outside the chain of 3 approver(s)',
    )
  })
})

describe('a proposal written at the top of the hierarchy', () => {
  const topDraft: ApprovalState = { status: 'draft', authorParticipantId: 1, authorUserId: 10, chain: approvalChain(1, '/1/'), level: -1 }
  const topSubmitted = ok(topDraft, act('submit', 10, 1))

  it('waits for the top participant itself', () => {
    expect(topSubmitted).toEqual({ ...topDraft, status: 'submitted', level: 0 })
    expect(waitingFor(topSubmitted)).toBe(1)
  })

  it('is not approved by its author', () => {
    expect(refused(topSubmitted, act('approve', 10, 1))).toBe('you cannot approve your own proposal')
  })

  it('is approved by another login of the top participant, in one step, and its author may then send it', () => {
    const result = applyAction(topSubmitted, act('approve', 11, 1))
    expect(result).toEqual({ ok: true, state: { ...topDraft, status: 'approved', level: -1 }, event: 'proposal.approved' })
    if (result.ok) expect(ok(result.state, act('send', 10, 1)).status).toBe('sent')
  })
})

describe('returning and rejecting need a comment', () => {
  it('returns to the author with a comment: back to level -1, waiting for nobody in the chain', () => {
    const result = applyAction(atPartner, act('return', 20, 2, 'add the second site'))
    expect(result).toEqual({ ok: true, state: { ...draft, status: 'returned', level: -1 }, event: 'proposal.returned' })
    if (result.ok) expect(waitingFor(result.state)).toBeNull()
  })

  it('refuses a return without a comment, or with only spaces', () => {
    expect(refused(atPartner, act('return', 20, 2))).toBe('a comment is required to return a proposal: tell the author what to change')
    expect(refused(atPartner, act('return', 20, 2, '   '))).toBe(
      'a comment is required to return a proposal: tell the author what to change',
    )
  })

  it('refuses a reject without a comment, and a rejection is final', () => {
    expect(refused(atPartner, act('reject', 20, 2, ''))).toBe('a comment is required to reject a proposal: say why it is rejected')
    const rejected = ok(atPartner, act('reject', 20, 2, 'margin too thin'))
    expect(rejected.status).toBe('rejected')
    expect(refused(rejected, act('submit', 50, 5))).toBe(
      'cannot submit this proposal: it is rejected (submit is allowed only when it is draft or returned)',
    )
  })

  it('only the approver whose turn it is may return or reject', () => {
    expect(refused(atPartner, act('return', 30, 3, 'x'))).toBe('not your turn: this proposal waits for participant #2')
    expect(refused(atPartner, act('reject', 10, 1, 'x'))).toBe('not your turn: this proposal waits for participant #2')
  })
})

describe('sending', () => {
  it('only the top approver sends an approved proposal', () => {
    expect(refused(approved, act('send', 20, 2))).toBe('only the top approver (participant #1) can send this proposal')
    expect(refused(approved, act('send', null, 1))).toBe('send needs a signed-in user')
    expect(waitingFor(approved)).toBe(1)
  })

  it('refuses sending a proposal that is not yet approved', () => {
    expect(refused(atTop, act('send', 10, 1))).toBe('cannot send this proposal: it is submitted (send is allowed only when it is approved)')
  })
})

describe('every other transition is refused, naming the current status', () => {
  const allowed: Record<ApprovalActionKind, readonly ProposalStatus[]> = {
    submit: ['draft', 'returned'],
    approve: ['submitted'],
    return: ['submitted'],
    reject: ['submitted'],
    send: ['approved'],
    accept: ['sent'],
    decline: ['sent'],
    expire: ['sent'],
  }
  const forbidden = PROPOSAL_STATUSES.flatMap((status) =>
    APPROVAL_ACTION_KINDS.filter((kind) => !allowed[kind].includes(status)).map((kind) => [status, kind] as const),
  )

  it('covers 72 status/action pairs, 9 of them allowed', () => {
    expect(PROPOSAL_STATUSES.length * APPROVAL_ACTION_KINDS.length).toBe(72)
    expect(forbidden).toHaveLength(63)
  })

  it.each(forbidden)('%s: %s is refused', (status, kind) => {
    const reason = refused({ ...draft, status, level: status === 'submitted' ? 0 : -1 }, act(kind, 10, 1, 'because'))
    expect(reason).toBe(`cannot ${kind} this proposal: it is ${status} (${kind} is allowed only when it is ${allowed[kind].join(' or ')})`)
  })

  it('reads well for the common mistakes', () => {
    expect(refused(draft, act('approve', 30, 3))).toBe(
      'cannot approve this proposal: it is draft (approve is allowed only when it is submitted)',
    )
    expect(refused(approved, act('accept', null, null))).toBe(
      'cannot accept this proposal: it is approved (accept is allowed only when it is sent)',
    )
    expect(refused(submitted, act('submit', 50, 5))).toBe(
      'cannot submit this proposal: it is submitted (submit is allowed only when it is draft or returned)',
    )
  })

  it('refuses an unknown action', () => {
    expect(refused(draft, { kind: 'withdraw' as ApprovalActionKind, actorUserId: 50, actorParticipantId: 5 })).toBe(
      'unknown action "withdraw" (known actions: submit, approve, return, reject, send, accept, decline, expire)',
    )
  })
})

describe('waitingFor', () => {
  it('is the participant at the current level while submitted, the top once approved, and nobody otherwise', () => {
    expect([draft, submitted, atPartner, atTop, approved, sent].map(waitingFor)).toEqual([null, 3, 2, 1, 1, null])
  })
})

describe('who may take each step: the managing roles of the participant in turn, a company admin at the top', () => {
  // Every role, at the top of the chain and below it, for every step a login takes: the table the README states.
  const EXPECTED: Record<'submit' | 'approve' | 'return' | 'reject' | 'send', { top: Role[]; below: Role[] }> = {
    submit: {
      top: [
        'company_admin',
        'company_user',
        'partner_admin',
        'partner_user',
        'territory_owner_admin',
        'territory_owner_user',
        'agent_manager',
        'agent',
        'referrer',
      ],
      below: [
        'company_admin',
        'company_user',
        'partner_admin',
        'partner_user',
        'territory_owner_admin',
        'territory_owner_user',
        'agent_manager',
        'agent',
        'referrer',
      ],
    },
    approve: { top: ['company_admin'], below: ['partner_admin', 'territory_owner_admin', 'agent_manager'] },
    return: { top: ['company_admin'], below: ['partner_admin', 'territory_owner_admin', 'agent_manager'] },
    reject: { top: ['company_admin'], below: ['partner_admin', 'territory_owner_admin', 'agent_manager'] },
    send: { top: ['company_admin'], below: [] },
  }
  const cells = (Object.keys(EXPECTED) as (keyof typeof EXPECTED)[]).flatMap((kind) =>
    (['top', 'below'] as const).flatMap((place) => ROLES.map((role) => [kind, place, role, EXPECTED[kind][place].includes(role)] as const)),
  )

  it('covers 5 steps × 2 places × 11 roles', () => {
    expect(cells).toHaveLength(110)
  })

  it.each(cells)('%s %s by %s: allowed %s', (kind, place, role, allowed) => {
    expect(stepRoleProblem([role], kind, place) === null).toBe(allowed)
  })

  it('finance and the auditor never take a step nor write a proposal; no roles at all take none either', () => {
    for (const roles of [['finance'], ['auditor'], [], null, undefined]) {
      for (const kind of ['submit', 'approve', 'return', 'reject', 'send'] as const)
        expect(stepRoleProblem(roles, kind, 'anywhere')).not.toBeNull()
      expect(mayWriteProposals(roles)).toBe(false)
    }
    expect(mayWriteProposals(['referrer'])).toBe(true)
  })

  it("the prospect's answer and the expiry need no role", () => {
    for (const kind of ['accept', 'decline', 'expire'] as const) expect(stepRoleProblem(null, kind, 'top')).toBeNull()
  })

  it("a partner user at the partner's turn is refused for its role, and nothing moves", () => {
    const result = applyAction(atPartner, { kind: 'approve', actorUserId: 21, actorParticipantId: 2, actorRoles: ['partner_user'] })
    expect(result).toEqual({
      ok: false,
      refusal: 'role',
      reason:
        'your roles (partner_user) do not approve proposals: a partner admin, territory owner admin or agent manager does it for their participant, a company admin at the top',
    })
  })

  it('at the top, the auditor, finance and a company user are refused for their role; so is a manager role attached to the top', () => {
    for (const [roles, kind] of [
      [['auditor'], 'approve'],
      [['finance'], 'reject'],
      [['company_user'], 'return'],
      [['partner_admin'], 'approve'],
    ] as const) {
      const result = applyAction(atTop, { kind, actorUserId: 12, actorParticipantId: 1, actorRoles: roles, comment: 'probe' })
      expect(result).toEqual({
        ok: false,
        refusal: 'role',
        reason: `your roles (${roles.join(', ')}) do not ${kind} at the top of the chain: only a company admin does`,
      })
    }
    expect(applyAction(approved, { kind: 'send', actorUserId: 12, actorParticipantId: 1, actorRoles: ['auditor'] })).toEqual({
      ok: false,
      refusal: 'role',
      reason: 'your roles (auditor) do not send proposals: only a company admin of the top of the chain sends one',
    })
  })

  it('an action without roles is refused for its role; out of turn stays a state refusal', () => {
    expect(applyAction(submitted, { kind: 'approve', actorUserId: 30, actorParticipantId: 3 })).toMatchObject({
      ok: false,
      refusal: 'role',
    })
    expect(applyAction(submitted, act('approve', 20, 2))).toMatchObject({ ok: false, refusal: 'state' })
  })
})
