import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'

/** `npm start -- --empty` (or ACCRUE_DEMO=empty): the first start seeds the logins and nothing else (its own file: one app per file). */
let empty: TestApp

beforeAll(async () => {
  empty = await startTestApp('demo_empty', { empty: true, history: true })
}, 600_000)
afterAll(async () => empty?.close())

describe('an empty start (npm start -- --empty, ACCRUE_DEMO=empty)', () => {
  it('seeds only the logins, the participants they belong to with their ancestors, and no demo data or history', async () => {
    const users = (await empty.sql.query(`select email from users order by email`)).rows.map((r) => r.email)
    expect(users).toHaveLength(16)
    const participants = (await empty.sql.query(`select code from participants`)).rows.map((r) => r.code).sort()
    expect(participants).toEqual([
      'COA',
      'DIST-EAST',
      'DIST-WEST',
      'GLW-01',
      'GLW-02',
      'NW',
      'SUM',
      'SUM-PAC',
      'SUM-PAC-AG1',
      'SUM-PAC-AM1',
      'SUM-PAC-RF1',
    ])
    const counts = (
      await empty.sql.query(
        `select (select count(*)::int from carriers) as carriers, (select count(*)::int from compensation_plans) as plans,
                (select count(*)::int from dealer_sales) as sales, (select count(*)::int from imports) as imports,
                (select count(*)::int from commission_runs) as runs, (select count(*)::int from proposals) as proposals`,
      )
    ).rows[0]
    expect(counts).toEqual({ carriers: 0, plans: 0, sales: 0, imports: 0, runs: 0, proposals: 0 })
    for (const email of ['admin@northwind.example', 'admin@summit.example', 'consultant@glow.example'])
      expect((await (await Api.login(empty.url, email)).get('/api/users/me')).body.user.email).toBe(email)
  })
})
