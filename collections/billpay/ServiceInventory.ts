import type { CollectionConfig } from 'payload'

import { companyAdmins } from '../../access/core/companyAdmins'
import { jobOperators } from '../../access/core/operationsStaff'
import { staff } from '../../access/core/staff'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'
import { keyService } from './hooks/keyService'

/**
 * The inventory of lines and circuits the company owns: each phone number or circuit id with the department and cost
 * centre it belongs to, its site, and — for a shared service — how its cost is split. GL allocation reads it; a charge
 * for a service that is not here sends its invoice to review (a number billed to us that we do not know).
 */
export const ServiceInventory: CollectionConfig = {
  slug: 'service-inventory',
  lockDocuments: false,
  admin: { useAsTitle: 'serviceId', group: 'Bill payment', defaultColumns: ['serviceId', 'kind', 'department', 'costCentre', 'location'] },
  access: { read: staff, create: jobOperators, update: jobOperators, delete: companyAdmins },
  hooks: { beforeChange: [keyService], afterChange: [auditChange], beforeDelete: [auditDelete] },
  fields: [
    { name: 'serviceId', type: 'text', required: true, admin: { description: 'A phone number (any punctuation) or a circuit id.' } },
    {
      name: 'serviceKey',
      type: 'text',
      unique: true,
      index: true,
      admin: {
        readOnly: true,
        description: 'The service id as invoices are matched to it (digits of a phone number, an upper-case circuit id).',
      },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'line',
      options: [
        { value: 'line', label: 'Line (phone number)' },
        { value: 'circuit', label: 'Circuit' },
      ],
    },
    { name: 'account', type: 'relationship', relationTo: 'carrier-accounts' },
    { name: 'department', type: 'text' },
    { name: 'costCentre', type: 'text' },
    { name: 'location', type: 'text' },
    {
      name: 'splits',
      type: 'array',
      admin: { description: 'A shared service: its cost split across cost centres (percentages summing to 100).' },
      fields: [
        { name: 'costCentre', type: 'text', required: true },
        { name: 'percent', type: 'text', required: true },
      ],
    },
  ],
}
