import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { READ_ALL_ROLES, hasAnyRole } from '../../../engine/network/roles'
import { USERS } from '../../../seed/network/data'
import { DEMO_RECON } from '../../../seed/telecom/data'
import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'
import { subtreeCodes } from '../../support/network'
import { drainJobs } from '../../support/telecom'

/**
 * The telecom collections' access, over real HTTP for every seeded login: dealer sales and discrepancies are
 * scoped to the login's subtree (and the carrier's amounts hidden outside staff); carrier data, imports, runs and
 * schedules are staff-only; facts are never written through the API; only company admins and finance work runs
 * and discrepancies.
 */
let app: TestApp
let discrepancyId: number

const STAFF_ONLY = [
  'carrier-records',
  'reconciliation-runs',
  'reconciliation-lines',
  'imports',
  'import-rejects',
  'payout-schedules',
  'import-mappings',
]
const OPERATORS = ['company_admin', 'finance'] as const

beforeAll(async () => {
  app = await startTestApp('telecom_access')
  await drainJobs(app)
  const row = await app.sql.query<{ id: number }>('select id from discrepancies order by id limit 1')
  discrepancyId = row.rows[0]!.id
})
afterAll(async () => app?.close())

describe.each(USERS.map((u) => [u.email, u] as const))('%s', (_email, user) => {
  const readsAll = hasAnyRole(user.roles, READ_ALL_ROLES)
  const operates = hasAnyRole(user.roles, OPERATORS)
  const visibleDealers = DEMO_RECON.dealers.filter((code) => readsAll || subtreeCodes(user.participant).has(code)).sort()
  let api: Api
  beforeAll(async () => {
    api = await Api.login(app.url, user.email)
  })

  it(`reads the dealer sales of ${readsAll ? 'every dealer' : 'its own dealers only'}`, async () => {
    const res = await api.get('/api/dealer-sales?limit=0&depth=1')
    expect(res.status).toBe(200)
    const seen = [...new Set(res.body.docs.map((d: { dealer: { code: string } }) => d.dealer.code))].sort()
    expect(seen).toEqual(visibleDealers)
    const total = Number((await app.sql.query('select count(*) from dealer_sales')).rows[0].count)
    if (readsAll) expect(res.body.totalDocs).toBe(total)
    else expect(res.body.totalDocs).toBeLessThan(total)
  })

  it('cannot reach other dealers\u2019 sales or discrepancies through a crafted where', async () => {
    for (const collection of ['dealer-sales', 'discrepancies']) {
      const res = await api.get(
        `/api/${collection}?limit=0&depth=0&where[or][0][dealer.code][equals]=DLR-0201&where[or][1][dealer.code][equals]=DLR-0101`,
      )
      const codes = visibleDealers.filter((code) => code === 'DLR-0201' || code === 'DLR-0101')
      const expected = Number(
        (
          await app.sql.query(
            `select count(*) from ${collection.replace('-', '_')} t join participants p on p.id = t.dealer_id where p.code = any($1)`,
            [codes],
          )
        ).rows[0].count,
      )
      expect([collection, res.body.totalDocs]).toEqual([collection, expected])
    }
  })

  it(`${readsAll ? 'sees' : 'does not see'} the carrier's amounts on discrepancies`, async () => {
    const res = await api.get('/api/discrepancies?limit=0&depth=0')
    expect(res.status).toBe(200)
    for (const doc of res.body.docs as { paid?: string; expected?: string; carrierRecord?: unknown }[]) {
      if (readsAll) expect(typeof doc.expected).toBe('string')
      else expect([doc.paid, doc.expected, doc.carrierRecord]).toEqual([undefined, undefined, undefined])
    }
  })

  it(`${readsAll ? 'reads' : 'is refused'} carrier records, runs, lines, imports, rejects, schedules and mappings`, async () => {
    for (const collection of STAFF_ONLY) {
      const res = await api.get(`/api/${collection}?limit=1&depth=0`)
      expect([collection, res.status]).toEqual([collection, readsAll ? 200 : 403])
    }
    for (const collection of ['carriers', 'rate-plans']) expect((await api.get(`/api/${collection}?limit=1`)).status).toBe(200)
  })

  it('never writes facts through the API', async () => {
    expect((await api.post('/api/dealer-sales', { saleDate: '2026-09-01' })).status).toBe(403)
    expect((await api.post('/api/carrier-records', { activationDate: '2026-09-01' })).status).toBe(403)
  })

  it(`${operates ? 'may' : 'may not'} start runs and work discrepancies`, async () => {
    expect((await api.post('/api/reconciliation-runs', {})).status).toBe(operates ? 400 : 403)
    const patch = await api.patch(`/api/discrepancies/${discrepancyId}`, { status: 'open' })
    expect(patch.status).toBe(operates ? 200 : 403)
  })
})
