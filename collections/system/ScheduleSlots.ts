import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { operationsStaff } from '../../access/core/operationsStaff'

/**
 * One row per schedule slot that enqueued a job. The unique (schedule, slotAt) index is what makes a slot fire once
 * however many processes run the scheduler.
 */
export const ScheduleSlots: CollectionConfig = {
  slug: 'schedule-slots',
  lockDocuments: false,
  admin: { group: 'System', defaultColumns: ['schedule', 'slotAt', 'jobId', 'createdAt'] },
  access: { read: operationsStaff, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['schedule', 'slotAt'], unique: true }],
  fields: [
    // Not required: deleting a schedule keeps its slot history (the link is set to null).
    { name: 'schedule', type: 'relationship', relationTo: 'schedules' },
    { name: 'slotAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'jobId', type: 'text' },
  ],
}
