import type { CollectionBeforeChangeHook } from 'payload'

import type { ReconciliationRun } from '../../../../payload-types'

import { fieldError } from '../../../../hooks/core/fieldError'
import { relationId } from '../../../../hooks/core/relationId'
import { findOrNull } from '../../../../modules/core/findOrNull'

/** A new run takes the carrier's matching settings (so a later change to the carrier does not alter it) and a title. */
export const prepareRun: CollectionBeforeChangeHook<ReconciliationRun> = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const carrierId = relationId(data.carrier)
  const carrier =
    carrierId === null ? null : await findOrNull(req.payload.findByID({ collection: 'carriers', id: carrierId, depth: 0, req }))
  if (!carrier) throw fieldError('reconciliation-runs', 'carrier', 'choose the carrier to reconcile')
  const start = String(data.periodStart ?? '').slice(0, 10)
  const end = String(data.periodEnd ?? '').slice(0, 10)
  if (!start || !end || end < start)
    throw fieldError('reconciliation-runs', 'periodEnd', `the period must end on or after its start (${start} – ${end})`)
  data.matchKeys = carrier.matchKeys
  data.dateToleranceDays = carrier.dateToleranceDays
  data.chargebackWindowDays = carrier.chargebackWindowDays
  data.title = `${carrier.code} ${start} – ${end}`
  data.status = 'queued'
  return data
}
