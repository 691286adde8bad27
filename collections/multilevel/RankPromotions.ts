import type { CollectionConfig } from 'payload'

import { payoutOperators } from '../../access/core/payoutOperators'
import { staff } from '../../access/core/staff'
import { nobody } from '../../access/core/nobody'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'
import { recordCreator } from './hooks/recordCreator'

/** A manual promotion (or demotion) with its reason: the "calculate rank" step pays this rank for the cycle whatever the rules say. */
export const RankPromotions: CollectionConfig = {
  slug: 'rank-promotions',
  lockDocuments: false,
  admin: { group: 'Network', defaultColumns: ['cycle', 'participant', 'rank', 'reason', 'createdAt'] },
  access: { read: staff, create: payoutOperators, update: nobody, delete: payoutOperators },
  hooks: { beforeChange: [recordCreator], afterChange: [auditChange], beforeDelete: [auditDelete] },
  indexes: [{ fields: ['cycle', 'participant'], unique: true }],
  fields: [
    { name: 'cycle', type: 'relationship', relationTo: 'commission-periods', required: true },
    { name: 'participant', type: 'relationship', relationTo: 'participants', required: true },
    { name: 'rank', type: 'relationship', relationTo: 'ranks', required: true },
    { name: 'reason', type: 'textarea', required: true },
    { name: 'createdBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
  ],
}
