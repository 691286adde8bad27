import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { READ_ALL_ROLES, hasAnyRole } from '../../../engine/network/roles'
import { USERS } from '../../../seed/network/data'
import { startTestApp, type TestApp } from '../../support/app'
import { periodId, planId, runPeriod } from '../../support/commission'
import { Api } from '../../support/http'
import { subtreeCodes } from '../../support/network'
import { drainJobs } from '../../support/telecom'

/**
 * The commission collections' access, over real HTTP for every seeded login: lines, statements, notes and payments
 * are scoped to the login's subtree; plans, runs, holds and batches are staff-only; only company admins and finance
 * run periods, pay and see bank accounts; nothing is written to lines, statements or payments through the API.
 */
let app: TestApp
let runId: number
const STAFF_ONLY = ['compensation-plans', 'plan-versions', 'commission-runs', 'commission-holds', 'payment-batches']
const SCOPED = [
  { collection: 'commission-lines', table: 'commission_lines', column: 'payee_id', path: 'payee' },
  { collection: 'commission-statements', table: 'commission_statements', column: 'participant_id', path: 'participant' },
  { collection: 'payments', table: 'payments', column: 'payee_id', path: 'payee' },
] as const
const OPERATORS = ['company_admin', 'finance'] as const

beforeAll(async () => {
  app = await startTestApp('commission_access')
  await drainJobs(app)
  const admin = await Api.login(app.url, 'admin@northwind.example')
  const october = await periodId(admin, 'Oct 2026')
  runId = (await runPeriod(app, admin, await planId(admin, 'Telecom dealer plan'), october)).id
  await admin.post(`/api/commission-runs/${runId}/statements`, {})
  await drainJobs(app)
  await admin.post(`/api/commission-runs/${runId}/approve`, {})
  await admin.post(`/api/commission-runs/${runId}/lock`, {})
  await admin.post('/api/payment-batches', { period: october, effectiveDate: '2026-11-27' })
  await drainJobs(app)
})
afterAll(async () => app?.close())

describe.each(USERS.map((u) => [u.email, u] as const))('%s', (_email, user) => {
  const readsAll = hasAnyRole(user.roles, READ_ALL_ROLES)
  const operates = hasAnyRole(user.roles, OPERATORS)
  const visible = subtreeCodes(user.participant)
  let api: Api
  beforeAll(async () => {
    api = await Api.login(app.url, user.email)
  })

  it(`reads the lines, statements and payments of ${readsAll ? 'everyone' : 'its own subtree only'}, even through a crafted where`, async () => {
    for (const { collection, table, column, path } of SCOPED) {
      const rows = await app.sql.query(`select p.code from ${table} t join participants p on p.id = t.${column}`)
      const expected = rows.rows.filter((r) => readsAll || visible.has(r.code)).length
      expect(rows.rows.length).toBeGreaterThan(0)
      const res = await api.get(`/api/${collection}?limit=1&depth=0`)
      expect([collection, res.status, res.body.totalDocs]).toEqual([collection, 200, expected])
      const crafted = await api.get(
        `/api/${collection}?limit=1&depth=0&where[or][0][${path}.code][equals]=DLR-0201&where[or][1][${path}.code][equals]=DLR-0101`,
      )
      const craftedExpected = rows.rows.filter(
        (r) => (r.code === 'DLR-0201' || r.code === 'DLR-0101') && (readsAll || visible.has(r.code)),
      ).length
      expect([collection, crafted.body.totalDocs]).toEqual([collection, craftedExpected])
    }
  })

  it(`${readsAll ? 'reads' : 'is refused'} plans, versions, runs, holds and payment batches`, async () => {
    for (const collection of STAFF_ONLY) {
      const res = await api.get(`/api/${collection}?limit=1&depth=0`)
      expect([collection, res.status]).toEqual([collection, readsAll ? 200 : 403])
    }
  })

  it(`${operates ? 'may' : 'may not'} run periods, pay, hold and see bank accounts`, async () => {
    expect((await api.post('/api/commission-runs', {})).status).toBe(operates ? 400 : 403)
    expect((await api.post('/api/payment-batches', {})).status).toBe(operates ? 400 : 403)
    expect((await api.post('/api/commission-holds', {})).status).toBe(operates ? 400 : 403)
    expect((await api.post(`/api/commission-runs/${runId}/approve`, {})).status).toBe(operates ? 409 : user.roles.length ? 403 : 401)
    const me = await api.get('/api/participants?where[code][equals]=DLR-0101&depth=0')
    const dealer = me.body.docs[0]
    if (dealer) expect(dealer.bankAccountNumber).toEqual(operates ? '4410000101' : undefined)
  })

  it('never writes lines, statements or payments through the API', async () => {
    for (const collection of ['commission-lines', 'commission-statements', 'payments', 'commission-evaluations']) {
      expect([collection, (await api.post(`/api/${collection}`, {})).status]).toEqual([collection, 403])
    }
  })

  it('reads a payee ledger only inside what it may see', async () => {
    const coastalDealer = (await app.sql.query(`select id from participants where code = 'DLR-0201'`)).rows[0].id
    const ledger = await api.get(`/api/payments/ledger/${coastalDealer}`)
    expect(ledger.status).toBe(readsAll || visible.has('DLR-0201') ? 200 : 404)
    if (ledger.status === 200) expect(ledger.body.balances).toBe(true)
  })
})
