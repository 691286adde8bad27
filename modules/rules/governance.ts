/**
 * The governance of rule versions, as plain decisions over plain data (no Payload, no database, no clock): which
 * status changes are allowed, to whom, and which edits each status accepts. The rule-versions hooks gather the facts
 * and call these; a unit test reaches every rule here.
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved ──retire──▶ retired
 *     ▲                  │
 *     └────withdraw──────┘
 *
 * - Only a draft's rule, tests and date change (a submitted version is withdrawn to draft first).
 * - Submitting needs at least one test case and every test passing; approving runs them again.
 * - Company admins and finance approve, never the user who edited the version last (maker-checker).
 * - An approved version is frozen: the only change left is retiring it (company admins). A retired one is history.
 */
import type { Role } from '../../engine/network'
import type { RuleTestOutcome } from '../../engine/rules/types'

export const RULE_VERSION_STATUSES = ['draft', 'submitted', 'approved', 'retired'] as const
export type RuleVersionStatus = (typeof RULE_VERSION_STATUSES)[number]

export const RULE_VERSION_STATUS_LABELS: Record<RuleVersionStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted for approval',
  approved: 'Approved',
  retired: 'Retired',
}

/** Who writes, submits and withdraws rule versions. */
export const RULE_EDITOR_ROLES: readonly Role[] = ['company_admin', 'company_user']
/** Who approves a submitted version (never the one who edited it last). */
export const RULE_APPROVER_ROLES: readonly Role[] = ['company_admin', 'finance']
/** Who retires an approved version. */
export const RULE_RETIRER_ROLES: readonly Role[] = ['company_admin']

/** The fields that make up what a version decides: changing any of them is an edit, and makes the user its last editor. */
export const RULE_EDIT_FIELDS = ['content', 'testCases', 'effectiveFrom'] as const

/** Every field a user may send; what is not here is kept by the hooks (number, title, who and when). */
export const RULE_USER_FIELDS = ['ruleSet', ...RULE_EDIT_FIELDS, 'status', 'notes'] as const

/** The acting user, or null for the system (seeds, migrations, jobs acting without a user). */
export type RuleActor = { id: number; roles: readonly string[] } | null

export type RuleVersionChange = {
  /** "Commission v3", for messages. */
  versionLabel: string
  /** null when the version is being created. */
  from: RuleVersionStatus | null
  to: RuleVersionStatus
  /** The user fields whose value this save changes (`RULE_USER_FIELDS` other than status). */
  changed: readonly string[]
  /** Who changed the rule, its tests or its date last, before this save. */
  lastEditedBy: number | null
  actor: RuleActor
}

/** A refusal: the field it is reported on and the reason, for a user. */
export type GovernanceRefusal = { path: string; message: string }

const can = (actor: RuleActor, roles: readonly Role[]) =>
  actor === null || actor.roles.some((r) => (roles as readonly string[]).includes(r))

const roleNames = (roles: readonly Role[]) => roles.map((r) => r.replace('_', ' ')).join(' or ')

/** Why this save may not happen, or null when governance allows it. */
export function transitionRefusal(change: RuleVersionChange): GovernanceRefusal | null {
  const { versionLabel, from, to, changed, actor } = change
  const edits = changed.filter((f) => (RULE_EDIT_FIELDS as readonly string[]).includes(f))
  if (from === null) {
    if (to !== 'draft') return { path: 'status', message: `a new version starts as a draft; save it, then submit it for approval` }
    return can(actor, RULE_EDITOR_ROLES) ? null : { path: 'status', message: `only a ${roleNames(RULE_EDITOR_ROLES)} writes rule versions` }
  }
  if (changed.includes('ruleSet'))
    return { path: 'ruleSet', message: `${versionLabel} stays in its rule set; create a version in the other set instead` }
  // Saving a frozen version unchanged (the admin's Save without edits) changes nothing, so it is no refusal.
  if ((from === 'approved' || from === 'retired') && to === from && changed.length === 0) return null
  if (from === 'retired') return { path: changed[0] ?? 'status', message: `${versionLabel} is retired and can no longer be changed` }
  if (from === 'approved') {
    if (to === 'retired' && changed.length === 0)
      return can(actor, RULE_RETIRER_ROLES)
        ? null
        : { path: 'status', message: `only a ${roleNames(RULE_RETIRER_ROLES)} retires an approved version` }
    const what = changed[0] ?? 'status'
    return {
      path: what,
      message: `${versionLabel} is approved and frozen: ${what === 'status' ? `its status can only go to retired` : `its ${what} can no longer be changed`}; create a new version with a later effective date`,
    }
  }
  if (from === 'submitted' && edits.length > 0)
    return {
      path: edits[0]!,
      message: `${versionLabel} is submitted for approval and cannot be edited; withdraw it to draft first (set its status to draft)`,
    }
  if (changed.length > 0 && !can(actor, RULE_EDITOR_ROLES))
    return { path: changed[0]!, message: `only a ${roleNames(RULE_EDITOR_ROLES)} edits rule versions` }
  if (from === to) return null
  const step = `${from}→${to}`
  switch (step) {
    case 'draft→submitted':
    case 'submitted→draft':
      return can(actor, RULE_EDITOR_ROLES)
        ? null
        : {
            path: 'status',
            message: `only a ${roleNames(RULE_EDITOR_ROLES)} ${to === 'submitted' ? 'submits' : 'withdraws'} a rule version`,
          }
    case 'submitted→approved':
      if (!can(actor, RULE_APPROVER_ROLES))
        return { path: 'status', message: `only a ${roleNames(RULE_APPROVER_ROLES)} approves a rule version` }
      if (actor !== null && change.lastEditedBy !== null && actor.id === change.lastEditedBy)
        return { path: 'status', message: `you edited ${versionLabel} last; another user must approve it (maker-checker)` }
      return null
    default:
      return {
        path: 'status',
        message: `${versionLabel} is ${from}; it cannot go to ${to} directly (draft → submitted → approved → retired)`,
      }
  }
}

/** Whether a status needs every test case to pass (submitting and approving), with the reason for the message. */
export function testsRequired(from: RuleVersionStatus | null, to: RuleVersionStatus): 'submit' | 'approve' | null {
  if (to === 'submitted' && from !== 'submitted') return 'submit'
  if (to === 'approved' && from !== 'approved') return 'approve'
  return null
}

/** Why the test outcomes stop a submission or an approval, naming the first failing case and what differed; null when they pass. */
export function testFailureMessage(versionLabel: string, step: 'submit' | 'approve', outcomes: readonly RuleTestOutcome[]): string | null {
  const verb = step === 'submit' ? 'submitted' : 'approved'
  if (outcomes.length === 0) return `${versionLabel} needs at least one test case before it can be ${verb}`
  const failed = outcomes.filter((o) => !o.passed)
  if (failed.length === 0) return null
  const first = failed[0]!
  const more = failed.length > 1 ? ` (and ${failed.length - 1} more failing)` : ''
  return `${versionLabel} cannot be ${verb}: test case "${first.name}" fails: ${first.message}${more}`
}

/** Values compared field by field regardless of key order (JSON documents, test case rows). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  if (value === undefined) return 'null'
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
}
