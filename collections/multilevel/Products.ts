import type { CollectionConfig } from 'payload'

import { catalogEditors } from '../../access/core/catalogEditors'
import { companyAdmins } from '../../access/core/companyAdmins'
import { authenticated } from '../../access/core/authenticated'
import { isCurrencyCode } from '../../engine/core/money'
import { moneyField } from '../../fields/core/money'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'

/**
 * The catalog consultants sell from: a price list per currency, and the two volumes each unit carries — qualifying
 * (VQ: what ranks and KPIs count) and commissionable (VC: what bonuses pay on). Each is given directly per unit, or
 * derived per order line by an "order volumes" rule set from the line's prices, VAT and discount.
 */
export const Products: CollectionConfig = {
  slug: 'products',
  lockDocuments: false,
  admin: {
    useAsTitle: 'name',
    group: 'Settings',
    defaultColumns: ['code', 'name', 'volumeSource', 'qualifyingVolume', 'commissionableVolume', 'active'],
  },
  access: { read: authenticated, create: catalogEditors, update: catalogEditors, delete: companyAdmins },
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
          index: true,
          admin: { description: 'The SKU orders name, e.g. SKU-CREAM-50.' },
        },
        { name: 'name', type: 'text', required: true },
        {
          name: 'family',
          type: 'text',
          index: true,
          admin: { description: 'Product family, e.g. Access points (promotions select by it).' },
        },
        { name: 'active', type: 'checkbox', defaultValue: true },
      ],
    },
    {
      name: 'prices',
      type: 'array',
      admin: { description: 'One price list per currency. Orders in a currency without a price here are rejected.' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'currency',
              type: 'text',
              required: true,
              validate: (value: unknown) =>
                isCurrencyCode(value) ? true : `currency: ${JSON.stringify(value ?? '')} is not an ISO 4217 code`,
            },
            moneyField({ name: 'consultantPrice', required: true, description: 'What a consultant pays, before VAT.' }),
            moneyField({ name: 'publicPrice', required: true, description: 'The public (catalog) price, before VAT.' }),
            moneyField({ name: 'vatPercent', defaultValue: '0', description: 'VAT in percent, e.g. 19.' }),
          ],
        },
      ],
    },
    {
      name: 'volumeSource',
      type: 'select',
      required: true,
      defaultValue: 'direct',
      options: [
        { value: 'direct', label: 'Given per unit' },
        { value: 'rule', label: 'Derived by the order volumes rule set' },
      ],
    },
    {
      type: 'row',
      admin: { condition: (data) => data?.volumeSource !== 'rule' },
      fields: [
        moneyField({ name: 'qualifyingVolume', description: 'VQ per unit.' }),
        moneyField({ name: 'commissionableVolume', description: 'VC per unit.' }),
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'points',
          type: 'number',
          min: 0,
          admin: { description: 'Loyalty: whole points a unit earns its buyer (consultant or end customer).' },
        },
        {
          name: 'redeemPoints',
          type: 'number',
          min: 1,
          admin: { description: 'Loyalty: points that pay for a unit; empty when it cannot be redeemed.' },
        },
      ],
    },
    {
      name: 'volumeRule',
      type: 'relationship',
      relationTo: 'rule-sets',
      filterOptions: { purpose: { equals: 'order_volumes' } },
      admin: {
        condition: (data) => data?.volumeSource === 'rule',
        description: 'A rule set of purpose "Order volumes": it returns the qualifying and commissionable volume of each order line.',
      },
    },
  ],
}
