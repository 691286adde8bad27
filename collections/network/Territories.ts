import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/core/authenticated'
import { companyAdmins } from '../../access/core/companyAdmins'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'

/** The territory master: where sales are made and territory advertising applies. */
export const Territories: CollectionConfig = {
  slug: 'territories',
  lockDocuments: false,
  admin: { useAsTitle: 'name', group: 'Network', defaultColumns: ['code', 'name', 'country', 'active'] },
  access: { read: authenticated, create: companyAdmins, update: companyAdmins, delete: companyAdmins },
  hooks: { afterChange: [auditChange], beforeDelete: [auditDelete] },
  fields: [
    { name: 'code', type: 'text', required: true, unique: true },
    { name: 'name', type: 'text', required: true },
    { name: 'country', type: 'text', required: true, defaultValue: 'US', admin: { description: 'ISO 3166 country code.' } },
    { name: 'region', type: 'text' },
    { name: 'active', type: 'checkbox', defaultValue: true },
  ],
}
