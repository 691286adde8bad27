import type { CollectionConfig } from 'payload'

import { dataOperators } from '../../../access/core/dataOperators'
import { nobody } from '../../../access/core/nobody'
import { staff } from '../../../access/core/staff'
import { dateOnlyField } from '../../../fields/core/dateOnly'
import { planScrapeRun } from './hooks/planScrapeRun'
import { queueJobOnCreate } from '../../../hooks/core/queueJobOnCreate'

const readOnly = { readOnly: true }

/**
 * One run of a carrier connector: the period it fetched, how it ended, what it fetched and what the import made of
 * it; when it failed, the diagnosis (the step and selector), a screenshot and the page's HTML with credentials
 * masked. Created by "Run now" or a schedule; runs as a job, retried with backoff on transient failures only.
 */
export const ScrapeRuns: CollectionConfig = {
  slug: 'scrape-runs',
  lockDocuments: false,
  admin: {
    group: 'Data in',
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'failureKind', 'rowsFetched', 'accepted', 'rejected', 'createdAt'],
  },
  access: { read: staff, create: dataOperators, update: nobody, delete: nobody },
  hooks: { beforeChange: [planScrapeRun], afterChange: [queueJobOnCreate('scrape-runs', 'scrapeCarrier', 'runId')] },
  fields: [
    { name: 'title', type: 'text', admin: readOnly },
    { name: 'connector', type: 'relationship', relationTo: 'carrier-connectors', required: true, index: true },
    {
      name: 'trigger',
      type: 'select',
      defaultValue: 'manual',
      options: ['manual', 'schedule'].map((value) => ({ value, label: value })),
      admin: readOnly,
    },
    { type: 'row', fields: [dateOnlyField({ name: 'periodFrom' }), dateOnlyField({ name: 'periodTo' })] },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'queued',
      index: true,
      options: ['queued', 'running', 'retrying', 'completed', 'failed'].map((value) => ({ value, label: value })),
      admin: { ...readOnly, position: 'sidebar' },
    },
    {
      name: 'job',
      type: 'number',
      admin: { ...readOnly, position: 'sidebar', components: { Field: '/components/core/JobProgress#LinkedJobProgress' } },
    },
    { name: 'attempts', type: 'number', defaultValue: 0, admin: { ...readOnly, position: 'sidebar' } },
    {
      name: 'failureKind',
      type: 'select',
      options: ['drift', 'permanent', 'transient'].map((value) => ({ value, label: value })),
      admin: readOnly,
    },
    { name: 'diagnosis', type: 'textarea', admin: readOnly },
    { name: 'screenshot', type: 'upload', relationTo: 'scrape-evidence', admin: readOnly },
    { name: 'html', label: 'Page HTML (credentials masked)', type: 'code', admin: { ...readOnly, language: 'html' } },
    {
      type: 'row',
      fields: [
        { name: 'pages', type: 'number', admin: readOnly },
        { name: 'rowsFetched', type: 'number', admin: readOnly },
        { name: 'accepted', type: 'number', admin: readOnly },
        { name: 'rejected', type: 'number', admin: readOnly },
        { name: 'inserted', type: 'number', admin: { ...readOnly, description: 'New carrier records.' } },
      ],
    },
    { name: 'import', type: 'relationship', relationTo: 'imports', admin: readOnly },
    { name: 'startedAt', type: 'date', admin: { ...readOnly, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', type: 'date', admin: { ...readOnly, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
