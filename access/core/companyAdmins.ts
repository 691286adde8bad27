import type { Access, FieldAccess } from 'payload'

import { currentUser, hasRole } from './user'

export const companyAdmins: Access = ({ req }) => hasRole(currentUser(req), 'company_admin')

/** The same rule for a single field (e.g. which brand a client owner carries). */
export const companyAdminsField: FieldAccess = ({ req }) => hasRole(currentUser(req), 'company_admin')
