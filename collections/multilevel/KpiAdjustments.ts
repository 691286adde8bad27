import type { CollectionConfig } from 'payload'

import { payoutOperators } from '../../access/core/payoutOperators'
import { staff } from '../../access/core/staff'
import { nobody } from '../../access/core/nobody'
import { moneyField } from '../../fields/core/money'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'
import { recordCreator } from './hooks/recordCreator'

/**
 * A manual change to one member's KPI in one cycle, with its reason: applied by the "adjust indicators" step (and
 * every later re-run) on top of what the orders give. Audited; never edited once the cycle is closed.
 */
export const KpiAdjustments: CollectionConfig = {
  slug: 'kpi-adjustments',
  lockDocuments: false,
  admin: { group: 'Network', defaultColumns: ['cycle', 'participant', 'kpi', 'delta', 'reason', 'createdAt'] },
  access: { read: staff, create: payoutOperators, update: nobody, delete: payoutOperators },
  hooks: { beforeChange: [recordCreator], afterChange: [auditChange], beforeDelete: [auditDelete] },
  fields: [
    { name: 'cycle', type: 'relationship', relationTo: 'commission-periods', required: true },
    { name: 'participant', type: 'relationship', relationTo: 'participants', required: true },
    { name: 'kpi', type: 'relationship', relationTo: 'kpi-definitions', required: true },
    moneyField({ name: 'delta', required: true, description: 'Added to the KPI (negative to lower it).' }),
    { name: 'reason', type: 'textarea', required: true },
    { name: 'createdBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
  ],
}
