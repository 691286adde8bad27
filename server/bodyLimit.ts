import type { NextFunction, Request, Response } from 'express'

/** Default limits: JSON and form bodies everywhere, and files sent to an upload collection (imports, logos) or route. */
export const DEFAULT_BODY_LIMIT = '1mb'
export const DEFAULT_UPLOAD_LIMIT = '100mb'

export type BodyLimits = {
  /** Largest body of any request, in bytes (ACCRUE_BODY_LIMIT). */
  body: number
  /** Largest multipart body POSTed or PATCHed to `/api/<upload collection>` (ACCRUE_UPLOAD_LIMIT). */
  upload: number
  /** Slugs of the collections that take a file. */
  uploadCollections: readonly string[]
  /** Other routes that take a file (a dry run of an import), by path. */
  uploadRoutes: readonly RegExp[]
}

/** Endpoints that take a file without storing it: the import mapping's dry run. */
export const UPLOAD_ROUTES: readonly RegExp[] = [
  /^\/api\/import-mappings\/[^/]+\/preview$/,
  /^\/api\/rebate-claims\/upload$/,
  /^\/api\/rebate-claim-lines\/[^/]+\/(dispute|answer)$/,
  /^\/api\/tickets\/(open|[^/]+\/(comment|transition))$/,
]

export function bodyLimitsFromEnv(uploadCollections: readonly string[], env: NodeJS.ProcessEnv = process.env): BodyLimits {
  return {
    body: parseSize(env.ACCRUE_BODY_LIMIT ?? DEFAULT_BODY_LIMIT, 'ACCRUE_BODY_LIMIT'),
    upload: parseSize(env.ACCRUE_UPLOAD_LIMIT ?? DEFAULT_UPLOAD_LIMIT, 'ACCRUE_UPLOAD_LIMIT'),
    uploadCollections,
    uploadRoutes: UPLOAD_ROUTES,
  }
}

/**
 * Refuses a request body larger than its route allows with 413, before Payload or Next reads it: at once when the
 * declared Content-Length is too large, and, for a body sent without one (chunked), as soon as the bytes received
 * pass the limit (the connection is then closed, so the rest is never read).
 */
export function limitBodies(limits: BodyLimits) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === 'GET' || req.method === 'HEAD') return next()
    const limit = limitFor(req, limits)
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit) return tooLarge(req, res, limit)
    countReceivedBytes(req, res, limit, () => tooLarge(req, res, limit))
    next()
  }
}

function limitFor(req: Request, limits: BodyLimits): number {
  const [, api, slug] = req.path.split('/')
  const multipart = (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data')
  const upload =
    multipart &&
    ((api === 'api' && slug !== undefined && limits.uploadCollections.includes(slug)) ||
      limits.uploadRoutes.some((route) => route.test(req.path)))
  return upload ? Math.max(limits.upload, limits.body) : limits.body
}

/**
 * Counts the body's bytes as the HTTP parser hands them to the request stream (its `push`), without reading the
 * stream itself: whoever reads the body later (Payload, Next) still gets all of it. Past the limit nothing more is
 * passed on, and once the 413 is sent the request is destroyed, so its reader fails instead of seeing a cut body.
 */
function countReceivedBytes(req: Request, res: Response, limit: number, onExceeded: () => void): void {
  let received = 0
  const push = req.push.bind(req)
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (received > limit) return true
    if (chunk !== null && chunk !== undefined) {
      received += typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : (chunk as Uint8Array).length
      if (received > limit) {
        onExceeded()
        const cut = () => req.destroy(new Error(`request body larger than ${limit} bytes`))
        if (res.writableFinished) cut()
        else res.once('finish', cut)
        return true
      }
    }
    return push(chunk, encoding)
  }
}

function tooLarge(req: Request, res: Response, limit: number): void {
  if (res.headersSent) return
  res.setHeader('connection', 'close')
  res.status(413).json({
    errors: [
      {
        message:
          `The request body is larger than this server accepts at ${req.path} (${formatSize(limit)}). ` +
          'Files go to an upload collection as multipart form data; an administrator sets the limits with ACCRUE_BODY_LIMIT and ACCRUE_UPLOAD_LIMIT.',
      },
    ],
  })
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }

/** `"1mb"`, `"250 KB"`, `"1048576"` → bytes. */
export function parseSize(value: string, name: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(value)
  if (!match) throw new Error(`${name} must be a size such as 1mb, 500kb or a number of bytes (got "${value}")`)
  return Math.floor(Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()]!)
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 2 && bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2} MB`
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`
  return `${bytes} bytes`
}
