import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/core/nobody'
import { payoutOperators } from '../../../access/core/payoutOperators'
import { staff } from '../../../access/core/staff'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { guardHold } from './hooks/guardHold'

/**
 * A hold on a participant, a sale or a single commission line. Held amounts are not paid; they stay in the ledger
 * and are paid by the first payment batch after the hold is released. A hold is never deleted, only released.
 */
export const CommissionHolds: CollectionConfig = {
  slug: 'commission-holds',
  lockDocuments: false,
  admin: { useAsTitle: 'title', group: 'Pay', defaultColumns: ['title', 'target', 'status', 'reason', 'createdAt'] },
  access: { read: staff, create: payoutOperators, update: payoutOperators, delete: nobody },
  hooks: { beforeChange: [guardHold], afterChange: [auditChange] },
  fields: [
    { name: 'title', type: 'text', admin: { readOnly: true } },
    {
      name: 'target',
      type: 'select',
      required: true,
      options: [
        { value: 'participant', label: 'Participant' },
        { value: 'sale', label: 'Sale' },
        { value: 'line', label: 'Commission line' },
      ],
    },
    {
      name: 'participant',
      type: 'relationship',
      relationTo: 'participants',
      admin: { condition: (data) => data?.target === 'participant' },
    },
    { name: 'sale', type: 'relationship', relationTo: 'dealer-sales', admin: { condition: (data) => data?.target === 'sale' } },
    { name: 'line', type: 'relationship', relationTo: 'commission-lines', admin: { condition: (data) => data?.target === 'line' } },
    { name: 'reason', type: 'textarea', required: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'active',
      options: [
        { value: 'active', label: 'Active' },
        { value: 'released', label: 'Released' },
      ],
    },
    { name: 'releasedAt', type: 'date', admin: { readOnly: true } },
    { name: 'releasedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
  ],
}
