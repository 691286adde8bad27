import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { readOwnSubtree } from '../../access/core/subtree'
import { moneyField } from '../../fields/core/money'

/**
 * Bonuses that are not money: points, prizes and badges (segmentation such as an "Elite Club") granted by a bonus
 * rule for a cycle. Money bonuses are commission lines; these are written by the same bonus run, with the rule
 * version and rows that granted them.
 */
export const NetworkAwards: CollectionConfig = {
  slug: 'network-awards',
  lockDocuments: false,
  timestamps: false,
  admin: { group: 'Network', defaultColumns: ['cycle', 'participant', 'kind', 'points', 'prize', 'badge', 'label'] },
  access: { read: readOwnSubtree('participant.path'), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'cycle', type: 'relationship', relationTo: 'commission-periods', required: true },
    { name: 'run', type: 'relationship', relationTo: 'commission-runs', required: true },
    { name: 'participant', type: 'relationship', relationTo: 'participants', required: true, index: true },
    { name: 'kind', type: 'select', required: true, options: ['points', 'prize', 'badge'] },
    moneyField({ name: 'points' }),
    { name: 'prize', type: 'text' },
    { name: 'badge', type: 'text' },
    { name: 'label', type: 'text' },
    { name: 'ruleVersion', type: 'relationship', relationTo: 'rule-versions' },
    { name: 'fired', type: 'json' },
  ],
}
