import type { CollectionConfig } from 'payload'

import { auditReaders } from '../../access/core/auditReaders'
import { nobody } from '../../access/core/nobody'

/**
 * The append-only audit trail. Access forbids create, update and delete to everyone (only the audit hooks write,
 * with overrideAccess), and a database trigger refuses UPDATE and DELETE on the table itself.
 */
export const AuditEvents: CollectionConfig = {
  slug: 'audit-events',
  lockDocuments: false,
  admin: {
    group: 'System',
    useAsTitle: 'summary',
    defaultColumns: ['createdAt', 'action', 'collectionSlug', 'documentId', 'actorLabel', 'summary'],
  },
  access: { read: auditReaders, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      options: ['create', 'update', 'delete', 'move'],
    },
    { name: 'collectionSlug', label: 'Collection', type: 'text', required: true, index: true },
    { name: 'documentId', type: 'text', required: true, index: true },
    {
      name: 'actorId',
      label: 'Who (user id)',
      type: 'number',
      index: true,
      admin: { description: 'Kept as a plain id so deleting a login never rewrites its history.' },
    },
    { name: 'actorLabel', label: 'Who', type: 'text', required: true },
    { name: 'summary', type: 'text' },
    { name: 'changes', type: 'json', admin: { description: 'Each changed field with its value before and after.' } },
  ],
}
