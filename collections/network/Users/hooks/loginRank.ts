import type { AccessUser } from '../../../../access/core/user'
import { hasRole } from '../../../../access/core/user'
import { canGrantRole, isRole, ROLE_LABELS } from '../../../../engine/network/roles'

/**
 * Why `actor` may not manage (edit or delete) an existing login holding `targetRoles`, or null when it may:
 * a company admin manages every login; anyone else only logins whose every role they could grant themselves, so a
 * territory owner admin cannot take over or delete a partner admin attached beneath it, nor a peer's equal login
 * unless the matrix allows granting that role.
 */
export function loginRankProblem(actor: AccessUser, targetRoles: readonly unknown[]): string | null {
  if (hasRole(actor, 'company_admin')) return null
  const above = targetRoles.filter((role) => isRole(role) && !canGrantRole(actor.roles ?? [], role))
  if (above.length === 0) return null
  return `this login holds ${above.map((role) => ROLE_LABELS[role as keyof typeof ROLE_LABELS]).join(', ')}, which is above what you may manage`
}
