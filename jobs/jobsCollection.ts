import type { CollectionConfig, Field } from 'payload'

import { nobody } from '../access/core/nobody'
import { operationsStaff } from '../access/core/operationsStaff'

/** Fields Accrue adds to Payload's jobs collection: who holds a job, its heartbeat, and live progress. */
const trackingFields: Field[] = [
  {
    name: 'progress',
    type: 'group',
    admin: { position: 'sidebar', components: { Field: '/components/core/JobProgress#JobProgress' } },
    fields: [
      { name: 'done', type: 'number', defaultValue: 0 },
      { name: 'total', type: 'number' },
      { name: 'label', type: 'text' },
      { name: 'counts', type: 'json' },
    ],
  },
  { name: 'claimedBy', type: 'text', index: true, admin: { position: 'sidebar', readOnly: true } },
  {
    name: 'heartbeatAt',
    type: 'date',
    index: true,
    admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
  },
]

/** Shows the queue in the admin (read-only, staff only) with live progress. */
export function jobsCollectionOverrides({ defaultJobsCollection }: { defaultJobsCollection: CollectionConfig }): CollectionConfig {
  return {
    ...defaultJobsCollection,
    admin: {
      ...defaultJobsCollection.admin,
      hidden: false,
      group: 'System',
      defaultColumns: ['taskSlug', 'processing', 'completedAt', 'hasError', 'claimedBy', 'createdAt'],
    },
    access: { read: operationsStaff, create: nobody, update: nobody, delete: nobody },
    // Payload's /run and /handle-schedules endpoints claim jobs without row locks; only the worker loop
    // (jobs/runWorker.ts) runs jobs, and schedules live in the `schedules` collection.
    endpoints: [],
    lockDocuments: false,
    fields: [...defaultJobsCollection.fields, ...trackingFields],
  }
}
