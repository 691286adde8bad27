import type { CollectionConfig } from 'payload'

import { catalogEditors } from '../../access/core/catalogEditors'
import { companyAdmins } from '../../access/core/companyAdmins'
import { staff } from '../../access/core/staff'
import { relationExists } from '../../fields/core/relationExists'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'

/** Pre-selected lists (VIP consultants, a launch group) that incentive and points rules read as `lists`. */
export const CustomerLists: CollectionConfig = {
  slug: 'customer-lists',
  lockDocuments: false,
  admin: { useAsTitle: 'name', group: 'Loyalty', defaultColumns: ['code', 'name'] },
  access: { read: staff, create: catalogEditors, update: catalogEditors, delete: companyAdmins },
  hooks: { afterChange: [auditChange], beforeDelete: [auditDelete] },
  fields: [
    { name: 'code', type: 'text', required: true, unique: true, admin: { description: 'What rules test, e.g. "VIP" in lists.' } },
    { name: 'name', type: 'text', required: true },
    {
      name: 'consultants',
      type: 'relationship',
      relationTo: 'participants',
      hasMany: true,
      validate: relationExists('participants', 'consultants'),
    },
    { name: 'customers', type: 'textarea', admin: { description: 'End customer ids, one per line.' } },
  ],
}
