import type { Capability } from '../core/capability'
import { Discrepancies } from './Discrepancies'
import { ReconciliationLines } from './ReconciliationLines'
import { ReconciliationRuns } from './ReconciliationRuns'

/** Reconciliation: runs, lines and discrepancies. */
export const reconcile: Capability = {
  collections: [ReconciliationRuns, ReconciliationLines, Discrepancies],
}
