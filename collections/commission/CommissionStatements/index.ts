import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/core/nobody'
import { readOwnSubtree } from '../../../access/core/subtree'
import { moneyField } from '../../../fields/core/money'
import { downloadStatement } from './endpoints/downloadStatement'

/**
 * A payee's statement for a run: its totals and the PDF and xlsx files made by the statements job.
 * `GET /api/commission-statements/:id/pdf` and `/xlsx` download them for anyone allowed to read the statement.
 */
export const CommissionStatements: CollectionConfig = {
  slug: 'commission-statements',
  lockDocuments: false,
  admin: {
    useAsTitle: 'title',
    group: 'Pay',
    defaultColumns: ['title', 'participant', 'total', 'held', 'payable', 'lineCount'],
    components: { edit: { beforeDocumentControls: ['/components/commission/StatementDownloads#StatementDownloads'] } },
  },
  access: { read: readOwnSubtree('participant.path'), create: nobody, update: nobody, delete: nobody },
  endpoints: [downloadStatement('pdf'), downloadStatement('xlsx')],
  indexes: [{ fields: ['run', 'participant'], unique: true }],
  fields: [
    { name: 'title', type: 'text' },
    { name: 'run', type: 'relationship', relationTo: 'commission-runs', required: true },
    { name: 'period', type: 'relationship', relationTo: 'commission-periods', required: true },
    { name: 'participant', type: 'relationship', relationTo: 'participants', required: true, index: true },
    { name: 'currency', type: 'text' },
    moneyField({ name: 'total' }),
    moneyField({ name: 'held' }),
    moneyField({ name: 'payable' }),
    { name: 'lineCount', type: 'number' },
    { name: 'generatedAt', type: 'date' },
    {
      name: 'summary',
      type: 'json',
      admin: { readOnly: true, description: 'Totals by component, with the lines of small groups (what the portal shows).' },
    },
    { name: 'pdfFile', type: 'text', admin: { hidden: true }, access: { read: () => false } },
    { name: 'xlsxFile', type: 'text', admin: { hidden: true }, access: { read: () => false } },
  ],
}
