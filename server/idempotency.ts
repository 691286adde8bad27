import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { executeAuthStrategies, type Payload } from 'payload'
import type { Pool } from 'pg'

import { dbPool } from '../db/pool'
import {
  decideRepeat,
  IDEMPOTENCY_HEADER,
  IDEMPOTENCY_TTL_HOURS,
  idempotencyKeyProblem,
  keepsResponse,
  REPLAYED_HEADER,
  replayableHeaders,
  requestHash,
  type StoredAttempt,
} from '../engine/api/idempotency'
import type { ApiKeyLocals } from './apiKeys'

/**
 * Idempotency keys on the REST API: a POST sent with `Idempotency-Key` is recorded per caller (the API key, else the
 * logged-in user) in table idempotency_keys before it runs. The same key again with the same request gets the first
 * answer back (header `Idempotent-Replayed: true`) and the work is done once; with another body, or while the first
 * is still running, a 409. A server error (5xx) is forgotten, so a retry runs again. Rows live 24 hours.
 */
export type IdempotentRequest = { key: string } | { problem: string } | null

/** The request's Idempotency-Key when it is a POST carrying one, or why the header is unusable. */
export function idempotencyKeyOf(req: ExpressRequest): IdempotentRequest {
  if (req.method !== 'POST') return null
  const value = req.headers[IDEMPOTENCY_HEADER]
  if (value === undefined) return null
  const key = Array.isArray(value) ? value.join(',') : value
  const problem = idempotencyKeyProblem(key)
  return problem ? { problem } : { key }
}

/** Who the key belongs to: the API key the gate let through, else the login the request authenticates as, else nobody. */
export async function idempotencyCaller(payload: Payload, req: ExpressRequest, res: ExpressResponse): Promise<string | null> {
  const apiKey = (res.locals as ApiKeyLocals).apiKey
  if (apiKey) return `api-key:${apiKey.id}`
  const headers = new Headers()
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
  const { user } = await executeAuthStrategies({ headers, payload, canSetHeaders: false })
  return user ? `${user.collection ?? 'users'}:${user.id}` : null
}

const PURGE_EVERY_MS = 10 * 60_000
const purged = new WeakMap<Pool, number>()

async function purgeOld(pool: Pool): Promise<void> {
  const now = Date.now()
  if (now - (purged.get(pool) ?? 0) < PURGE_EVERY_MS) return
  purged.set(pool, now)
  await pool.query(`delete from idempotency_keys where created_at < now() - make_interval(hours => $1)`, [IDEMPOTENCY_TTL_HOURS])
}

type StoredRow = {
  body_hash: string
  state: StoredAttempt['state']
  status: number | null
  headers: Record<string, string> | null
  body: Buffer | null
}

/**
 * Runs `handle` at most once for (caller, key) and the same request: claims the row, runs, stores the answer (or
 * forgets it on a 5xx or a throw); a repeat gets the stored answer or a 409.
 */
export async function idempotent(
  payload: Payload,
  call: { caller: string; key: string; method: string; path: string; contentType: string | undefined; body: Buffer },
  handle: () => Promise<Response>,
): Promise<Response> {
  const pool = dbPool(payload)
  await purgeOld(pool)
  const hash = requestHash(call.method, call.path, call.contentType, call.body)
  for (let attempt = 0; attempt < 3; attempt++) {
    // A row older than the time-to-live counts as absent: it is taken over.
    const claimed = await pool.query(
      `insert into idempotency_keys (caller, key, method, path, body_hash, state) values ($1, $2, $3, $4, $5, 'started')
       on conflict (caller, key) do update
          set method = excluded.method, path = excluded.path, body_hash = excluded.body_hash, state = 'started',
              status = null, headers = null, body = null, created_at = now()
        where idempotency_keys.created_at < now() - make_interval(hours => $6)
       returning 1`,
      [call.caller, call.key, call.method, call.path, hash, IDEMPOTENCY_TTL_HOURS],
    )
    if (claimed.rowCount === 1) return runAndStore(pool, call, handle)
    const { rows } = await pool.query<StoredRow>(
      `select body_hash, state, status, headers, body from idempotency_keys
        where caller = $1 and key = $2 and created_at >= now() - make_interval(hours => $3)`,
      [call.caller, call.key, IDEMPOTENCY_TTL_HOURS],
    )
    const stored = rows[0]
    if (!stored) continue // forgotten meanwhile (a 5xx): claim again
    const decision = decideRepeat({ bodyHash: stored.body_hash, state: stored.state }, hash)
    if (!decision.replay) return Response.json({ errors: [{ message: decision.message }] }, { status: decision.status })
    const headers = new Headers(stored.headers ?? {})
    headers.set(REPLAYED_HEADER, 'true')
    return new Response(bodyAllowed(stored.status!) ? new Uint8Array(stored.body ?? Buffer.alloc(0)) : null, {
      status: stored.status!,
      headers,
    })
  }
  return Response.json({ errors: [{ message: 'a request with this Idempotency-Key is still being processed' }] }, { status: 409 })
}

async function runAndStore(pool: Pool, call: { caller: string; key: string }, handle: () => Promise<Response>): Promise<Response> {
  const forget = () => pool.query(`delete from idempotency_keys where caller = $1 and key = $2`, [call.caller, call.key])
  let response: Response
  let body: Buffer
  try {
    response = await handle()
    body = Buffer.from(await response.arrayBuffer())
  } catch (err) {
    await forget()
    throw err
  }
  if (keepsResponse(response.status))
    await pool.query(`update idempotency_keys set state = 'done', status = $3, headers = $4, body = $5 where caller = $1 and key = $2`, [
      call.caller,
      call.key,
      response.status,
      JSON.stringify(replayableHeaders(response.headers.entries())),
      body,
    ])
  else await forget()
  return new Response(bodyAllowed(response.status) ? new Uint8Array(body) : null, { status: response.status, headers: response.headers })
}

const bodyAllowed = (status: number) => status !== 204 && status !== 205 && status !== 304
