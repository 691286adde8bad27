/**
 * Roles and what each may do. The nine roles of the proposal document, ranked from the top of the hierarchy
 * down, plus two staff roles (finance, auditor) that sit outside the ranking.
 *
 * The README's "Who may grant which role" matrix is generated from `canGrantRole` and checked by a test.
 */

export const HIERARCHY_ROLES = [
  'company_admin',
  'company_user',
  'partner_admin',
  'partner_user',
  'territory_owner_admin',
  'territory_owner_user',
  'agent_manager',
  'agent',
  'referrer',
] as const

export const STAFF_ROLES = ['finance', 'auditor'] as const

export const ROLES = [...HIERARCHY_ROLES, ...STAFF_ROLES] as const

export type Role = (typeof ROLES)[number]
export type HierarchyRole = (typeof HIERARCHY_ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  company_admin: 'Company admin',
  company_user: 'Company user',
  partner_admin: 'Partner admin',
  partner_user: 'Partner user',
  territory_owner_admin: 'Territory owner admin',
  territory_owner_user: 'Territory owner user',
  agent_manager: 'Agent manager',
  agent: 'Agent',
  referrer: 'Referrer',
  finance: 'Finance',
  auditor: 'Auditor',
}

/** Roles allowed to create, edit and delete logins (always within their own participant subtree). */
export const USER_MANAGER_ROLES: readonly Role[] = ['company_admin', 'partner_admin', 'territory_owner_admin', 'agent_manager']

/** Roles allowed to create, edit, move and delete participants within their subtree. */
export const NETWORK_EDITOR_ROLES: readonly Role[] = [...USER_MANAGER_ROLES, 'company_user']

/** Roles that see every row whatever participant they are attached to. */
export const READ_ALL_ROLES: readonly Role[] = ['company_admin', 'company_user', 'finance', 'auditor']

/** Roles that must be attached to the root participant (the operating company). */
export const ROOT_ONLY_ROLES: readonly Role[] = ['company_admin', 'company_user', 'finance', 'auditor']

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

export function hasAnyRole(roles: readonly string[] | null | undefined, wanted: readonly Role[]): boolean {
  return Boolean(roles?.some((role) => (wanted as readonly string[]).includes(role)))
}

/** Rank in the hierarchy: 9 for company admin down to 1 for referrer; 0 for staff roles. */
export function roleRank(role: Role): number {
  const index = (HIERARCHY_ROLES as readonly string[]).indexOf(role)
  return index === -1 ? 0 : HIERARCHY_ROLES.length - index
}

/**
 * May a user holding `granterRoles` give `role` to a new or existing login?
 * Only user managers grant roles; they grant roles at or below their highest managing rank; only a company admin
 * grants the staff roles (finance, auditor).
 */
export function canGrantRole(granterRoles: readonly string[], role: Role): boolean {
  const managing = granterRoles.filter((r): r is Role => isRole(r) && USER_MANAGER_ROLES.includes(r))
  if (managing.length === 0) return false
  if ((STAFF_ROLES as readonly string[]).includes(role)) return managing.includes('company_admin')
  const highest = Math.max(...managing.map(roleRank))
  return roleRank(role) <= highest
}

/**
 * Problems with a set of roles for one login, as messages a user understands (empty when fine).
 * `attachedToRoot` says whether the login's participant is the operating company at the root.
 */
export function roleSetProblems(roles: readonly unknown[], attachedToRoot: boolean): string[] {
  const problems: string[] = []
  if (roles.length === 0) problems.push('at least one role is required')
  for (const role of roles) {
    if (!isRole(role)) problems.push(`"${String(role)}" is not a role (known roles: ${ROLES.join(', ')})`)
  }
  if (roles.includes('auditor') && roles.length > 1) {
    problems.push('the auditor role reads everything and changes nothing, so it cannot be combined with other roles')
  }
  const needsRoot = roles.filter((r): r is Role => isRole(r) && ROOT_ONLY_ROLES.includes(r))
  if (needsRoot.length > 0 && !attachedToRoot) {
    problems.push(`${needsRoot.join(', ')} can only be held by logins of the operating company (the root participant)`)
  }
  return problems
}
