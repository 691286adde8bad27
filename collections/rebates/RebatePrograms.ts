import type { CollectionConfig, Where } from 'payload'

import { companyAdmins } from '../../access/core/companyAdmins'
import { currentUser, hasRole, participantIdOf } from '../../access/core/user'
import { PROGRAM_KIND_LABELS, PROGRAM_KINDS, PROGRAM_STATUSES } from '../../engine/rebates'
import { isCurrencyCode } from '../../engine/core/money'
import { dateOnlyField } from '../../fields/core/dateOnly'
import { moneyField } from '../../fields/core/money'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'
import { accrueOnPublish, AUDIENCE_ALL, governProgram } from '../../modules/rebates/programHooks'

const decimalText = (name: string, description: string) => moneyField({ name, description })

/**
 * Promotions and rebate programs: who and what is eligible, when, how much each sale or volume pays, caps and the
 * claim window. A program is drafted, submitted, approved by someone else (maker-checker) and published; only a
 * published program accrues and pays, so a deal outside this collection cannot pay (no side deals). Publishing
 * accrues the point-of-sale lines already in its dates.
 */
export const RebatePrograms: CollectionConfig = {
  slug: 'rebate-programs',
  lockDocuments: false,
  admin: {
    group: 'Rebates',
    useAsTitle: 'name',
    defaultColumns: ['code', 'name', 'kind', 'status', 'effectiveFrom', 'effectiveTo', 'currency'],
  },
  access: {
    // Partners read published programs (what they may claim); staff read all.
    read: ({ req }) => {
      const user = currentUser(req)
      if (!user) return false
      if (hasRole(user, 'company_admin', 'company_user', 'finance', 'auditor')) return true
      // A program for named partners (a price exception, a side agreement made official) is theirs alone.
      const participant = participantIdOf(user)
      const where: Where = {
        and: [
          { status: { equals: 'published' } },
          {
            or: [{ audience: { equals: AUDIENCE_ALL } }, ...(participant === null ? [] : [{ audience: { contains: `/${participant}/` } }])],
          },
        ],
      }
      return where
    },
    create: ({ req }) => hasRole(currentUser(req), 'company_admin', 'company_user'),
    update: ({ req }) => hasRole(currentUser(req), 'company_admin', 'company_user', 'finance'),
    delete: companyAdmins,
  },
  hooks: { beforeChange: [governProgram], afterChange: [auditChange, accrueOnPublish], beforeDelete: [auditDelete] },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'code', type: 'text', required: true, unique: true, index: true, admin: { description: 'e.g. Q4-AP-PROMO.' } },
        { name: 'name', type: 'text', required: true },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          options: PROGRAM_KINDS.map((value) => ({ value, label: PROGRAM_KIND_LABELS[value] })),
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'draft',
          options: PROGRAM_STATUSES.map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) })),
          admin: { description: 'draft → submitted → approved (by another person) → published → closed. Only published programs pay.' },
        },
        {
          name: 'currency',
          type: 'text',
          required: true,
          defaultValue: 'USD',
          validate: (value: unknown) => (isCurrencyCode(value) ? true : `currency: ${JSON.stringify(value ?? '')} is not an ISO 4217 code`),
        },
      ],
    },
    {
      type: 'row',
      fields: [dateOnlyField({ name: 'effectiveFrom', required: true }), dateOnlyField({ name: 'effectiveTo', required: true })],
    },
    {
      type: 'collapsible',
      label: 'Eligibility',
      fields: [
        {
          name: 'regions',
          type: 'relationship',
          relationTo: 'territories',
          hasMany: true,
          admin: { description: 'Empty: every region. The region of a sale is its ship-to territory, else the partner’s.' },
        },
        { name: 'partnerTiers', type: 'text', hasMany: true, admin: { description: 'Dealer tiers (e.g. gold); empty: every tier.' } },
        {
          name: 'partners',
          type: 'relationship',
          relationTo: 'participants',
          hasMany: true,
          admin: { description: 'A list of partners; empty: every partner the tiers and regions admit.' },
        },
        { name: 'products', type: 'relationship', relationTo: 'products', hasMany: true, admin: { description: 'SKUs.' } },
        {
          name: 'families',
          type: 'text',
          hasMany: true,
          admin: { description: 'Product families. With the SKUs empty too, every product is eligible.' },
        },
      ],
    },
    {
      type: 'collapsible',
      label: 'Calculation',
      fields: [
        {
          type: 'row',
          fields: [
            decimalText('ratePerUnit', 'Per unit: the amount per unit.'),
            decimalText('percent', 'Percent of price: e.g. 4.5. Deal registration: an extra percent of the sale.'),
            decimalText('agreedPrice', 'Price exception / ship and debit: the agreed price per unit.'),
          ],
        },
        {
          name: 'tiers',
          type: 'array',
          admin: { description: 'Volume and growth: from this threshold (inclusive) on, this rate.' },
          fields: [
            {
              type: 'row',
              fields: [
                moneyField({ name: 'from', required: true, description: 'Threshold in units or sales amount.' }),
                moneyField({ name: 'rate', required: true, description: 'Percent, or amount per unit.' }),
              ],
            },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'tierMode',
              type: 'select',
              defaultValue: 'whole',
              options: [
                { value: 'whole', label: 'The whole volume at the rate of the tier reached' },
                { value: 'slice', label: 'Each slice at its own tier’s rate' },
              ],
            },
            {
              name: 'tierBasis',
              type: 'select',
              defaultValue: 'amount',
              options: [
                { value: 'amount', label: 'Thresholds in sales amount' },
                { value: 'quantity', label: 'Thresholds in units' },
              ],
            },
            {
              name: 'tierRate',
              type: 'select',
              defaultValue: 'percent',
              options: [
                { value: 'percent', label: 'Rate is a percent of sales' },
                { value: 'per_unit', label: 'Rate is an amount per unit' },
              ],
            },
          ],
        },
        {
          type: 'row',
          fields: [
            dateOnlyField({ name: 'baselineFrom', description: 'Growth: the baseline period’s first day.' }),
            dateOnlyField({ name: 'baselineTo', description: 'Growth: its last day.' }),
          ],
        },
        {
          name: 'ruleSet',
          type: 'relationship',
          relationTo: 'rule-sets',
          admin: { description: 'Rule kind: a rule set of purpose "Rebate per point-of-sale line".' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        moneyField({ name: 'fundingCap', description: 'The most the program pays in total (empty: no cap).' }),
        moneyField({ name: 'partnerCap', description: 'The most one partner earns (empty: no cap).' }),
        moneyField({
          name: 'financeApprovalAbove',
          defaultValue: '10000',
          description: 'Claims whose approved total is above this also need finance’s approval.',
        }),
        {
          name: 'claimWindowDays',
          type: 'number',
          required: true,
          defaultValue: 90,
          min: 1,
          admin: { description: 'Days after the sale a claim may be made.' },
        },
      ],
    },
    { name: 'notes', type: 'textarea' },
    {
      name: 'audience',
      type: 'text',
      index: true,
      defaultValue: AUDIENCE_ALL,
      admin: { hidden: true, readOnly: true, description: 'Who may read it, kept by the hooks from the partner list.' },
    },
    {
      type: 'row',
      fields: [
        { name: 'submittedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
        { name: 'approvedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
        { name: 'lastEditedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
      ],
    },
    { name: 'approvedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'publishedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
  ],
}
