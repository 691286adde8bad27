import type { Access, Where } from 'payload'

import { currentUser, hasRole, participantIdOf } from '../core/user'
import { READ_ALL_ROLES } from '../../engine/network'
import { resolveBrandIdForParticipant } from '../../modules/portal/resolveBrand'

/** Staff read every brand; everyone else reads the default brand and the brand they are shown in. */
export const readableBrands: Access = async ({ req }) => {
  const user = currentUser(req)
  if (!user) return false
  if (hasRole(user, ...READ_ALL_ROLES)) return true
  const participantId = participantIdOf(user)
  const own = participantId === null ? null : await resolveBrandIdForParticipant(req, participantId)
  const visible: Where[] = [{ isDefault: { equals: true } }]
  if (own !== null) visible.push({ id: { equals: own } })
  return { or: visible }
}
