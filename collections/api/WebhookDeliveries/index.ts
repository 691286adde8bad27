import type { CollectionConfig } from 'payload'

import { companyAdmins } from '../../../access/core/companyAdmins'
import { nobody } from '../../../access/core/nobody'
import { replayDelivery } from './endpoints/replayDelivery'

export const DELIVERY_STATUSES = ['pending', 'delivered', 'retrying', 'failed'] as const

/**
 * One event to one subscription: written with the event, sent by the worker, retried with exponential backoff for
 * 24 hours. The log the admin reads: status, attempts, the receiver's response code, and a replay button.
 */
export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  lockDocuments: false,
  admin: {
    group: 'Integrations',
    defaultColumns: ['event', 'subscription', 'status', 'attempts', 'responseCode', 'lastAttemptAt'],
    components: { edit: { beforeDocumentControls: ['/components/api/ReplayButton#ReplayButton'] } },
  },
  endpoints: [replayDelivery],
  access: { read: companyAdmins, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-createdAt',
  fields: [
    { name: 'event', type: 'relationship', relationTo: 'webhook-events', required: true, index: true },
    { name: 'subscription', type: 'relationship', relationTo: 'webhook-subscriptions', required: true, index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: DELIVERY_STATUSES.map((value) => ({ value, label: value })),
    },
    { name: 'attempts', type: 'number', required: true, defaultValue: 0 },
    { name: 'nextAttemptAt', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'leaseUntil', type: 'date', admin: { hidden: true } },
    { name: 'lastAttemptAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'responseCode', type: 'number' },
    { name: 'responseExcerpt', type: 'textarea' },
    { name: 'error', type: 'textarea' },
    { name: 'deliveredAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'replayOf', type: 'relationship', relationTo: 'webhook-deliveries' },
  ],
}
