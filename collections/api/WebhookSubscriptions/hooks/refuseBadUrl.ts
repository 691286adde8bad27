import type { CollectionBeforeChangeHook } from 'payload'

import type { WebhookSubscription } from '../../../../payload-types'

import { webhookUrlProblem } from '../../../../engine/api/webhooks'
import { fieldError } from '../../../../hooks/core/fieldError'

/** A subscription URL is https (plain http only for localhost, or outside production); else a field error. */
export const refuseBadUrl: CollectionBeforeChangeHook<WebhookSubscription> = ({ data }) => {
  if (typeof data.url !== 'string') return data
  data.url = data.url.trim()
  const problem = webhookUrlProblem(data.url, process.env.NODE_ENV === 'production')
  if (problem) throw fieldError('webhook-subscriptions', 'url', problem)
  return data
}
