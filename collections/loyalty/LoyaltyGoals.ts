import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/core/authenticated'
import { catalogEditors } from '../../access/core/catalogEditors'
import { companyAdmins } from '../../access/core/companyAdmins'
import { AWARD_KINDS, GOAL_METRICS } from '../../engine/loyalty/types'
import { dateOnlyField } from '../../fields/core/dateOnly'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'
import { goalEndpoints } from './endpoints/goals'

/**
 * Non-monetary goals (a trip, recognition, a car): a checklist of targets over a period. Measured targets (points
 * earned, sales, referrals, a rank) are computed from the ledgers; the others are ticked by staff per consultant.
 * A consultant's percentage achieved is the share of the checklist met.
 */
export const LoyaltyGoals: CollectionConfig = {
  slug: 'loyalty-goals',
  lockDocuments: false,
  admin: { useAsTitle: 'name', group: 'Loyalty', defaultColumns: ['name', 'award', 'startsOn', 'endsOn'] },
  access: { read: authenticated, create: catalogEditors, update: catalogEditors, delete: companyAdmins },
  endpoints: goalEndpoints,
  hooks: { afterChange: [auditChange], beforeDelete: [auditDelete] },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      type: 'row',
      fields: [
        { name: 'award', type: 'select', required: true, options: [...AWARD_KINDS] },
        { name: 'awardDescription', type: 'text', admin: { description: 'e.g. "Convention trip to Cancún for two".' } },
      ],
    },
    { type: 'row', fields: [dateOnlyField({ name: 'startsOn', required: true }), dateOnlyField({ name: 'endsOn', required: true })] },
    {
      name: 'checklist',
      type: 'array',
      minRows: 1,
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', required: true },
            { name: 'metric', type: 'select', required: true, defaultValue: 'manual', options: [...GOAL_METRICS] },
            {
              name: 'target',
              type: 'text',
              admin: { description: 'A number (points, amount, referrals) or a rank code; empty for manual items.' },
            },
          ],
        },
      ],
    },
  ],
}
