import type { CollectionBeforeChangeHook } from 'payload'

import type { User } from '../../../../payload-types'

import { currentUser, hasRole, participantIdOf } from '../../../../access/core/user'
import { canGrantRole, isRole, roleSetProblems, ROLE_LABELS } from '../../../../engine/network/roles'
import { isInSubtree } from '../../../../engine/network/tree'
import { fieldError } from '../../../../hooks/core/fieldError'
import { relationId } from '../../../../hooks/core/relationId'
import { findNode } from '../../Participants/hooks/loadTreeContext'
import { loginRankProblem } from './loginRank'

/**
 * The user-management rules: a login belongs to a participant; a manager creates or edits logins only within
 * their own participant's subtree and grants only roles at or below their own (README: "Who may grant which role");
 * nobody changes their own roles or moves their own login, except a company admin.
 */
export const guardRoleGrants: CollectionBeforeChangeHook<User> = async ({ data, operation, originalDoc, req }) => {
  const roles: unknown[] = Array.isArray(data.roles) ? data.roles : (originalDoc?.roles ?? [])
  const participantId = relationId(data.participant !== undefined ? data.participant : originalDoc?.participant)
  if (participantId === null) throw fieldError('users', 'participant', 'a login must belong to a participant')
  const participant = await findNode(req, participantId)
  if (!participant) throw fieldError('users', 'participant', `participant #${participantId} does not exist`)

  const problems = roleSetProblems(roles, participant.path === `/${participant.id}/`)
  if (problems.length > 0) throw fieldError('users', 'roles', problems.join('; '))

  const actor = currentUser(req)
  if (!actor) return data // system work (seed, migrations) runs with overrideAccess and no user

  const rolesChanged = operation === 'create' || (Array.isArray(data.roles) && sameSet(data.roles, originalDoc?.roles) === false)
  const participantChanged = operation === 'create' || participantId !== relationId(originalDoc?.participant)
  const isSelf = operation === 'update' && originalDoc?.id === actor.id
  if (isSelf && (rolesChanged || participantChanged) && !hasRole(actor, 'company_admin')) {
    throw fieldError('users', rolesChanged ? 'roles' : 'participant', 'you cannot change your own roles or move your own login')
  }
  if (operation === 'update' && !isSelf) {
    const rankProblem = loginRankProblem(actor, originalDoc?.roles ?? [])
    if (rankProblem) throw fieldError('users', 'roles', rankProblem)
    const keyChanged =
      (typeof data.apiKey === 'string' && data.apiKey !== '' && data.apiKey !== originalDoc?.apiKey) ||
      (typeof data.enableAPIKey === 'boolean' && data.enableAPIKey !== Boolean(originalDoc?.enableAPIKey))
    if (keyChanged && !hasRole(actor, 'company_admin')) {
      throw fieldError('users', 'apiKey', "only the login itself or a company admin may set or enable a login's API key")
    }
  }
  if (participantChanged) {
    const own = participantIdOf(actor)
    if (own === null || !isInSubtree(participant.path, own)) {
      throw fieldError(
        'users',
        'participant',
        `you can only create logins for your own participant or those beneath it, and "${participant.name}" is not one of them`,
      )
    }
  }
  if (rolesChanged) {
    const actorRoles = actor.roles ?? []
    const refused = roles.filter((role) => isRole(role) && !canGrantRole(actorRoles, role))
    if (refused.length > 0) {
      const names = refused.map((role) => ROLE_LABELS[role as keyof typeof ROLE_LABELS]).join(', ')
      throw fieldError('users', 'roles', `you may not grant ${names}: it is above your own level`)
    }
  }
  return data
}

function sameSet(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return false
  return a.length === b.length && a.every((value) => b.includes(value))
}
