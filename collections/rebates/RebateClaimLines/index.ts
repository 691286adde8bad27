import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/core/nobody'
import { readOwnSubtree } from '../../../access/core/subtree'
import { CLAIM_LINE_STATUSES } from '../../../engine/rebates'
import { moneyField } from '../../../fields/core/money'
import { answerLine, decideLine, disputeLine } from './endpoints/lineActions'

/**
 * One line of a claim: the point-of-sale line and program it claims, the units, what the program pays for them, and
 * the decision with its reason. A rejected line may be disputed by the partner (comment and attachment), answered by
 * the team, and resolved — every message kept in rebate-claim-messages.
 */
export const RebateClaimLines: CollectionConfig = {
  slug: 'rebate-claim-lines',
  lockDocuments: false,
  admin: { group: 'Rebates', defaultColumns: ['claim', 'posLine', 'program', 'quantity', 'amount', 'status', 'reason'] },
  access: { read: readOwnSubtree('partner.path'), create: nobody, update: nobody, delete: nobody },
  endpoints: [disputeLine, answerLine, decideLine],
  indexes: [{ fields: ['posLine', 'program'] }],
  fields: [
    { name: 'claim', type: 'relationship', relationTo: 'rebate-claims', required: true, index: true },
    { name: 'lineNumber', type: 'number', required: true },
    { name: 'partner', type: 'relationship', relationTo: 'participants', required: true },
    { name: 'posLine', type: 'relationship', relationTo: 'pos-lines', index: true },
    { name: 'program', type: 'relationship', relationTo: 'rebate-programs' },
    { name: 'reference', type: 'text', required: true, admin: { description: 'The invoice/line and program as the claim named them.' } },
    { name: 'quantity', type: 'number', required: true },
    moneyField({ name: 'claimedAmount', description: 'What the partner asked for, when it said.' }),
    moneyField({ name: 'amount', required: true, description: 'What the program pays for these units.' }),
    { name: 'status', type: 'select', required: true, index: true, options: [...CLAIM_LINE_STATUSES] },
    { name: 'reason', type: 'text', required: true },
    { name: 'dispute', type: 'select', options: ['open', 'resolved'], admin: { description: 'A dispute of the decision.' } },
  ],
}
