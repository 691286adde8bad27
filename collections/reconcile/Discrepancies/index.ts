import type { CollectionConfig } from 'payload'

import { dataOperators } from '../../../access/core/dataOperators'
import { nobody } from '../../../access/core/nobody'
import { staffField } from '../../../access/core/staffField'
import { readOwnSubtree } from '../../../access/core/subtree'
import { DISCREPANCY_CLASSES, RECON_CLASS_LABELS } from '../../../engine/reconcile/reconciliation'
import { moneyField } from '../../../fields/core/money'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { dispute } from './endpoints/dispute'
import { keepCommentHistory } from './hooks/keepCommentHistory'

const staffOnly = { read: staffField }

/**
 * A reconciliation line that is not a clean match, as work to do: an owner, a status (open, disputed with the
 * carrier, resolved, written off) and a comment history that only grows. Re-running the reconciliation updates the
 * amounts and keeps all of that; a discrepancy the re-run no longer finds is resolved with a note saying so.
 * Dealers see their own (without the carrier's amounts); staff see all; company admins and finance work them.
 */
export const Discrepancies: CollectionConfig = {
  slug: 'discrepancies',
  lockDocuments: false,
  admin: {
    group: 'Reconcile',
    useAsTitle: 'key',
    defaultColumns: ['reconClass', 'status', 'dealer', 'sale', 'carrierRecord', 'atStake', 'owner', 'dealerDisputedAt'],
  },
  access: { read: readOwnSubtree('dealer.path'), create: nobody, update: dataOperators, delete: nobody },
  hooks: { beforeChange: [keepCommentHistory], afterChange: [auditChange] },
  endpoints: [dispute],
  fields: [
    { name: 'key', type: 'text', unique: true, admin: { readOnly: true, position: 'sidebar' }, access: { update: () => false } },
    { name: 'run', type: 'relationship', relationTo: 'reconciliation-runs', required: true, index: true, access: { update: () => false } },
    {
      name: 'reconClass',
      label: 'Class',
      type: 'select',
      required: true,
      options: DISCREPANCY_CLASSES.map((value) => ({ value, label: RECON_CLASS_LABELS[value] })),
      access: { update: () => false },
    },
    { name: 'sale', type: 'relationship', relationTo: 'dealer-sales', access: { update: () => false } },
    { name: 'carrierRecord', type: 'relationship', relationTo: 'carrier-records', access: { read: staffField, update: () => false } },
    { name: 'dealer', type: 'relationship', relationTo: 'participants', index: true, access: { update: () => false } },
    {
      ...moneyField({ name: 'expected', description: "The payout schedule's price of the line." }),
      access: { ...staffOnly, update: () => false },
    },
    { ...moneyField({ name: 'paid', description: 'What the carrier paid.' }), access: { ...staffOnly, update: () => false } },
    {
      ...moneyField({
        name: 'atStake',
        label: 'At stake',
        description: 'Overpayment avoided, revenue leakage or unattributed revenue, by class.',
      }),
      access: { ...staffOnly, update: () => false },
    },
    {
      name: 'detail',
      type: 'textarea',
      admin: {
        readOnly: true,
        description: 'What the run found, in words: for a duplicate claim, which claim won and how far each is from the carrier date.',
      },
      access: { update: () => false },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'open',
      index: true,
      options: [
        { value: 'open', label: 'Open' },
        { value: 'disputed', label: 'Disputed with the carrier' },
        { value: 'resolved', label: 'Resolved' },
        { value: 'written_off', label: 'Written off' },
      ],
    },
    { name: 'owner', type: 'relationship', relationTo: 'users', admin: { description: 'Who is working on it.' } },
    {
      name: 'clearedByRerun',
      type: 'checkbox',
      defaultValue: false,
      admin: { readOnly: true, position: 'sidebar', description: 'A re-run no longer found it.' },
    },
    {
      name: 'dealerDisputedAt',
      label: 'Disputed by the dealer',
      type: 'date',
      index: true,
      admin: {
        readOnly: true,
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'When the dealer last disputed this line from the partner portal (their comment is in the history).',
      },
      access: { update: () => false },
    },
    {
      name: 'lastSeenAt',
      type: 'date',
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
      access: { update: () => false },
    },
    {
      name: 'comments',
      type: 'array',
      admin: { description: 'The history of the discrepancy. Comments are added, never edited or removed.' },
      fields: [
        { name: 'text', type: 'textarea', required: true },
        { name: 'author', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
        { name: 'at', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
  ],
}
