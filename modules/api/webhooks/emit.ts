import { randomUUID } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import type { PoolClient } from 'pg'

import type { WebhookEventType } from '../../../engine/api'

/** The small JSON an event carries: ids, statuses, counts, amounts as decimal strings. */
export type EventData = Record<string, string | number | boolean | null | string[] | number[]>

export function newEventId(): string {
  return `evt_${randomUUID()}`
}

/**
 * Writes an event to the outbox and one pending delivery per active subscription that wants its type, through
 * `req`, so in the transaction of the change it reports: the event exists exactly when the change was committed,
 * and a rollback takes it away. The worker sends it later; nothing here talks to a receiver.
 */
export async function emitEvent(
  req: PayloadRequest,
  type: WebhookEventType,
  subject: string,
  data: EventData,
): Promise<{ eventId: string; deliveries: number }> {
  const eventId = newEventId()
  const event = await req.payload.create({
    collection: 'webhook-events',
    data: { eventId, type, subject, data: { ...data, subject } },
    req,
    depth: 0,
  })
  const subscriptions = await req.payload.find({
    collection: 'webhook-subscriptions',
    where: { and: [{ active: { equals: true } }, { events: { in: [type] } }] },
    pagination: false,
    depth: 0,
    req,
  })
  const now = new Date().toISOString()
  for (const subscription of subscriptions.docs) {
    await req.payload.create({
      collection: 'webhook-deliveries',
      data: { event: event.id, subscription: subscription.id, status: 'pending', attempts: 0, nextAttemptAt: now },
      req,
      depth: 0,
    })
  }
  return { eventId, deliveries: subscriptions.docs.length }
}

/**
 * The same for code that writes with its own pg client inside its own transaction (`withTransaction`): one
 * statement on that client, so the event commits or rolls back with the work.
 */
export async function emitEventSql(
  client: Pick<PoolClient, 'query'>,
  type: WebhookEventType,
  subject: string,
  data: EventData,
): Promise<{ eventId: string; deliveries: number }> {
  const eventId = newEventId()
  const result = await client.query(
    `with event as (
       insert into webhook_events (event_id, type, subject, data, updated_at, created_at)
       values ($1, $2::text::enum_webhook_events_type, $3, $4::jsonb, clock_timestamp(), clock_timestamp()) returning id
     )
     insert into webhook_deliveries (event_id, subscription_id, status, attempts, next_attempt_at, updated_at, created_at)
     select event.id, s.id, 'pending', 0, clock_timestamp(), clock_timestamp(), clock_timestamp()
       from event, webhook_subscriptions s
      where s.active and exists (select 1 from webhook_subscriptions_events e where e.parent_id = s.id and e.value::text = $2::text)`,
    [eventId, type, subject, JSON.stringify({ ...data, subject })],
  )
  return { eventId, deliveries: result.rowCount ?? 0 }
}
