import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/core/nobody'
import { staffField } from '../../../access/core/staffField'
import { readOwnSubtree } from '../../../access/core/subtree'
import { moneyField } from '../../../fields/core/money'
import { downlineEndpoint, extractEndpoint, memberSummaryEndpoint, settlementEndpoint } from './endpoints/results'

/**
 * Each member's figures for one cycle, written in bulk by the pipeline steps: the KPIs (by code), the rank the rules
 * qualified it for, the paid rank after grace and manual promotions, the honorary rank, and whether it earns this
 * cycle (compression skips those who do not). Re-running a step rewrites its columns until the cycle is closed.
 */
export const MemberCycles: CollectionConfig = {
  slug: 'member-cycles',
  lockDocuments: false,
  timestamps: false,
  admin: {
    group: 'Network',
    defaultColumns: ['cycle', 'participant', 'personalVolume', 'groupVolume', 'qualifiedRank', 'paidRank', 'honoraryRank', 'qualifies'],
  },
  access: { read: readOwnSubtree('participant.path'), create: nobody, update: nobody, delete: nobody },
  endpoints: [memberSummaryEndpoint, downlineEndpoint, extractEndpoint, settlementEndpoint],
  indexes: [{ fields: ['cycle', 'participant'], unique: true }],
  fields: [
    { name: 'cycle', type: 'relationship', relationTo: 'commission-periods', required: true },
    { name: 'participant', type: 'relationship', relationTo: 'participants', required: true, index: true },
    { name: 'depth', type: 'number', admin: { description: 'Levels below the root when the network was integrated.' } },
    moneyField({ name: 'personalVolume', description: 'Qualifying volume of the cycle, net of returns.' }),
    moneyField({ name: 'personalCommissionable', description: 'Commissionable volume of the cycle, net of returns.' }),
    moneyField({ name: 'returnedVolume', description: 'Qualifying volume returned in the cycle.' }),
    moneyField({ name: 'groupVolume', description: 'The first enabled group-volume KPI, for lists and sorting.' }),
    {
      name: 'kpis',
      type: 'json',
      access: { read: staffField },
      admin: { description: 'Every enabled KPI by code, as decimal text (adjustments included).' },
    },
    {
      name: 'calculatedKpis',
      type: 'json',
      access: { read: staffField },
      admin: { description: 'Members with manual adjustments: their KPIs as the orders gave them, before the adjustments.' },
    },
    { name: 'qualifiedRank', type: 'relationship', relationTo: 'ranks' },
    { name: 'paidRank', type: 'relationship', relationTo: 'ranks' },
    { name: 'honoraryRank', type: 'relationship', relationTo: 'ranks' },
    { name: 'graceLeft', type: 'number' },
    { name: 'rankSource', type: 'select', options: ['rule', 'kept', 'grace', 'manual', 'demoted'] },
    { name: 'rankRuleVersion', type: 'relationship', relationTo: 'rule-versions' },
    { name: 'rankFired', type: 'json', admin: { description: 'The rank rule rows that decided.' } },
    {
      name: 'qualifies',
      type: 'checkbox',
      admin: { description: 'Earns network bonuses this cycle (active); compression passes over the others.' },
    },
  ],
}
