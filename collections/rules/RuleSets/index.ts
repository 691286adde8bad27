import type { CollectionConfig } from 'payload'

import { catalogEditors } from '../../../access/core/catalogEditors'
import { companyAdmins } from '../../../access/core/companyAdmins'
import { staff } from '../../../access/core/staff'
import { RULE_PURPOSE_KEYS, rulePurpose } from '../../../engine/rules/purposes'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { auditDelete } from '../../../hooks/system/audit/auditDelete'
import { keepPurposeOfUsedSet } from './hooks/keepPurposeOfUsedSet'
import { refuseDeletingApprovedSet } from './hooks/refuseDeletingApprovedSet'

/**
 * A rule set: one decision a business user writes as data (a decision table and expressions in GoRules' JDM format),
 * of one purpose (which inputs it is given and which outputs it must return, `engine/rules/purposes.ts`). What it
 * decides is in its versions (`rule-versions`), each effective-dated, tested and approved before a run may use it.
 */
export const RuleSets: CollectionConfig = {
  slug: 'rule-sets',
  lockDocuments: false,
  admin: { useAsTitle: 'name', group: 'Settings', defaultColumns: ['name', 'purpose', 'description'] },
  access: { read: staff, create: catalogEditors, update: catalogEditors, delete: companyAdmins },
  hooks: {
    beforeChange: [keepPurposeOfUsedSet],
    afterChange: [auditChange],
    beforeDelete: [refuseDeletingApprovedSet, auditDelete],
  },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    {
      name: 'purpose',
      type: 'select',
      required: true,
      options: RULE_PURPOSE_KEYS.map((value) => ({ value, label: rulePurpose(value)?.label ?? value })),
      admin: {
        description:
          'What the rule set decides: it fixes the inputs a rule may read and the outputs it must return. Fixed once the set has a version.',
      },
    },
    { name: 'description', type: 'textarea' },
    {
      name: 'versions',
      type: 'join',
      collection: 'rule-versions',
      on: 'ruleSet',
      admin: { defaultColumns: ['title', 'effectiveFrom', 'status'] },
    },
  ],
}
