import type { Capability } from '../core/capability'
import { reconcileHome } from './home'
import { Discrepancies } from './Discrepancies'
import { ReconciliationLines } from './ReconciliationLines'
import { ReconciliationRuns } from './ReconciliationRuns'

/** Reconciliation: runs, lines and discrepancies. */
export const reconcile: Capability = {
  home: reconcileHome,
  collections: [ReconciliationRuns, ReconciliationLines, Discrepancies],
}
