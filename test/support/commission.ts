import type { TestApp } from './app'
import type { Api } from './http'
import { drainJobs } from './telecom'

export async function periodId(api: Api, label: string): Promise<number> {
  const res = await api.get(`/api/commission-periods?where[label][equals]=${encodeURIComponent(label)}&depth=0`)
  const id = res.body?.docs?.[0]?.id
  if (!id) throw new Error(`period "${label}" not found`)
  return id
}

export async function planId(api: Api, name: string): Promise<number> {
  const res = await api.get(`/api/compensation-plans?where[name][equals]=${encodeURIComponent(name)}&depth=0`)
  return res.body.docs[0].id
}

/** Creates a commission run over REST and lets the worker run it; returns the run as REST reads it afterwards. */
export async function runPeriod(app: TestApp, api: Api, plan: number, period: number, mode: 'post' | 'preview' = 'post'): Promise<any> {
  const created = await api.post('/api/commission-runs', { plan, period, mode })
  if (created.status !== 201) throw new Error(`run refused: ${created.status} ${JSON.stringify(created.body)}`)
  await drainJobs(app)
  return (await api.get(`/api/commission-runs/${created.body.doc.id}?depth=0`)).body
}

/** The run's lines per component as [component, count, total] rows, from the database. */
export async function componentTotals(app: TestApp, runId: number): Promise<[string, number, string][]> {
  const rows = await app.sql.query(
    `select component::text as c, count(*)::int as n, sum(amount)::text as t from commission_lines where run_id = $1 group by 1 order by 1`,
    [runId],
  )
  return rows.rows.map((r) => [r.c, r.n, r.t])
}
