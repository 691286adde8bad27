import type { CollectionConfig } from 'payload'

import { companyAdmins } from '../../../access/core/companyAdmins'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { auditDelete } from '../../../hooks/system/audit/auditDelete'
import { keepOneDefault, refuseDeleteDefault } from './hooks/keepOneDefault'
import { readableBrands } from '../../../access/portal/readableBrands'

/** A look (logo, colours, sender name) applied to client owners and inherited down their subtree. */
export const Brands: CollectionConfig = {
  slug: 'brands',
  lockDocuments: false,
  admin: { useAsTitle: 'name', group: 'Settings', defaultColumns: ['name', 'isDefault', 'emailSenderName'] },
  access: { read: readableBrands, create: companyAdmins, update: companyAdmins, delete: companyAdmins },
  hooks: {
    beforeChange: [keepOneDefault],
    afterChange: [auditChange],
    beforeDelete: [refuseDeleteDefault, auditDelete],
  },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    { name: 'logo', type: 'upload', relationTo: 'media' },
    {
      type: 'row',
      fields: [
        { name: 'primaryColor', type: 'text', required: true, defaultValue: '#1f3a5f' },
        { name: 'secondaryColor', type: 'text', defaultValue: '#e8eef5' },
        { name: 'textColor', type: 'text', defaultValue: '#111827' },
      ],
    },
    { name: 'emailSenderName', type: 'text', required: true },
    { name: 'emailSenderAddress', type: 'email' },
    { name: 'isDefault', type: 'checkbox', defaultValue: false, index: true, admin: { position: 'sidebar' } },
    {
      name: 'clientOwners',
      type: 'join',
      collection: 'participants',
      on: 'brand',
      admin: { description: 'The client owners this brand is applied to; their subtrees inherit it.' },
    },
  ],
}
