import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/core/nobody'
import { readOwnSubtree } from '../../../access/core/subtree'
import { dateOnlyField } from '../../../fields/core/dateOnly'
import { moneyField } from '../../../fields/core/money'
import { memoDrilldown, pushMemoNow } from './endpoints/memoActions'

/**
 * A credit memo for an approved claim, pushed to the ERP. Its number is the ERP's external id, so a retry finds the
 * memo the ERP already has instead of making a second one. Pending until the ERP confirms it; the ERP's id, number and
 * status are read back.
 */
export const CreditMemos: CollectionConfig = {
  slug: 'credit-memos',
  lockDocuments: false,
  admin: {
    group: 'Rebates',
    useAsTitle: 'number',
    defaultColumns: ['number', 'partner', 'claim', 'amount', 'status', 'erpNumber', 'attempts'],
  },
  access: { read: readOwnSubtree('partner.path'), create: nobody, update: nobody, delete: nobody },
  endpoints: [pushMemoNow, memoDrilldown],
  fields: [
    { name: 'number', type: 'text', required: true, unique: true, index: true },
    { name: 'claim', type: 'relationship', relationTo: 'rebate-claims', required: true, unique: true },
    { name: 'partner', type: 'relationship', relationTo: 'participants', required: true, index: true },
    moneyField({ name: 'amount', required: true }),
    { name: 'currency', type: 'text', required: true },
    dateOnlyField({ name: 'memoDate', required: true, description: 'The day the claim was approved.' }),
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      options: [
        { value: 'pending', label: 'Waiting for the ERP' },
        { value: 'issued', label: 'Issued in the ERP' },
        { value: 'applied', label: 'Applied to the partner’s account' },
        { value: 'refused', label: 'Refused by the ERP' },
      ],
    },
    { name: 'erpId', type: 'text' },
    { name: 'erpNumber', type: 'text' },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'lastError', type: 'textarea' },
    { name: 'issuedAt', type: 'date' },
  ],
}
