import type { Block } from 'payload'

import { UPFRONT_PAYOUTS } from '../../../engine/commission/components/types'
import { DEALER_TIERS } from '../../../engine/commission/dealerTiers'
import { ACTIVATION_TYPE_LABELS, ACTIVATION_TYPES } from '../../../engine/telecom/vocabulary'
import { moneyField } from '../../../fields/core/money'

const capitalized = (value: string) => value[0]!.toUpperCase() + value.slice(1).replace(/_/g, ' ')
const activationTypeOptions = ACTIVATION_TYPES.map((value) => ({ value, label: ACTIVATION_TYPE_LABELS[value] }))
const percentField = (name: string, description: string) => ({ name, type: 'text' as const, required: true, admin: { description } })

/** One block per component kind (engine/commission/components/registry.ts); the slugs are the kinds. */
export const componentBlocks: Block[] = [
  {
    slug: 'upfront',
    labels: { singular: 'Upfront table', plural: 'Upfront tables' },
    fields: [
      {
        name: 'rows',
        type: 'array',
        labels: { singular: 'Row', plural: 'Rows' },
        admin: { description: 'Empty conditions mean "any". The most specific row wins: plan, then carrier, then activation type, then tier.' },
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'payout', type: 'select', required: true, options: UPFRONT_PAYOUTS.map((value) => ({ value, label: capitalized(value) })) },
              { name: 'carrier', type: 'relationship', relationTo: 'carriers' },
              { name: 'ratePlan', type: 'relationship', relationTo: 'rate-plans' },
            ],
          },
          {
            type: 'row',
            fields: [
              { name: 'activationType', type: 'select', options: activationTypeOptions },
              { name: 'dealerTier', type: 'select', options: DEALER_TIERS.map((value) => ({ value, label: capitalized(value) })) },
              { name: 'featureCode', type: 'text', admin: { description: 'Feature rows only.' } },
              moneyField({ name: 'amount', required: true }),
            ],
          },
        ],
      },
    ],
  },
  {
    slug: 'volume_bonus',
    labels: { singular: 'Volume bonus', plural: 'Volume bonuses' },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'metric', type: 'select', required: true, defaultValue: 'count', options: [{ value: 'count', label: 'Activation count (rate per activation)' }, { value: 'revenue', label: 'Carrier-paid revenue (rate in %)' }] },
          { name: 'method', type: 'select', required: true, defaultValue: 'marginal', options: [{ value: 'marginal', label: 'Marginal: each unit at its tier' }, { value: 'retroactive', label: 'Retroactive: all units at the tier reached' }] },
        ],
      },
      { name: 'activationTypes', type: 'select', hasMany: true, required: true, defaultValue: ['new', 'port_in'], options: activationTypeOptions },
      {
        name: 'tiers',
        type: 'array',
        admin: { description: 'A tier covers (from, to]. Start at 0, no gaps or overlaps, the last tier open-ended.' },
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'from', type: 'text', required: true },
              { name: 'to', type: 'text', admin: { description: 'Empty: no upper bound.' } },
              { name: 'rate', type: 'text', required: true },
            ],
          },
        ],
      },
    ],
  },
  {
    slug: 'plan_change',
    labels: { singular: 'Upgrade / downgrade adjustment', plural: 'Upgrade / downgrade adjustments' },
    fields: [percentField('percent', 'Percentage of (new plan rebate − old plan rebate) paid or taken back.')],
  },
  {
    slug: 'residual',
    labels: { singular: 'Residual', plural: 'Residuals' },
    fields: [
      {
        type: 'row',
        fields: [
          percentField('percent', "Percentage of the plan's monthly recurring charge paid each month."),
          { name: 'months', type: 'number', required: true, min: 1, max: 120, admin: { description: 'For this many months after the activation month.' } },
        ],
      },
    ],
  },
  {
    slug: 'chargeback',
    labels: { singular: 'Chargeback', plural: 'Chargebacks' },
    fields: [
      {
        type: 'row',
        fields: [
          percentField('percent', 'Percentage of the upfront payout taken back.'),
          { name: 'windowDays', type: 'number', min: 0, max: 730, admin: { description: "Days from activation. Empty: the carrier's chargeback window." } },
        ],
      },
    ],
  },
  {
    slug: 'override',
    labels: { singular: 'Override', plural: 'Overrides' },
    fields: [
      { name: 'compress', type: 'checkbox', defaultValue: true, admin: { description: 'Skip inactive ancestors: their level passes to the next active one.' } },
      {
        name: 'levels',
        type: 'array',
        fields: [{ type: 'row', fields: [{ name: 'level', type: 'number', required: true, min: 1 }, percentField('percent', 'Percentage of the own commission of the participant below.')] }],
      },
    ],
  },
  {
    slug: 'proposal_commission',
    labels: { singular: 'Proposal commission', plural: 'Proposal commissions' },
    fields: [{ name: 'notes', type: 'textarea', admin: { description: 'Pays accepted proposals by the commission rules (Proposals → Commission rules).' } }],
  },
  {
    slug: 'advertising',
    labels: { singular: 'Advertising deduction', plural: 'Advertising deductions' },
    fields: [{ name: 'notes', type: 'textarea', admin: { description: 'Deducts the active advertising programs (Proposals → Advertising programs).' } }],
  },
]
