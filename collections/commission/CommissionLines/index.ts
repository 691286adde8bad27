import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/core/nobody'
import { readOwnSubtree } from '../../../access/core/subtree'
import { LINE_COMPONENT_LABELS, LINE_COMPONENTS } from '../../../engine/commission/components/types'
import { moneyField } from '../../../fields/core/money'
import { explainLine } from './endpoints/explainLine'

/**
 * What a run owes each payee, line by line: the component, the posted amount, the source rows (the verified sale
 * and its reconciliation line, or the participant below for overrides), the plan version and the evaluation holding
 * the inputs the rule saw. Written in bulk by runs only; `GET /api/commission-lines/:id/why` answers "why this amount".
 */
export const CommissionLines: CollectionConfig = {
  slug: 'commission-lines',
  lockDocuments: false,
  timestamps: false,
  admin: {
    group: 'Pay',
    defaultColumns: ['run', 'payee', 'component', 'amount', 'held', 'description'],
    components: { edit: { beforeDocumentControls: ['/components/commission/WhyThisAmount#WhyThisAmount'] } },
  },
  access: { read: readOwnSubtree('payee.path'), create: nobody, update: nobody, delete: nobody },
  endpoints: [explainLine],
  // (period, component, payee): a payee's lines of a period by component, the list integrators and the portal filter by.
  indexes: [{ fields: ['run', 'payee'] }, { fields: ['period', 'component', 'payee'] }],
  fields: [
    { name: 'run', type: 'relationship', relationTo: 'commission-runs', required: true },
    { name: 'period', type: 'relationship', relationTo: 'commission-periods', required: true },
    { name: 'payee', type: 'relationship', relationTo: 'participants', required: true },
    {
      name: 'component',
      type: 'select',
      required: true,
      options: LINE_COMPONENTS.map((value) => ({ value, label: LINE_COMPONENT_LABELS[value] })),
    },
    moneyField({ name: 'amount', required: true, description: 'Posted amount, rounded to the cent by the plan version’s rounding mode.' }),
    { name: 'currency', type: 'text', required: true },
    {
      name: 'held',
      type: 'checkbox',
      defaultValue: false,
      admin: { description: 'On hold when the run posted it (payments re-check current holds).' },
    },
    { name: 'description', type: 'text' },
    { name: 'sale', type: 'relationship', relationTo: 'dealer-sales', admin: { description: 'The verified sale this line pays for.' } },
    {
      name: 'carrierRecord',
      type: 'relationship',
      relationTo: 'carrier-records',
      admin: { description: 'The carrier record that verified the sale.' },
    },
    {
      name: 'fromParticipant',
      type: 'relationship',
      relationTo: 'participants',
      admin: { description: 'Overrides: whose commission this is a share of.' },
    },
    {
      name: 'billingLine',
      type: 'relationship',
      relationTo: 'billing-lines',
      admin: { description: 'Proposal commissions: the billed charge it is paid on.' },
    },
    {
      name: 'rule',
      type: 'relationship',
      relationTo: 'commission-rules',
      admin: { description: 'Proposal commissions: the rule that applied.' },
    },
    { name: 'note', type: 'relationship', relationTo: 'commission-notes', admin: { description: 'Debit/credit notes: the note posted.' } },
    { name: 'planVersion', type: 'relationship', relationTo: 'plan-versions' },
    {
      name: 'evaluation',
      type: 'relationship',
      relationTo: 'commission-evaluations',
      admin: { description: 'The inputs the rule saw and its detail, shared by every line with the same inputs.' },
    },
  ],
}
