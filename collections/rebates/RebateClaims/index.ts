import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/core/nobody'
import { readOwnSubtree } from '../../../access/core/subtree'
import { CLAIM_STATUS_LABELS, CLAIM_STATUSES } from '../../../engine/rebates'
import { moneyField } from '../../../fields/core/money'
import { claimBoard } from './endpoints/board'
import { approveClaimEndpoint, rejectClaimEndpoint } from './endpoints/decide'
import { submitClaimEndpoint, uploadClaimEndpoint } from './endpoints/submit'

/**
 * A partner's claim: lines naming point-of-sale lines under programs, each validated on arrival (approved, rejected
 * or needing review, with the reason). Channel operations review it, finance approves it above the programs'
 * threshold, and an approved claim becomes one credit memo for the ERP. Written only through its endpoints.
 */
export const RebateClaims: CollectionConfig = {
  slug: 'rebate-claims',
  lockDocuments: false,
  admin: {
    group: 'Rebates',
    useAsTitle: 'number',
    defaultColumns: ['number', 'partner', 'status', 'claimedTotal', 'approvedTotal', 'submittedAt'],
  },
  access: { read: readOwnSubtree('partner.path'), create: nobody, update: nobody, delete: nobody },
  endpoints: [submitClaimEndpoint, uploadClaimEndpoint, claimBoard, approveClaimEndpoint, rejectClaimEndpoint],
  fields: [
    { name: 'number', type: 'text', required: true, unique: true, index: true },
    { name: 'partner', type: 'relationship', relationTo: 'participants', required: true, index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      options: CLAIM_STATUSES.map((value) => ({ value, label: CLAIM_STATUS_LABELS[value] })),
    },
    { name: 'source', type: 'select', required: true, options: ['portal', 'rest', 'spreadsheet'] },
    { name: 'currency', type: 'text', required: true },
    moneyField({
      name: 'claimedTotal',
      required: true,
      description: 'What the lines’ accruals pay (the amount a line may be paid), every line.',
    }),
    moneyField({ name: 'approvedTotal', required: true, description: 'The approved lines.' }),
    { name: 'submittedBy', type: 'relationship', relationTo: 'users' },
    { name: 'submittedAt', type: 'date', required: true },
    { name: 'opsApprovedBy', type: 'relationship', relationTo: 'users' },
    { name: 'financeApprovedBy', type: 'relationship', relationTo: 'users' },
    { name: 'decidedAt', type: 'date' },
    { name: 'rejectionReason', type: 'textarea' },
    {
      name: 'history',
      type: 'json',
      admin: { description: 'Every step: [{ at, by, action, note }].' },
    },
  ],
}
