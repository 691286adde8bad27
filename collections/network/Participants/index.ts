import type { CollectionConfig } from 'payload'

import { companyAdminsField } from '../../../access/core/companyAdmins'
import { payoutFieldEditors } from '../../../access/core/payoutFieldEditors'
import { DEALER_TIERS } from '../../../engine/commission'
import { abaRoutingProblem, accountNumberProblem } from '../../../engine/payments'
import { createByRoles, readOwnSubtree, writeBelowOwn } from '../../../access/core/subtree'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { auditDelete } from '../../../hooks/system/audit/auditDelete'
import { KIND_LABELS, PARTICIPANT_KINDS, PARTICIPANT_STATUSES } from '../../../engine/network/participants'
import { NETWORK_EDITOR_ROLES } from '../../../engine/network/roles'
import { moneyField } from '../../../fields/core/money'
import { placeInTree } from './hooks/placeInTree'
import { refuseBulkMove } from './hooks/refuseBulkMove'
import { rebaseSubtree } from './hooks/rebaseSubtree'
import { refuseDeleteInUse } from './hooks/refuseDeleteInUse'

/** Every payee in the network, companies and people, in one tree. */
export const Participants: CollectionConfig = {
  slug: 'participants',
  lockDocuments: false,
  admin: {
    useAsTitle: 'name',
    group: 'Network',
    defaultColumns: ['name', 'kind', 'parent', 'territory', 'status', 'joinedOn'],
    listSearchableFields: ['name', 'code', 'email'],
  },
  access: {
    read: readOwnSubtree('path'),
    create: createByRoles(NETWORK_EDITOR_ROLES),
    update: writeBelowOwn('path', 'id'),
    delete: writeBelowOwn('path', 'id'),
  },
  hooks: {
    beforeOperation: [refuseBulkMove],
    beforeChange: [placeInTree],
    afterChange: [rebaseSubtree, auditChange],
    beforeDelete: [refuseDeleteInUse, auditDelete],
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'code',
      type: 'text',
      unique: true,
      index: true,
      admin: { description: 'A short reference used in imports and statements, e.g. DLR-0042.' },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: PARTICIPANT_KINDS.map((value) => ({ value, label: KIND_LABELS[value] })),
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'participants',
      index: true,
      admin: { description: 'Who this participant sits beneath. Only the operating company has none.' },
    },
    {
      name: 'path',
      type: 'text',
      index: true,
      admin: { readOnly: true, position: 'sidebar', description: 'Ids from the root down to this participant.' },
      access: { create: () => false, update: () => false },
    },
    { name: 'territory', type: 'relationship', relationTo: 'territories', index: true },
    {
      name: 'brand',
      type: 'relationship',
      relationTo: 'brands',
      admin: {
        description: 'Only client owners (operating company, partners, territory owners) carry a brand; everyone beneath them inherits it.',
      },
      access: { create: companyAdminsField, update: companyAdminsField },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'active',
      options: PARTICIPANT_STATUSES.map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) })),
    },
    {
      name: 'joinedOn',
      type: 'date',
      required: true,
      defaultValue: () => new Date().toISOString().slice(0, 10),
      admin: { date: { pickerAppearance: 'dayOnly' } },
    },
    { name: 'email', type: 'email' },
    {
      name: 'referredBy',
      type: 'relationship',
      relationTo: 'participants',
      index: true,
      admin: { description: 'The member who referred this one (referral rewards go to them).' },
    },
    {
      name: 'currency',
      type: 'text',
      required: true,
      defaultValue: 'USD',
      admin: { description: 'ISO 4217 code of the currency this participant is paid in.' },
    },
    moneyField({
      name: 'minimumPayout',
      label: 'Minimum payout',
      description: 'Balances below this are carried forward instead of paid.',
      defaultValue: '0.0000',
    }),
    {
      name: 'dealerTier',
      type: 'select',
      options: DEALER_TIERS.map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) })),
      admin: { position: 'sidebar', description: 'Standing in the compensation plan; upfront tables may pay tiers differently.' },
      access: { create: payoutFieldEditors, update: payoutFieldEditors },
    },
    {
      type: 'collapsible',
      label: 'Bank account (payments)',
      admin: { initCollapsed: true },
      fields: [
        {
          name: 'bankRoutingNumber',
          type: 'text',
          access: { read: payoutFieldEditors, create: payoutFieldEditors, update: payoutFieldEditors },
          validate: (value: unknown) => (value ? (abaRoutingProblem(String(value)) ?? true) : true),
        },
        {
          name: 'bankAccountNumber',
          type: 'text',
          access: { read: payoutFieldEditors, create: payoutFieldEditors, update: payoutFieldEditors },
          validate: (value: unknown) => (value ? (accountNumberProblem(String(value)) ?? true) : true),
        },
        {
          name: 'bankAccountType',
          type: 'select',
          defaultValue: 'checking',
          options: [
            { value: 'checking', label: 'Checking' },
            { value: 'savings', label: 'Savings' },
          ],
          access: { read: payoutFieldEditors, create: payoutFieldEditors, update: payoutFieldEditors },
        },
      ],
    },
    { name: 'ledger', type: 'ui', admin: { position: 'sidebar', components: { Field: '/components/payments/PayeeLedger#PayeeLedger' } } },
    {
      name: 'children',
      type: 'join',
      collection: 'participants',
      on: 'parent',
      admin: { defaultColumns: ['name', 'kind', 'status'] },
    },
  ],
}
