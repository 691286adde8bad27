import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'

/**
 * The admin UI keeps each login's preferences (list columns, nav state) through Payload's own
 * /api/payload-preferences/:key endpoints: a login saves, reads and deletes its own, and never sees another's.
 * Deleting a key the login has not saved is a 404, not the 500 of @payloadcms/drizzle's `deleteOne` bug
 * (`db/deleteOneNoMatch.ts`).
 */
let app: TestApp
let admin: Api
let ops: Api

beforeAll(async () => {
  app = await startTestApp('preferences')
  admin = await Api.login(app.url, 'admin@northwind.example')
  ops = await Api.login(app.url, 'ops@northwind.example')
})
afterAll(async () => app?.close())

describe('payload-preferences over HTTP', () => {
  it('a login saves, reads and deletes its own preference', async () => {
    const saved = await admin.post('/api/payload-preferences/nav', { value: { open: true } })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)

    const read = await admin.get('/api/payload-preferences/nav')
    expect(read.status, JSON.stringify(read.body)).toBe(200)
    expect(read.body).toMatchObject({ key: 'nav', value: { open: true } })

    const updated = await admin.post('/api/payload-preferences/nav', { value: { open: false } })
    expect(updated.status, JSON.stringify(updated.body)).toBe(200)
    expect((await admin.get('/api/payload-preferences/nav')).body).toMatchObject({ key: 'nav', value: { open: false } })

    const deleted = await admin.delete('/api/payload-preferences/nav')
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200)
    const gone = await admin.get('/api/payload-preferences/nav')
    expect(gone.status, JSON.stringify(gone.body)).toBe(200)
    expect(gone.body.value).toBeNull()
    expect((await admin.delete('/api/payload-preferences/nav')).status).toBe(404)
  })

  it("a login cannot read or delete another login's preference", async () => {
    expect((await admin.post('/api/payload-preferences/collection-proposals', { value: { columns: ['id'] } })).status).toBe(200)

    const other = await ops.get('/api/payload-preferences/collection-proposals')
    expect(other.status, JSON.stringify(other.body)).toBe(200)
    expect(other.body.value).toBeNull()
    expect((await ops.delete('/api/payload-preferences/collection-proposals')).status).toBe(404)

    expect((await admin.get('/api/payload-preferences/collection-proposals')).body).toMatchObject({ value: { columns: ['id'] } })

    // The same key saved by the other login is its own row: neither overwrites nor reads the other's.
    expect((await ops.post('/api/payload-preferences/collection-proposals', { value: { columns: ['status'] } })).status).toBe(200)
    expect((await ops.get('/api/payload-preferences/collection-proposals')).body).toMatchObject({ value: { columns: ['status'] } })
    expect((await admin.get('/api/payload-preferences/collection-proposals')).body).toMatchObject({ value: { columns: ['id'] } })
    expect((await ops.delete('/api/payload-preferences/collection-proposals')).status).toBe(200)
    expect((await admin.get('/api/payload-preferences/collection-proposals')).body).toMatchObject({ value: { columns: ['id'] } })

    const anonymous = new Api(app.url, null)
    const anonymousRead = await anonymous.get('/api/payload-preferences/collection-proposals')
    expect(anonymousRead.status).toBe(200)
    expect(anonymousRead.body.value).toBeNull()
    expect((await anonymous.delete('/api/payload-preferences/collection-proposals')).status).toBe(401)
  })
})
