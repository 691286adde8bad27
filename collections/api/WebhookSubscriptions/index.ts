import type { CollectionConfig, FieldAccess } from 'payload'

import { companyAdmins } from '../../../access/core/companyAdmins'
import { WEBHOOK_EVENTS } from '../../../engine/api'
import { rotateSecret } from './endpoints/rotateSecret'
import { refuseBadUrl } from './hooks/refuseBadUrl'
import { revealSecretOnce } from './hooks/revealSecretOnce'
import { sealSigningSecret } from './hooks/sealSigningSecret'

const never: FieldAccess = () => false

/**
 * Where Accrue sends its events: a URL, the event types it wants, and a signing secret (sealed; shown once). Each
 * delivery is signed with HMAC-SHA256 over the timestamp and the body. Company admins manage them, in the admin or
 * over REST.
 */
export const WebhookSubscriptions: CollectionConfig = {
  slug: 'webhook-subscriptions',
  lockDocuments: false,
  admin: {
    useAsTitle: 'url',
    group: 'Integrations',
    defaultColumns: ['url', 'events', 'active', 'updatedAt'],
    components: { edit: { beforeDocumentControls: ['/components/api/RotateSecretButton#RotateSecretButton'] } },
  },
  access: { read: companyAdmins, create: companyAdmins, update: companyAdmins, delete: companyAdmins },
  hooks: { beforeChange: [refuseBadUrl, sealSigningSecret], afterOperation: [revealSecretOnce] },
  endpoints: [rotateSecret],
  fields: [
    { name: 'url', label: 'URL', type: 'text', required: true, admin: { description: 'An https URL that answers 2xx to a POST.' } },
    { name: 'description', type: 'text' },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      options: WEBHOOK_EVENTS.map((event) => ({ value: event.type, label: event.type })),
    },
    { name: 'active', type: 'checkbox', defaultValue: true, admin: { position: 'sidebar' } },
    {
      name: 'secretHint',
      type: 'text',
      admin: { readOnly: true, position: 'sidebar', description: 'The last characters of the signing secret.' },
    },
    { name: 'secretSealed', type: 'text', access: { read: never, create: never, update: never }, admin: { hidden: true } },
    { name: 'sealContext', type: 'text', access: { read: never, create: never, update: never }, admin: { hidden: true } },
    { name: 'keyId', type: 'text', access: { read: never, create: never, update: never }, admin: { hidden: true } },
  ],
}
