/**
 * Two processes redeeming the same points at the same moment: exactly one succeeds. The holder holds 150 points; each
 * process redeems one CC-ITEM (100 points). The test holds the holder's lock until both processes are waiting on it,
 * then lets them go together: the first takes 100 (50 left), the second is refused "50 held, 100 asked".
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lockHolder } from '../../../modules/loyalty/ledger'
import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'
import { drainJobs } from '../../support/telecom'

const run = promisify(execFile)
const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../support/loyaltyRedeemProcess.ts')

let app: TestApp
let programId: number
let productId: number
let consultantId: number
const today = new Date().toISOString().slice(0, 10)

async function redeemInProcess(): Promise<{ ok: boolean; id?: number; status?: number; field?: string; message?: string }> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', script, String(programId), String(consultantId), String(productId), '1', today],
    { env: { ...process.env, DATABASE_URL: app.databaseUrl }, timeout: 120_000 },
  )
  return JSON.parse(stdout.trim().split('\n').pop()!)
}

beforeAll(async () => {
  app = await startTestApp('loyalty_concurrency')
  await drainJobs(app)
  const admin = await Api.login(app.url, 'admin@northwind.example')
  const program = await admin.post('/api/loyalty-programs', { code: 'CC', name: 'Concurrency points', expiryPolicy: 'never' })
  expect(program.status).toBe(201)
  programId = program.body.doc.id
  const item = await admin.post('/api/products', {
    code: 'CC-ITEM',
    name: 'Concurrency item',
    prices: [{ currency: 'USD', consultantPrice: '10', publicPrice: '12', vatPercent: '0' }],
    volumeSource: 'direct',
    qualifyingVolume: '1',
    commissionableVolume: '1',
    points: 0,
    redeemPoints: 100,
  })
  expect(item.status).toBe(201)
  productId = item.body.doc.id
  consultantId = (await app.sql.query(`select id from participants where code = 'GLW-04'`)).rows[0].id
  const adjust = await admin.post('/api/points-movements/adjust', {
    program: 'CC',
    consultant: 'GLW-04',
    points: 150,
    reason: 'Opening points',
  })
  expect(adjust.status).toBe(201)
}, 240_000)
afterAll(async () => app?.close())

describe('two processes redeeming the same points', () => {
  it('exactly one succeeds, the other is refused and writes nothing', async () => {
    // Hold the holder's lock so both processes queue on it, then release it with both waiting.
    const gate = await app.sql.connect()
    await gate.query('begin')
    await lockHolder(gate, programId, consultantId, null)
    const both = Promise.all([redeemInProcess(), redeemInProcess()])
    const deadline = Date.now() + 60_000
    let waiting = 0
    while (Date.now() < deadline) {
      waiting = (
        await app.sql.query(
          `select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and not l.granted and a.datname = current_database()`,
        )
      ).rows[0].n
      if (waiting >= 2) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(waiting).toBe(2)
    await gate.query('commit')
    gate.release()
    const results = await both
    const ok = results.filter((r) => r.ok)
    const refused = results.filter((r) => !r.ok)
    expect(ok).toHaveLength(1)
    expect(refused).toHaveLength(1)
    // 150 held, 100 taken by the first: the second asks 100 of the 50 left.
    expect(refused[0]).toMatchObject({ status: 409, field: 'quantity' })
    expect(refused[0]!.message).toContain('50 held, 100 asked')
    const rows = await app.sql.query(
      `select (select count(*)::int from points_redemptions where program_id = $1) as redemptions,
              (select coalesce(sum(points), 0)::int from points_movements where program_id = $1) as balance`,
      [programId],
    )
    expect(rows.rows[0]).toEqual({ redemptions: 1, balance: 50 })
  }, 180_000)
})
