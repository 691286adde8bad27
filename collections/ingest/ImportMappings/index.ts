import type { CollectionConfig } from 'payload'

import { catalogEditors } from '../../../access/core/catalogEditors'
import { staff } from '../../../access/core/staff'
import { IMPORT_SOURCE_LABELS, IMPORT_SOURCES, SOURCE_FIELDS } from '../../../engine/ingest/fields'
import { TRANSLATABLE_FIELDS } from '../../../engine/ingest/valueMaps'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { auditDelete } from '../../../hooks/system/audit/auditDelete'
import { downloadTemplate } from './endpoints/downloadTemplate'
import { previewMapping } from './endpoints/preview'
import { checkMapping } from './hooks/checkMapping'

const fieldOptions = [
  ...new Map(
    Object.values(SOURCE_FIELDS)
      .flat()
      .map((field) => [field.name, field.label]),
  ).entries(),
].map(([value, label]) => ({ value, label }))

const translatableOptions = fieldOptions.filter((option) => option.value in TRANSLATABLE_FIELDS)

/**
 * How one source's files are laid out: which sheet, where the header is, date and decimal conventions, and which
 * column holds which field, and the file's own words for values (value translations). A new carrier's layout and codes
 * are a new mapping, not new code. Each mapping serves its own standardized Excel template at
 * `/api/import-mappings/:id/template` and a dry run at `POST /api/import-mappings/:id/preview`.
 */
export const ImportMappings: CollectionConfig = {
  slug: 'import-mappings',
  lockDocuments: false,
  admin: {
    useAsTitle: 'name',
    group: 'Settings',
    defaultColumns: ['name', 'source', 'carrier', 'sheetName'],
    components: { edit: { beforeDocumentControls: ['/components/ingest/TemplateDownload#TemplateDownload'] } },
  },
  access: { read: staff, create: catalogEditors, update: catalogEditors, delete: catalogEditors },
  hooks: { beforeChange: [checkMapping], afterChange: [auditChange], beforeDelete: [auditDelete] },
  endpoints: [downloadTemplate, previewMapping],
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    {
      name: 'source',
      type: 'select',
      required: true,
      options: IMPORT_SOURCES.map((value) => ({ value, label: IMPORT_SOURCE_LABELS[value] })),
    },
    {
      name: 'partner',
      type: 'relationship',
      relationTo: 'participants',
      admin: {
        description:
          'Point-of-sale lines: the distributor whose files this mapping reads (its own layout); then no partner column is needed.',
        condition: (data) => data?.source === 'pos_lines',
      },
    },
    {
      name: 'carrier',
      type: 'relationship',
      relationTo: 'carriers',
      admin: {
        description:
          "Required for a carrier's records. For dealer sales: every row is for this carrier (then no carrier column is needed).",
      },
    },
    {
      type: 'collapsible',
      label: 'File layout',
      fields: [
        { name: 'sheetName', type: 'text', admin: { description: 'Excel only. Empty: the first sheet.' } },
        {
          name: 'headerRow',
          type: 'number',
          min: 1,
          admin: { description: 'Row number of the header. Empty: found automatically (title lines above it are skipped).' },
        },
        { name: 'firstDataRow', type: 'number', min: 1, admin: { description: 'Empty: the row after the header.' } },
        {
          name: 'csvDelimiter',
          type: 'select',
          defaultValue: 'auto',
          options: [
            { value: 'auto', label: 'Detect' },
            { value: ',', label: 'Comma (,)' },
            { value: ';', label: 'Semicolon (;)' },
            { value: '\t', label: 'Tab' },
            { value: '|', label: 'Pipe (|)' },
          ],
        },
        {
          name: 'decimalSeparator',
          type: 'select',
          required: true,
          defaultValue: '.',
          options: [
            { value: '.', label: 'Point: 1,234.50' },
            { value: ',', label: 'Comma: 1.234,50' },
          ],
        },
        {
          name: 'dateFormats',
          type: 'text',
          required: true,
          defaultValue: 'YYYY-MM-DD, MM/DD/YYYY',
          admin: {
            description:
              'Accepted date formats for text dates, comma-separated, tried in order (YYYY, MM, M, DD, D). Excel dates are always understood.',
          },
        },
      ],
    },
    {
      name: 'valueMaps',
      label: 'Value translations',
      type: 'array',
      labels: { singular: 'Translation', plural: 'Translations' },
      admin: {
        description:
          "The file's own words for a column's values: an activation type or line status spelled the carrier's way, a carrier's name for its code, a plan or feature alias. The built-in spellings (e.g. 'Port In', 'Deact') are understood without a translation; a translation here adds to them and wins.",
        initCollapsed: false,
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'field',
              type: 'select',
              required: true,
              options: translatableOptions,
              admin: { width: '30%', description: 'The column (by its field).' },
            },
            { name: 'value', type: 'text', required: true, admin: { width: '35%', description: 'The value as the file writes it.' } },
            {
              name: 'means',
              type: 'text',
              required: true,
              admin: {
                width: '35%',
                description: "What it means in Accrue: the activation type, status, or the carrier's, dealer's, plan's or feature's code.",
              },
            },
          ],
        },
      ],
    },
    {
      name: 'columns',
      type: 'array',
      required: true,
      minRows: 1,
      admin: { description: 'Which file header holds which field.', initCollapsed: false },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'field', type: 'select', required: true, options: fieldOptions, admin: { width: '50%' } },
            { name: 'header', type: 'text', required: true, admin: { width: '50%', description: 'The header text in the file.' } },
          ],
        },
      ],
    },
    {
      name: 'preview',
      type: 'ui',
      admin: { components: { Field: '/components/ingest/MappingPreview#MappingPreview' } },
    },
  ],
}
