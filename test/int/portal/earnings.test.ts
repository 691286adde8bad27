import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { earningsByMonth } from '../../../modules/commission/statements/earnings'
import { startTestApp, type TestApp } from '../../support/app'
import { periodId, planId, runPeriod } from '../../support/commission'
import { Api } from '../../support/http'
import { drainJobs } from '../../support/telecom'

/**
 * The portal's earnings trend reads a payee's posted lines by month and component (the demo: Vertex, October 2026,
 * reconciled by the worker; the dealer plan's October run posted). Expected figures are the run's own lines.
 */
let app: TestApp
let runId: number
const ids = new Map<string, number>()

/** Component → "1234.50" of one payee's lines of the run, straight from the table. */
async function linesOf(code: string): Promise<Record<string, string>> {
  const rows = await app.sql.query<{ c: string; t: string }>(
    `select component::text as c, sum(amount)::numeric(20, 2)::text as t from commission_lines
      where run_id = $1 and payee_id = $2 group by 1 having sum(amount) <> 0`,
    [runId, ids.get(code)],
  )
  return Object.fromEntries(rows.rows.map((r) => [r.c, r.t]))
}

beforeAll(async () => {
  app = await startTestApp('portal_earnings')
  await drainJobs(app)
  for (const row of (await app.sql.query<{ id: number; code: string }>('select id, code from participants')).rows) ids.set(row.code, row.id)
  const admin = await Api.login(app.url, 'admin@northwind.example')
  const run = await runPeriod(app, admin, await planId(admin, 'Telecom dealer plan'), await periodId(admin, 'Oct 2026'))
  if (run.status !== 'awaiting_approval') throw new Error(`commission run: ${JSON.stringify(run)}`)
  runId = run.id
})
afterAll(async () => app?.close())

describe('earningsByMonth: a payee’s posted commission of the last twelve months', () => {
  it('puts each dealer’s October lines in October, by component, and nobody else’s', async () => {
    for (const code of ['DLR-0101', 'DLR-0102']) {
      const expected = await linesOf(code)
      expect(Object.keys(expected).length, code).toBeGreaterThan(0)
      const [usd, ...others] = await earningsByMonth(app.payload, ids.get(code)!, '2026-12-06')
      expect(others).toEqual([])
      const october = usd!.months.find((m) => m.month === '2026-10')!
      expect(Object.fromEntries(october.segments.map((s) => [s.component, s.amount]))).toEqual(expected)
      expect(Object.fromEntries(usd!.series.map((s) => [s.component, s.total]))).toEqual(expected)
      expect(usd!.months.filter((m) => m.segments.length > 0).map((m) => m.month)).toEqual(['2026-10'])
    }
  })

  it('counts October while it is one of the twelve months up to asOf, and not after', async () => {
    const bay = ids.get('DLR-0101')!
    expect((await earningsByMonth(app.payload, bay, '2026-10-01'))[0]!.months.at(-1)!.month).toBe('2026-10')
    expect((await earningsByMonth(app.payload, bay, '2027-09-30'))[0]!.months[0]!.month).toBe('2026-10')
    expect(await earningsByMonth(app.payload, bay, '2027-10-01')).toEqual([])
    expect(await earningsByMonth(app.payload, bay, '2026-09-30')).toEqual([])
  })

  it('leaves out the lines of a run that is no longer posted (queued again, failed)', async () => {
    await app.sql.query(`update commission_runs set status = 'failed' where id = $1`, [runId])
    try {
      expect(await earningsByMonth(app.payload, ids.get('DLR-0101')!, '2026-12-06')).toEqual([])
    } finally {
      await app.sql.query(`update commission_runs set status = 'awaiting_approval' where id = $1`, [runId])
    }
  })
})
