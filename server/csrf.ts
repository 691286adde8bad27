import type { NextFunction, Request, Response } from 'express'

import { originOf } from './origins'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses state-changing requests (POST, PUT, PATCH, DELETE, …) that a page on another site could have made the
 * browser send, before Payload or Next sees them (the REST API, server actions, the prospect's answer page):
 * - the request's origin (its `Origin`, else its `Referer`) is not one of the allowed origins, or is `null`
 *   (sandboxed frames, `file:` pages): 403;
 * - the request carries the session cookie but says neither where it comes from: 403. Browsers send `Origin` with
 *   every cross-site POST (and with same-origin ones), so only a non-browser client does this, and it can send the
 *   token in an `Authorization` header instead.
 * Requests without the cookie and without an origin (scripts and integrations using a JWT or an API key in the
 * `Authorization` header) cannot be forged by a browser and pass.
 */
export function refuseCrossSiteWrites(options: { allowedOrigins: () => readonly string[]; sessionCookie: string }) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method)) return next()
    const origin = requestOrigin(req)
    if (origin === undefined) {
      if (!hasCookie(req, options.sessionCookie)) return next()
      return refuse(
        res,
        'A request that changes data with the session cookie must carry an Origin or Referer header. Scripts should send their token in the Authorization header instead.',
      )
    }
    if (origin !== null && options.allowedOrigins().includes(origin)) return next()
    refuse(
      res,
      `Cross-origin request refused: ${origin ?? 'an opaque origin (null)'} is not an origin of this server. ` +
        'A deployment sets its public address in PUBLIC_URL and any other origin its pages are served from in ACCRUE_ALLOWED_ORIGINS.',
    )
  }
}

/** The origin the browser says the request comes from: undefined when it says nothing, null when it is opaque. */
function requestOrigin(req: Request): string | null | undefined {
  const origin = req.headers.origin
  if (origin !== undefined) return origin === 'null' ? null : originOf(origin)
  const referer = req.headers.referer
  if (referer !== undefined) return originOf(referer)
  return undefined
}

function hasCookie(req: Request, name: string): boolean {
  return (req.headers.cookie ?? '').split(';').some((part) => part.trim().startsWith(`${name}=`))
}

function refuse(res: Response, message: string): void {
  res.status(403).json({ errors: [{ message }] })
}
