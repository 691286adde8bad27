import type { Access, Where } from 'payload'

import { NETWORK_EDITOR_ROLES, READ_ALL_ROLES, USER_MANAGER_ROLES, subtreeSegment } from '../../engine/network'
import { currentUser, hasRole, participantIdOf } from './user'

/**
 * Row-level access as database filters. `pathField` is where a collection reaches the owning participant's
 * materialized path: `path` on participants themselves, `participant.path` on rows that point at a participant.
 */
export function subtreeWhere(pathField: string, participantId: number): Where {
  return { [pathField]: { contains: subtreeSegment(participantId) } }
}

/** Read: staff roles see every row; everyone else sees their own participant's subtree. */
export function readOwnSubtree(pathField: string): Access {
  return ({ req }) => {
    const user = currentUser(req)
    if (!user) return false
    if (hasRole(user, ...READ_ALL_ROLES)) return true
    const participantId = participantIdOf(user)
    return participantId === null ? false : subtreeWhere(pathField, participantId)
  }
}

/**
 * Update/delete by people who manage part of the network: company admins anywhere; partner, territory owner and
 * agent managers strictly beneath their own participant (never their own node or anything above it).
 */
export function writeBelowOwn(pathField: string, idField: string, editors = NETWORK_EDITOR_ROLES): Access {
  return ({ req }) => {
    const user = currentUser(req)
    if (!user || !hasRole(user, ...editors)) return false
    if (hasRole(user, 'company_admin')) return true
    const participantId = participantIdOf(user)
    if (participantId === null) return false
    return { and: [subtreeWhere(pathField, participantId), { [idField]: { not_equals: participantId } }] }
  }
}

/** Create is decided per document by hooks (parent or participant must be inside the creator's subtree). */
export function createByRoles(roles: readonly (typeof USER_MANAGER_ROLES)[number][]): Access {
  return ({ req }) => hasRole(currentUser(req), ...roles)
}
