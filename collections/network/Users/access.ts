import type { Access, Where } from 'payload'

import { currentUser, hasRole, participantIdOf } from '../../../access/core/user'
import { READ_ALL_ROLES, USER_MANAGER_ROLES } from '../../../engine/network/roles'
import { subtreeWhere } from '../../../access/core/subtree'

/** Everyone reads their own login; staff read all; others read the logins of their own subtree. */
export const readUsers: Access = ({ req }): boolean | Where => {
  const user = currentUser(req)
  if (!user) return false
  if (hasRole(user, ...READ_ALL_ROLES)) return true
  const participantId = participantIdOf(user)
  if (participantId === null) return { id: { equals: user.id } }
  return { or: [{ id: { equals: user.id } }, subtreeWhere('participant.path', participantId)] }
}

/**
 * Everyone edits their own login (name, password); managers edit the logins of their own subtree. The auditor
 * changes nothing, its own login included (a company admin sets its password, or it uses "forgot password").
 */
export const updateUsers: Access = ({ req }): boolean | Where => {
  const user = currentUser(req)
  if (!user || hasRole(user, 'auditor')) return false
  if (hasRole(user, 'company_admin')) return true
  const participantId = participantIdOf(user)
  if (!hasRole(user, ...USER_MANAGER_ROLES) || participantId === null) return { id: { equals: user.id } }
  return { or: [{ id: { equals: user.id } }, subtreeWhere('participant.path', participantId)] }
}

/** Managers delete logins of their own subtree, never their own. */
export const deleteUsers: Access = ({ req }) => {
  const user = currentUser(req)
  if (!user || !hasRole(user, ...USER_MANAGER_ROLES)) return false
  const participantId = participantIdOf(user)
  if (participantId === null) return false
  const scope = hasRole(user, 'company_admin') ? [] : [subtreeWhere('participant.path', participantId)]
  return { and: [...scope, { id: { not_equals: user.id } }] }
}
