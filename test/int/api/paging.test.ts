import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'

/**
 * Keyset paging and export over real HTTP, on a few thousand dealer sales planted across the whole network: the
 * pages of `/keyset` are exactly the rows of the full list in id order (no gap, no duplicate) for a partner admin
 * (only their subtree's, checked against the tree walked by parent in SQL) and for a company admin; the export
 * gives back the same rows as the JSON list in CSV and NDJSON, and never a row or field the reader may not see.
 */
let app: TestApp
let admin: Api
let partner: Api
let summitId: number
const PLANTED = 2_345

beforeAll(async () => {
  app = await startTestApp('api_paging')
  const { rows } = await app.sql.query<{ id: number }>(`select id from participants where code = 'SUM'`)
  summitId = rows[0]!.id
  // Sales spread round-robin over every participant; some text needs CSV quoting (comma, quote, line break).
  await app.sql.query(`
    with p as (select id, row_number() over (order by id) - 1 as n, count(*) over () as c from participants),
         carrier as (select id from carriers order by id limit 1),
         plan as (select id from rate_plans order by id limit 1)
    insert into dealer_sales (dealer_id, sale_date, carrier_id, activation_type, mdn, rate_plan_id, features, customer_account, natural_key)
    select p.id, date '2026-01-01' + (g % 60), carrier.id, (array['new','upgrade','port_in'])[1 + g % 3]::enum_dealer_sales_activation_type,
           lpad(g::text, 10, '5'), plan.id,
           case when g % 7 = 0 then 'FEAT,"X"' else 'BASIC' end,
           case when g % 11 = 0 then E'acct ' || g || E'\\nsecond line' else 'acct ' || g end,
           'paging-' || g
      from generate_series(1, ${PLANTED}) g
      join p on p.n = g % p.c
      cross join carrier cross join plan`)
  admin = await Api.login(app.url, 'admin@northwind.example')
  partner = await Api.login(app.url, 'admin@summit.example')
}, 240_000)
afterAll(async () => app?.close())

/** The ids of the dealer sales a participant's subtree owns, by walking the tree by parent (not by the stored path). */
async function ownedSaleIds(participantId: number, extra = 'true'): Promise<number[]> {
  const { rows } = await app.sql.query<{ id: number }>(
    `with recursive tree(id) as (select id from participants where id = $1
                                 union all select p.id from participants p join tree on p.parent_id = tree.id)
     select s.id from dealer_sales s where s.dealer_id in (select id from tree) and ${extra} order by s.id`,
    [participantId],
  )
  return rows.map((r) => r.id)
}

async function allSaleIds(extra = 'true'): Promise<number[]> {
  const { rows } = await app.sql.query<{ id: number }>(`select id from dealer_sales where ${extra} order by id`)
  return rows.map((r) => r.id)
}

/** Every keyset page of a query, following nextCursor. */
async function walkKeyset(api: Api, path: string, limit: number): Promise<{ ids: number[]; pages: number; docs: any[] }> {
  const docs: any[] = []
  let pages = 0
  let cursor: string | null = null
  do {
    const sep = path.includes('?') ? '&' : '?'
    const res = await api.get(`${path}${sep}limit=${limit}${cursor ? `&after=${cursor}` : ''}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.limit).toBe(limit)
    expect(res.body.docs.length).toBeLessThanOrEqual(limit)
    docs.push(...res.body.docs)
    pages++
    cursor = res.body.nextCursor
    if (cursor !== null) expect(res.body.docs.length).toBe(limit)
  } while (cursor !== null && pages < 1_000)
  return { ids: docs.map((d) => d.id as number), pages, docs }
}

async function fullList(api: Api, query = ''): Promise<any[]> {
  const res = await api.get(`/api/dealer-sales?pagination=false&depth=0&sort=id${query}`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.docs
}

describe('keyset paging', () => {
  it('a partner admin pages through exactly their subtree’s sales, in id order, without gap or duplicate', async () => {
    const owned = await ownedSaleIds(summitId)
    const all = await allSaleIds()
    expect(owned.length).toBeGreaterThan(300)
    expect(owned.length).toBeLessThan(all.length)
    const walked = await walkKeyset(partner, '/api/dealer-sales/keyset', 250)
    expect(walked.ids).toEqual(owned)
    expect(walked.pages).toBe(Math.ceil(owned.length / 250) + (owned.length % 250 === 0 ? 1 : 0))
    expect(walked.ids).toEqual((await fullList(partner)).map((d) => d.id))
  })

  it('a company admin pages through every sale; the default page is 100 with relationships as ids', async () => {
    const walked = await walkKeyset(admin, '/api/dealer-sales/keyset', 1_000)
    expect(walked.ids).toEqual(await allSaleIds())
    const first = await admin.get('/api/dealer-sales/keyset')
    expect(first.status).toBe(200)
    expect(first.body.limit).toBe(100)
    expect(first.body.docs).toHaveLength(100)
    expect(typeof first.body.docs[0].dealer).toBe('number')
    expect(typeof first.body.nextCursor).toBe('string')
  })

  it('keeps to the where filter (qs syntax, as on the list)', async () => {
    const owned = await ownedSaleIds(summitId, `s.activation_type = 'port_in' and s.sale_date >= '2026-02-01'`)
    expect(owned.length).toBeGreaterThan(20)
    const walked = await walkKeyset(
      partner,
      '/api/dealer-sales/keyset?where[activationType][equals]=port_in&where[saleDate][greater_than_equal]=2026-02-01',
      40,
    )
    expect(walked.ids).toEqual(owned)
  })

  it('refuses a cursor it did not give out, and a limit outside 1 to 5,000, naming the parameter', async () => {
    for (const bad of ['abc!', 'LTE', 'NDI=']) {
      const res = await partner.get(`/api/dealer-sales/keyset?after=${encodeURIComponent(bad)}`)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toMatch(/^after is not a cursor/)
    }
    for (const limit of ['0', '5001', 'x']) {
      const res = await partner.get(`/api/dealer-sales/keyset?limit=${limit}`)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toMatch(/limit/)
    }
  })

  it('is refused to a visitor without a login', async () => {
    const res = await fetch(`${app.url}/api/dealer-sales/keyset`)
    expect(res.status).toBe(403)
  })

  it('still leaves Payload’s own page paging working', async () => {
    const res = await partner.get('/api/dealer-sales?limit=7&page=2&depth=0&sort=id')
    expect(res.status).toBe(200)
    const owned = await ownedSaleIds(summitId)
    expect(res.body.totalDocs).toBe(owned.length)
    expect(res.body.docs.map((d: any) => d.id)).toEqual(owned.slice(7, 14))
  })
})

async function download(api: Api, path: string) {
  const res = await api.download(path)
  return { ...res, text: res.data.toString('utf8') }
}

/** A JSON list value as the export writes it in a CSV cell. */
function asCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

describe('export', () => {
  it('CSV: the partner’s rows, the same as the JSON list, RFC 4180 quoted, as an attachment', async () => {
    const res = await download(partner, '/api/dealer-sales/export?format=csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="dealer-sales-\d{4}-\d{2}-\d{2}\.csv"$/)
    expect(res.text).toContain('\r\n')
    expect(res.text).toContain('"FEAT,""X"""')
    const records: Record<string, string>[] = parse(res.text, { columns: true })
    const list = await fullList(partner)
    expect(records.map((r) => Number(r.id))).toEqual(await ownedSaleIds(summitId))
    const columns = Object.keys(records[0]!)
    expect(columns[0]).toBe('id')
    expect(columns).toEqual(
      expect.arrayContaining(['dealer', 'saleDate', 'carrier', 'activationType', 'mdn', 'features', 'customerAccount', 'createdAt']),
    )
    for (const [i, doc] of list.entries())
      for (const column of columns) expect(records[i]![column], `${doc.id}.${column}`).toBe(asCell(doc[column]))
    expect(records.some((r) => r.customerAccount!.includes('\nsecond line'))).toBe(true)
  })

  it('NDJSON with a where filter: the same documents as the filtered JSON list', async () => {
    const where = '&where[activationType][equals]=upgrade'
    const res = await download(partner, `/api/dealer-sales/export?format=ndjson${where}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/\.ndjson"$/)
    const lines = res.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
    const list = await fullList(partner, where)
    expect(lines.map((d) => d.id)).toEqual(await ownedSaleIds(summitId, `s.activation_type = 'upgrade'`))
    expect(lines).toHaveLength(list.length)
    for (const [i, doc] of list.entries())
      for (const key of Object.keys(lines[i])) expect(lines[i][key], `${doc.id}.${key}`).toEqual(doc[key] ?? null)
  })

  it('a company admin exports every row across pages (more than one page of 2,000)', async () => {
    await app.sql.query(`
      insert into dealer_sales (dealer_id, sale_date, carrier_id, activation_type, rate_plan_id, natural_key)
      select (select min(id) from participants), date '2026-03-01', (select min(id) from carriers), 'new', (select min(id) from rate_plans), 'bulk-' || g
        from generate_series(1, 6000) g`)
    const res = await download(admin, '/api/dealer-sales/export')
    expect(res.status).toBe(200)
    const records: Record<string, string>[] = parse(res.text, { columns: true })
    expect(records.map((r) => Number(r.id))).toEqual(await allSaleIds())
    const partnerRes = await download(partner, '/api/dealer-sales/export?format=csv')
    const partnerRecords: Record<string, string>[] = parse(partnerRes.text, { columns: true })
    expect(partnerRecords.map((r) => Number(r.id))).toEqual(await ownedSaleIds(summitId))
  })

  it('leaves out a field the reader’s field-level access hides (participants’ bank account for a partner)', async () => {
    const partnerCsv: Record<string, string>[] = parse((await download(partner, '/api/participants/export')).text, { columns: true })
    const adminCsv: Record<string, string>[] = parse((await download(admin, '/api/participants/export')).text, { columns: true })
    expect(Object.keys(adminCsv[0]!)).toEqual(expect.arrayContaining(['bankAccountNumber', 'bankRoutingNumber', 'name', 'path']))
    expect(Object.keys(partnerCsv[0]!)).not.toContain('bankAccountNumber')
    expect(Object.keys(partnerCsv[0]!)).not.toContain('bankRoutingNumber')
    expect(Object.keys(partnerCsv[0]!)).toContain('name')
    const owned = await app.sql.query<{ id: number }>(`select id from participants where path like $1 order by id`, [`%/${summitId}/%`])
    expect(partnerCsv.map((r) => Number(r.id))).toEqual(owned.rows.map((r) => r.id))
    expect(adminCsv.length).toBeGreaterThan(partnerCsv.length)
    const ndjson = (await download(partner, '/api/participants/export?format=ndjson')).text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    for (const row of ndjson) expect(row).not.toHaveProperty('bankAccountNumber')
    // Hidden auth fields never leave, whoever asks.
    const users: Record<string, string>[] = parse((await download(admin, '/api/users/export')).text, { columns: true })
    expect(Object.keys(users[0]!)).toContain('email')
    for (const secret of ['hash', 'salt', 'resetPasswordToken', 'password']) expect(Object.keys(users[0]!)).not.toContain(secret)
  })

  it('refuses an unknown format, a filter on a field the reader may not read, and a visitor', async () => {
    expect((await partner.get('/api/dealer-sales/export?format=xlsx')).status).toBe(400)
    // As on the list: a filter on a field the reader may not read is Payload's 400 naming the path.
    const hidden = await partner.get('/api/participants/export?where[bankAccountNumber][exists]=true')
    expect(hidden.status).toBe(400)
    expect(hidden.body.errors[0].message).toMatch(/bankAccountNumber/)
    expect((await partner.get('/api/participants?where[bankAccountNumber][exists]=true')).status).toBe(400)
    expect((await fetch(`${app.url}/api/dealer-sales/export`)).status).toBe(403)
  })
})
