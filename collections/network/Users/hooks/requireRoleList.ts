import type { CollectionBeforeValidateHook } from 'payload'

import type { User } from '../../../../payload-types'

import { fieldError } from '../../../../hooks/core/fieldError'

/**
 * `roles` is a list of role names and never empty: anything else (`"company_admin"`, an object, a number, null, `[]`)
 * is refused here, before the role guard reads it, so a malformed value can neither slip past the guard nor wipe a
 * login's roles. Leaving `roles` out of an update keeps them.
 */
export const requireRoleList: CollectionBeforeValidateHook<User> = ({ data }) => {
  if (!data || !('roles' in data) || data.roles === undefined) return data
  const problem = roleListProblem(data.roles)
  if (problem) throw fieldError('users', 'roles', problem)
  return data
}

/** Why `value` is not a usable list of roles, or null. */
export function roleListProblem(value: unknown): string | null {
  if (!Array.isArray(value)) return `roles must be a list of role names, e.g. ["partner_user"], not ${describe(value)}`
  if (value.length === 0) return 'a login needs at least one role'
  const odd = value.find((role) => typeof role !== 'string')
  return odd === undefined ? null : `roles must be a list of role names, and ${describe(odd)} is not one`
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a nested list'
  if (typeof value === 'string') return `the text "${value}"`
  return `${typeof value === 'object' ? 'an object' : `the ${typeof value} ${String(value)}`}`
}
