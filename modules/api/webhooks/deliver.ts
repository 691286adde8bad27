import type { Pool } from 'pg'

import {
  EVENT_ID_HEADER,
  EVENT_TYPE_HEADER,
  SIGNATURE_HEADER,
  DEFAULT_RETRY_SCHEDULE,
  nextAttemptDelay,
  signatureHeader,
  type RetrySchedule,
} from '../../../engine/api/webhooks'
import { openSigningSecret } from './secret'

/** How long a receiver has to answer, in ms (ACCRUE_WEBHOOK_TIMEOUT_MS, else 10 s). */
export function webhookTimeoutMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const value = Number(env.ACCRUE_WEBHOOK_TIMEOUT_MS ?? 10_000)
  return Number.isFinite(value) && value > 0 ? value : 10_000
}

/** The retry schedule, with its first wait from ACCRUE_WEBHOOK_RETRY_BASE_MS when set (tests shorten it). */
export function retrySchedule(env: Readonly<Record<string, string | undefined>> = process.env): RetrySchedule {
  const base = Number(env.ACCRUE_WEBHOOK_RETRY_BASE_MS)
  return Number.isFinite(base) && base > 0 ? { ...DEFAULT_RETRY_SCHEDULE, baseMs: base } : DEFAULT_RETRY_SCHEDULE
}

/** A claimed delivery with what sending it needs. */
export type ClaimedDelivery = {
  id: number
  leaseUntil: Date
  url: string
  secretSealed: string
  sealContext: string
  eventId: string
  type: string
  data: unknown
  eventCreatedAt: Date
  createdAt: Date
  attempts: number
}

/**
 * Claims up to `limit` due deliveries for `leaseMs`: pending or retrying, due, not leased (or their lease expired: the
 * worker that held it died). Per subscription only the oldest due event is taken, and none while another delivery of
 * that subscription is in flight, so one receiver gets its events in order while a hanging receiver holds up only its
 * own. Claims queue on one advisory lock (they take milliseconds) and lock their rows with FOR UPDATE SKIP LOCKED.
 */
export async function claimDueDeliveries(pool: Pool, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const client = await pool.connect()
  try {
    await client.query('begin')
    await client.query(`select pg_advisory_xact_lock(hashtext('accrue.api.webhook-claim'))`)
    const claimed = await client.query<ClaimedDelivery>(
      `with due as (
         select d.id, d.subscription_id, d.event_id
           from webhook_deliveries d
          where d.status in ('pending', 'retrying') and coalesce(d.next_attempt_at, d.created_at) <= clock_timestamp()
            and (d.lease_until is null or d.lease_until < clock_timestamp())
       ), free as (
         select due.* from due
          where not exists (select 1 from webhook_deliveries x
                             where x.subscription_id = due.subscription_id and x.status in ('pending', 'retrying')
                               and x.lease_until >= clock_timestamp())
       ), firsts as (
         select distinct on (subscription_id) id from free order by subscription_id, event_id, id
       ), picked as (
         select d.id from webhook_deliveries d join firsts f on f.id = d.id
          order by d.event_id, d.id limit $1
          for update of d skip locked
       )
       update webhook_deliveries d
          set lease_until = clock_timestamp() + make_interval(secs => $2::numeric / 1000), updated_at = clock_timestamp()
         from picked, webhook_subscriptions s, webhook_events e
        where d.id = picked.id and s.id = d.subscription_id and e.id = d.event_id
       returning d.id, d.lease_until as "leaseUntil", s.url, s.secret_sealed as "secretSealed", s.seal_context as "sealContext",
                 e.event_id as "eventId", e.type::text as type, e.data, e.created_at as "eventCreatedAt",
                 d.created_at as "createdAt", d.attempts::int as attempts`,
      [limit, leaseMs],
    )
    await client.query('commit')
    return claimed.rows
  } catch (err) {
    await client.query('rollback').catch(() => undefined)
    throw err
  } finally {
    client.release()
  }
}

/** The body a receiver gets. */
export function deliveryBody(delivery: Pick<ClaimedDelivery, 'eventId' | 'type' | 'eventCreatedAt' | 'data'>): string {
  return JSON.stringify({
    id: delivery.eventId,
    type: delivery.type,
    createdAt: new Date(delivery.eventCreatedAt).toISOString(),
    data: delivery.data,
  })
}

type Outcome = { ok: boolean; responseCode: number | null; excerpt: string | null; error: string | null }

/** POSTs one signed delivery and reads at most the start of the answer; never throws. */
export async function sendDelivery(delivery: ClaimedDelivery, timeoutMs: number, now: () => Date = () => new Date()): Promise<Outcome> {
  let secret: string
  try {
    secret = openSigningSecret(delivery)
  } catch (err) {
    return { ok: false, responseCode: null, excerpt: null, error: `the signing secret cannot be opened: ${(err as Error).message}` }
  }
  const body = deliveryBody(delivery)
  try {
    const res = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Accrue-Webhooks/1',
        [SIGNATURE_HEADER]: signatureHeader(secret, Math.floor(now().getTime() / 1000), body),
        [EVENT_ID_HEADER]: delivery.eventId,
        [EVENT_TYPE_HEADER]: delivery.type,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await res.text().catch(() => '')
    const ok = res.status >= 200 && res.status < 300
    return { ok, responseCode: res.status, excerpt: text.slice(0, 500) || null, error: ok ? null : `the receiver answered ${res.status}` }
  } catch (err) {
    const error = err as Error
    const timedOut = error.name === 'TimeoutError' || error.name === 'AbortError'
    const cause = (error.cause as Error | undefined)?.message
    return {
      ok: false,
      responseCode: null,
      excerpt: null,
      error: timedOut ? `no answer within ${timeoutMs} ms` : `could not reach the receiver: ${cause ?? error.message}`,
    }
  }
}

/**
 * Records an attempt: delivered on 2xx; else retrying at the next time of the schedule, or failed once that would fall
 * beyond 24 hours after the delivery was first due. Written only while this worker still holds the lease (its
 * `lease_until`), so a worker that lost its lease cannot overwrite the one that took over.
 */
export async function recordAttempt(
  pool: Pool,
  delivery: ClaimedDelivery,
  outcome: Outcome,
  schedule: RetrySchedule,
  now: Date,
  jitter: number,
): Promise<'delivered' | 'retrying' | 'failed' | 'lease lost'> {
  const attempts = delivery.attempts + 1
  const delay = outcome.ok ? null : nextAttemptDelay(attempts, now.getTime() - new Date(delivery.createdAt).getTime(), jitter, schedule)
  const status = outcome.ok ? 'delivered' : delay === null ? 'failed' : 'retrying'
  const updated = await pool.query(
    `update webhook_deliveries
        set status = $3::text::enum_webhook_deliveries_status, attempts = $4, last_attempt_at = $5, response_code = $6, response_excerpt = $7, error = $8,
            delivered_at = case when $3::text = 'delivered' then $5 else delivered_at end,
            next_attempt_at = $9, lease_until = null, updated_at = now()
      where id = $1 and lease_until = $2`,
    [
      delivery.id,
      delivery.leaseUntil,
      status,
      attempts,
      now,
      outcome.responseCode,
      outcome.excerpt,
      outcome.error,
      delay === null ? null : new Date(now.getTime() + delay),
    ],
  )
  return updated.rowCount === 0 ? 'lease lost' : status
}

export type DelivererOptions = {
  /** Deliveries in flight at once (each to another subscription). */
  concurrency?: number
  /** Idle wait between claims, in ms. */
  pollMs?: number
  /** Stop once nothing is due and nothing is in flight (a drain). */
  exitWhenIdle?: boolean
  onError?: (err: unknown) => void
}

export type RunningDeliverer = { stop: () => Promise<void>; done: Promise<void> }

/**
 * The delivery loop the worker runs beside its jobs: claims due deliveries while it has free slots, sends each on its
 * own (a hanging receiver holds one slot until its timeout), records the outcome, and polls when idle. `stop` claims
 * nothing more and waits for the deliveries in flight (at most the timeout).
 */
export function startDeliverer(pool: Pool, options: DelivererOptions = {}): RunningDeliverer {
  const { concurrency = 4, pollMs = 1_000, exitWhenIdle = false, onError = () => undefined } = options
  const timeoutMs = webhookTimeoutMs()
  // Long enough to cover the send and its record; a worker that dies loses its deliveries for this long at most.
  const leaseMs = timeoutMs + 5_000
  const schedule = retrySchedule()
  const inFlight = new Set<Promise<void>>()
  let stopping = false
  let wake: (() => void) | null = null
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve
      setTimeout(resolve, ms).unref()
    })

  const deliver = async (delivery: ClaimedDelivery): Promise<void> => {
    const outcome = await sendDelivery(delivery, timeoutMs)
    await recordAttempt(pool, delivery, outcome, schedule, new Date(), Math.random())
  }

  const loop = async (): Promise<void> => {
    while (!stopping) {
      const free = concurrency - inFlight.size
      let claimed: ClaimedDelivery[] = []
      if (free > 0) {
        try {
          claimed = await claimDueDeliveries(pool, free, leaseMs)
        } catch (err) {
          if (!stopping) onError(err)
        }
      }
      for (const delivery of claimed) {
        const running: Promise<void> = deliver(delivery)
          .catch((err) => onError(err))
          .finally(() => {
            inFlight.delete(running)
            wake?.()
          })
        inFlight.add(running)
      }
      if (claimed.length > 0 && inFlight.size < concurrency) continue
      if (exitWhenIdle && claimed.length === 0 && inFlight.size === 0) break
      await sleep(pollMs)
    }
    await Promise.all(inFlight)
  }
  const done = loop()
  return {
    done,
    stop: async () => {
      stopping = true
      wake?.()
      await done
    },
  }
}
