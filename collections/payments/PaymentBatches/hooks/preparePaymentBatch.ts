import type { CollectionBeforeChangeHook } from 'payload'

import type { PaymentBatch } from '../../../../payload-types'

import { fieldError } from '../../../../hooks/core/fieldError'
import { relationId } from '../../../../hooks/core/relationId'
import { findOrNull } from '../../../../modules/core/findOrNull'

/** A batch pays a locked period; it is titled from the period. */
export const preparePaymentBatch: CollectionBeforeChangeHook<PaymentBatch> = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const periodId = relationId(data.period)
  const period =
    periodId === null ? null : await findOrNull(req.payload.findByID({ collection: 'commission-periods', id: periodId, depth: 0, req }))
  if (!period) throw fieldError('payment-batches', 'period', 'choose the locked period to pay')
  if (period.status !== 'locked')
    throw fieldError('payment-batches', 'period', `period ${period.label} is not locked yet: approve and lock its run first`)
  data.title = `Payments · ${period.label} · ${String(data.effectiveDate ?? '').slice(0, 10)}`
  data.status = 'queued'
  return data
}
