import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'
import { subtreeCodes } from '../../support/network'

/**
 * GraphQL (`POST /api/graphql`) is served by the API process itself (no Next) and answers real queries for every
 * capability, under the same access rules as REST: a partner's query returns only its own subtree's rows.
 */
let app: TestApp
let admin: Api
let summitUser: Api
let coastalUser: Api

beforeAll(async () => {
  app = await startTestApp('graphql')
  admin = await Api.login(app.url, 'admin@northwind.example')
  summitUser = await Api.login(app.url, 'user@summit.example')
  coastalUser = await Api.login(app.url, 'user@coastal.example')
})
afterAll(async () => app?.close())

async function gql(api: Api | null, query: string, variables?: Record<string, unknown>) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (api?.token) headers.authorization = `JWT ${api.token}`
  const res = await fetch(`${app.url}/api/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) })
  return {
    status: res.status,
    body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: { statusCode?: number } }[] },
  }
}

async function count(table: string, where = 'true'): Promise<number> {
  return Number((await app.sql.query(`select count(*)::int as n from ${table} where ${where}`)).rows[0].n)
}

describe('GraphQL answers a real query per capability', () => {
  it('network: participants and logins, as an admin', async () => {
    const res = await gql(admin, '{ Participants(limit: 100) { totalDocs docs { code name } } Users(limit: 100) { totalDocs } }')
    expect(res.status).toBe(200)
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.Participants.totalDocs).toBe(await count('participants'))
    expect(res.body.data.Users.totalDocs).toBe(await count('users'))
  })

  it('telecom: carriers, dealer sales and import mappings, whose delimiter options read back by name (";" is semicolon)', async () => {
    const res = await gql(
      admin,
      '{ Carriers { docs { code } } DealerSales(limit: 1) { totalDocs } ImportMappings(limit: 20) { docs { name csvDelimiter decimalSeparator } } }',
    )
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.Carriers.docs.map((c: { code: string }) => c.code).sort()).toEqual(
      (await app.sql.query('select code from carriers order by code')).rows.map((r) => r.code),
    )
    expect(res.body.data.DealerSales.totalDocs).toBe(await count('dealer_sales'))
    const stored = (
      await app.sql.query<{ name: string; csv_delimiter: string; decimal_separator: string }>(
        'select name, csv_delimiter::text, decimal_separator::text from import_mappings',
      )
    ).rows
    const names: Record<string, string> = { auto: 'auto', ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe', '.': 'point' }
    expect(stored.some((m) => m.csv_delimiter === ';')).toBe(true)
    for (const m of stored) {
      const doc = res.body.data.ImportMappings.docs.find((d: { name: string }) => d.name === m.name)
      expect(doc, m.name).toEqual({ name: m.name, csvDelimiter: names[m.csv_delimiter], decimalSeparator: names[m.decimal_separator] })
    }
  })

  it('telecom: a mapping filtered and updated through GraphQL by delimiter name stores the real delimiter', async () => {
    const filtered = await gql(admin, '{ ImportMappings(where: { csvDelimiter: { equals: semicolon } }) { totalDocs } }')
    expect(filtered.body.errors).toBeUndefined()
    expect(filtered.body.data.ImportMappings.totalDocs).toBe(await count('import_mappings', `csv_delimiter = ';'`))
    const mapping = (await app.sql.query<{ id: number }>(`select id from import_mappings where csv_delimiter <> '|' order by id limit 1`))
      .rows[0]!.id
    const updated = await gql(
      admin,
      `mutation { updateImportMapping(id: ${mapping}, data: { csvDelimiter: pipe, decimalSeparator: comma }) { id csvDelimiter decimalSeparator } }`,
    )
    if (updated.body.errors) throw new Error(JSON.stringify(updated.body.errors))
    expect(updated.body.data.updateImportMapping).toEqual({ id: mapping, csvDelimiter: 'pipe', decimalSeparator: 'comma' })
    const row = await app.sql.query('select csv_delimiter::text as d, decimal_separator::text as s from import_mappings where id = $1', [
      mapping,
    ])
    expect(row.rows[0]).toEqual({ d: '|', s: ',' })
    expect((await admin.get(`/api/import-mappings/${mapping}`)).body.csvDelimiter).toBe('|')
  })

  it('reconcile and scrape: reconciliation runs, connectors and scrape runs', async () => {
    const res = await gql(
      admin,
      '{ ReconciliationRuns { totalDocs docs { status } } CarrierConnectors { totalDocs docs { name } } ScrapeRuns { totalDocs } }',
    )
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.ReconciliationRuns.totalDocs).toBe(await count('reconciliation_runs'))
    expect(res.body.data.CarrierConnectors.totalDocs).toBe(await count('carrier_connectors'))
    expect(res.body.data.ScrapeRuns.totalDocs).toBe(await count('scrape_runs'))
  })

  it('commission and payments: plans, periods and payment batches', async () => {
    const res = await gql(
      admin,
      '{ CompensationPlans { docs { name } } CommissionPeriods(limit: 1) { totalDocs } PaymentBatches { totalDocs } }',
    )
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.CompensationPlans.docs.map((p: { name: string }) => p.name).sort()).toEqual(
      (await app.sql.query('select name from compensation_plans order by name')).rows.map((r) => r.name),
    )
    expect(res.body.data.CommissionPeriods.totalDocs).toBe(await count('commission_periods'))
    expect(res.body.data.PaymentBatches.totalDocs).toBe(await count('payment_batches'))
  })

  it('proposals: services and commission rules', async () => {
    const res = await gql(admin, '{ Services { totalDocs docs { name } } CommissionRules { totalDocs } }')
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.Services.totalDocs).toBe(await count('services'))
    expect(res.body.data.CommissionRules.totalDocs).toBe(await count('commission_rules'))
  })
})

describe('GraphQL applies the same access rules as REST', () => {
  it("a Summit user's query returns exactly Summit's subtree, a Coastal user's exactly Coastal's", async () => {
    for (const [api, code] of [
      [summitUser, 'SUM'],
      [coastalUser, 'COA'],
    ] as const) {
      const res = await gql(api, '{ Participants(limit: 100) { docs { code } } }')
      expect(res.body.errors).toBeUndefined()
      expect(new Set(res.body.data.Participants.docs.map((d: { code: string }) => d.code))).toEqual(subtreeCodes(code))
    }
  })

  it('a partner user cannot read staff-only collections, nor another partner by id; anonymous reads no participants', async () => {
    const coastal = (await app.sql.query<{ id: number }>(`select id from participants where code = 'COA'`)).rows[0]!.id
    const res = await gql(summitUser, `{ Participant(id: ${coastal}) { code } }`)
    expect(res.body.data?.Participant ?? null).toBeNull()
    expect(res.body.errors?.[0]?.extensions?.statusCode).toBe(404)
    const staff = await gql(summitUser, '{ PaymentBatches { totalDocs } }')
    expect(staff.body.errors?.[0]?.extensions?.statusCode).toBe(403)
    const anonymous = await gql(null, '{ Participants { totalDocs } }')
    expect(anonymous.body.errors?.[0]?.extensions?.statusCode).toBe(403)
  })

  it('malformed GraphQL is a client error, never a 500', async () => {
    const syntax = await gql(admin, '{ Participants( { docs')
    expect(syntax.status).toBeLessThan(500)
    expect(syntax.body.errors?.[0]?.message).toMatch(/Syntax Error/)
    const nul = await gql(admin, '{ Participants(where: { name: { like: "a\\u0000b" } }) { totalDocs } }')
    expect(nul.body.errors?.[0]?.extensions?.statusCode).toBe(400)
    expect(nul.body.errors?.[0]?.message).not.toBe('Something went wrong.')
  })
})
