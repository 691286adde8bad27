import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/core/nobody'
import { readOwnSubtree } from '../../../access/core/subtree'
import { currentUser, hasRole } from '../../../access/core/user'
import { dateOnlyField } from '../../../fields/core/dateOnly'
import { moneyField } from '../../../fields/core/money'
import { accrueOnDealApproval, decideDealHook } from '../../../modules/rebates/deals'
import { registerDeal } from './endpoints/registerDeal'
import { syncDealsNow } from './endpoints/syncDeals'

/**
 * Deal registrations: a partner's opportunity (end customer, products, quantities, special prices, expiry). Most come
 * from the partner portal system of record, synchronised incrementally (source "portal", read-only here); partners
 * may also register one in Accrue's portal (source "accrue"), which channel operations approve or reject. An approved
 * deal unlocks its special price and the deal-registration programs' rebate on the sales that name it.
 */
export const Deals: CollectionConfig = {
  slug: 'deals',
  lockDocuments: false,
  admin: {
    group: 'Rebates',
    useAsTitle: 'number',
    defaultColumns: ['number', 'partner', 'endCustomer', 'status', 'expiresOn', 'source'],
  },
  access: {
    read: readOwnSubtree('partner.path'),
    create: nobody,
    update: ({ req }) => hasRole(currentUser(req), 'company_admin', 'company_user'),
    delete: nobody,
  },
  hooks: { beforeChange: [decideDealHook], afterChange: [accrueOnDealApproval] },
  endpoints: [registerDeal, syncDealsNow],
  fields: [
    { name: 'number', type: 'text', required: true, unique: true, index: true },
    { name: 'partner', type: 'relationship', relationTo: 'participants', required: true, index: true },
    { name: 'endCustomer', type: 'text', required: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'submitted',
      options: ['submitted', 'approved', 'rejected', 'expired'],
      admin: { description: 'Deals from the partner portal keep its status; deals registered here are decided here.' },
    },
    { name: 'currency', type: 'text', required: true, defaultValue: 'USD' },
    dateOnlyField({ name: 'expiresOn', required: true }),
    {
      name: 'lines',
      type: 'array',
      required: true,
      minRows: 1,
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'product', type: 'relationship', relationTo: 'products', required: true },
            { name: 'quantity', type: 'number', required: true, min: 1 },
            moneyField({ name: 'specialPrice', required: true }),
          ],
        },
      ],
    },
    {
      name: 'source',
      type: 'select',
      required: true,
      defaultValue: 'accrue',
      options: [
        { value: 'portal', label: 'Partner portal (system of record)' },
        { value: 'accrue', label: 'Registered in Accrue' },
      ],
      admin: { readOnly: true },
    },
    { name: 'externalUpdatedAt', type: 'text', admin: { readOnly: true, description: 'The system of record’s last change.' } },
    { name: 'decidedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
  ],
}
