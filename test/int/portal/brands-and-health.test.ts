import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { resolveBrandIdForParticipant } from '../../../modules/portal/resolveBrand'
import { startTestApp, type TestApp } from '../../support/app'
import { Api, fieldErrorOf } from '../../support/http'
import { createLocalReq } from 'payload'

let app: TestApp
const ids = new Map<string, number>()
const brands = new Map<string, number>()

beforeAll(async () => {
  app = await startTestApp('brands')
  for (const row of (await app.sql.query<{ id: number; code: string }>('select id, code from participants')).rows) ids.set(row.code, row.id)
  for (const row of (await app.sql.query<{ id: number; name: string }>('select id, name from brands')).rows) brands.set(row.name, row.id)
})
afterAll(async () => app?.close())

async function brandOf(code: string): Promise<number | null> {
  const req = await createLocalReq({}, app.payload)
  return resolveBrandIdForParticipant(req, ids.get(code)!)
}

describe('brand resolution on the real network', () => {
  it.each([
    ['SUM', 'Summit Wireless'],
    ['SUM-PAC-RF1', 'Summit Wireless'],
    ['DLR-0102', 'Summit Wireless'],
    ['COA-ATL-AG1', 'Coastal Connect'],
    ['DLR-0301', 'Northwind Communications'],
    ['NW', 'Northwind Communications'],
  ])('%s is shown in the %s brand', async (code, brand) => {
    expect(await brandOf(code)).toBe(brands.get(brand))
  })

  it('a territory owner with its own brand overrides its partner brand for its subtree only', async () => {
    const admin = await Api.login(app.url, 'admin@northwind.example')
    const created = await admin.post('/api/brands', { name: 'Pacific Local', primaryColor: '#123456', emailSenderName: 'Pacific Payouts' })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect((await admin.patch(`/api/participants/${ids.get('SUM-PAC')}`, { brand: created.body.doc.id })).status).toBe(200)
    expect(await brandOf('SUM-PAC-AG1')).toBe(created.body.doc.id)
    expect(await brandOf('SUM')).toBe(brands.get('Summit Wireless'))
  })

  it('partners read only the default brand and their own', async () => {
    const partner = await Api.login(app.url, 'admin@coastal.example')
    const res = await partner.get('/api/brands?limit=50&depth=0')
    expect(res.body.docs.map((b: { name: string }) => b.name).sort()).toEqual(['Coastal Connect', 'Northwind Communications'])
    expect((await partner.get(`/api/brands/${brands.get('Summit Wireless')}`)).status).toBe(404)
  })

  it('there is always exactly one default brand', async () => {
    const admin = await Api.login(app.url, 'admin@northwind.example')
    expect((await admin.patch(`/api/brands/${brands.get('Coastal Connect')}`, { isDefault: true })).status).toBe(200)
    const defaults = await app.sql.query('select name from brands where is_default')
    expect(defaults.rows).toEqual([{ name: 'Coastal Connect' }])
    const unset = await admin.patch(`/api/brands/${brands.get('Coastal Connect')}`, { isDefault: false })
    expect(unset.status).toBe(400)
    expect(fieldErrorOf(unset.body)?.path).toBe('isDefault')
    expect((await admin.delete(`/api/brands/${brands.get('Coastal Connect')}`)).status).toBe(400)
  })

  it('refuses a colour that is not #rrggbb, naming the field', async () => {
    const admin = await Api.login(app.url, 'admin@northwind.example')
    const res = await admin.patch(`/api/brands/${brands.get('Summit Wireless')}`, { primaryColor: 'teal' })
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)).toEqual({ path: 'primaryColor', message: '"teal" is not a colour like #1a2b3c' })
  })
})

describe('health', () => {
  it('/healthz answers while the process is up; /readyz checks the database and migrations', async () => {
    expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({ status: 'ok' })
    expect(await (await fetch(`${app.url}/readyz`)).json()).toEqual({ status: 'ready' })
  })

  it('/readyz reports a pending migration as not ready', async () => {
    const applied = await app.sql.query(`select name from payload_migrations where name like '%network_constraints' `)
    const name = applied.rows[0].name
    await app.sql.query(`delete from payload_migrations where name = $1`, [name])
    try {
      const res = await fetch(`${app.url}/readyz`)
      expect(res.status).toBe(503)
      expect(await res.json()).toEqual({ status: 'migrations pending', pending: [name] })
    } finally {
      await app.sql.query(`insert into payload_migrations (name, batch) values ($1, 1)`, [name])
    }
  })
})
