import { execFile } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { periodId, planId, runPeriod } from '../../support/commission'
import { Api } from '../../support/http'
import { drainJobs } from '../../support/telecom'

const run = promisify(execFile)
const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../support/payBatchProcess.ts')

let app: TestApp
let october: number
let expected: { payees: number; total: string }

/** Runs the payment step of a batch in a separate Node process (its own Payload, its own pool). */
async function payInProcess(batchId: number): Promise<{ payments: number; total: string; alreadyDone: boolean }> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, String(batchId)], {
    env: { ...process.env, DATABASE_URL: app.databaseUrl },
    timeout: 120_000,
  })
  return JSON.parse(stdout.trim().split('\n').pop()!)
}

/** A batch created without queuing its job, so the test decides who runs the payment step and when. */
async function createBatch(effectiveDate: string): Promise<number> {
  const batch = await app.payload.create({
    collection: 'payment-batches',
    data: { period: october, effectiveDate, status: 'queued' } as never,
    context: { skipQueue: true },
  })
  return batch.id as number
}

beforeAll(async () => {
  app = await startTestApp('payments_concurrency')
  await drainJobs(app)
  const admin = await Api.login(app.url, 'admin@northwind.example')
  october = await periodId(admin, 'Oct 2026')
  const runId = (await runPeriod(app, admin, await planId(admin, 'Telecom dealer plan'), october)).id
  await admin.post(`/api/commission-runs/${runId}/approve`, {})
  await admin.post(`/api/commission-runs/${runId}/lock`, {})
  const row = (
    await app.sql.query(
      `select count(*)::int as payees, coalesce(sum(t), 0)::text as total from (
       select sum(l.amount) as t from commission_lines l join participants p on p.id = l.payee_id where l.run_id = $1
        group by l.payee_id having sum(l.amount) > 0 and sum(l.amount) >= max(p.minimum_payout)) x`,
      [runId],
    )
  ).rows[0]
  expected = { payees: row.payees, total: row.total }
}, 180_000)
afterAll(async () => app?.close())

describe('paying is exactly once', () => {
  it('two processes paying two batches of the same period at the same moment pay each balance once', async () => {
    expect(expected.payees).toBeGreaterThan(2)
    const [first, second] = await Promise.all([createBatch('2026-11-27'), createBatch('2026-11-28')])
    const results = await Promise.all([payInProcess(first), payInProcess(second)])
    expect(results.map((r) => r.payments).sort((a, b) => a - b)).toEqual([0, expected.payees])
    const paid = (
      await app.sql.query(
        `select count(*)::int as payments, count(distinct payee_id)::int as payees, sum(amount)::text as total from payments`,
      )
    ).rows[0]
    expect(paid).toEqual({ payments: expected.payees, payees: expected.payees, total: expected.total })
    const items = (await app.sql.query(`select count(*)::int as n, count(distinct line_id)::int as lines from payment_items`)).rows[0]
    expect(items.n).toBe(items.lines)
  }, 180_000)

  it('running the payment step of a batch again, in another process or this one, pays nothing more', async () => {
    const batch = (await app.sql.query(`select batch_id from payments limit 1`)).rows[0].batch_id as number
    const again = await payInProcess(batch)
    expect(again).toMatchObject({ alreadyDone: true, payments: expected.payees, total: expected.total })
    const { payBatch } = await import('../../../modules/payments/payBatch')
    const third = await payBatch(app.payload, batch)
    expect(third.alreadyDone).toBe(true)
    const paid = (await app.sql.query(`select count(*)::int as payments, sum(amount)::text as total from payments`)).rows[0]
    expect(paid).toEqual({ payments: expected.payees, total: expected.total })
  }, 180_000)
})
