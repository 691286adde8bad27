import type { Access } from 'payload'

import { currentUser, hasRole } from '../core/user'

/**
 * Who may save a rule version at all: the catalog editors who write and submit rules (company admins and users) and
 * finance, who approve them. What each may change is decided per save by `modules/rules/governance.ts`.
 */
export const ruleVersionEditors: Access = ({ req }) => hasRole(currentUser(req), 'company_admin', 'company_user', 'finance')
