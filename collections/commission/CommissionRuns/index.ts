import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/core/nobody'
import { payoutOperators } from '../../../access/core/payoutOperators'
import { staff } from '../../../access/core/staff'
import { RUN_STATUSES } from '../../../engine/commission/runSteps'
import { moneyField } from '../../../fields/core/money'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { queueJobOnCreate } from '../../../hooks/core/queueJobOnCreate'
import { runActions } from './endpoints/runActions'
import { prepareCommissionRun } from './hooks/prepareCommissionRun'

/**
 * A commission run of one plan for one period. Creating it queues the workflow: collect verified facts → calculate
 * → apply adjustments → validate, then it waits for approval; approving and locking it locks the period. A preview
 * run does everything but post its lines. Actions: POST /api/commission-runs/:id/{rerun,approve,lock,statements}.
 */
export const CommissionRuns: CollectionConfig = {
  slug: 'commission-runs',
  lockDocuments: false,
  admin: {
    useAsTitle: 'title',
    group: 'Pay',
    defaultColumns: ['title', 'mode', 'status', 'total', 'lineCount', 'lastRunAt'],
    components: { edit: { beforeDocumentControls: ['/components/commission/CommissionRunActions#CommissionRunActions'] } },
  },
  access: { read: staff, create: payoutOperators, update: nobody, delete: nobody },
  hooks: {
    beforeChange: [prepareCommissionRun],
    afterChange: [queueJobOnCreate('commission-runs', 'commissionRun', 'runId'), auditChange],
  },
  endpoints: runActions,
  indexes: [{ fields: ['period', 'plan', 'mode'], unique: true }],
  fields: [
    { name: 'title', type: 'text', admin: { readOnly: true } },
    {
      type: 'row',
      fields: [
        { name: 'period', type: 'relationship', relationTo: 'commission-periods', required: true },
        { name: 'plan', type: 'relationship', relationTo: 'compensation-plans', required: true },
      ],
    },
    {
      name: 'mode',
      type: 'select',
      required: true,
      defaultValue: 'post',
      options: [
        { value: 'post', label: 'Post (for payment)' },
        { value: 'preview', label: 'Preview (what-if, posts nothing)' },
      ],
    },
    {
      name: 'planVersion',
      type: 'relationship',
      relationTo: 'plan-versions',
      admin: { readOnly: true, description: 'The approved version in force on the first day of the period.' },
    },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'queued',
      options: RUN_STATUSES.map((value) => ({ value, label: value.replace(/_/g, ' ') })),
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'job',
      type: 'number',
      admin: { readOnly: true, position: 'sidebar', components: { Field: '/components/core/JobProgress#LinkedJobProgress' } },
    },
    {
      name: 'statementsJob',
      type: 'number',
      admin: { readOnly: true, position: 'sidebar', components: { Field: '/components/core/JobProgress#StatementsJobProgress' } },
    },
    { name: 'runCount', type: 'number', defaultValue: 0, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'lastRunAt', type: 'date', admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    moneyField({ name: 'total', description: 'Sum of every line of the run (payable + held).' }),
    { name: 'lineCount', type: 'number', admin: { readOnly: true } },
    { name: 'message', type: 'textarea', admin: { readOnly: true } },
    {
      name: 'steps',
      type: 'json',
      admin: {
        readOnly: true,
        components: { Field: '/components/commission/RunSteps#RunSteps' },
        description: 'Each workflow step with its outcome.',
      },
    },
    {
      name: 'summary',
      type: 'json',
      admin: {
        readOnly: true,
        components: { Field: '/components/commission/RunSummary#RunSummary' },
        description: 'Totals by component and by payee.',
      },
    },
    {
      type: 'row',
      fields: [
        { name: 'approvedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
        { name: 'approvedAt', type: 'date', admin: { readOnly: true } },
        { name: 'lockedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
        { name: 'lockedAt', type: 'date', admin: { readOnly: true } },
      ],
    },
  ],
}
