import type { CollectionConfig } from 'payload'

import { catalogEditors } from '../../../access/core/catalogEditors'
import { companyAdmins } from '../../../access/core/companyAdmins'
import { staff } from '../../../access/core/staff'
import { ROUNDING_MODES } from '../../../engine/core/money'
import { dateOnlyField } from '../../../fields/core/dateOnly'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { auditDelete } from '../../../hooks/system/audit/auditDelete'
import { componentBlocks } from './blocks'
import { guardPlanVersion } from './hooks/guardPlanVersion'

/**
 * One version of a compensation plan: its components, in force from its effective date. Only approved versions are
 * used by runs, and an approved version is frozen, so every commission line can name exactly the rules that made it.
 */
export const PlanVersions: CollectionConfig = {
  slug: 'plan-versions',
  lockDocuments: false,
  admin: { useAsTitle: 'title', group: 'Settings', defaultColumns: ['title', 'plan', 'effectiveFrom', 'status'] },
  access: { read: staff, create: catalogEditors, update: catalogEditors, delete: companyAdmins },
  hooks: { beforeChange: [guardPlanVersion], afterChange: [auditChange], beforeDelete: [auditDelete] },
  indexes: [{ fields: ['plan', 'effectiveFrom'], unique: true }],
  fields: [
    { name: 'title', type: 'text', admin: { readOnly: true, description: 'Set from the plan, version and date.' } },
    { name: 'plan', type: 'relationship', relationTo: 'compensation-plans', required: true, index: true },
    { name: 'version', type: 'number', admin: { readOnly: true } },
    dateOnlyField({ name: 'effectiveFrom', required: true, description: 'Periods starting on or after this day use this version.' }),
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      options: [
        { value: 'draft', label: 'Draft' },
        { value: 'approved', label: 'Approved' },
      ],
      admin: { position: 'sidebar', description: 'Only a company admin approves; an approved version can no longer be changed.' },
    },
    { name: 'approvedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'approvedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
    {
      name: 'rounding',
      type: 'select',
      required: true,
      defaultValue: 'half-even',
      options: ROUNDING_MODES.map((value) => ({ value, label: value })),
      admin: { position: 'sidebar', description: 'How each line is rounded to the cent when it is posted.' },
    },
    { name: 'components', type: 'blocks', required: true, minRows: 1, blocks: componentBlocks },
    { name: 'notes', type: 'textarea' },
  ],
}
