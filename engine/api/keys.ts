import { createHash } from 'node:crypto'

/**
 * Scoped API keys (issue 21, part 5): how a secret is recognised, whether a key still stands, and whether a request
 * is within its scope. Pure: the caller looks the key up, reads the clock and knows the Payload route table.
 */

/** Every secret starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const API_KEY_SECRET_PREFIX = 'acr_'
/** How much of the secret is kept in clear, to recognise a key in the admin. */
export const API_KEY_PREFIX_LENGTH = 12
export const ROTATION_OVERLAP_DEFAULT_HOURS = 24
export const ROTATION_OVERLAP_MAX_HOURS = 168

export type KeyAccess = 'read' | 'read-write'

/** The secret a request carries: `Authorization: Bearer acr_…`, or the `X-API-Key` header (any value). */
export function secretOf(header: (name: string) => string | null | undefined): string | null {
  const authorization = header('authorization')?.trim()
  if (authorization && /^bearer\s+/i.test(authorization)) {
    const token = authorization.replace(/^bearer\s+/i, '').trim()
    if (token.startsWith(API_KEY_SECRET_PREFIX)) return token
  }
  const apiKey = header('x-api-key')?.trim()
  return apiKey ? apiKey : null
}

/** What is stored of a secret: its SHA-256, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

export function secretPrefix(secret: string): string {
  return secret.slice(0, API_KEY_PREFIX_LENGTH)
}

/** A secret from 32 random bytes (the caller draws them). */
export function secretFromBytes(bytes: Uint8Array): string {
  return API_KEY_SECRET_PREFIX + Buffer.from(bytes).toString('base64url')
}

/** Until when the secret before a rotation keeps working, or why the requested overlap is refused. */
export function overlapUntil(now: Date, overlapHours: unknown): { until: Date } | { problem: string } {
  const hours = overlapHours === undefined || overlapHours === null ? ROTATION_OVERLAP_DEFAULT_HOURS : overlapHours
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0 || hours > ROTATION_OVERLAP_MAX_HOURS)
    return {
      problem: `overlapHours must be a number of hours from 0 to ${ROTATION_OVERLAP_MAX_HOURS} (got ${JSON.stringify(overlapHours)})`,
    }
  return { until: new Date(now.getTime() + hours * 3_600_000) }
}

/** A key as found by the hash of the secret a request carried. */
export type FoundKey = {
  id: number
  name: string
  access: KeyAccess
  collections: string[]
  endpoints: string[]
  ratePerMinute: number
  active: boolean
  expiresAt: Date | null
  /** Which stored hash the secret matched. */
  matched: 'current' | 'previous'
  previousValidUntil: Date | null
  /** Null when the owner login was deleted. */
  ownerId: number | null
  ownerLockedUntil: Date | null
}

export const KEY_NOT_RECOGNISED = 'API key not recognised'

/** Why the key authenticates nobody at `now` (a 401), or null when it stands. */
export function keyStandingProblem(key: FoundKey | null, now: Date): string | null {
  if (!key || !key.active) return KEY_NOT_RECOGNISED
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return `API key '${key.name}' expired at ${key.expiresAt.toISOString()}`
  if (key.matched === 'previous' && !(key.previousValidUntil && key.previousValidUntil.getTime() > now.getTime()))
    return `this secret of API key '${key.name}' was replaced by a rotation and stopped working at ${key.previousValidUntil?.toISOString() ?? 'the rotation'}`
  if (key.ownerId === null) return `API key '${key.name}' belongs to a login that no longer exists`
  if (key.ownerLockedUntil && key.ownerLockedUntil.getTime() > now.getTime())
    return `API key '${key.name}' belongs to a locked login (locked until ${key.ownerLockedUntil.toISOString()})`
  return null
}

/** A route as Payload declares it: method (lower or upper case) and path pattern (`/:id/run`). */
export type Route = { method: string; path: string }

/** Payload's own routes (CRUD, versions, auth, uploads): anything else in an `endpoints` list is a custom endpoint. */
const BUILT_IN = new Set([
  'get /count',
  'post /',
  'delete /',
  'delete /:id',
  'post /access/:id?',
  'get /versions',
  'post /:id/duplicate',
  'get /',
  'get /:id',
  'get /versions/:id',
  'post /versions/:id',
  'patch /',
  'patch /:id',
  'post /access',
  'get /access',
  'post /:id/api-key/reveal',
  'post /forgot-password',
  'get /init',
  'post /login',
  'post /logout',
  'get /me',
  'post /refresh-token',
  'post /first-register',
  'post /reset-password',
  'post /unlock',
  'post /verify/:id',
  'get /paste-url/:id?',
  'get /file/:filename',
])

export function isBuiltInRoute(route: Route): boolean {
  return BUILT_IN.has(`${route.method.toLowerCase()} ${route.path}`)
}

/** Auth routes of an auth collection that an API key has no business calling (it never logs in or out). */
const AUTH_ACTIONS = new Set([
  'login',
  'logout',
  'refresh-token',
  'forgot-password',
  'reset-password',
  'unlock',
  'first-register',
  'init',
  'verify',
])

/** The custom endpoints of the API, by where they hang (only custom ones: see isBuiltInRoute). */
export type RouteTable = {
  collections: { slug: string; auth: boolean; endpoints: Route[] }[]
  globals: { slug: string; endpoints: Route[] }[]
  root: Route[]
}

/** What a request under /api does, as far as a key's scope is concerned. */
export type ApiOperation =
  | { kind: 'graphql' }
  | { kind: 'collection'; slug: string }
  | { kind: 'endpoint'; name: string }
  | { kind: 'self' }
  | { kind: 'auth'; name: string }
  | { kind: 'unknown' }

/** The method Payload acts on: a POST with `X-HTTP-Method-Override: GET` is a read (a long query string). */
export function effectiveMethod(method: string, override: string | null | undefined): string {
  const upper = method.toUpperCase()
  return upper === 'POST' && override?.trim().toUpperCase() === 'GET' ? 'GET' : upper
}

/** Matches a Payload path pattern (`/:id/run`, `/access/:id?`) against a path; segments only, no wildcards. */
export function matchesPattern(pattern: string, path: string): boolean {
  const want = pattern.split('/').filter(Boolean)
  const have = path.split('/').filter(Boolean)
  for (let i = 0; i < Math.max(want.length, have.length); i++) {
    const part = want[i]
    if (part === undefined) return false
    const optional = part.startsWith(':') && part.endsWith('?')
    if (have[i] === undefined) return optional && i === want.length - 1
    if (part.startsWith(':')) continue
    if (part !== have[i]) return false
  }
  return true
}

/** "POST /imports/:id/run": an endpoint's name in a key's scope and in refusals. */
export function endpointName(method: string, base: string, pattern: string): string {
  const tail = pattern === '/' ? '' : pattern
  return `${method.toUpperCase()} ${base}${tail}`
}

/** The same endpoint however its parameters are named or its method is written ("post /imports/:importId/run/"). */
export function normaliseEndpointName(name: string): string {
  const [method = '', ...rest] = name.trim().split(/\s+/)
  const path = rest
    .join('')
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? ':' : part))
    .join('/')
  return `${method.toUpperCase()} /${path}`
}

/** The operation of `method path` (path below /api, e.g. `/commission-runs/12/approve`). */
export function operationOf(table: RouteTable, method: string, rawPath: string): ApiOperation {
  const path = '/' + rawPath.split('/').filter(Boolean).join('/')
  const segments = path.split('/').filter(Boolean)
  const lower = method.toLowerCase()
  const custom = (routes: Route[], rest: string, base: string): ApiOperation | null => {
    const hit = routes.find((r) => r.method.toLowerCase() === lower && matchesPattern(r.path, rest))
    return hit ? { kind: 'endpoint', name: endpointName(method, base, hit.path) } : null
  }
  if (segments[0] === 'graphql' || segments[0] === 'graphql-playground') return { kind: 'graphql' }
  if (segments[0] === 'globals' && segments[1]) {
    const global = table.globals.find((g) => g.slug === segments[1])
    if (!global) return { kind: 'unknown' }
    const rest = '/' + segments.slice(2).join('/')
    return custom(global.endpoints, rest, `/globals/${global.slug}`) ?? { kind: 'collection', slug: global.slug }
  }
  const collection = table.collections.find((c) => c.slug === segments[0])
  if (collection) {
    const rest = '/' + segments.slice(1).join('/')
    const endpoint = custom(collection.endpoints, rest, `/${collection.slug}`)
    if (endpoint) return endpoint
    if (collection.auth && segments.length >= 2 && AUTH_ACTIONS.has(segments[1]!))
      return { kind: 'auth', name: `${method.toUpperCase()} ${path}` }
    if (collection.auth && segments.length === 2 && segments[1] === 'me' && lower === 'get') return { kind: 'self' }
    if (collection.auth && segments[2] === 'api-key') return { kind: 'auth', name: `${method.toUpperCase()} ${path}` }
    return { kind: 'collection', slug: collection.slug }
  }
  if (path === '/access') return { kind: 'self' }
  return custom(table.root, path, '') ?? { kind: 'unknown' }
}

/** What a key may do. */
export type KeyScope = { name: string; access: KeyAccess; collections: readonly string[]; endpoints: readonly string[] }

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Why the key may not do `operation` with `method` (a 403 message), or null when it may. Read-only keys only read
 * (GET, HEAD); collection CRUD needs the collection in the key's collections, a custom endpoint needs its name in the
 * key's endpoints ("*" in either means every one); GraphQL is only for a key scoped to everything, read and write.
 */
export function scopeRefusal(key: KeyScope, method: string, operation: ApiOperation): string | null {
  const upper = method.toUpperCase()
  const all = (list: readonly string[]) => list.includes('*')
  if (operation.kind === 'graphql')
    return key.access === 'read-write' && all(key.collections) && all(key.endpoints)
      ? null
      : `key '${key.name}' may not use GraphQL: a scoped API key uses the REST API`
  if (operation.kind === 'self' || operation.kind === 'unknown') return null
  if (operation.kind === 'auth') return `key '${key.name}' may not call ${operation.name}: an API key does not log in or out`
  if (key.access === 'read' && !READS.has(upper)) return `key '${key.name}' is read-only: ${upper} is refused`
  if (operation.kind === 'collection')
    return all(key.collections) || key.collections.includes(operation.slug)
      ? null
      : `key '${key.name}' may not use collection ${operation.slug}`
  const wanted = normaliseEndpointName(operation.name)
  return all(key.endpoints) || key.endpoints.some((e) => normaliseEndpointName(e) === wanted)
    ? null
    : `key '${key.name}' may not call ${operation.name}`
}
