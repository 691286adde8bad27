import type { Capability } from '../core/capability'
import { ApiKeys } from './ApiKeys'
import { apiReferenceEndpoints } from './reference'
import { WebhookDeliveries } from './WebhookDeliveries'
import { WebhookEvents } from './WebhookEvents'
import { WebhookSubscriptions } from './WebhookSubscriptions'

/** The integrators' capability: scoped API keys, webhook subscriptions, the event outbox and its delivery log. */
export const api: Capability = {
  collections: [ApiKeys, WebhookSubscriptions, WebhookEvents, WebhookDeliveries],
  endpoints: apiReferenceEndpoints,
}
