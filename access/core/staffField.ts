import type { FieldAccess } from 'payload'

import { READ_ALL_ROLES } from '../../engine/network'
import { currentUser, hasRole } from './user'

/** A field only the operating company's staff may read (carrier payouts, schedule prices). */
export const staffField: FieldAccess = ({ req }) => hasRole(currentUser(req), ...READ_ALL_ROLES)
