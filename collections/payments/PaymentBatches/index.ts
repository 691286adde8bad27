import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/core/nobody'
import { payoutOperators } from '../../../access/core/payoutOperators'
import { staff } from '../../../access/core/staff'
import { dateOnlyField } from '../../../fields/core/dateOnly'
import { moneyField } from '../../../fields/core/money'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { queueJobOnCreate } from '../../../hooks/core/queueJobOnCreate'
import { batchActions } from './endpoints/batchActions'
import { emitBatchCreated } from './hooks/emitBatchCreated'
import { preparePaymentBatch } from './hooks/preparePaymentBatch'

/**
 * A payment batch for a locked period: one payment per payee whose unpaid, unheld lines of locked periods add up to
 * a positive balance at or above their minimum payout; smaller and negative balances carry forward. Creating it
 * queues the payment step, which pays each line exactly once however often or concurrently it runs.
 * `GET /api/payment-batches/:id/{csv,nacha}` exports the bank file; `POST /api/payment-batches/:id/mark-paid` closes it.
 */
export const PaymentBatches: CollectionConfig = {
  slug: 'payment-batches',
  lockDocuments: false,
  admin: {
    useAsTitle: 'title',
    group: 'Pay',
    defaultColumns: ['title', 'status', 'paymentCount', 'total', 'effectiveDate'],
    components: { edit: { beforeDocumentControls: ['/components/payments/PaymentBatchActions#PaymentBatchActions'] } },
  },
  access: { read: staff, create: payoutOperators, update: nobody, delete: nobody },
  hooks: {
    beforeChange: [preparePaymentBatch],
    afterChange: [queueJobOnCreate('payment-batches', 'payBatch', 'batchId'), auditChange, emitBatchCreated],
  },
  endpoints: batchActions,
  fields: [
    { name: 'title', type: 'text', admin: { readOnly: true } },
    {
      name: 'period',
      type: 'relationship',
      relationTo: 'commission-periods',
      required: true,
      admin: { description: 'A locked period; lines of it and of earlier locked periods are paid.' },
    },
    dateOnlyField({ name: 'effectiveDate', required: true, description: 'The day the bank should settle the payments.' }),
    {
      name: 'status',
      type: 'select',
      defaultValue: 'queued',
      options: ['queued', 'paying', 'ready', 'paid', 'failed'].map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) })),
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'job',
      type: 'number',
      admin: { readOnly: true, position: 'sidebar', components: { Field: '/components/core/JobProgress#LinkedJobProgress' } },
    },
    { name: 'paymentCount', type: 'number', admin: { readOnly: true } },
    moneyField({ name: 'total', description: 'Sum of the payments of the batch.' }),
    {
      name: 'carriedForward',
      type: 'number',
      admin: { readOnly: true, description: 'Payees whose balance was negative or below their minimum.' },
    },
    { name: 'message', type: 'textarea', admin: { readOnly: true } },
    { name: 'paidAt', type: 'date', admin: { readOnly: true } },
    { name: 'paidBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
    { name: 'payments', type: 'join', collection: 'payments', on: 'batch', admin: { defaultColumns: ['payee', 'amount', 'status'] } },
  ],
}
