import type { Payload } from 'payload'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'

import { dbPool } from '../../../db/pool'

/** One limiter per rate (rate-limiter-flexible fixes the points per limiter); all count in table api_key_rate. */
const limiters = new WeakMap<Payload, Map<number, RateLimiterPostgres>>()

function limiterFor(payload: Payload, perMinute: number): RateLimiterPostgres {
  let byRate = limiters.get(payload)
  if (!byRate) limiters.set(payload, (byRate = new Map()))
  let limiter = byRate.get(perMinute)
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: dbPool(payload),
      storeType: 'pool',
      tableName: 'api_key_rate',
      tableCreated: true,
      // The first limiter also deletes, every five minutes, counts whose window ended an hour ago.
      clearExpiredByTimeout: byRate.size === 0,
      keyPrefix: 'api-key',
      points: perMinute,
      duration: 60,
    })
    byRate.set(perMinute, limiter)
  }
  return limiter
}

/** Counts one request of the key; null when within its rate, else the seconds until it may retry. */
export async function countKeyRequest(payload: Payload, keyId: number, perMinute: number): Promise<number | null> {
  try {
    await limiterFor(payload, Math.max(1, Math.floor(perMinute))).consume(String(keyId))
    return null
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err
    return Math.max(1, Math.ceil(err.msBeforeNext / 1000))
  }
}
