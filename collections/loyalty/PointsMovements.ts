import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { readOwnSubtree } from '../../access/core/subtree'
import { MOVEMENT_KINDS, MOVEMENT_SOURCES } from '../../engine/loyalty/types'
import { dateOnlyField } from '../../fields/core/dateOnly'
import { adjustEndpoint, earnEndpoint, expireEndpoint, pointsStatement } from './endpoints/points'

/**
 * The points ledger, append-only: every earn, redemption, expiry, conversion, adjustment and reversal is a row with its
 * source. A balance is the sum of a holder's rows, never a stored counter. An earn row is a lot with its expiry day;
 * every negative row names the lot it takes points from (the one expiring first), so what is left of a lot, and what
 * expires when, is a sum too. Written only by the loyalty endpoints and jobs.
 */
export const PointsMovements: CollectionConfig = {
  slug: 'points-movements',
  lockDocuments: false,
  admin: {
    group: 'Loyalty',
    defaultColumns: ['bookedOn', 'consultant', 'customer', 'kind', 'points', 'source', 'label', 'expiresOn'],
  },
  endpoints: [pointsStatement, adjustEndpoint, expireEndpoint, earnEndpoint],
  access: { read: readOwnSubtree('consultant.path'), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['program', 'consultant', 'customer'] }, { fields: ['expiresOn'] }],
  fields: [
    { name: 'program', type: 'relationship', relationTo: 'loyalty-programs', required: true },
    {
      name: 'consultant',
      type: 'relationship',
      relationTo: 'participants',
      required: true,
      index: true,
      admin: { description: 'The holder, or for an end customer’s points the consultant the customer buys through.' },
    },
    { name: 'customer', type: 'text', admin: { description: 'End customers: the customer’s id; empty for the consultant’s own points.' } },
    { name: 'kind', type: 'select', required: true, options: [...MOVEMENT_KINDS] },
    { name: 'points', type: 'number', required: true, admin: { description: 'Whole points: positive in, negative out.' } },
    dateOnlyField({ name: 'bookedOn', required: true }),
    dateOnlyField({ name: 'expiresOn', description: 'Earn lots: the last day the points can be used.' }),
    {
      name: 'lot',
      type: 'relationship',
      relationTo: 'points-movements',
      index: true,
      admin: { description: 'Points taken out (and reversals of them): the earn lot they come from.' },
    },
    { name: 'source', type: 'select', required: true, options: [...MOVEMENT_SOURCES] },
    { name: 'label', type: 'text', admin: { description: 'What the statement calls it, e.g. "SKU-CREAM-50 × 2" or "Duo bonus".' } },
    { name: 'orderNumber', type: 'text', index: true },
    { name: 'orderLine', type: 'relationship', relationTo: 'network-orders' },
    {
      name: 'campaign',
      type: 'relationship',
      relationTo: 'commission-periods',
      admin: { description: 'The campaign (cycle) of the day it was booked.' },
    },
    { name: 'referral', type: 'relationship', relationTo: 'participants', admin: { description: 'Referral rewards: the new member.' } },
    { name: 'redemption', type: 'relationship', relationTo: 'points-redemptions' },
    {
      name: 'walletEntry',
      type: 'relationship',
      relationTo: 'wallet-entries',
      admin: { description: 'Conversions: the account credit on the other side.' },
    },
    {
      name: 'ruleVersion',
      type: 'relationship',
      relationTo: 'rule-versions',
      admin: { description: 'The rule version that granted it, when a rule did.' },
    },
    { name: 'rate', type: 'text', admin: { description: 'Conversions: the rate used (money per point or points per unit).' } },
    { name: 'reversalOf', type: 'relationship', relationTo: 'points-movements', admin: { description: 'Reversals: the movement undone.' } },
    { name: 'createdBy', type: 'relationship', relationTo: 'users' },
    {
      name: 'naturalKey',
      type: 'text',
      unique: true,
      admin: { readOnly: true, description: 'Makes jobs and retries idempotent: "earn:line:123", "expire:456".' },
    },
  ],
}
