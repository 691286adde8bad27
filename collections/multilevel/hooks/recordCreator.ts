import type { CollectionBeforeChangeHook } from 'payload'

import { fieldError } from '../../../hooks/core/fieldError'
import { relationId } from '../../../hooks/core/relationId'

/**
 * Manual changes to a cycle's figures (KPI adjustments, rank promotions) name who made them, and are refused once the
 * cycle is closed: a locked cycle's figures no longer change.
 */
export const recordCreator: CollectionBeforeChangeHook = async ({ collection, data, operation, req }) => {
  if (operation !== 'create') return data
  const cycleId = relationId(data.cycle)
  const cycle =
    cycleId === null
      ? null
      : await req.payload.findByID({ collection: 'commission-periods', id: cycleId, depth: 0, req, disableErrors: true })
  if (!cycle) throw fieldError(collection.slug, 'cycle', 'choose the cycle (a commission period) the change is for')
  if (cycle.status === 'locked') throw fieldError(collection.slug, 'cycle', `cycle ${cycle.label} is closed: its figures no longer change`)
  return { ...data, createdBy: req.user?.id ?? null }
}
