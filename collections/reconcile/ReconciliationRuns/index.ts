import type { CollectionConfig } from 'payload'

import { dataOperators } from '../../../access/core/dataOperators'
import { nobody } from '../../../access/core/nobody'
import { staff } from '../../../access/core/staff'
import { MATCH_KEYS } from '../../../engine/telecom'
import { dateOnlyField } from '../../../fields/core/dateOnly'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { rerunReconciliation } from './endpoints/rerunReconciliation'
import { prepareRun } from './hooks/prepareRun'
import { queueJobOnCreate } from '../../../hooks/core/queueJobOnCreate'

/**
 * One reconciliation of a carrier's records against dealer sales for a period. Creating it queues the run; running
 * it again (POST /api/reconciliation-runs/:id/rerun, or the button in the admin) recomputes every line and keeps
 * each discrepancy's owner, status and comments. One run per carrier and period.
 */
export const ReconciliationRuns: CollectionConfig = {
  slug: 'reconciliation-runs',
  lockDocuments: false,
  admin: {
    useAsTitle: 'title',
    group: 'Reconcile',
    defaultColumns: ['title', 'status', 'lastRunAt', 'runCount'],
    components: { edit: { beforeDocumentControls: ['/components/reconcile/RerunButton#RerunButton'] } },
  },
  access: { read: staff, create: dataOperators, update: nobody, delete: nobody },
  hooks: { beforeChange: [prepareRun], afterChange: [queueJobOnCreate('reconciliation-runs', 'reconcile', 'runId'), auditChange] },
  endpoints: [rerunReconciliation],
  indexes: [{ fields: ['carrier', 'periodStart', 'periodEnd'], unique: true }],
  fields: [
    { name: 'title', type: 'text', admin: { readOnly: true } },
    { name: 'carrier', type: 'relationship', relationTo: 'carriers', required: true },
    { type: 'row', fields: [dateOnlyField({ name: 'periodStart', required: true }), dateOnlyField({ name: 'periodEnd', required: true })] },
    {
      type: 'collapsible',
      label: 'Matching',
      admin: { initCollapsed: true, description: "Taken from the carrier's settings when the run is created." },
      fields: [
        {
          name: 'matchKeys',
          type: 'select',
          hasMany: true,
          options: MATCH_KEYS.map((value) => ({ value, label: value.toUpperCase() })),
          admin: { readOnly: true },
        },
        { name: 'dateToleranceDays', type: 'number', admin: { readOnly: true } },
        { name: 'chargebackWindowDays', type: 'number', admin: { readOnly: true } },
      ],
    },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'queued',
      options: ['queued', 'running', 'completed', 'failed'].map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) })),
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'job',
      type: 'number',
      admin: { readOnly: true, position: 'sidebar', components: { Field: '/components/core/JobProgress#LinkedJobProgress' } },
    },
    { name: 'runCount', type: 'number', defaultValue: 0, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'lastRunAt', type: 'date', admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'message', type: 'textarea', admin: { readOnly: true } },
    {
      name: 'summary',
      type: 'json',
      admin: {
        readOnly: true,
        components: { Field: '/components/reconcile/ReconSummary#ReconSummary' },
        description: 'Counts and money at stake per class.',
      },
    },
  ],
}
