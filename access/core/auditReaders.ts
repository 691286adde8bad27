import type { Access } from 'payload'

import { currentUser, hasRole } from './user'

export const auditReaders: Access = ({ req }) => hasRole(currentUser(req), 'company_admin', 'auditor')
