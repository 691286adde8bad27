import type { PayloadRequest } from 'payload'

import type { Role } from '../../engine/network'
import { hasAnyRole } from '../../engine/network'

/** The part of a logged-in user that access decisions read. */
export type AccessUser = { id: number; roles?: string[] | null; participant?: number | { id: number } | null }

export function currentUser(req: PayloadRequest): AccessUser | null {
  return (req.user as AccessUser | null | undefined) ?? null
}

/** The participant a login is attached to (its id), whatever depth the user was loaded at. */
export function participantIdOf(user: AccessUser | null): number | null {
  const participant = user?.participant
  if (participant === null || participant === undefined) return null
  return typeof participant === 'object' ? participant.id : participant
}

/** The role predicate every access function, hook and view uses. */
export function hasRole(user: AccessUser | null, ...roles: Role[]): boolean {
  return hasAnyRole(user?.roles, roles)
}
