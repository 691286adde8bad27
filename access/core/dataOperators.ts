import type { Access } from 'payload'

import { jobOperators } from './operationsStaff'

/**
 * Company admins and finance: they import data, run reconciliations and work the discrepancies. The same people
 * who start and watch jobs, since imports and runs are jobs.
 */
export const dataOperators: Access = jobOperators
