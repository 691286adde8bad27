import type { CollectionConfig } from 'payload'

import { catalogEditors } from '../../../access/core/catalogEditors'
import { companyAdmins } from '../../../access/core/companyAdmins'
import { staff } from '../../../access/core/staff'
import { PIPELINE_CATEGORIES, PIPELINE_STEPS, STEP_INFO } from '../../../engine/multilevel/pipeline'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { auditDelete } from '../../../hooks/system/audit/auditDelete'
import { checkPipelineSteps } from './hooks/checkPipelineSteps'

/**
 * A pipeline type: the ordered steps one kind of cycle runs (a monthly settlement, a daily KPI refresh, a yearly
 * honorary rank), with the career plan its rank step uses and the compensation plan its bonus step runs.
 */
export const PipelineTypes: CollectionConfig = {
  slug: 'pipeline-types',
  lockDocuments: false,
  admin: { useAsTitle: 'name', group: 'Settings', defaultColumns: ['name', 'category', 'careerPlan', 'compensationPlan'] },
  access: { read: staff, create: catalogEditors, update: catalogEditors, delete: companyAdmins },
  hooks: { beforeChange: [checkPipelineSteps], afterChange: [auditChange], beforeDelete: [auditDelete] },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', required: true, unique: true },
        {
          name: 'category',
          type: 'select',
          required: true,
          options: PIPELINE_CATEGORIES.map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) })),
        },
        {
          name: 'calendar',
          type: 'select',
          defaultValue: 'regular',
          options: [
            { value: 'regular', label: 'Commercial calendar (cycles)' },
            { value: 'advance', label: 'Advance calendar' },
          ],
          admin: { description: 'The periods its runs are for: a schedule picks the current (daily) or last ended (monthly, yearly) one.' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'careerPlan', type: 'relationship', relationTo: 'career-plans', admin: { description: 'Needed by "Calculate rank".' } },
        {
          name: 'compensationPlan',
          type: 'relationship',
          relationTo: 'compensation-plans',
          admin: { description: 'Needed by "Calculate bonuses": the plan whose approved version pays the cycle.' },
        },
      ],
    },
    {
      name: 'steps',
      type: 'array',
      required: true,
      minRows: 1,
      admin: { description: 'The steps, in the order the wizard runs them.' },
      fields: [
        {
          name: 'step',
          type: 'select',
          required: true,
          options: PIPELINE_STEPS.map((value) => ({ value, label: STEP_INFO[value].label })),
        },
      ],
    },
  ],
}
