import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/core/nobody'
import { payoutOperators } from '../../../access/core/payoutOperators'
import { readOwnSubtree } from '../../../access/core/subtree'
import { moneyField } from '../../../fields/core/money'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { guardNote } from './hooks/guardNote'

/**
 * A debit or credit note: a correction posted into an open period (a locked period is never changed). The next run
 * of that period posts it as a `note` line; a positive amount credits the participant, a negative one debits them.
 */
export const CommissionNotes: CollectionConfig = {
  slug: 'commission-notes',
  lockDocuments: false,
  admin: { useAsTitle: 'title', group: 'Pay', defaultColumns: ['title', 'participant', 'period', 'amount', 'reason'] },
  access: { read: readOwnSubtree('participant.path'), create: payoutOperators, update: payoutOperators, delete: nobody },
  hooks: { beforeChange: [guardNote], afterChange: [auditChange] },
  fields: [
    { name: 'title', type: 'text', admin: { readOnly: true } },
    { name: 'participant', type: 'relationship', relationTo: 'participants', required: true },
    {
      name: 'period',
      type: 'relationship',
      relationTo: 'commission-periods',
      required: true,
      admin: { description: 'An open period; its next run posts the note.' },
    },
    {
      name: 'plan',
      type: 'relationship',
      relationTo: 'compensation-plans',
      required: true,
      admin: { description: 'The run of this plan posts it.' },
    },
    moneyField({
      name: 'amount',
      required: true,
      description: 'Positive: credit note (we owe more). Negative: debit note (we take back).',
    }),
    { name: 'reason', type: 'textarea', required: true },
    {
      name: 'correctsLine',
      type: 'relationship',
      relationTo: 'commission-lines',
      admin: { description: 'The line of a locked period this corrects, if any.' },
    },
  ],
}
