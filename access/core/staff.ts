import type { Access } from 'payload'

import { READ_ALL_ROLES } from '../../engine/network'
import { currentUser, hasRole } from './user'

/** The operating company's staff (company admins and users, finance, auditors): they read every row. */
export const staff: Access = ({ req }) => hasRole(currentUser(req), ...READ_ALL_ROLES)
