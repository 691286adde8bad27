import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/core/authenticated'
import { catalogEditors } from '../../access/core/catalogEditors'
import { companyAdmins } from '../../access/core/companyAdmins'
import { KPI_MEASURES } from '../../engine/multilevel/kpis'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'
import { moneyField } from '../../fields/core/money'
import { checkKpiDefinition } from './hooks/checkKpiDefinition'

const label = (value: string) => value[0]!.toUpperCase() + value.slice(1).replace(/_/g, ' ')

/**
 * The indicators (KPIs) the plan measures each cycle: what they measure, on which volume, with which options. Rank
 * and bonus rules read them by code; a KPI switched off is not calculated, and a rule that reads it is refused.
 */
export const KpiDefinitions: CollectionConfig = {
  slug: 'kpi-definitions',
  lockDocuments: false,
  admin: {
    useAsTitle: 'code',
    group: 'Settings',
    defaultColumns: ['code', 'label', 'measure', 'basis', 'scope', 'enabled', 'visible'],
  },
  access: { read: authenticated, create: catalogEditors, update: catalogEditors, delete: companyAdmins },
  hooks: { beforeChange: [checkKpiDefinition], afterChange: [auditChange], beforeDelete: [auditDelete] },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'code',
          type: 'text',
          required: true,
          unique: true,
          admin: { description: 'What rules call it, e.g. GV (letters, digits, "_"; starts with a letter).' },
        },
        { name: 'label', type: 'text', required: true },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'measure', type: 'select', required: true, options: KPI_MEASURES.map((value) => ({ value, label: label(value) })) },
        {
          name: 'basis',
          type: 'select',
          required: true,
          defaultValue: 'qualifying',
          options: [
            { value: 'qualifying', label: 'Qualifying volume (VQ)' },
            { value: 'commissionable', label: 'Commissionable volume (VC)' },
          ],
        },
        {
          name: 'scope',
          type: 'select',
          required: true,
          defaultValue: 'period',
          options: [
            { value: 'period', label: 'This cycle' },
            { value: 'cumulative', label: 'Cumulative (every cycle up to this one)' },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'excludeHeadVolume', type: 'checkbox', admin: { description: "Group volume: leave the member's own volume out." } },
        moneyField({
          name: 'minimumThreshold',
          description: 'A member’s volume counts only when at least this (and is active only from it).',
        }),
        {
          name: 'breakAtRank',
          type: 'relationship',
          relationTo: 'ranks',
          admin: { description: 'Group volume stops at leaders of this rank or above; generational volume counts generations of them.' },
        },
        { name: 'level', type: 'number', min: 1, admin: { description: 'Volume by level: 1 = direct recruits.' } },
        { name: 'generation', type: 'number', min: 1, admin: { description: 'Generational volume: 1 = first generation.' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'enabled', type: 'checkbox', defaultValue: true, admin: { description: 'Calculated each cycle.' } },
        { name: 'visible', type: 'checkbox', defaultValue: true, admin: { description: 'Shown in dashboards and the portal.' } },
      ],
    },
    { name: 'description', type: 'textarea' },
  ],
}
