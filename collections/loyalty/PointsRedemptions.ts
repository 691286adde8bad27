import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { readOwnSubtree } from '../../access/core/subtree'
import { redeemEndpoint } from './endpoints/points'

/**
 * Products paid for with points (the catalog's redeem value): one row per redemption, with the points it took (the
 * movements name it). Reversed when the order it was placed on is returned, or when the order whose points paid
 * for it is returned and the holder has no other points to give back.
 */
export const PointsRedemptions: CollectionConfig = {
  slug: 'points-redemptions',
  lockDocuments: false,
  admin: { group: 'Loyalty', defaultColumns: ['createdAt', 'consultant', 'product', 'quantity', 'points', 'status'] },
  endpoints: [redeemEndpoint],
  access: { read: readOwnSubtree('consultant.path'), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'program', type: 'relationship', relationTo: 'loyalty-programs', required: true },
    { name: 'consultant', type: 'relationship', relationTo: 'participants', required: true, index: true },
    { name: 'customer', type: 'text' },
    { name: 'product', type: 'relationship', relationTo: 'products', required: true },
    { name: 'quantity', type: 'number', required: true, min: 1 },
    { name: 'points', type: 'number', required: true, admin: { description: 'Points paid: redeem value × quantity.' } },
    { name: 'orderNumber', type: 'text', index: true, admin: { description: 'The order the product ships on, when known.' } },
    { name: 'status', type: 'select', required: true, defaultValue: 'placed', options: ['placed', 'reversed'] },
    { name: 'reversedReason', type: 'text' },
    { name: 'createdBy', type: 'relationship', relationTo: 'users' },
    { name: 'requestKey', type: 'text', unique: true, admin: { description: 'The client’s Idempotency-Key, when it sent one.' } },
  ],
}
