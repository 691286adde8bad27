import type { CollectionBeforeChangeHook } from 'payload'

import type { WebhookSubscription } from '../../../../payload-types'

import { newSigningSecret, sealWebhookSecret } from '../../../../modules/api/webhooks/secret'

/** `req.context` keys: ask for a new secret on update, and hand the plain one to `revealSecretOnce`. */
export const ROTATE_SECRET = 'rotateWebhookSecret'
export const NEW_SECRET = 'newWebhookSecret'

/**
 * Generates the signing secret on create (and on a rotation), seals it and keeps its last four characters as the
 * hint. The plain secret goes only into the request's context, for the response that shows it once.
 */
export const sealSigningSecret: CollectionBeforeChangeHook<WebhookSubscription> = ({ data, operation, originalDoc, req }) => {
  if (operation !== 'create' && !req.context[ROTATE_SECRET]) return data
  const secret = newSigningSecret()
  Object.assign(data, sealWebhookSecret(secret, (originalDoc as { sealContext?: string | null } | undefined)?.sealContext))
  req.context[NEW_SECRET] = secret
  return data
}
