import type { Access } from 'payload'

import { currentUser, hasRole } from './user'

/** Company admins and finance: they run commission periods, place holds, post notes and pay. */
export const payoutOperators: Access = ({ req }) => hasRole(currentUser(req), 'company_admin', 'finance')
