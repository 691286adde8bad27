import type { CollectionConfig } from 'payload'

import { catalogEditors } from '../../access/core/catalogEditors'
import { companyAdmins } from '../../access/core/companyAdmins'
import { staff } from '../../access/core/staff'
import { moneyField } from '../../fields/core/money'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'

/**
 * How ranks are granted: the rank rules (a rule set of purpose "Rank qualification" over the KPIs), the grace period
 * before a demotion, and what the honorary rank is. A pipeline type names the career plan its "calculate rank" step uses.
 */
export const CareerPlans: CollectionConfig = {
  slug: 'career-plans',
  lockDocuments: false,
  admin: { useAsTitle: 'name', group: 'Settings', defaultColumns: ['name', 'rankRules', 'graceCycles', 'honorary'] },
  access: { read: staff, create: catalogEditors, update: catalogEditors, delete: companyAdmins },
  hooks: { afterChange: [auditChange], beforeDelete: [auditDelete] },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    {
      name: 'rankRules',
      type: 'relationship',
      relationTo: 'rule-sets',
      required: true,
      filterOptions: { purpose: { equals: 'rank_qualification' } },
      admin: {
        description:
          'Returns the rank code each member qualifies for from its KPIs; the version in force on the cycle’s first day is used.',
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'graceCycles',
          type: 'number',
          required: true,
          defaultValue: 0,
          min: 0,
          admin: { description: 'Cycles a member keeps its paid rank while below its requirements, before a demotion.' },
        },
        moneyField({
          name: 'activityMinimum',
          defaultValue: '0.01',
          description:
            'A member earns network bonuses in a cycle when its personal qualifying volume is at least this; compression passes over the others.',
        }),
        {
          name: 'honorary',
          type: 'select',
          required: true,
          defaultValue: 'highest_ever',
          options: [
            { value: 'highest_ever', label: 'Highest paid rank ever held' },
            { value: 'year_end', label: 'Paid rank held at the end of the year' },
          ],
        },
      ],
    },
  ],
}
