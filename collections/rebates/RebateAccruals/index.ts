import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/core/nobody'
import { readOwnSubtree } from '../../../access/core/subtree'
import { dateOnlyField } from '../../../fields/core/dateOnly'
import { moneyField } from '../../../fields/core/money'
import { accrualDashboard } from './endpoints/dashboard'
import { accrualJournalEndpoint, postAccrualJournal } from './endpoints/journal'

/**
 * The liability one point-of-sale line creates under one program: accrued as the line arrives, claimed when a claim
 * line takes it, credited when its credit memo reaches the ERP, expired when the claim window closes unclaimed.
 */
export const RebateAccruals: CollectionConfig = {
  slug: 'rebate-accruals',
  lockDocuments: false,
  admin: {
    group: 'Rebates',
    defaultColumns: ['posLine', 'program', 'partner', 'amount', 'status', 'expiresOn'],
  },
  access: { read: readOwnSubtree('partner.path'), create: nobody, update: nobody, delete: nobody },
  endpoints: [accrualDashboard, accrualJournalEndpoint, postAccrualJournal],
  indexes: [{ fields: ['posLine', 'program'], unique: true }, { fields: ['program', 'partner'] }],
  fields: [
    { name: 'posLine', type: 'relationship', relationTo: 'pos-lines', required: true },
    { name: 'program', type: 'relationship', relationTo: 'rebate-programs', required: true, index: true },
    { name: 'partner', type: 'relationship', relationTo: 'participants', required: true, index: true },
    dateOnlyField({ name: 'soldOn', required: true }),
    { name: 'quantity', type: 'number', required: true },
    moneyField({ name: 'amount', required: true }),
    { name: 'currency', type: 'text', required: true },
    dateOnlyField({ name: 'expiresOn', required: true }),
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'open',
      index: true,
      options: ['open', 'claimed', 'credited', 'expired'],
    },
    dateOnlyField({ name: 'releasedOn', description: 'When the credit memo released it or it expired.' }),
    {
      name: 'ruleVersion',
      type: 'relationship',
      relationTo: 'rule-versions',
      admin: { description: 'Rule kind: the version that priced the line.' },
    },
  ],
}
