import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/core/authenticated'
import { catalogEditors } from '../../access/core/catalogEditors'
import { companyAdmins } from '../../access/core/companyAdmins'
import { MATCH_KEYS } from '../../engine/telecom/vocabulary'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'

/** A mobile carrier the distributor sells for, and how its records are reconciled against dealer sales. */
export const Carriers: CollectionConfig = {
  slug: 'carriers',
  lockDocuments: false,
  admin: { useAsTitle: 'name', group: 'Settings', defaultColumns: ['code', 'name', 'active', 'chargebackWindowDays'] },
  access: { read: authenticated, create: catalogEditors, update: catalogEditors, delete: companyAdmins },
  hooks: { afterChange: [auditChange], beforeDelete: [auditDelete] },
  fields: [
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      admin: { description: 'Short code used in files and templates, e.g. VZW.' },
    },
    { name: 'name', type: 'text', required: true },
    { name: 'currency', type: 'text', required: true, defaultValue: 'USD', admin: { description: 'ISO 4217 code the carrier pays in.' } },
    { name: 'active', type: 'checkbox', defaultValue: true },
    {
      type: 'collapsible',
      label: 'Reconciliation',
      fields: [
        {
          name: 'matchKeys',
          type: 'select',
          hasMany: true,
          required: true,
          defaultValue: [...MATCH_KEYS],
          options: MATCH_KEYS.map((value) => ({ value, label: value.toUpperCase() })),
          admin: { description: 'Keys that tie a dealer sale to a carrier record, tried in this order.' },
        },
        {
          name: 'dateToleranceDays',
          type: 'number',
          required: true,
          defaultValue: 3,
          min: 0,
          max: 60,
          admin: { description: 'How many days a sale date may differ from the activation date.' },
        },
        {
          name: 'chargebackWindowDays',
          type: 'number',
          required: true,
          defaultValue: 180,
          min: 0,
          max: 730,
          admin: { description: 'A line deactivated within this many days of activation is charged back.' },
        },
      ],
    },
  ],
}
