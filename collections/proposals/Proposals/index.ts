import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/core/nobody'
import { readOwnSubtree } from '../../../access/core/subtree'
import { PROPOSAL_STATUSES } from '../../../engine/proposals/approval'
import { moneyField } from '../../../fields/core/money'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { proposalWriters } from '../../../access/proposals/proposalWriters'
import { writeOwnSubtree } from '../../../access/proposals/writeOwnSubtree'
import { proposalActions } from './endpoints/proposalActions'
import { proposalReports } from './endpoints/reports'
import { respondToProposal } from './endpoints/respondToProposal'
import { emitStatusChanged } from './hooks/emitStatusChanged'
import { guardProposal } from './hooks/guardProposal'

/**
 * A proposal to a prospect: services from the catalog and the commission terms proposed for members of the chain.
 * It climbs the author's chain one level at a time (`POST /api/proposals/:id/{submit,approve,return,reject,send}`);
 * the top approves and sends it; the prospect answers through a signed, expiring link (`/api/proposals/respond`).
 * Visible to the author's participant and everyone above it; `waitingFor` is the approvers' queue.
 */
export const Proposals: CollectionConfig = {
  slug: 'proposals',
  lockDocuments: false,
  admin: { useAsTitle: 'title', group: 'Proposals', defaultColumns: ['title', 'status', 'waitingForName', 'updatedAt'] },
  access: {
    read: readOwnSubtree('authorParticipant.path'),
    create: proposalWriters,
    update: writeOwnSubtree('authorParticipant.path'),
    delete: nobody,
  },
  hooks: { beforeChange: [guardProposal], afterChange: [auditChange, emitStatusChanged] },
  endpoints: [...proposalActions, ...respondToProposal, ...proposalReports],
  fields: [
    { name: 'title', type: 'text', admin: { readOnly: true } },
    { name: 'prospect', type: 'relationship', relationTo: 'prospects', required: true },
    {
      name: 'services',
      type: 'array',
      minRows: 1,
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'service', type: 'relationship', relationTo: 'services', required: true },
            { name: 'quantity', type: 'number', required: true, defaultValue: 1, min: 1 },
            moneyField({ name: 'price', description: 'Empty: the catalog price.' }),
          ],
        },
      ],
    },
    {
      name: 'terms',
      type: 'array',
      admin: { description: 'Commission proposed for members of the chain; fixed when the proposal is approved.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'participant', type: 'relationship', relationTo: 'participants', required: true },
            {
              name: 'kind',
              type: 'select',
              required: true,
              defaultValue: 'percent',
              options: [
                { value: 'percent', label: '% of commissionable billing' },
                { value: 'fixed', label: 'Fixed per month' },
              ],
            },
            { name: 'rate', type: 'text', required: true },
            { name: 'service', type: 'relationship', relationTo: 'services', admin: { description: 'Empty: all services.' } },
          ],
        },
      ],
    },
    {
      name: 'actions',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/components/proposals/ProposalActions#ProposalActions' } },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      options: PROPOSAL_STATUSES.map((value) => ({ value, label: value })),
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'waitingFor',
      type: 'relationship',
      relationTo: 'participants',
      index: true,
      admin: { readOnly: true, position: 'sidebar', description: 'Whose approval it waits for.' },
    },
    {
      name: 'waitingForName',
      type: 'text',
      label: 'Waiting for (name)',
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: 'Kept with the proposal, so everyone in the chain can read it (participants above you are not otherwise readable).',
      },
    },
    { name: 'author', type: 'relationship', relationTo: 'users', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'authorParticipant', type: 'relationship', relationTo: 'participants', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'chain', type: 'json', admin: { readOnly: true, description: 'Participants that approve, nearest first.' } },
    { name: 'level', type: 'number', defaultValue: -1, admin: { hidden: true } },
    { name: 'respondBy', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
    {
      name: 'history',
      type: 'array',
      admin: {
        readOnly: true,
        description: 'Every step: who, when, comment.',
        components: { Field: '/components/proposals/ProposalHistory#ProposalHistory' },
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'action', type: 'text' },
            { name: 'user', type: 'relationship', relationTo: 'users' },
            { name: 'participant', type: 'relationship', relationTo: 'participants' },
            { name: 'at', type: 'date' },
          ],
        },
        { name: 'comment', type: 'textarea' },
      ],
    },
  ],
}
