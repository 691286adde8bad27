import { describe, expect, it } from 'vitest'

import {
  effectiveMethod,
  hashSecret,
  isBuiltInRoute,
  keyStandingProblem,
  matchesPattern,
  normaliseEndpointName,
  operationOf,
  overlapUntil,
  scopeRefusal,
  secretFromBytes,
  secretOf,
  secretPrefix,
  type FoundKey,
  type KeyScope,
  type RouteTable,
} from '../../../engine/api/keys'

const TABLE: RouteTable = {
  collections: [
    { slug: 'commission-lines', auth: false, endpoints: [{ method: 'get', path: '/:id/why' }] },
    {
      slug: 'commission-runs',
      auth: false,
      endpoints: [
        { method: 'post', path: '/:id/approve' },
        { method: 'post', path: '/:id/statements' },
      ],
    },
    { slug: 'imports', auth: false, endpoints: [{ method: 'post', path: '/:id/run' }] },
    { slug: 'users', auth: true, endpoints: [] },
  ],
  globals: [{ slug: 'settings', endpoints: [] }],
  root: [{ method: 'get', path: '/openapi.json' }],
}

const readLines: KeyScope = { name: 'ERP sync', access: 'read', collections: ['commission-lines'], endpoints: [] }

const found = (over: Partial<FoundKey> = {}): FoundKey => ({
  id: 7,
  name: 'ERP sync',
  access: 'read',
  collections: [],
  endpoints: [],
  ratePerMinute: 60,
  active: true,
  expiresAt: null,
  matched: 'current',
  previousValidUntil: null,
  ownerId: 3,
  ownerLockedUntil: null,
  ...over,
})

const NOW = new Date('2026-12-06T12:00:00.000Z')

describe('the secret', () => {
  it('is acr_ and 43 base64url characters of 32 bytes; 12 characters are kept in clear and the hash is its sha256', () => {
    const secret = secretFromBytes(new Uint8Array(32).fill(255))
    expect(secret).toBe('acr_' + '_'.repeat(42) + '8')
    expect(secretPrefix(secret)).toBe('acr_________')
    // sha256("abc"), the FIPS 180-2 test vector.
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('is read from Authorization: Bearer acr_… or X-API-Key, not from a session JWT', () => {
    const headers = (h: Record<string, string>) => (name: string) => h[name] ?? null
    expect(secretOf(headers({ authorization: 'Bearer acr_abc' }))).toBe('acr_abc')
    expect(secretOf(headers({ authorization: 'bearer   acr_abc ' }))).toBe('acr_abc')
    expect(secretOf(headers({ 'x-api-key': 'acr_xyz' }))).toBe('acr_xyz')
    expect(secretOf(headers({ 'x-api-key': 'whatever' }))).toBe('whatever')
    expect(secretOf(headers({ authorization: 'Bearer eyJhbGciOi.jwt' }))).toBeNull()
    expect(secretOf(headers({ authorization: 'JWT eyJhbGciOi.jwt' }))).toBeNull()
    expect(secretOf(headers({}))).toBeNull()
  })
})

describe('rotation overlap', () => {
  it('defaults to 24 hours, allows 0 to 168 and refuses anything else', () => {
    expect(overlapUntil(NOW, undefined)).toEqual({ until: new Date('2026-12-07T12:00:00.000Z') })
    expect(overlapUntil(NOW, 168)).toEqual({ until: new Date('2026-12-13T12:00:00.000Z') })
    expect(overlapUntil(NOW, 0)).toEqual({ until: NOW })
    expect(overlapUntil(NOW, 169)).toEqual({ problem: 'overlapHours must be a number of hours from 0 to 168 (got 169)' })
    expect(overlapUntil(NOW, '2')).toEqual({ problem: 'overlapHours must be a number of hours from 0 to 168 (got "2")' })
  })
})

describe('a key stands', () => {
  it('when active, unexpired and its owner is a login that is not locked', () => {
    expect(keyStandingProblem(found(), NOW)).toBeNull()
  })
  it('not when unknown or revoked (one message for both)', () => {
    expect(keyStandingProblem(null, NOW)).toBe('API key not recognised')
    expect(keyStandingProblem(found({ active: false }), NOW)).toBe('API key not recognised')
  })
  it('not once expired, naming the expiry time', () => {
    expect(keyStandingProblem(found({ expiresAt: new Date('2026-12-06T11:59:59.000Z') }), NOW)).toBe(
      "API key 'ERP sync' expired at 2026-12-06T11:59:59.000Z",
    )
    expect(keyStandingProblem(found({ expiresAt: new Date('2026-12-06T12:00:01.000Z') }), NOW)).toBeNull()
  })
  it('by its previous secret only until previousValidUntil', () => {
    const previous = found({ matched: 'previous', previousValidUntil: new Date('2026-12-06T13:00:00.000Z') })
    expect(keyStandingProblem(previous, NOW)).toBeNull()
    expect(keyStandingProblem({ ...previous, previousValidUntil: new Date('2026-12-06T11:00:00.000Z') }, NOW)).toBe(
      "this secret of API key 'ERP sync' was replaced by a rotation and stopped working at 2026-12-06T11:00:00.000Z",
    )
  })
  it('not when its owner login was deleted or is locked', () => {
    expect(keyStandingProblem(found({ ownerId: null }), NOW)).toBe("API key 'ERP sync' belongs to a login that no longer exists")
    expect(keyStandingProblem(found({ ownerLockedUntil: new Date('2026-12-06T12:15:00.000Z') }), NOW)).toBe(
      "API key 'ERP sync' belongs to a locked login (locked until 2026-12-06T12:15:00.000Z)",
    )
    expect(keyStandingProblem(found({ ownerLockedUntil: new Date('2026-12-06T11:00:00.000Z') }), NOW)).toBeNull()
  })
})

describe('what a request does', () => {
  it('tells Payload’s own routes from custom endpoints', () => {
    expect(isBuiltInRoute({ method: 'get', path: '/:id' })).toBe(true)
    expect(isBuiltInRoute({ method: 'post', path: '/login' })).toBe(true)
    expect(isBuiltInRoute({ method: 'post', path: '/:id/approve' })).toBe(false)
  })
  it('matches path patterns segment by segment, with an optional last parameter', () => {
    expect(matchesPattern('/:id/approve', '/12/approve')).toBe(true)
    expect(matchesPattern('/:id/approve', '/12')).toBe(false)
    expect(matchesPattern('/:id/approve', '/12/approve/x')).toBe(false)
    expect(matchesPattern('/access/:id?', '/access')).toBe(true)
    expect(matchesPattern('/', '/')).toBe(true)
  })
  it('classifies collection CRUD, custom endpoints, auth routes, the caller itself, globals and GraphQL', () => {
    expect(operationOf(TABLE, 'GET', '/commission-lines')).toEqual({ kind: 'collection', slug: 'commission-lines' })
    expect(operationOf(TABLE, 'PATCH', '/commission-lines/4/')).toEqual({ kind: 'collection', slug: 'commission-lines' })
    expect(operationOf(TABLE, 'GET', '/commission-lines/4/why')).toEqual({ kind: 'endpoint', name: 'GET /commission-lines/:id/why' })
    expect(operationOf(TABLE, 'POST', '/commission-runs/9/approve')).toEqual({
      kind: 'endpoint',
      name: 'POST /commission-runs/:id/approve',
    })
    expect(operationOf(TABLE, 'GET', '/commission-runs/9/approve')).toEqual({ kind: 'collection', slug: 'commission-runs' })
    expect(operationOf(TABLE, 'POST', '/users/login')).toEqual({ kind: 'auth', name: 'POST /users/login' })
    expect(operationOf(TABLE, 'GET', '/users/me')).toEqual({ kind: 'self' })
    expect(operationOf(TABLE, 'GET', '/access')).toEqual({ kind: 'self' })
    expect(operationOf(TABLE, 'GET', '/users/3')).toEqual({ kind: 'collection', slug: 'users' })
    expect(operationOf(TABLE, 'GET', '/globals/settings')).toEqual({ kind: 'collection', slug: 'settings' })
    expect(operationOf(TABLE, 'GET', '/openapi.json')).toEqual({ kind: 'endpoint', name: 'GET /openapi.json' })
    expect(operationOf(TABLE, 'POST', '/graphql')).toEqual({ kind: 'graphql' })
    expect(operationOf(TABLE, 'GET', '/no-such-thing')).toEqual({ kind: 'unknown' })
  })
  it('reads a POST overriding its method to GET as a read', () => {
    expect(effectiveMethod('post', 'GET')).toBe('GET')
    expect(effectiveMethod('POST', 'DELETE')).toBe('POST')
    expect(effectiveMethod('patch', undefined)).toBe('PATCH')
  })
  it('names an endpoint the same however its method and parameters are written', () => {
    expect(normaliseEndpointName('post  /imports/:importId/run/')).toBe('POST /imports/:/run')
    expect(normaliseEndpointName('POST /imports/:id/run')).toBe('POST /imports/:/run')
  })
})

describe('a key’s scope', () => {
  const op = (method: string, path: string) => [method, operationOf(TABLE, method, path)] as const
  it('lets a read-only key read its collections and nothing else, naming why', () => {
    expect(scopeRefusal(readLines, ...op('GET', '/commission-lines'))).toBeNull()
    expect(scopeRefusal(readLines, ...op('HEAD', '/commission-lines/3'))).toBeNull()
    expect(scopeRefusal(readLines, ...op('POST', '/commission-lines'))).toBe("key 'ERP sync' is read-only: POST is refused")
    expect(scopeRefusal(readLines, ...op('DELETE', '/commission-lines/3'))).toBe("key 'ERP sync' is read-only: DELETE is refused")
    expect(scopeRefusal(readLines, ...op('GET', '/commission-runs'))).toBe("key 'ERP sync' may not use collection commission-runs")
    expect(scopeRefusal(readLines, ...op('GET', '/commission-lines/3/why'))).toBe(
      "key 'ERP sync' may not call GET /commission-lines/:id/why",
    )
  })
  it('lets an endpoint-scoped key call that endpoint only', () => {
    const approve: KeyScope = {
      name: 'Approver',
      access: 'read-write',
      collections: [],
      endpoints: ['POST /commission-runs/:runId/approve'],
    }
    expect(scopeRefusal(approve, ...op('POST', '/commission-runs/5/approve'))).toBeNull()
    expect(scopeRefusal(approve, ...op('POST', '/commission-runs/5/statements'))).toBe(
      "key 'Approver' may not call POST /commission-runs/:id/statements",
    )
    expect(scopeRefusal(approve, ...op('GET', '/commission-runs/5'))).toBe("key 'Approver' may not use collection commission-runs")
  })
  it('lets "*" mean every collection or every endpoint; a read-only key still only reads', () => {
    const everything: KeyScope = { name: 'All', access: 'read-write', collections: ['*'], endpoints: ['*'] }
    expect(scopeRefusal(everything, ...op('POST', '/imports/1/run'))).toBeNull()
    expect(scopeRefusal(everything, ...op('PATCH', '/commission-runs/1'))).toBeNull()
    const readAll: KeyScope = { ...everything, name: 'Reader', access: 'read' }
    expect(scopeRefusal(readAll, ...op('POST', '/imports/1/run'))).toBe("key 'Reader' is read-only: POST is refused")
    expect(scopeRefusal(readAll, ...op('POST', '/graphql'))).toBe("key 'Reader' may not use GraphQL: a scoped API key uses the REST API")
    expect(scopeRefusal(everything, ...op('POST', '/graphql'))).toBeNull()
  })
  it('lets any key see who it acts as, and no key log in or out', () => {
    expect(scopeRefusal(readLines, ...op('GET', '/users/me'))).toBeNull()
    expect(scopeRefusal(readLines, ...op('POST', '/users/logout'))).toBe(
      "key 'ERP sync' may not call POST /users/logout: an API key does not log in or out",
    )
  })
})
