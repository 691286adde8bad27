import type { CollectionConfig } from 'payload'

import { payoutOperators } from '../../../access/core/payoutOperators'
import { staff } from '../../../access/core/staff'
import { companyAdmins } from '../../../access/core/companyAdmins'
import { nobody } from '../../../access/core/nobody'
import { runPipelineStep } from './endpoints/runPipelineStep'
import { preparePipelineRun } from './hooks/preparePipelineRun'

/**
 * One pipeline type walked for one cycle: the state of each step (what it found, when, why it failed), the bonus run
 * it produced and the payment batch that paid it. `POST /api/pipeline-runs/:id/steps/:step` queues a step.
 */
export const PipelineRuns: CollectionConfig = {
  slug: 'pipeline-runs',
  lockDocuments: false,
  admin: {
    useAsTitle: 'title',
    group: 'Network',
    defaultColumns: ['title', 'pipelineType', 'cycle', 'status', 'updatedAt'],
    components: { edit: { beforeDocumentControls: ['/components/multilevel/PipelineWizard#PipelineWizard'] } },
  },
  access: { read: staff, create: payoutOperators, update: nobody, delete: companyAdmins },
  hooks: { beforeChange: [preparePipelineRun] },
  endpoints: [runPipelineStep],
  indexes: [{ fields: ['pipelineType', 'cycle'], unique: true }],
  fields: [
    { name: 'title', type: 'text', admin: { readOnly: true } },
    { name: 'pipelineType', type: 'relationship', relationTo: 'pipeline-types', required: true },
    { name: 'cycle', type: 'relationship', relationTo: 'commission-periods', required: true },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'open',
      options: ['open', 'running', 'failed', 'closed'],
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'steps', type: 'json', admin: { readOnly: true, description: 'Each step’s state, what it found and why it failed.' } },
    { name: 'commissionRun', type: 'relationship', relationTo: 'commission-runs', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'paymentBatch', type: 'relationship', relationTo: 'payment-batches', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'message', type: 'textarea', admin: { readOnly: true } },
  ],
}
