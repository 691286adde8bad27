import { Readable } from 'node:stream'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { handleEndpoints, type Payload, type SanitizedConfig } from 'payload'

import { graphqlHandler } from './graphql'
import { idempotencyCaller, idempotencyKeyOf, idempotent } from './idempotency'
import { checkRequest } from './queryGuard'

/**
 * Serves Payload's REST API (`/api/...`) straight from Express through Payload's own `handleEndpoints`, the same
 * handler Next's API route calls. The API then works without Next (tests, API-only processes). Malformed queries
 * and ids are refused first (`queryGuard.ts`) with a 400 that says what is wrong. A POST with an `Idempotency-Key`
 * runs at most once per caller and key (`idempotency.ts`).
 */
export function payloadRest(payload: Payload) {
  const config = payload.config
  const uploadSlugs = new Set<string>(config.collections.filter((c) => c.upload).map((c) => c.slug))
  return async (req: ExpressRequest, res: ExpressResponse): Promise<void> => {
    const url = new URL(req.originalUrl, `http://${req.headers.host ?? 'localhost'}`)
    const idempotency = idempotencyKeyOf(req)
    const refusal =
      checkRequest(config, url) ??
      bodyShapeRefusal(config, req) ??
      (idempotency && 'problem' in idempotency ? { status: 400, message: idempotency.problem } : null)
    if (refusal) {
      res.status(refusal.status).json({ errors: [{ message: refusal.message }] })
      return
    }
    // A document's JSON body is read here (the body limit already bounds it), so that one that is not a JSON object
    // is a 400; custom endpoints read and check their own bodies. An idempotent request's body is read whole too, to
    // tell it from another request with the same key.
    const caller = idempotency && 'key' in idempotency ? await idempotencyCaller(payload, req, res) : null
    let body: Buffer | undefined
    if (caller !== null || (isJson(req) && documentRoute(config, req))) body = await readBody(req)
    if (body !== undefined && isJson(req) && documentRoute(config, req)) {
      const bad = jsonBodyRefusal(body, uploadSlugs.has(req.path.split('/')[1] ?? ''))
      if (bad) {
        res.status(400).json({ errors: [{ message: bad }] })
        return
      }
    }
    const handle = () => handleEndpoints({ config, request: toFetchRequest(req, body) })
    if (caller === null || !idempotency || !('key' in idempotency)) return sendFetchResponse(res, await handle())
    const call = {
      caller,
      key: idempotency.key,
      method: req.method,
      path: req.originalUrl,
      contentType: req.headers['content-type'],
      body: body!,
    }
    await sendFetchResponse(res, await idempotent(payload, call, handle))
  }
}

const WRITES = new Set(['POST', 'PATCH', 'PUT'])
const isJson = (req: ExpressRequest) => WRITES.has(req.method) && /^application\/(.+\+)?json\b/i.test(req.headers['content-type'] ?? '')

/** Payload's own create and update routes: `/api/<slug>` and `/api/<slug>/<id>` (not a method-override query). */
function documentRoute(config: SanitizedConfig, req: ExpressRequest): boolean {
  if (!WRITES.has(req.method) || req.headers['x-payload-http-method-override'] || req.headers['x-http-method-override']) return false
  const segments = req.path.split('/').filter(Boolean)
  if (segments.length < 1 || segments.length > 2 || !config.collections.some((c) => c.slug === segments[0])) return false
  return segments.length === 1 || /^\d+$/.test(segments[1]!)
}

/** Creating or updating a document takes JSON or multipart, nothing else. */
function bodyShapeRefusal(config: SanitizedConfig, req: ExpressRequest): { status: 415; message: string } | null {
  if (!documentRoute(config, req)) return null
  const type = (req.headers['content-type'] ?? '').toLowerCase()
  if (/^application\/(.+\+)?json\b/.test(type) || type.startsWith('multipart/form-data')) return null
  return { status: 415, message: 'send the document as JSON (content-type application/json) or as multipart/form-data' }
}

/** Fields of an upload collection Payload reads as text before validating them (a number there would be a 500). */
const UPLOAD_TEXT_FIELDS = ['filename', 'mimeType', 'url', 'thumbnailURL']

function jsonBodyRefusal(body: Buffer, upload: boolean): string | null {
  const text = body.toString('utf8')
  if (text.trim() === '') return null
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    return `the request body is not valid JSON (${(err as Error).message})`
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return 'the request body must be a JSON object ({...})'
  if (upload)
    for (const field of UPLOAD_TEXT_FIELDS) {
      const value = (parsed as Record<string, unknown>)[field]
      if (value !== undefined && value !== null && typeof value !== 'string') return `${field} must be text`
    }
  return null
}

async function readBody(req: ExpressRequest): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
  return Buffer.concat(chunks)
}

/**
 * Everything under `/api`: GraphQL (`POST /api/graphql`) and the REST API from Express; the GraphQL playground
 * (`/api/graphql-playground`) is left to Next, which serves it when the admin is served.
 */
export function payloadApi(payload: Payload) {
  const rest = payloadRest(payload)
  const graphql = graphqlHandler(payload.config)
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    if (req.path.startsWith('/graphql-playground')) return next()
    if (req.path === '/graphql' && req.method === 'POST') {
      graphql(toFetchRequest(req))
        .then((response) => sendFetchResponse(res, response))
        .catch(next)
      return
    }
    rest(req, res).catch(next)
  }
}

/** The Express request as a fetch Request; `body` when it was read already, else the request's stream. */
export function toFetchRequest(req: ExpressRequest, body?: Buffer): Request {
  const url = new URL(req.originalUrl, `http://${req.headers.host ?? 'localhost'}`)
  const headers = new Headers()
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
  const hasBody = !['GET', 'HEAD'].includes(req.method)
  return new Request(url, {
    method: req.method,
    headers,
    body: !hasBody ? undefined : body !== undefined ? new Uint8Array(body) : (Readable.toWeb(req) as ReadableStream),
    duplex: 'half',
  } as RequestInit)
}

export async function sendFetchResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.status(response.status)
  response.headers.forEach((value, key) => {
    if (key.toLowerCase() !== 'set-cookie') res.setHeader(key, value)
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)
  if (!response.body) {
    res.end()
    return
  }
  Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(res)
}
