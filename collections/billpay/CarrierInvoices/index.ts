import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/core/nobody'
import { staff } from '../../../access/core/staff'
import { INVOICE_STATUSES, STATUS_LABELS } from '../../../engine/billpay/states'
import { dateOnlyField } from '../../../fields/core/dateOnly'
import { moneyField } from '../../../fields/core/money'
import { invoiceEndpoints } from './endpoints'

/**
 * A carrier invoice: the original file (stored, hashed, served at /api/carrier-invoices/:id/file), what was read from
 * it, the checks it failed and its status in the state machine (engine/billpay/states.ts). Created by ingestion only
 * (portal, drop folder, upload, REST); changed only through its actions (correct, approve, reject, release, pay), each
 * recorded as an invoice event.
 */
export const CarrierInvoices: CollectionConfig = {
  slug: 'carrier-invoices',
  lockDocuments: false,
  admin: {
    useAsTitle: 'invoiceNumber',
    group: 'Bill payment',
    defaultColumns: ['invoiceNumber', 'account', 'statementDate', 'dueDate', 'totalDue', 'status', 'source'],
    components: { edit: { beforeDocumentControls: ['/components/billpay/OpenReviewLink#OpenReviewLink'] } },
  },
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  endpoints: invoiceEndpoints,
  indexes: [{ fields: ['status', 'dueDate'] }],
  fields: [
    { name: 'account', type: 'relationship', relationTo: 'carrier-accounts', index: true },
    { name: 'carrier', type: 'relationship', relationTo: 'carriers' },
    { name: 'invoiceNumber', type: 'text', index: true },
    { name: 'accountNumber', type: 'text', admin: { description: 'As read from the file.' } },
    dateOnlyField({ name: 'statementDate' }),
    dateOnlyField({ name: 'dueDate' }),
    { name: 'currency', type: 'text' },
    moneyField({ name: 'previousBalance' }),
    moneyField({ name: 'payments' }),
    moneyField({ name: 'newCharges' }),
    moneyField({ name: 'taxes' }),
    moneyField({ name: 'totalDue' }),
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'pending_ingestion',
      options: INVOICE_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
    },
    { name: 'statusReason', type: 'textarea', admin: { description: 'Why it is in its status (the failed checks, a breaker, an error).' } },
    { name: 'problems', type: 'json', admin: { description: 'What the reader could not read, and what allocation could not decide.' } },
    { name: 'checks', type: 'json', admin: { description: 'The sanity checks it failed.' } },
    {
      name: 'source',
      type: 'select',
      required: true,
      options: [
        { value: 'portal', label: 'Carrier portal' },
        { value: 'drop_folder', label: 'Drop folder' },
        { value: 'upload', label: 'Upload' },
        { value: 'rest', label: 'REST' },
      ],
    },
    {
      name: 'duplicateOf',
      type: 'relationship',
      relationTo: 'carrier-invoices',
      admin: { description: 'Set when the same account and invoice number arrived before.' },
    },
    { name: 'fileName', type: 'text', required: true },
    { name: 'fileSha256', type: 'text', required: true, unique: true, index: true },
    {
      name: 'fileType',
      type: 'select',
      required: true,
      options: [
        { value: 'pdf', label: 'PDF' },
        { value: 'csv', label: 'CSV' },
        { value: 'x12_811', label: 'EDI X12 811' },
        { value: 'unknown', label: 'Unknown' },
      ],
    },
    { name: 'fileSize', type: 'number' },
    { name: 'pages', type: 'number' },
    { name: 'template', type: 'text', admin: { description: 'The layout template that read the PDF.' } },
    { name: 'lineCount', type: 'number' },
    { name: 'parsedAt', type: 'date' },
    { name: 'approvedBy', type: 'relationship', relationTo: 'users' },
    { name: 'approvedAt', type: 'date' },
    { name: 'released', type: 'json', admin: { description: 'The payment breakers a person released, at which total, by whom and why.' } },
  ],
}
