import type { CollectionConfig } from 'payload'

import { nobody } from '../access/nobody'
import { operationsStaff } from '../access/operationsStaff'

/**
 * One row per schedule slot that enqueued a job. The unique (schedule, slotAt) index is what makes a slot fire once
 * however many processes run the scheduler.
 */
export const ScheduleSlots: CollectionConfig = {
  slug: 'schedule-slots',
  admin: { group: 'System', defaultColumns: ['schedule', 'slotAt', 'jobId', 'createdAt'] },
  access: { read: operationsStaff, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['schedule', 'slotAt'], unique: true }],
  fields: [
    { name: 'schedule', type: 'relationship', relationTo: 'schedules', required: true },
    { name: 'slotAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'jobId', type: 'text' },
  ],
}
