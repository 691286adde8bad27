/**
 * The governance of programs: nothing pays unless it went through it (no side deals).
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved ──publish──▶ published ──close──▶ closed
 *     ▲                  │
 *     └────withdraw──────┘
 *
 * Channel operations (company admins and users) draft, submit, withdraw, publish and close; finance or a company
 * admin approves — never the user who submitted it or edited its terms last (maker-checker). Only a draft's terms
 * change. Only a published program accrues and pays.
 */
export const PROGRAM_STATUSES = ['draft', 'submitted', 'approved', 'published', 'closed'] as const
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number]

export const PROGRAM_EDITOR_ROLES = ['company_admin', 'company_user'] as const
export const PROGRAM_APPROVER_ROLES = ['company_admin', 'finance'] as const

const MOVES: Record<string, { roles: readonly string[]; verb: string }> = {
  'draft>submitted': { roles: PROGRAM_EDITOR_ROLES, verb: 'submit' },
  'submitted>draft': { roles: PROGRAM_EDITOR_ROLES, verb: 'withdraw' },
  'submitted>approved': { roles: PROGRAM_APPROVER_ROLES, verb: 'approve' },
  'approved>published': { roles: PROGRAM_EDITOR_ROLES, verb: 'publish' },
  'published>closed': { roles: PROGRAM_EDITOR_ROLES, verb: 'close' },
}

export type ProgramActor = { id: number; roles: readonly string[] } | null

export type ProgramChange = {
  label: string
  from: ProgramStatus | null
  to: ProgramStatus
  /** Whether this save changes the program's terms (anything but status and notes). */
  termsChanged: boolean
  submittedBy: number | null
  lastEditedBy: number | null
  actor: ProgramActor
}

/** Why the change is refused (a sentence), or null when it is allowed. The system (actor null) may do anything. */
export function programChangeRefusal(change: ProgramChange): string | null {
  const { from, to, actor } = change
  if (from === null) return to === 'draft' || actor === null ? null : 'a new program starts as a draft'
  if (change.termsChanged && from !== 'draft' && actor !== null) {
    return `${change.label} is ${from}: only a draft's terms change (withdraw it to draft first)`
  }
  if (from === to || actor === null) return null
  const move = MOVES[`${from}>${to}`]
  if (!move) return `${change.label} cannot go from ${from} to ${to}`
  if (!actor.roles.some((role) => move.roles.includes(role))) return `only ${move.roles.join(' or ')} may ${move.verb} a program`
  if (move.verb === 'approve' && (actor.id === change.submittedBy || actor.id === change.lastEditedBy)) {
    return `${change.label} was submitted or last edited by you: another approver must approve it (maker-checker)`
  }
  return null
}
