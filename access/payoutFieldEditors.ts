import type { FieldAccess } from 'payload'

import { currentUser, hasRole } from './user'

/** Fields that decide what and where a payee is paid (tier, bank account): company admins and finance set them. */
export const payoutFieldEditors: FieldAccess = ({ req }) => hasRole(currentUser(req), 'company_admin', 'finance')
