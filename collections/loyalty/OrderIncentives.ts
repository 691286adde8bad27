import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { readOwnSubtree } from '../../access/core/subtree'
import { moneyField } from '../../fields/core/money'
import { orderIncentiveEndpoints } from './endpoints/orders'

/**
 * Each order processed through the incentives checkout: what the rules granted and why, the coupon, points and
 * credit it used, and what was charged. The order's lines are written to the network orders like any other order.
 */
export const OrderIncentives: CollectionConfig = {
  slug: 'order-incentives',
  lockDocuments: false,
  admin: {
    useAsTitle: 'orderNumber',
    group: 'Loyalty',
    defaultColumns: ['orderNumber', 'consultant', 'subtotal', 'discount', 'freightCharged', 'total', 'status'],
  },
  access: { read: readOwnSubtree('consultant.path'), create: nobody, update: nobody, delete: nobody },
  endpoints: orderIncentiveEndpoints,
  fields: [
    { name: 'orderNumber', type: 'text', required: true, unique: true },
    { name: 'consultant', type: 'relationship', relationTo: 'participants', required: true, index: true },
    { name: 'customer', type: 'text' },
    { name: 'orderDate', type: 'date', required: true },
    { name: 'currency', type: 'text', required: true },
    moneyField({ name: 'subtotal', required: true }),
    moneyField({ name: 'discount', required: true }),
    moneyField({ name: 'freight', required: true }),
    moneyField({ name: 'freightCharged', required: true }),
    moneyField({ name: 'couponDiscount', required: true }),
    moneyField({ name: 'creditUsed', required: true }),
    moneyField({ name: 'total', required: true, description: 'What the order system charges.' }),
    { name: 'coupon', type: 'relationship', relationTo: 'coupons' },
    { name: 'pointsRedeemed', type: 'number', defaultValue: 0 },
    { name: 'applied', type: 'json', admin: { description: 'Each incentive granted: kind, label, figures, and the rule row that fired.' } },
    { name: 'ruleVersion', type: 'relationship', relationTo: 'rule-versions' },
    { name: 'status', type: 'select', required: true, defaultValue: 'processed', options: ['processed', 'returned'] },
    { name: 'createdBy', type: 'relationship', relationTo: 'users' },
  ],
}
