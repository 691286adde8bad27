import type { CollectionConfig } from 'payload'

import { staff } from '../../access/core/staff'
import { nobody } from '../../access/core/nobody'
import { COMPONENT_KINDS } from '../../engine/commission/components/types'

/**
 * One evaluation of a component for one distinct input combination in a run: the inputs the rule saw, its detail and
 * the exact and posted amounts (for a rule-based amount, also the rule version and the rows that fired). Runs evaluate each distinct combination once and every line points at its evaluation.
 * Evaluations hold plan rates, tiers, override percentages and the bases they were applied to, across every tenant,
 * so they follow the runs' access (staff). A payee reads its own line's inputs and detail through "why this amount"
 * (`GET /api/commission-lines/:id/why`), which row-level access on the line already scopes.
 */
export const CommissionEvaluations: CollectionConfig = {
  slug: 'commission-evaluations',
  lockDocuments: false,
  timestamps: false,
  admin: { group: 'Pay', defaultColumns: ['run', 'component', 'exact', 'posted'], hidden: false },
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'run', type: 'relationship', relationTo: 'commission-runs', required: true, index: true },
    { name: 'component', type: 'select', required: true, options: COMPONENT_KINDS.map((value) => ({ value, label: value })) },
    { name: 'planVersion', type: 'relationship', relationTo: 'plan-versions' },
    { name: 'inputs', type: 'json', required: true },
    { name: 'detail', type: 'json' },
    { name: 'exact', type: 'text', admin: { description: 'Unrounded amount.' } },
    { name: 'posted', type: 'text', admin: { description: 'Amount after the version’s rounding.' } },
    {
      name: 'ruleVersion',
      type: 'relationship',
      relationTo: 'rule-versions',
      index: true,
      admin: { description: 'Rule-based amounts: the approved rule version that priced this input.' },
    },
    {
      name: 'fired',
      type: 'json',
      admin: { description: 'Rule-based amounts: each line the rule returned (label, exact amount) and the table rows that fired for it.' },
    },
  ],
}
