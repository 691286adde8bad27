import type { Access } from 'payload'

import { currentUser, hasRole } from './user'

/** Company admins and users: they keep the carrier catalog (carriers, rate plans, payout schedules, mappings). */
export const catalogEditors: Access = ({ req }) => hasRole(currentUser(req), 'company_admin', 'company_user')
