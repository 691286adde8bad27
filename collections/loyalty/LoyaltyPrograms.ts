import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/core/authenticated'
import { catalogEditors } from '../../access/core/catalogEditors'
import { companyAdmins } from '../../access/core/companyAdmins'
import { EXPIRY_POLICIES } from '../../engine/loyalty/types'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'
import { referralEndpoints } from './endpoints/goals'

/**
 * A points program: what the company calls its points (stars, miles, coins), when earned points expire, and the rule
 * sets that earn extra points, grant order incentives and reward referrals. The catalog says the points each product
 * earns and costs; the ledger (points movements) holds every point.
 */
export const LoyaltyPrograms: CollectionConfig = {
  slug: 'loyalty-programs',
  lockDocuments: false,
  admin: { useAsTitle: 'name', group: 'Loyalty', defaultColumns: ['code', 'name', 'unitName', 'expiryPolicy', 'active'] },
  access: { read: authenticated, create: catalogEditors, update: catalogEditors, delete: companyAdmins },
  endpoints: referralEndpoints,
  hooks: { afterChange: [auditChange], beforeDelete: [auditDelete] },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'code',
          type: 'text',
          required: true,
          unique: true,
          admin: { description: 'e.g. STARS. Conversion rates name it as points:STARS.' },
        },
        { name: 'name', type: 'text', required: true },
        {
          name: 'unitName',
          type: 'text',
          required: true,
          defaultValue: 'points',
          admin: { description: 'What a point is called: stars, miles, coins.' },
        },
        { name: 'active', type: 'checkbox', defaultValue: true },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'expiryPolicy',
          type: 'select',
          required: true,
          defaultValue: 'months',
          options: EXPIRY_POLICIES.map((value) => ({
            value,
            label: { months: 'N months after earning', campaign_end: 'At the end of a later campaign', never: 'Never' }[value],
          })),
        },
        {
          name: 'expiryMonths',
          type: 'number',
          min: 1,
          admin: {
            condition: (data) => data?.expiryPolicy === 'months',
            description: 'Points earned on 2026-01-15 with 12 months expire at the end of 2027-01-15.',
          },
        },
        {
          name: 'expiryCampaigns',
          type: 'number',
          min: 0,
          admin: {
            condition: (data) => data?.expiryPolicy === 'campaign_end',
            description:
              'Points expire at the end of the campaign this many campaigns after the one they were earned in (0: the same one).',
          },
        },
      ],
    },
    {
      name: 'earnRules',
      type: 'relationship',
      relationTo: 'rule-sets',
      filterOptions: { purpose: { equals: 'points_earn' } },
      admin: { description: 'Extra points per order, beyond the catalog’s points per product (purpose "Loyalty points per order").' },
    },
    {
      name: 'incentiveRules',
      type: 'relationship',
      relationTo: 'rule-sets',
      filterOptions: { purpose: { equals: 'order_incentive' } },
      admin: { description: 'Gifts, discounts, freight, coupons and credit notes granted when an order is processed.' },
    },
    {
      name: 'referralRules',
      type: 'relationship',
      relationTo: 'rule-sets',
      filterOptions: { purpose: { equals: 'referral_reward' } },
      admin: { description: 'What a referrer earns per referral and campaign.' },
    },
  ],
}
