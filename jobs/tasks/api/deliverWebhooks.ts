import type { Payload } from 'payload'

import { startDeliverer, type DelivererOptions, type RunningDeliverer } from '../../../modules/api'
import { dbPool } from '../../../db/pool'

/**
 * Webhook delivery, run by the worker loop beside the job queue (not a queued job: one job per delivery would add a
 * queue in front of the outbox, and the outbox table already is one). It claims due deliveries with a lease, sends
 * them signed and records each attempt (modules/api/webhooks/deliver.ts); a business transaction or a job never waits
 * for a receiver.
 */
export function startWebhookDelivery(payload: Payload, options: Omit<DelivererOptions, 'onError'> = {}): RunningDeliverer {
  return startDeliverer(dbPool(payload), {
    ...options,
    onError: (err) => payload.logger.error({ err, msg: 'webhook delivery failed' }),
  })
}
