import type { CollectionConfig } from 'payload'

import { dataOperators } from '../../../access/core/dataOperators'
import { nobody } from '../../../access/core/nobody'
import { staff } from '../../../access/core/staff'
import { IMPORT_SOURCE_LABELS, IMPORT_SOURCES } from '../../../engine/ingest/fields'
import { uploadDir } from '../../../modules/core/uploadDir'
import { downloadRejects } from './endpoints/downloadRejects'
import { acceptUpload } from './hooks/acceptUpload'
import { queueJobOnCreate } from '../../../hooks/core/queueJobOnCreate'

const count = (name: string, label: string, description?: string) =>
  ({ name, label, type: 'number', defaultValue: 0, admin: { readOnly: true, description } }) as const

/**
 * An uploaded dealer-sales or carrier file and what became of each of its rows. Uploading queues a job that reads
 * the file as a stream, accepts or rejects every row with a reason, and writes accepted rows in bulk in one
 * transaction (a file that cannot be read leaves nothing behind). Rejected rows download as a workbook at
 * `/api/imports/:id/rejects`, fix and re-import; rows already imported are recognized by their natural key.
 */
export const Imports: CollectionConfig = {
  slug: 'imports',
  lockDocuments: false,
  admin: {
    useAsTitle: 'filename',
    group: 'Data in',
    defaultColumns: ['filename', 'mapping', 'status', 'rowsRead', 'accepted', 'rejected', 'createdAt'],
    components: { edit: { beforeDocumentControls: ['/components/ingest/RejectsDownload#RejectsDownload'] } },
  },
  access: { read: staff, create: dataOperators, update: nobody, delete: nobody },
  hooks: { beforeChange: [acceptUpload], afterChange: [queueJobOnCreate('imports', 'runImport', 'importId')] },
  endpoints: [downloadRejects],
  upload: { staticDir: uploadDir('imports', process.env.IMPORTS_DIR) },
  fields: [
    { name: 'mapping', type: 'relationship', relationTo: 'import-mappings', required: true },
    {
      name: 'source',
      type: 'select',
      options: IMPORT_SOURCES.map((value) => ({ value, label: IMPORT_SOURCE_LABELS[value] })),
      admin: { readOnly: true },
    },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'queued',
      index: true,
      options: ['queued', 'running', 'completed', 'failed'].map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) })),
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'job',
      type: 'number',
      admin: { readOnly: true, position: 'sidebar', components: { Field: '/components/core/JobProgress#LinkedJobProgress' } },
    },
    {
      name: 'message',
      type: 'textarea',
      admin: { readOnly: true, description: 'What happened: the outcome, or why the file could not be imported.' },
    },
    {
      type: 'row',
      fields: [
        count('rowsRead', 'Rows read', 'Data rows in the file (blank rows not counted).'),
        count('accepted', 'Accepted', 'Inserted + updated + already present.'),
        count('rejected', 'Rejected'),
      ],
    },
    {
      type: 'row',
      fields: [
        count('inserted', 'New'),
        count('updated', 'Updated', 'Rows already imported whose values changed.'),
        count('duplicates', 'Already present', 'Rows identical to ones imported before (or earlier in this file).'),
        count('blankRows', 'Blank rows'),
        count(
          'footerRows',
          'Footer lines',
          'Lines after the data that are not data (totals, counts, "End of report"): skipped, not rejected.',
        ),
      ],
    },
    { name: 'headers', type: 'json', admin: { hidden: true }, access: { update: () => false } },
    {
      name: 'format',
      type: 'select',
      options: ['xlsx', 'csv'].map((value) => ({ value, label: value })),
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'fileHash', type: 'text', index: true, admin: { readOnly: true, position: 'sidebar', description: 'SHA-256 of the file.' } },
    {
      name: 'duplicateOf',
      type: 'relationship',
      relationTo: 'imports',
      admin: { readOnly: true, position: 'sidebar', description: 'An earlier import of the very same file.' },
    },
    { name: 'startedAt', type: 'date', admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', type: 'date', admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
