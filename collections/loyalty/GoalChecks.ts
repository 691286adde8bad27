import type { CollectionConfig } from 'payload'

import { catalogEditors } from '../../access/core/catalogEditors'
import { readOwnSubtree } from '../../access/core/subtree'
import { relationExists } from '../../fields/core/relationExists'

/** Manual checklist items of a goal ticked for a consultant: who ticked it and when. */
export const GoalChecks: CollectionConfig = {
  slug: 'goal-checks',
  lockDocuments: false,
  admin: { group: 'Loyalty', defaultColumns: ['goal', 'consultant', 'item', 'createdAt'] },
  access: { read: readOwnSubtree('consultant.path'), create: catalogEditors, update: catalogEditors, delete: catalogEditors },
  indexes: [{ fields: ['goal', 'consultant', 'item'], unique: true }],
  fields: [
    { name: 'goal', type: 'relationship', relationTo: 'loyalty-goals', required: true, validate: relationExists('loyalty-goals', 'goal') },
    {
      name: 'consultant',
      type: 'relationship',
      relationTo: 'participants',
      required: true,
      validate: relationExists('participants', 'consultant'),
    },
    { name: 'item', type: 'text', required: true, admin: { description: 'The checklist item’s id.' } },
    { name: 'note', type: 'text' },
  ],
}
