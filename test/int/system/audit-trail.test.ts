import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'

/** Every change on configuration collections is on the trail, and nobody can change the trail. */
let app: TestApp
let admin: Api

beforeAll(async () => {
  app = await startTestApp('audit')
  admin = await Api.login(app.url, 'admin@northwind.example')
})
afterAll(async () => app?.close())

async function eventsFor(collection: string, id: string | number) {
  const res = await app.sql.query(
    `select action, actor_label, actor_id, changes from audit_events where collection_slug = $1 and document_id = $2 order by id`,
    [collection, String(id)],
  )
  return res.rows
}

describe('audit trail', () => {
  it('records create, update and delete with who and before/after values', async () => {
    const me = await admin.get('/api/users/me')
    const created = await admin.post('/api/territories', { code: 'US-AK', name: 'Alaska', country: 'US' })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect((await admin.patch(`/api/territories/${id}`, { name: 'Alaska & Yukon' })).status).toBe(200)
    expect((await admin.delete(`/api/territories/${id}`)).status).toBe(200)
    const events = await eventsFor('territories', id)
    expect(events.map((e) => e.action)).toEqual(['create', 'update', 'delete'])
    expect(events.every((e) => e.actor_label === 'admin@northwind.example' && Number(e.actor_id) === me.body.user.id)).toBe(true)
    expect(events[1].changes).toEqual([{ field: 'name', before: 'Alaska', after: 'Alaska & Yukon' }])
    expect(events[2].changes).toContainEqual({ field: 'code', before: 'US-AK', after: null })
  })

  it('records a password change without the secret', async () => {
    const agent = await Api.login(app.url, 'leo.park@summit.example')
    const me = await agent.get('/api/users/me')
    expect((await agent.patch(`/api/users/${me.body.user.id}`, { password: 'a-new-long-password' })).status).toBe(200)
    const events = await eventsFor('users', me.body.user.id)
    const last = events[events.length - 1]
    expect(last.action).toBe('update')
    expect(JSON.stringify(last.changes)).not.toMatch(/a-new-long-password/)
    expect(last.changes).toEqual([{ field: 'password', before: '[redacted]', after: '[redacted]' }])
  })

  it('a name edit on a login records only the name', async () => {
    const admin2 = await Api.login(app.url, 'admin@summit.example')
    const target = (await app.sql.query(`select id from users where email = 'user@summit.example'`)).rows[0].id
    expect((await admin2.patch(`/api/users/${target}`, { name: 'Umar S.' })).status).toBe(200)
    const events = await eventsFor('users', target)
    expect(events[events.length - 1].changes).toEqual([{ field: 'name', before: 'Umar Summit', after: 'Umar S.' }])
  })

  it('a company admin cannot create, update or delete audit events through the API', async () => {
    const [first] = (await app.sql.query('select id, summary from audit_events order by id limit 1')).rows
    expect((await admin.patch(`/api/audit-events/${first.id}`, { summary: 'tampered' })).status).toBe(403)
    expect((await admin.delete(`/api/audit-events/${first.id}`)).status).toBe(403)
    expect(
      (await admin.post('/api/audit-events', { action: 'create', collectionSlug: 'x', documentId: '1', actorLabel: 'me' })).status,
    ).toBe(403)
    const bulk = await admin.request('DELETE', `/api/audit-events?where[id][exists]=true`)
    expect(bulk.body.docs ?? []).toEqual([])
    const [after] = (await app.sql.query('select summary from audit_events where id = $1', [first.id])).rows
    expect(after.summary).toBe(first.summary)
  })

  it('the database refuses UPDATE, DELETE and TRUNCATE on the trail, whoever asks', async () => {
    await expect(app.sql.query(`update audit_events set summary = 'tampered'`)).rejects.toThrow(/append-only/)
    await expect(app.sql.query(`delete from audit_events`)).rejects.toThrow(/append-only/)
    await expect(app.sql.query(`truncate audit_events`)).rejects.toThrow(/append-only|cannot truncate/)
    expect(Number((await app.sql.query('select count(*) from audit_events')).rows[0].count)).toBeGreaterThan(0)
  })

  it('deleting a login keeps its history intact', async () => {
    const created = await admin.post('/api/users', {
      email: 'temp@northwind.example',
      name: 'Temp',
      password: 'a-long-enough-password',
      participant: (await app.sql.query(`select id from participants where code = 'GLD'`)).rows[0].id,
      roles: ['partner_user'],
    })
    expect(created.status).toBe(201)
    expect((await admin.delete(`/api/users/${created.body.doc.id}`)).status).toBe(200)
    expect((await eventsFor('users', created.body.doc.id)).map((e) => e.action)).toEqual(['create', 'delete'])
  })
})
