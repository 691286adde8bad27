import type { CollectionConfig } from 'payload'

import { catalogEditors } from '../../../access/core/catalogEditors'
import { companyAdmins } from '../../../access/core/companyAdmins'
import { staff } from '../../../access/core/staff'
import { STEP_ACTIONS } from '../../../engine/scrape/steps'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { auditDelete } from '../../../hooks/system/audit/auditDelete'
import { runNow } from './endpoints/runNow'
import { checkConnector } from './hooks/checkConnector'

/**
 * A carrier portal, configured rather than coded: its login URL, the credential it signs in with, the steps a
 * browser takes (with selectors and {{placeholders}}), and the import mapping its report goes through. Runs come
 * from a schedule (task "Scrape a carrier portal" with input {"connector": id}) or "Run now"
 * (POST /api/carrier-connectors/:id/run).
 */
export const CarrierConnectors: CollectionConfig = {
  slug: 'carrier-connectors',
  lockDocuments: false,
  admin: {
    useAsTitle: 'name',
    group: 'Settings',
    defaultColumns: ['name', 'carrier', 'loginUrl', 'enabled'],
    components: { edit: { beforeDocumentControls: ['/components/scrape/RunConnectorButton#RunConnectorButton'] } },
  },
  access: { read: staff, create: catalogEditors, update: catalogEditors, delete: companyAdmins },
  hooks: { beforeChange: [checkConnector], afterChange: [auditChange], beforeDelete: [auditDelete] },
  endpoints: [runNow],
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    { name: 'carrier', type: 'relationship', relationTo: 'carriers', required: true },
    {
      name: 'fetches',
      type: 'select',
      required: true,
      defaultValue: 'report',
      options: [
        { value: 'report', label: 'A carrier-records report (imported with the mapping)' },
        { value: 'invoices', label: 'Invoices (every file the download step’s links offer, for bill payment)' },
      ],
    },
    {
      name: 'mapping',
      type: 'relationship',
      relationTo: 'import-mappings',
      admin: {
        description: "Reports: the carrier-records mapping the portal's report is read with.",
        condition: (data) => data?.fetches !== 'invoices',
      },
    },
    {
      name: 'loginUrl',
      type: 'text',
      required: true,
      admin: { description: 'The sign-in page. Relative step URLs are resolved against its origin; {{loginUrl}} is this value.' },
    },
    { name: 'credential', type: 'relationship', relationTo: 'portal-credentials', required: true },
    { name: 'enabled', type: 'checkbox', defaultValue: true },
    {
      type: 'row',
      fields: [
        {
          name: 'lookbackDays',
          type: 'number',
          required: true,
          defaultValue: 7,
          min: 1,
          max: 92,
          admin: { description: 'A scheduled run fetches this many days up to yesterday.' },
        },
        {
          name: 'failureThreshold',
          type: 'number',
          required: true,
          defaultValue: 3,
          min: 1,
          admin: { description: 'Alert when this many of the last runs failed…' },
        },
        { name: 'failureWindow', type: 'number', required: true, defaultValue: 5, min: 1, admin: { description: '…out of this many.' } },
      ],
    },
    {
      name: 'steps',
      type: 'array',
      required: true,
      minRows: 1,
      admin: {
        description:
          'Placeholders: {{loginUrl}} {{username}} {{password}} {{totp}} {{from}} {{to}}. Exactly one readTable or download step fetches the report.',
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'action',
              type: 'select',
              required: true,
              options: STEP_ACTIONS.map((value) => ({ value, label: value })),
              admin: { width: '20%' },
            },
            { name: 'target', type: 'text', required: true, admin: { width: '40%', description: 'URL for goto; CSS selector otherwise.' } },
            {
              name: 'value',
              type: 'text',
              admin: { width: '40%', description: 'fill: what to type. failIfPresent: the reason to report.' },
            },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'nextSelector', type: 'text', admin: { width: '40%', description: "readTable: the next page's link." } },
            {
              name: 'failure',
              type: 'select',
              options: [
                { value: 'permanent', label: 'Permanent (not retried)' },
                { value: 'transient', label: 'Transient (retried)' },
              ],
              admin: { width: '30%', description: 'failIfPresent only.' },
            },
            { name: 'timeoutMs', type: 'number', min: 100, max: 120000, admin: { width: '30%' } },
          ],
        },
      ],
    },
  ],
}
