import type { NextFunction, Request, Response } from 'express'
import type { Payload } from 'payload'

import { dbPool } from '../db/pool'
import { effectiveMethod, keyStandingProblem, operationOf, scopeRefusal, secretOf, type RouteTable } from '../engine/api/keys'
import { countKeyRequest, findKeyBySecret, GRANT_HEADER, grantRequest, noteKeyUse, routeTableOf } from '../modules/api/keys'

/** What the gate found, for later steps of the same request (the idempotency caller). */
export type ApiKeyLocals = { apiKey?: { id: number; name: string } }

/**
 * The gate in front of the REST API for requests carrying an API key (`Authorization: Bearer acr_…` or `X-API-Key`):
 * an unknown, revoked or expired key is a 401, a request outside the key's scope a 403 naming why, one over the key's
 * rate a 429 with Retry-After; Payload never sees them. A request let through carries a grant the auth strategy on
 * users turns into the key's owner, so every row-level rule applies as that login. Mounted on /api.
 */
export function apiKeys(payload: Payload) {
  const pool = dbPool(payload)
  let table: RouteTable | null = null
  return (req: Request, res: Response, next: NextFunction): void => {
    // A grant is only ever made here: one sent by the client is dropped.
    stripHeader(req, GRANT_HEADER)
    const secret = secretOf((name) => req.header(name))
    if (!secret) return next()
    const refuse = (status: number, message: string, headers: Record<string, string> = {}) => {
      res
        .status(status)
        .set(headers)
        .json({ errors: [{ message }] })
    }
    ;(async () => {
      const now = new Date()
      const key = await findKeyBySecret(pool, secret)
      const problem = keyStandingProblem(key, now)
      if (problem || !key) return refuse(401, problem ?? 'API key not recognised', { 'www-authenticate': 'Bearer' })
      table ??= routeTableOf(payload.config)
      const method = effectiveMethod(req.method, req.header('x-payload-http-method-override') ?? req.header('x-http-method-override'))
      const refusal = scopeRefusal(key, method, operationOf(table, method, req.path))
      if (refusal) return refuse(403, refusal)
      const wait = await countKeyRequest(payload, key.id, key.ratePerMinute)
      if (wait !== null)
        return refuse(429, `key '${key.name}' is over its limit of ${key.ratePerMinute} requests a minute: retry in ${wait} s`, {
          'retry-after': String(wait),
        })
      await noteKeyUse(pool, key.id, now.getTime())
      const grant = grantRequest({ keyId: key.id, ownerId: key.ownerId! })
      res.on('close', grant.end)
      // Payload reads a Bearer token as a session JWT: the key's part is done, the grant stands for it from here on.
      if (/^bearer\s+acr_/i.test(req.header('authorization') ?? '')) stripHeader(req, 'authorization')
      addHeader(req, GRANT_HEADER, grant.token)
      ;(res.locals as ApiKeyLocals).apiKey = { id: key.id, name: key.name }
      next()
    })().catch(next)
  }
}

function stripHeader(req: Request, name: string): void {
  if (req.headers[name] === undefined) return
  delete req.headers[name]
  const raw: string[] = []
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    if (req.rawHeaders[i]!.toLowerCase() !== name) raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw)
}

function addHeader(req: Request, name: string, value: string): void {
  req.headers[name] = value
  req.rawHeaders.push(name, value)
}
