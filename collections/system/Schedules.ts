import type { CollectionConfig } from 'payload'
import cron from 'node-cron'

import { companyAdmins } from '../../access/core/companyAdmins'
import { operationsStaff } from '../../access/core/operationsStaff'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'
import { SCHEDULABLE_TASKS } from '../../modules/system/schedulable'

/** Cron schedules as data: each enabled schedule enqueues its task once per slot, however many processes run. */
export const Schedules: CollectionConfig = {
  slug: 'schedules',
  lockDocuments: false,
  admin: { useAsTitle: 'name', group: 'Settings', defaultColumns: ['name', 'task', 'cron', 'timezone', 'enabled', 'lastSlotAt'] },
  access: { read: operationsStaff, create: companyAdmins, update: companyAdmins, delete: companyAdmins },
  hooks: { afterChange: [auditChange], beforeDelete: [auditDelete] },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    { name: 'task', type: 'select', required: true, options: SCHEDULABLE_TASKS.map((t) => ({ value: t.slug, label: t.label })) },
    {
      name: 'cron',
      type: 'text',
      required: true,
      admin: { description: 'Five fields: minute hour day-of-month month day-of-week, e.g. "0 2 * * *" for 02:00 every day.' },
      validate: (value: unknown) => {
        if (typeof value !== 'string' || value.trim() === '') return 'a cron expression is required'
        if (value.trim().split(/\s+/).length !== 5) return `"${value}" must have five fields (minute hour day month weekday)`
        const result = cron.validateDetailed(value)
        return result.valid
          ? true
          : `"${value}" is not a valid cron expression: ${result.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`
      },
    },
    { name: 'timezone', type: 'text', required: true, defaultValue: 'UTC' },
    { name: 'input', type: 'json', admin: { description: 'Input handed to the task, as JSON.' } },
    { name: 'enabled', type: 'checkbox', defaultValue: true },
    { name: 'lastSlotAt', type: 'date', admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
