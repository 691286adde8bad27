import type { CollectionConfig } from 'payload'

import { authenticated } from '../../../access/core/authenticated'
import { nobody } from '../../../access/core/nobody'
import { payoutOperators } from '../../../access/core/payoutOperators'
import { PERIOD_CYCLES, PERIOD_FREQUENCIES } from '../../../engine/commission/calendar'
import { dateOnlyField } from '../../../fields/core/dateOnly'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { generatePeriodsEndpoint } from './endpoints/generatePeriods'
import { guardPeriod } from './hooks/guardPeriod'

const label = (value: string) => value[0]!.toUpperCase() + value.slice(1)

/**
 * The commercial calendar: one document per pay period (monthly, biweekly or weekly; regular or advance cycle).
 * A period is open until its run is locked; a locked period is never changed again, and corrections go into an open
 * period as debit/credit notes. `POST /api/commission-periods/generate` creates consecutive periods.
 */
export const CommissionPeriods: CollectionConfig = {
  slug: 'commission-periods',
  lockDocuments: false,
  admin: { useAsTitle: 'label', group: 'Pay', defaultColumns: ['label', 'frequency', 'cycle', 'startsOn', 'endsOn', 'status'] },
  access: { read: authenticated, create: payoutOperators, update: payoutOperators, delete: nobody },
  hooks: { beforeChange: [guardPeriod], afterChange: [auditChange] },
  endpoints: [generatePeriodsEndpoint],
  indexes: [{ fields: ['frequency', 'cycle', 'startsOn'], unique: true }],
  fields: [
    { name: 'label', type: 'text', required: true },
    {
      type: 'row',
      fields: [
        {
          name: 'frequency',
          type: 'select',
          required: true,
          defaultValue: 'monthly',
          options: PERIOD_FREQUENCIES.map((value) => ({ value, label: label(value) })),
        },
        {
          name: 'cycle',
          type: 'select',
          required: true,
          defaultValue: 'regular',
          options: PERIOD_CYCLES.map((value) => ({ value, label: label(value) })),
        },
      ],
    },
    { type: 'row', fields: [dateOnlyField({ name: 'startsOn', required: true }), dateOnlyField({ name: 'endsOn', required: true })] },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'open',
      options: [
        { value: 'open', label: 'Open' },
        { value: 'locked', label: 'Locked' },
      ],
      admin: { readOnly: true, position: 'sidebar', description: 'Locked by locking its approved run.' },
    },
    { name: 'lockedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'lockedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true, position: 'sidebar' } },
  ],
}
