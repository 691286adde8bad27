import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { readOwnSubtree } from '../../access/core/subtree'
import { dateOnlyField } from '../../fields/core/dateOnly'
import { moneyField } from '../../fields/core/money'
import { couponEndpoints } from './endpoints/coupons'

/**
 * Single-use coupons for a future order, issued by an order incentive rule (or by staff): an amount or a percent, an
 * expiry day, and — once used — the order that used it. Using one is one conditional update: a coupon is used at
 * most once, and never after it expires.
 */
export const Coupons: CollectionConfig = {
  slug: 'coupons',
  lockDocuments: false,
  admin: {
    useAsTitle: 'code',
    group: 'Loyalty',
    defaultColumns: ['code', 'consultant', 'kind', 'value', 'currency', 'expiresOn', 'status'],
  },
  access: { read: readOwnSubtree('consultant.path'), create: nobody, update: nobody, delete: nobody },
  endpoints: couponEndpoints,
  fields: [
    { name: 'code', type: 'text', required: true, unique: true },
    { name: 'consultant', type: 'relationship', relationTo: 'participants', required: true, index: true },
    { name: 'customer', type: 'text' },
    { name: 'kind', type: 'select', required: true, options: ['amount', 'percent'] },
    moneyField({ name: 'value', required: true, description: 'Amount off, or percent off the products.' }),
    { name: 'currency', type: 'text', required: true },
    dateOnlyField({ name: 'expiresOn', required: true }),
    { name: 'status', type: 'select', required: true, defaultValue: 'issued', options: ['issued', 'used', 'void'] },
    { name: 'label', type: 'text' },
    { name: 'issuedOnOrder', type: 'text', admin: { description: 'The order whose incentive issued it.' } },
    { name: 'ruleVersion', type: 'relationship', relationTo: 'rule-versions' },
    { name: 'usedOnOrder', type: 'text', index: true },
    { name: 'usedAt', type: 'date' },
    { name: 'naturalKey', type: 'text', unique: true, admin: { readOnly: true } },
  ],
}
