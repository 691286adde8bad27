import type { Access } from 'payload'

import { jobOperators } from './operationsStaff'

/** Company admins and finance: they run commission periods, place holds, post notes and pay (the job operators). */
export const payoutOperators: Access = jobOperators
