import type { FlattenedField, SanitizedCollectionConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { READ_ALL_ROLES, hasAnyRole } from '../../../engine/network/roles'
import { USERS } from '../../../seed/network/data'
import { startTestApp, type TestApp } from '../../support/app'
import { periodId, planId, runPeriod } from '../../support/commission'
import { Api, fieldErrorOf } from '../../support/http'
import { subtreeCodes } from '../../support/network'
import { drainJobs } from '../../support/telecom'

/**
 * Issue 12, items 4, 5, 7 and 8, over real HTTP from the role that attacked, and the standing tests for their
 * classes: no collection sorts by a related document's field, and the auditor writes nothing anywhere.
 */
let app: TestApp
let admin: Api
let runId: number

beforeAll(async () => {
  app = await startTestApp('security_access')
  await drainJobs(app)
  admin = await Api.login(app.url, 'admin@northwind.example')
  runId = (await runPeriod(app, admin, await planId(admin, 'Telecom dealer plan'), await periodId(admin, 'Oct 2026'))).id
})
afterAll(async () => app?.close())

const participantId = async (code: string): Promise<number> =>
  (await app.sql.query('select id from participants where code = $1', [code])).rows[0].id
const userId = async (email: string): Promise<number> => (await app.sql.query('select id from users where email = $1', [email])).rows[0].id
const rolesOf = async (email: string): Promise<string[]> =>
  (
    await app.sql.query('select r.value from users_roles r join users u on u.id = r.parent_id where u.email = $1 order by r.value', [email])
  ).rows.map((r) => r.value)

/**
 * Payload's own store of a login's admin UI state (columns, collapsed groups): every login reads and writes only its
 * own rows (the admin saves them as anyone browses, the auditor included), so the only document a sort through its
 * `user` could reach is the reader itself. The standing tests below cover every other collection of the runtime config.
 */
const OWN_UI_STATE = 'payload-preferences'

/** A dotted path from `fields` to the first relationship/upload (through arrays, groups, tabs and blocks), or null. */
function pathToRelationship(fields: readonly FlattenedField[], prefix = ''): { path: string; relationTo: string | string[] } | null {
  for (const field of fields) {
    if ('virtual' in field && field.virtual) continue
    if (field.type === 'relationship' || field.type === 'upload') return { path: `${prefix}${field.name}`, relationTo: field.relationTo }
    const nested =
      field.type === 'blocks'
        ? field.blocks.flatMap((block) => (typeof block === 'string' ? [] : block.flattenedFields))
        : 'flattenedFields' in field
          ? field.flattenedFields
          : []
    const found = nested.length > 0 ? pathToRelationship(nested, `${prefix}${field.name}.`) : null
    if (found) return found
  }
  return null
}

/** A sort that goes through a relationship to one of the related collection's own plain fields. */
function relatedSortFor(collection: SanitizedCollectionConfig): string | null {
  const relation = pathToRelationship(collection.flattenedFields)
  if (!relation) return null
  const polymorphic = Array.isArray(relation.relationTo)
  const target = app.payload.collections[(polymorphic ? relation.relationTo[0] : relation.relationTo) as 'users'].config
  const plain = target.flattenedFields.find(
    (f) => ['text', 'email', 'number', 'date', 'select', 'textarea'].includes(f.type) && !('virtual' in f && f.virtual),
  )
  return `${relation.path}${polymorphic ? '.value' : ''}.${plain?.name ?? 'createdAt'}`
}

describe("item 4: sorting by a related document's field", () => {
  it("a partner user sorting its proposals by the terms' participants' name, join date, minimum payout or path is refused with a 400 naming sort", async () => {
    const user = await Api.login(app.url, 'user@coastal.example')
    for (const sort of [
      'terms.participant.name',
      '-terms.participant.joinedOn',
      'terms.participant.minimumPayout',
      'terms.participant.path',
      'authorParticipant.path',
      'waitingFor.name',
    ]) {
      const res = await user.get(`/api/proposals?sort=${sort}&depth=0`)
      expect([sort, res.status]).toEqual([sort, 400])
      expect(fieldErrorOf(res.body)).toEqual({ path: 'sort', message: expect.stringMatching(/related document's field/) })
    }
  })

  it("sorting by the document's own array and group fields, or by a relationship's id, still works", async () => {
    const user = await Api.login(app.url, 'user@coastal.example')
    for (const sort of [
      'terms.rate',
      '-terms.kind',
      'terms.participant',
      'terms.participant.id',
      'services.quantity',
      'title',
      '-updatedAt',
    ]) {
      const res = await user.get(`/api/proposals?sort=${sort}&depth=0`)
      expect([sort, res.status]).toEqual([sort, 200])
    }
  })

  it("a join's sort through a relationship is refused too (joins[children][sort]=parent.name)", async () => {
    const partner = await Api.login(app.url, 'admin@summit.example')
    const sum = await participantId('SUM')
    const res = await partner.get(`/api/participants/${sum}?joins[children][sort]=parent.minimumPayout`)
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)?.path).toBe('joins.children.sort')
    expect((await partner.get(`/api/participants/${sum}?joins[children][sort]=-name`)).status).toBe(200)
  })

  it("filtering by a related field applies the related collection's access: an unreadable parent matches nothing", async () => {
    const partner = await Api.login(app.url, 'admin@summit.example')
    const nw = await participantId('NW')
    const sum = await participantId('SUM')
    const byId = await partner.get(`/api/participants?where[parent][equals]=${nw}&depth=0`)
    expect(byId.body.docs.map((d: { id: number }) => d.id)).toEqual([sum])
    // Summit cannot read its parent (the operating company), so filters on the parent's own fields find nothing.
    for (const where of [
      'where[parent.code][equals]=NW',
      'where[parent.name][like]=Northwind',
      'where[parent.kind][equals]=operating_company',
    ]) {
      const res = await partner.get(`/api/participants?${where}&depth=0`)
      expect([where, res.status, res.body.totalDocs]).toEqual([where, 200, 0])
    }
    // Every participant of its subtree has a parent; only those whose parent it can read match a filter on it.
    const withParent = await partner.get('/api/participants?where[parent.minimumPayout][exists]=true&depth=0&limit=100')
    expect(withParent.body.docs.map((d: { code: string }) => d.code).sort()).toEqual(
      [...subtreeCodes('SUM')].filter((code) => code !== 'SUM').sort(),
    )
    const agent = await Api.login(app.url, 'leo.park@summit.example')
    const res = await agent.get('/api/participants?where[parent.name][equals]=Dana%20Ruiz&depth=0')
    expect(res.body.totalDocs).toBe(0)
  })

  it('standing: on every collection with a relationship, a sort through it is refused with a 400 (even for a company admin)', async () => {
    const checked: string[] = []
    const problems: string[] = []
    for (const collection of app.payload.config.collections) {
      const sort = collection.slug === OWN_UI_STATE ? null : relatedSortFor(collection)
      if (!sort) continue
      const res = await admin.get(`/api/${collection.slug}?sort=${encodeURIComponent(sort)}&limit=1&depth=0`)
      if (res.status !== 400 || fieldErrorOf(res.body)?.path !== 'sort') problems.push(`${collection.slug} sort=${sort}: ${res.status}`)
      checked.push(collection.slug)
    }
    expect(problems).toEqual([])
    expect(checked).toEqual(expect.arrayContaining(['proposals', 'participants', 'users', 'commission-lines', 'prospects', 'brands']))
  })

  it('standing: every join refuses a sort through a relationship of the joined collection', async () => {
    let joins = 0
    for (const collection of app.payload.config.collections) {
      for (const field of collection.flattenedFields) {
        if (field.type !== 'join' || Array.isArray(field.collection)) continue
        const sort = relatedSortFor(app.payload.collections[field.collection as 'users'].config)
        if (!sort) continue
        const res = await admin.get(`/api/${collection.slug}?joins[${field.name}][sort]=${encodeURIComponent(sort)}&limit=1&depth=0`)
        expect([collection.slug, field.name, res.status]).toEqual([collection.slug, field.name, 400])
        joins++
      }
    }
    expect(joins).toBeGreaterThanOrEqual(3)
  })
})

describe("item 5: commission evaluations follow the runs' access (staff)", () => {
  it.each(USERS.map((u) => [u.email, u] as const))('%s', async (email, user) => {
    const api = await Api.login(app.url, email)
    const stored = Number((await app.sql.query('select count(*) from commission_evaluations where run_id = $1', [runId])).rows[0].count)
    expect(stored).toBeGreaterThan(0)
    const list = await api.get('/api/commission-evaluations?limit=1&depth=0')
    const one = (await app.sql.query('select id from commission_evaluations order by id limit 1')).rows[0].id
    const byId = await api.get(`/api/commission-evaluations/${one}?depth=0`)
    const line = await api.get('/api/commission-lines?limit=1&depth=1&where[evaluation][exists]=true')
    if (hasAnyRole(user.roles, READ_ALL_ROLES)) {
      expect([list.status, list.body.totalDocs, byId.status]).toEqual([200, stored, 200])
    } else {
      expect([list.status, byId.status]).toEqual([403, 403])
      // A line at depth 1 names its evaluation by id only, never populated.
      for (const doc of line.body.docs ?? []) expect(typeof doc.evaluation).toBe('number')
    }
  })

  it('a dealer\'s "why this amount" still shows its own line\'s rule inputs and detail', async () => {
    const partner = await Api.login(app.url, 'admin@summit.example')
    const dealer = await participantId('DLR-0101')
    const [row] = (
      await app.sql.query(
        `select l.id, e.inputs, e.detail from commission_lines l join commission_evaluations e on e.id = l.evaluation_id where l.payee_id = $1 and l.run_id = $2 order by l.id limit 1`,
        [dealer, runId],
      )
    ).rows
    const why = await partner.get(`/api/commission-lines/${row.id}/why`)
    expect(why.status).toBe(200)
    expect([why.body.rule.inputs, why.body.rule.detail]).toEqual([row.inputs, row.detail])
  })
})

describe("item 7: a login's roles must be a non-empty list", () => {
  const BAD: [string, unknown][] = [
    ['a string', 'company_admin'],
    ['an object', { 0: 'company_admin' }],
    ['a number', 7],
    ['null', null],
    ['an empty list', []],
  ]

  it.each(BAD)("a partner admin setting another login's roles to %s is refused and the roles stay", async (_label, roles) => {
    const manager = await Api.login(app.url, 'admin@summit.example')
    const res = await manager.patch(`/api/users/${await userId('user@summit.example')}`, { roles })
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)?.path).toBe('roles')
    expect(await rolesOf('user@summit.example')).toEqual(['partner_user'])
  })

  it.each(BAD)('a user setting its own roles to %s is refused and the roles stay', async (_label, roles) => {
    const user = await Api.login(app.url, 'user@coastal.example')
    const res = await user.patch(`/api/users/${await userId('user@coastal.example')}`, { roles })
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)?.path).toBe('roles')
    expect(await rolesOf('user@coastal.example')).toEqual(['partner_user'])
  })

  it.each(BAD)('creating a login with roles %s is refused and creates nothing', async (_label, roles) => {
    const manager = await Api.login(app.url, 'admin@summit.example')
    const res = await manager.post('/api/users', {
      email: 'shape@summit.example',
      name: 'Shape',
      password: 'a-long-enough-password',
      participant: await participantId('SUM'),
      roles,
    })
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)?.path).toBe('roles')
    expect((await app.sql.query(`select count(*) from users where email = 'shape@summit.example'`)).rows[0].count).toBe('0')
  })

  it('a valid role list is still accepted, and leaving roles out keeps them', async () => {
    const manager = await Api.login(app.url, 'admin@summit.example')
    const id = await userId('user@summit.example')
    expect((await manager.patch(`/api/users/${id}`, { name: 'Umar Summit' })).status).toBe(200)
    expect(await rolesOf('user@summit.example')).toEqual(['partner_user'])
    expect((await manager.patch(`/api/users/${id}`, { roles: ['partner_user'] })).status).toBe(200)
    expect(await rolesOf('user@summit.example')).toEqual(['partner_user'])
  })
})

describe('item 8: the audit trail records only what changed', () => {
  const lastUpdate = async (id: number) =>
    (
      await app.sql.query(
        `select id, changes from audit_events where collection_slug = 'participants' and document_id = $1 and action = 'update' order by id desc limit 1`,
        [String(id)],
      )
    ).rows[0] ?? null

  it('a no-op PATCH of a participant by a partner admin (who cannot read bank fields) records no change at all', async () => {
    const partner = await Api.login(app.url, 'admin@summit.example')
    const dealer = await participantId('DLR-0101')
    const before = await lastUpdate(dealer)
    const res = await partner.patch(`/api/participants/${dealer}`, {})
    expect(res.status).toBe(200)
    expect(res.body.doc.bankAccountNumber).toBeUndefined()
    const same = await partner.patch(`/api/participants/${dealer}`, { name: 'Bay Mobile Store' })
    expect(same.status).toBe(200)
    expect(await lastUpdate(dealer)).toEqual(before)
    const bank = (await app.sql.query('select bank_account_number from participants where id = $1', [dealer])).rows[0].bank_account_number
    expect(bank).toBe('4410000101')
  })

  it('a real change by a partner admin records that field only, never hidden bank fields as null', async () => {
    const partner = await Api.login(app.url, 'admin@summit.example')
    const dealer = await participantId('DLR-0102')
    expect((await partner.patch(`/api/participants/${dealer}`, { email: 'store@valley.example' })).status).toBe(200)
    expect((await lastUpdate(dealer)).changes).toEqual([{ field: 'email', before: null, after: 'store@valley.example' }])
  })

  it('a PATCH that selects fewer fields in its answer records only what changed', async () => {
    const partner = await Api.login(app.url, 'admin@summit.example')
    const dealer = await participantId('DLR-0102')
    expect((await partner.patch(`/api/participants/${dealer}?select[name]=true`, { name: 'Valley Cellular Inc.' })).status).toBe(200)
    expect((await lastUpdate(dealer)).changes).toEqual([{ field: 'name', before: 'Valley Cellular', after: 'Valley Cellular Inc.' }])
  })

  it('a participant created or moved with a narrowed answer (select) still gets its place in the tree', async () => {
    const partner = await Api.login(app.url, 'admin@summit.example')
    const pac = await participantId('SUM-PAC')
    const created = await partner.post('/api/participants?select[name]=true', {
      name: 'Select Store',
      code: 'DLR-SEL',
      kind: 'dealer',
      parent: pac,
      joinedOn: '2026-01-05',
    })
    expect(created.status).toBe(201)
    const stored = async () => (await app.sql.query(`select id, path from participants where code = 'DLR-SEL'`)).rows[0]
    const { id, path } = await stored()
    const pacPath = (await app.sql.query('select path from participants where id = $1', [pac])).rows[0].path
    expect(path).toBe(`${pacPath}${id}/`)
    const sum = await participantId('SUM')
    expect((await partner.patch(`/api/participants/${id}?select[name]=true`, { parent: sum })).status).toBe(200)
    expect((await stored()).path).toBe(`/${await participantId('NW')}/${sum}/${id}/`)
  })

  it('a delete by a partner admin records the stored values, bank fields it cannot read included; a refused delete records nothing', async () => {
    const partner = await Api.login(app.url, 'admin@summit.example')
    const pac = await participantId('SUM-PAC')
    const created = await partner.post('/api/participants', {
      name: 'Closing Store',
      code: 'DLR-CLOSE',
      kind: 'dealer',
      parent: pac,
      joinedOn: '2026-02-01',
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id as number
    expect((await admin.patch(`/api/participants/${id}`, { bankAccountNumber: '4410000777', bankRoutingNumber: '021000021' })).status).toBe(
      200,
    )
    expect((await partner.delete(`/api/participants/${id}`)).status).toBe(200)
    const events = (
      await app.sql.query(
        `select changes from audit_events where collection_slug = 'participants' and document_id = $1 and action = 'delete'`,
        [String(id)],
      )
    ).rows
    expect(events).toHaveLength(1)
    const changes = events[0].changes as { field: string; before: unknown; after: unknown }[]
    expect(changes).toContainEqual({ field: 'bankAccountNumber', before: '4410000777', after: null })
    expect(changes).toContainEqual({ field: 'bankRoutingNumber', before: '021000021', after: null })
    expect(changes).toContainEqual({ field: 'code', before: 'DLR-CLOSE', after: null })

    // A participant with participants beneath it is in use: the guard refuses the delete, and no delete is recorded.
    const inUse = pac
    const refused = await admin.delete(`/api/participants/${inUse}`)
    expect(refused.status).toBeGreaterThanOrEqual(400)
    expect((await app.sql.query(`select count(*)::int as n from participants where id = $1`, [inUse])).rows[0].n).toBe(1)
    expect(
      (
        await app.sql.query(
          `select count(*)::int as n from audit_events where collection_slug = 'participants' and document_id = $1 and action = 'delete'`,
          [String(inUse)],
        )
      ).rows[0].n,
    ).toBe(0)
  })

  it('a company admin changing a bank account records it with before and after', async () => {
    const dealer = await participantId('DLR-0101')
    expect((await admin.patch(`/api/participants/${dealer}`, { bankAccountNumber: '4410000199' })).status).toBe(200)
    expect((await lastUpdate(dealer)).changes).toEqual([{ field: 'bankAccountNumber', before: '4410000101', after: '4410000199' }])
  })
})

describe('standing: the auditor writes nothing anywhere', () => {
  /** A fingerprint of every table's content, to prove a request changed nothing in the database. */
  async function fingerprint(): Promise<Map<string, string>> {
    const tables = (
      await app.sql.query(
        `select tablename from pg_tables where schemaname = 'public' and tablename not like 'payload_preferences%' order by 1`,
      )
    ).rows.map((r) => r.tablename as string)
    const out = new Map<string, string>()
    for (const table of tables) {
      const res = await app.sql.query(
        `select count(*)::text || ':' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as f from "${table}" t`,
      )
      out.set(table, res.rows[0].f)
    }
    return out
  }

  it('POST, PATCH and DELETE on every collection (by id and in bulk) are refused, and no table changes', async () => {
    const auditor = await Api.login(app.url, 'auditor@northwind.example')
    const before = await fingerprint()
    // 404 or 501: no REST route is served for the collection (Payload's migrations table).
    const refused = [401, 403, 404, 405, 501]
    const problems: string[] = []
    for (const collection of app.payload.config.collections) {
      const slug = collection.slug
      if (slug === OWN_UI_STATE) continue
      const table = collection.dbName && typeof collection.dbName === 'string' ? collection.dbName : slug.replace(/-/g, '_')
      const id = (await app.sql.query(`select id from "${table}" order by id limit 1`)).rows[0]?.id ?? 1
      const create = await auditor.post(`/api/${slug}`, {})
      if (!refused.includes(create.status)) problems.push(`POST /api/${slug}: ${create.status}`)
      const update = await auditor.patch(`/api/${slug}/${id}`, { name: 'changed by the auditor' })
      if (!refused.includes(update.status)) problems.push(`PATCH /api/${slug}/${id}: ${update.status}`)
      const remove = await auditor.delete(`/api/${slug}/${id}`)
      if (!refused.includes(remove.status)) problems.push(`DELETE /api/${slug}/${id}: ${remove.status}`)
      for (const method of ['PATCH', 'DELETE']) {
        const bulk = await auditor.request(
          method,
          `/api/${slug}?where[id][exists]=true`,
          method === 'PATCH' ? { name: 'changed by the auditor' } : undefined,
        )
        const touched = bulk.status < 300 ? (bulk.body.docs ?? []).length : 0
        if (bulk.status < 300 ? touched > 0 : !refused.includes(bulk.status))
          problems.push(`${method} /api/${slug}?where: ${bulk.status}, ${touched} documents`)
      }
    }
    expect(problems).toEqual([])
    const after = await fingerprint()
    const changed = [...after].filter(([table, f]) => before.get(table) !== f).map(([table]) => table)
    expect(changed).toEqual([])
  })

  it('every other action (the POST, PATCH, PUT and DELETE endpoints of every collection, custom ones included) is refused, and no table changes', async () => {
    const auditor = await Api.login(app.url, 'auditor@northwind.example')
    const before = await fingerprint()
    const problems: string[] = []
    let actions = 0
    for (const collection of app.payload.config.collections) {
      if (collection.slug === OWN_UI_STATE) continue
      const table = collection.dbName && typeof collection.dbName === 'string' ? collection.dbName : collection.slug.replace(/-/g, '_')
      const id = (await app.sql.query(`select id from "${table}" order by id limit 1`)).rows[0]?.id ?? 1
      for (const endpoint of collection.endpoints || []) {
        if (endpoint.method === 'get' || endpoint.method === 'options' || endpoint.method === 'head') continue
        // A login's own session steps, and Payload's permission query (`POST /access/:id?` reads what the login may do).
        if (
          [
            '/login',
            '/logout',
            '/refresh-token',
            '/forgot-password',
            '/reset-password',
            '/first-register',
            '/verify/:token',
            '/unlock',
            '/init',
            '/me',
            '/access/:id?',
          ].includes(endpoint.path)
        )
          continue
        if (endpoint.path === '/respond') continue // the prospect's answer: no login, authorised by its signed link only
        const path = endpoint.path.replace(/:[a-zA-Z]+/g, String(id))
        const res = await auditor.request(endpoint.method.toUpperCase(), `/api/${collection.slug}${path}`, {})
        actions++
        if (res.status < 400 || res.status >= 500)
          problems.push(`${endpoint.method.toUpperCase()} /api/${collection.slug}${path}: ${res.status}`)
      }
    }
    expect(problems).toEqual([])
    expect(actions).toBeGreaterThanOrEqual(10)
    const after = await fingerprint()
    expect([...after].filter(([table, f]) => before.get(table) !== f).map(([table]) => table)).toEqual([])
  })
})
