import type { CollectionConfig } from 'payload'

import { companyAdmins } from '../../access/core/companyAdmins'
import { nobody } from '../../access/core/nobody'
import { WEBHOOK_EVENTS } from '../../engine/api'

/**
 * The outbox: each business event, written in the same transaction as the change it reports (so an event exists
 * exactly when its change was committed). `eventId` is unique, for receivers to de-duplicate on.
 */
export const WebhookEvents: CollectionConfig = {
  slug: 'webhook-events',
  lockDocuments: false,
  admin: { useAsTitle: 'eventId', group: 'Integrations', defaultColumns: ['eventId', 'type', 'subject', 'createdAt'] },
  access: { read: companyAdmins, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-createdAt',
  fields: [
    { name: 'eventId', type: 'text', required: true, unique: true, index: true },
    { name: 'type', type: 'select', required: true, index: true, options: WEBHOOK_EVENTS.map((e) => ({ value: e.type, label: e.type })) },
    { name: 'subject', type: 'text', admin: { description: 'The document the event is about, as "collection/id".' } },
    { name: 'data', type: 'json', required: true },
  ],
}
