import type { Access, PayloadRequest } from 'payload'

import { currentUser, hasRole } from './user'

/** Company admins, finance and auditors: the people who watch jobs and schedules. */
export const operationsStaff: Access = ({ req }) => hasRole(currentUser(req), 'company_admin', 'finance', 'auditor')

/** Company admins and finance: the people who start and cancel jobs (a rule for documents and fields alike: `Access` and `FieldAccess`). */
export const jobOperators = ({ req }: { req: PayloadRequest }): boolean => hasRole(currentUser(req), 'company_admin', 'finance')
