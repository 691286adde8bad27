import type { CollectionAfterChangeHook } from 'payload'

import { emitEvent } from '../../../../modules/api'
import { relationId } from '../../../../hooks/core/relationId'
import type { PaymentBatch } from '../../../../payload-types'

/** A new payment batch emits `payment_batch.created` in the transaction that creates it. */
export const emitBatchCreated: CollectionAfterChangeHook<PaymentBatch> = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  await emitEvent(req, 'payment_batch.created', `payment-batches/${doc.id}`, {
    batchId: doc.id,
    status: doc.status ?? null,
    periodId: relationId(doc.period),
    effectiveDate: doc.effectiveDate ? String(doc.effectiveDate).slice(0, 10) : null,
  })
  return doc
}
