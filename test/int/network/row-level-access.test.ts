import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { READ_ALL_ROLES, hasAnyRole } from '../../../engine/network/roles'
import { PARTICIPANTS, USERS } from '../../../seed/network/data'
import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'
import { allCodes, subtreeCodes, userEmailsIn } from '../../support/network'

/**
 * Row-level access proven over real HTTP for every seeded login (all eleven roles, on both sibling partners):
 * list, read by id, update, delete and crafted `where` queries never reach the other partner's rows.
 */
let app: TestApp
const ids = new Map<string, number>()

beforeAll(async () => {
  app = await startTestApp('access')
  const rows = await app.sql.query<{ id: number; code: string }>('select id, code from participants')
  for (const row of rows.rows) ids.set(row.code, row.id)
})
afterAll(async () => app?.close())

const SUMMIT = subtreeCodes('SUM')
const COASTAL = subtreeCodes('COA')

/** The sibling partner's subtree a login must never reach (none for logins that read everything). */
function otherSide(participantCode: string): Set<string> {
  if (SUMMIT.has(participantCode)) return COASTAL
  if (COASTAL.has(participantCode)) return SUMMIT
  return new Set()
}

async function participantName(code: string): Promise<string> {
  const row = await app.sql.query<{ name: string }>('select name from participants where code = $1', [code])
  return row.rows[0]!.name
}

describe.each(USERS.map((u) => [u.email, u] as const))('%s', (_email, user) => {
  const readsAll = hasAnyRole(user.roles, READ_ALL_ROLES)
  const visible = readsAll ? allCodes() : subtreeCodes(user.participant)
  const forbidden = [...otherSide(user.participant)]
  let api: Api
  beforeAll(async () => {
    api = await Api.login(app.url, user.email)
  })

  it(`lists exactly ${readsAll ? 'every participant' : `the ${visible.size} participants of its own subtree`}`, async () => {
    const res = await api.get('/api/participants?limit=100&depth=0')
    expect(res.status).toBe(200)
    expect(new Set(res.body.docs.map((d: { code: string }) => d.code))).toEqual(visible)
    expect(res.body.totalDocs).toBe(visible.size)
  })

  it('lists exactly the logins attached to participants it can see', async () => {
    const res = await api.get('/api/users?limit=100&depth=0')
    expect(res.status).toBe(200)
    const expected = readsAll ? new Set(USERS.map((u) => u.email)) : userEmailsIn(visible)
    expect(new Set(res.body.docs.map((d: { email: string }) => d.email))).toEqual(expected)
  })

  if (forbidden.length > 0)
    it("cannot read the sibling partner's participants by id", async () => {
      for (const code of forbidden) {
        const res = await api.get(`/api/participants/${ids.get(code)}?depth=0`)
        expect(res.status, code).toBe(404)
      }
    })

  if (forbidden.length > 0)
    it("cannot reach the sibling partner's rows with crafted where queries", async () => {
      const target = forbidden[0]!
      const id = ids.get(target)!
      const queries = [
        `where[code][equals]=${target}`,
        `where[id][equals]=${id}`,
        `where[id][in]=${id},${ids.get(user.participant)}`,
        `where[path][contains]=/${id}/`,
        `where[parent][equals]=${id}`,
        `where[parent.code][equals]=${target}`,
        `where[or][0][code][equals]=${target}&where[or][1][id][exists]=true`,
        `where[name][like]=${encodeURIComponent((await participantName(target)).split(' ')[0]!)}`,
      ]
      for (const query of queries) {
        const res = await api.get(`/api/participants?depth=0&limit=100&${query}`)
        expect(res.status, query).toBe(200)
        const leaked = res.body.docs.filter((d: { code: string }) => forbidden.includes(d.code))
        expect(leaked, query).toEqual([])
      }
      const users = await api.get(`/api/users?depth=0&where[participant][equals]=${id}`)
      expect(users.body.docs ?? [], 'users by participant').toEqual([])
    })

  if (forbidden.length > 0)
    it("cannot update or delete the sibling partner's participants", async () => {
      for (const code of forbidden) {
        const before = await participantName(code)
        const update = await api.patch(`/api/participants/${ids.get(code)}`, { name: 'hijacked' })
        expect([403, 404], `update ${code}`).toContain(update.status)
        expect(await participantName(code)).toBe(before)
        const remove = await api.delete(`/api/participants/${ids.get(code)}`)
        expect([403, 404], `delete ${code}`).toContain(remove.status)
        const still = await app.sql.query('select 1 from participants where code = $1', [code])
        expect(still.rowCount, `${code} still exists`).toBe(1)
      }
    })

  if (!user.roles.includes('company_admin'))
    it('cannot edit its own participant or anything above it', async () => {
      const own = ids.get(user.participant)!
      const before = await participantName(user.participant)
      const res = await api.patch(`/api/participants/${own}`, { name: 'renamed by itself' })
      expect([403, 404]).toContain(res.status)
      expect(await participantName(user.participant)).toBe(before)
      const root = await api.patch(`/api/participants/${ids.get('NW')}`, { name: 'renamed root' })
      expect([403, 404]).toContain(root.status)
    })
})

describe('auditor', () => {
  it('reads everything and changes nothing', async () => {
    const api = await Api.login(app.url, 'auditor@northwind.example')
    const dealer = ids.get('DLR-0301')!
    expect((await api.get('/api/audit-events?limit=1')).status).toBe(200)
    expect((await api.get(`/api/participants/${dealer}`)).status).toBe(200)
    expect((await api.patch(`/api/participants/${dealer}`, { name: 'x' })).status).toBe(403)
    expect((await api.delete(`/api/participants/${dealer}`)).status).toBe(403)
    const created = await api.post('/api/participants', { name: 'Audit Shop', kind: 'dealer', parent: dealer, joinedOn: '2026-01-01' })
    expect(created.status).toBe(403)
    expect((await api.post('/api/territories', { code: 'X', name: 'X' })).status).toBe(403)
    expect((await api.post('/api/brands', { name: 'X', emailSenderName: 'X' })).status).toBe(403)
  })
})

describe('partner admin', () => {
  it('creates participants inside its own subtree but not under its sibling', async () => {
    const api = await Api.login(app.url, 'admin@summit.example')
    const inside = await api.post('/api/participants', {
      name: 'Summit New Dealer',
      kind: 'dealer',
      parent: ids.get('SUM-PAC'),
      joinedOn: '2026-11-01',
    })
    expect(inside.status).toBe(201)
    expect(inside.body.doc.path).toBe(`/${ids.get('NW')}/${ids.get('SUM')}/${ids.get('SUM-PAC')}/${inside.body.doc.id}/`)
    const outside = await api.post('/api/participants', {
      name: 'Sneaky Dealer',
      kind: 'dealer',
      parent: ids.get('COA-ATL'),
      joinedOn: '2026-11-01',
    })
    expect(outside.status).toBe(400)
    expect(outside.body.errors[0].data.errors[0].path).toBe('parent')
    const count = await app.sql.query(`select 1 from participants where name = 'Sneaky Dealer'`)
    expect(count.rowCount).toBe(0)
  })

  it('sees none of the audit trail', async () => {
    const api = await Api.login(app.url, 'admin@summit.example')
    expect((await api.get('/api/audit-events')).status).toBe(403)
  })
})

it('every participant of the seed is covered by exactly one side or the root staff', () => {
  const sides = [...SUMMIT, ...COASTAL]
  expect(new Set(sides).size).toBe(sides.length)
  expect(PARTICIPANTS.length).toBeGreaterThan(sides.length)
})

describe('fields only company admins set', () => {
  it("a partner admin cannot apply a brand, even inside its own subtree, and Payload's job-run endpoint is gone", async () => {
    const api = await Api.login(app.url, 'admin@summit.example')
    const coastalBrand = (await app.sql.query<{ id: number }>(`select id from brands where name = 'Coastal Connect'`)).rows[0]!.id
    await api.patch(`/api/participants/${ids.get('SUM-PAC')}`, { brand: coastalBrand })
    const row = await app.sql.query(`select brand_id from participants where code = 'SUM-PAC'`)
    expect(row.rows[0].brand_id).toBeNull()
    const job = await app.payload.jobs.queue({ task: 'verifyNetwork', input: {} })
    const finance = await Api.login(app.url, 'finance@northwind.example')
    expect((await finance.get('/api/payload-jobs/run')).status).not.toBe(200)
    const after = await app.sql.query('select completed_at, processing from payload_jobs where id = $1', [job.id])
    expect(after.rows[0]).toEqual({ completed_at: null, processing: false })
  })
})
