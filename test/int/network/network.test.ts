import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { Api, fieldErrorOf } from '../../support/http'

/** The network stays one tree through the REST API, and bad input changes nothing. */
let app: TestApp
let admin: Api
const ids = new Map<string, number>()

beforeAll(async () => {
  app = await startTestApp('network')
  admin = await Api.login(app.url, 'admin@northwind.example')
  for (const row of (await app.sql.query<{ id: number; code: string }>('select id, code from participants')).rows) ids.set(row.code, row.id)
})
afterAll(async () => app?.close())

async function snapshot(): Promise<string> {
  const rows = await app.sql.query('select id, parent_id, path, name, minimum_payout from participants order by id')
  return JSON.stringify(rows.rows)
}

describe('one root, no cycles', () => {
  it('refuses a move that would make a cycle, naming the participants, and changes nothing', async () => {
    const before = await snapshot()
    const res = await admin.patch(`/api/participants/${ids.get('SUM')}`, { parent: ids.get('SUM-PAC-AG1') })
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)).toEqual({
      path: 'parent',
      message:
        'moving "Summit Wireless Partners" under "Leo Park" would make a cycle: "Leo Park" is inside "Summit Wireless Partners"\'s own subtree ("Summit Wireless Partners" → "Pacific Territory LLC" → "Dana Ruiz" → "Leo Park")',
    })
    expect(await snapshot()).toBe(before)
  })

  it('refuses a participant as its own parent', async () => {
    const res = await admin.patch(`/api/participants/${ids.get('GLD')}`, { parent: ids.get('GLD') })
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)?.message).toBe('"Great Lakes Distribution" cannot be its own parent')
  })

  it('refuses a second root, naming the existing one', async () => {
    const res = await admin.post('/api/participants', { name: 'Rogue Holdings', kind: 'partner', joinedOn: '2026-01-01' })
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)?.path).toBe('parent')
    expect(fieldErrorOf(res.body)?.message).toMatch(/Northwind Communications/)
    expect((await app.sql.query(`select 1 from participants where name = 'Rogue Holdings'`)).rowCount).toBe(0)
  })

  it('the database itself refuses a second root even when the hooks are bypassed', async () => {
    await expect(
      app.sql.query(
        `insert into participants (name, kind, status, joined_on, currency) values ('Raw Root', 'partner', 'active', now(), 'USD')`,
      ),
    ).rejects.toThrow(/participants_single_root/)
  })

  it('moves a subtree: every descendant path follows, and the move is audited with its size', async () => {
    const res = await admin.patch(`/api/participants/${ids.get('SUM-PAC')}`, { parent: ids.get('COA') })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const rows = await app.sql.query<{ code: string; path: string }>(
      `select code, path from participants where code like 'SUM-PAC%' or code in ('DLR-0101','DLR-0102') order by code`,
    )
    const prefix = `/${ids.get('NW')}/${ids.get('COA')}/${ids.get('SUM-PAC')}/`
    for (const row of rows.rows) expect(row.path.startsWith(prefix), `${row.code} ${row.path}`).toBe(true)
    expect(rows.rows.find((r) => r.code === 'SUM-PAC-RF1')!.path).toBe(
      `${prefix}${ids.get('SUM-PAC-AM1')}/${ids.get('SUM-PAC-AG1')}/${ids.get('SUM-PAC-RF1')}/`,
    )
    const move = await app.sql.query(`select summary, changes from audit_events where action = 'move' and document_id = $1`, [
      String(ids.get('SUM-PAC')),
    ])
    expect(move.rows).toHaveLength(1)
    expect(move.rows[0].summary).toBe(
      `moved "Pacific Territory LLC" and 6 participant(s) beneath it from parent #${ids.get('SUM')} to #${ids.get('COA')}`,
    )
    // the Summit partner admin no longer sees the moved branch; the Coastal one does
    const summit = await Api.login(app.url, 'admin@summit.example')
    expect((await summit.get(`/api/participants/${ids.get('SUM-PAC-AG1')}`)).status).toBe(404)
    const coastal = await Api.login(app.url, 'admin@coastal.example')
    expect((await coastal.get(`/api/participants/${ids.get('SUM-PAC-AG1')}`)).status).toBe(200)
  })

  it('refuses a move in a bulk update, which would rebase from stale paths', async () => {
    const partner = await Api.login(app.url, 'admin@coastal.example')
    const before = await snapshot()
    const res = await partner.request('PATCH', `/api/participants?where[id][in]=${ids.get('COA-ATL-AM1')},${ids.get('COA-ATL-AG1')}`, {
      parent: ids.get('DLR-0201'),
    })
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)?.message).toMatch(/one at a time/)
    expect(await snapshot()).toBe(before)
  })

  it('refuses to delete a participant that still has participants beneath it', async () => {
    const res = await admin.delete(`/api/participants/${ids.get('GLD')}`)
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)?.message).toMatch(/still has participants beneath it \("Lakeshore Phones"/)
    expect((await app.sql.query('select 1 from participants where id = $1', [ids.get('GLD')])).rowCount).toBe(1)
  })

  it('refuses a brand on a participant that is not a client owner', async () => {
    const brand = (await app.sql.query<{ id: number }>(`select id from brands where name = 'Summit Wireless'`)).rows[0]!.id
    const res = await admin.patch(`/api/participants/${ids.get('DLR-0301')}`, { brand })
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)?.path).toBe('brand')
  })
})

describe('money on participants', () => {
  it.each([
    ['12,34.5', /"12,34.5" is not a valid amount/],
    ['12.34.5', /not a valid amount/],
    ['abc', /not a valid amount/],
    ['1.23456', /more than 4 decimal places/],
  ])('refuses the malformed amount %s with a 400 naming minimumPayout, changing nothing', async (input, message) => {
    const before = await snapshot()
    const res = await admin.patch(`/api/participants/${ids.get('DLR-0301')}`, { minimumPayout: input })
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)?.path).toBe('minimumPayout')
    expect(fieldErrorOf(res.body)?.message).toMatch(message)
    expect(await snapshot()).toBe(before)
  })

  it('refuses a float amount: money travels as a string', async () => {
    const res = await admin.patch(`/api/participants/${ids.get('DLR-0301')}`, { minimumPayout: 12.5 })
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)?.message).toMatch(/sent as strings/)
  })

  it.each([
    ['1,234.50', '1234.5000'],
    ['(12.00)', '-12.0000'],
    ['99999999999999.9999', '99999999999999.9999'],
  ])('stores %s exactly as %s in a numeric(19,4) column and returns it as a string', async (input, stored) => {
    const res = await admin.patch(`/api/participants/${ids.get('DLR-0301')}`, { minimumPayout: input })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.doc.minimumPayout).toBe(stored)
    const row = await app.sql.query(
      `select minimum_payout::text as v, pg_typeof(minimum_payout)::text as t from participants where id = $1`,
      [ids.get('DLR-0301')],
    )
    expect(row.rows[0]).toEqual({ v: stored, t: 'numeric' })
  })
})
