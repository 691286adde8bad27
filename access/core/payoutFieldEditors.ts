import type { FieldAccess } from 'payload'

import { jobOperators } from './operationsStaff'

/** Fields that decide what and where a payee is paid (tier, bank account): company admins and finance set them. */
export const payoutFieldEditors: FieldAccess = jobOperators
