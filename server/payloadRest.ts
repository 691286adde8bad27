import { Readable } from 'node:stream'
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { handleEndpoints, type SanitizedConfig } from 'payload'

/**
 * Serves Payload's REST API (`/api/...`) straight from Express through Payload's own `handleEndpoints`, the same
 * handler Next's API route calls. The API then works without Next (tests, API-only processes).
 */
export function payloadRest(config: SanitizedConfig) {
  return async (req: ExpressRequest, res: ExpressResponse): Promise<void> => {
    const url = new URL(req.originalUrl, `http://${req.headers.host ?? 'localhost'}`)
    const headers = new Headers()
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
    const hasBody = !['GET', 'HEAD'].includes(req.method)
    const request = new Request(url, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
      duplex: 'half',
    } as RequestInit)
    const response = await handleEndpoints({ config, request })
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
}
