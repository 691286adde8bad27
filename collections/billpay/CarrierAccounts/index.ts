import type { CollectionConfig } from 'payload'

import { companyAdmins } from '../../../access/core/companyAdmins'
import { jobOperators } from '../../../access/core/operationsStaff'
import { staff } from '../../../access/core/staff'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { auditDelete } from '../../../hooks/system/audit/auditDelete'
import { checkAccount } from './hooks/checkAccount'

/**
 * A carrier account the company pays: the carrier, the account number printed on its invoices, how invoices are
 * collected (the carrier-portal connector that downloads them, signing in with its sealed portal credentials), where
 * its charges go by default (cost centre, location, shared splits), which rule sets decide GL codes and approval, and
 * how it is paid (the payment provider, or a NACHA CCD bank file to the carrier's remittance account).
 */
export const CarrierAccounts: CollectionConfig = {
  slug: 'carrier-accounts',
  lockDocuments: false,
  admin: {
    useAsTitle: 'name',
    group: 'Bill payment',
    defaultColumns: ['name', 'carrier', 'accountNumber', 'defaultCostCentre', 'paymentMethod', 'enabled'],
  },
  access: { read: staff, create: jobOperators, update: jobOperators, delete: companyAdmins },
  hooks: { beforeChange: [checkAccount], afterChange: [auditChange], beforeDelete: [auditDelete] },
  indexes: [{ fields: ['carrier', 'accountNumber'], unique: true }],
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'carrier', type: 'relationship', relationTo: 'carriers', required: true },
    {
      name: 'accountNumber',
      type: 'text',
      required: true,
      index: true,
      admin: { description: 'As the carrier prints it on the invoice.' },
    },
    { name: 'enabled', type: 'checkbox', defaultValue: true },
    {
      name: 'connector',
      type: 'relationship',
      relationTo: 'carrier-connectors',
      admin: {
        description:
          'The carrier-portal connector whose download step collects this account’s invoices (it signs in with its sealed credential).',
      },
    },
    { name: 'currency', type: 'text', required: true, defaultValue: 'USD' },
    {
      name: 'defaultCostCentre',
      type: 'text',
      required: true,
      admin: { description: 'Where a charge goes when nothing more precise applies.' },
    },
    { name: 'location', type: 'text', admin: { description: 'The site the account serves (approval limits may depend on it).' } },
    {
      name: 'sharedSplits',
      type: 'array',
      admin: {
        description:
          'How charges with no service (account fees, taxes) are split across cost centres; percentages sum to 100. Empty: the default cost centre.',
      },
      fields: [
        { name: 'costCentre', type: 'text', required: true },
        { name: 'percent', type: 'text', required: true },
      ],
    },
    {
      name: 'glRules',
      type: 'relationship',
      relationTo: 'rule-sets',
      admin: {
        description:
          'The rule set (purpose "GL code per invoice charge") that codes this account’s charges. Empty: the only rule set of that purpose.',
      },
    },
    {
      name: 'approvalRules',
      type: 'relationship',
      relationTo: 'rule-sets',
      admin: {
        description:
          'The rule set (purpose "Invoice approval limit") giving the auto-pay limit. Empty: the only rule set of that purpose; none at all: every invoice needs a person.',
      },
    },
    {
      name: 'historyFactor',
      type: 'text',
      defaultValue: '3',
      admin: {
        description: 'An invoice whose total is more than this many times the six-month average (or less than its inverse) goes to review.',
      },
    },
    {
      name: 'paymentMethod',
      type: 'select',
      required: true,
      defaultValue: 'provider',
      options: [
        { value: 'provider', label: 'Payment provider (API)' },
        { value: 'bank_file', label: 'Bank file (NACHA CCD)' },
      ],
    },
    { name: 'payeeName', type: 'text', admin: { description: 'The carrier’s name as the payment shows it.' } },
    { name: 'remitRouting', type: 'text', admin: { description: 'Bank file: the carrier’s remittance bank routing number (9 digits).' } },
    { name: 'remitAccount', type: 'text', admin: { description: 'Bank file: the carrier’s remittance account number.' } },
  ],
}
