import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/core/nobody'
import { readOwnSubtree } from '../../../access/core/subtree'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { proposalWriters } from '../../../access/proposals/proposalWriters'
import { writeOwnSubtree } from '../../../access/proposals/writeOwnSubtree'
import { stampOwner } from './hooks/stampOwner'

/**
 * A company the network is selling to. Its status follows its proposals: prospect → proposal (a proposal exists) →
 * client (a proposal was accepted). Owned by the participant of the login that created it, or one beneath it that
 * the creator names (`stampOwner`); visible to that participant's subtree and everyone above it (staff see all);
 * written only by roles of the network, never by finance or the auditor.
 */
export const Prospects: CollectionConfig = {
  slug: 'prospects',
  lockDocuments: false,
  admin: { useAsTitle: 'company', group: 'Proposals', defaultColumns: ['company', 'territory', 'status', 'owner'] },
  access: { read: readOwnSubtree('owner.path'), create: proposalWriters, update: writeOwnSubtree('owner.path'), delete: nobody },
  hooks: { beforeChange: [stampOwner], afterChange: [auditChange] },
  fields: [
    { name: 'company', type: 'text', required: true },
    { name: 'territory', type: 'relationship', relationTo: 'territories', required: true },
    {
      name: 'contacts',
      type: 'array',
      minRows: 1,
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', required: true },
            { name: 'email', type: 'email', required: true },
            { name: 'phone', type: 'text' },
          ],
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'prospect',
      options: [
        { value: 'prospect', label: 'Prospect' },
        { value: 'proposal', label: 'Proposal' },
        { value: 'client', label: 'Client' },
      ],
      admin: { readOnly: true, position: 'sidebar', description: 'Moves with its proposals.' },
    },
    {
      name: 'clientCode',
      type: 'text',
      unique: true,
      admin: { readOnly: true, position: 'sidebar', description: 'Given when it becomes a client; the billing engine uses it.' },
    },
    {
      name: 'owner',
      type: 'relationship',
      relationTo: 'participants',
      admin: { readOnly: true, position: 'sidebar', description: 'The participant of the login that created it, or one beneath it.' },
    },
  ],
}
