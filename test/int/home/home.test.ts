/**
 * The operations home's counts through the Local API as each login (no browser): after the demo's reconciliation has
 * run, discrepancies planted in each age bucket and assigned to a login are counted per bucket, only within a
 * partner's subtree for a partner, and the headline "paid" figure is the sum of the month's paid payments.
 */
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { capabilities } from '../../../collections'
import { homeHeadlines, homeItemCounts } from '../../../modules/home'
import { startTestApp, type TestApp } from '../../support/app'
import { drainJobs } from '../../support/telecom'

let app: TestApp
const today = new Date().toISOString().slice(0, 10)
const items = capabilities.flatMap((c) => c.home ?? [])

beforeAll(async () => {
  app = await startTestApp('int_home')
  await drainJobs(app)
}, 300_000)

afterAll(async () => {
  await app?.close()
})

async function countsFor(email: string): Promise<Map<string, number>> {
  const user = (await app.payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0 })).docs[0]!
  const req = await createLocalReq({ user: { ...user, collection: 'users' } as never }, app.payload)
  const counts = await homeItemCounts(req, items, today)
  return new Map(counts.map((c) => [c.key, c.count]))
}

describe('operations home counts', () => {
  it('counts open discrepancies by age, mine, and disputed, for staff across the network', async () => {
    const ids = (await app.sql.query<{ id: number }>(`select id from discrepancies where status = 'open' order by id limit 7`)).rows.map(
      (r) => r.id,
    )
    expect(ids.length).toBe(7)
    const admin = (await app.sql.query<{ id: number }>(`select id from users where email = 'admin@northwind.example'`)).rows[0]!.id
    // 2 opened 12 days ago, 3 opened 45 days ago, 1 disputed; 2 of the open ones assigned to the admin.
    await app.sql.query(`update discrepancies set created_at = now() - interval '12 days' where id = any($1)`, [ids.slice(0, 2)])
    await app.sql.query(`update discrepancies set created_at = now() - interval '45 days' where id = any($1)`, [ids.slice(2, 5)])
    await app.sql.query(`update discrepancies set status = 'disputed' where id = $1`, [ids[5]])
    await app.sql.query(`update discrepancies set owner_id = $1 where id = any($2)`, [admin, [ids[0], ids[6]]])
    const total = (await app.sql.query<{ n: number }>(`select count(*)::int as n from discrepancies where status = 'open'`)).rows[0]!.n

    const counts = await countsFor('admin@northwind.example')
    expect(counts.get('discrepancies-open-month')).toBe(2)
    expect(counts.get('discrepancies-open-older')).toBe(3)
    expect(counts.get('discrepancies-open-week')).toBe(total - 5)
    expect(counts.get('discrepancies-disputed')).toBe(1)
    expect(counts.get('discrepancies-mine')).toBe(2)
  })

  it('counts only the partner’s own subtree for a partner admin, and leaves out what the login may not read', async () => {
    const expected = await app.sql.query<{ n: number }>(
      `select count(*)::int as n from discrepancies d join participants p on p.id = d.dealer_id
        where d.status = 'open' and p.path like '%/' || (select id from participants where code = 'SUM') || '/%'`,
    )
    const all = (await app.sql.query<{ n: number }>(`select count(*)::int as n from discrepancies where status = 'open'`)).rows[0]!.n
    const counts = await countsFor('admin@summit.example')
    const open =
      (counts.get('discrepancies-open-week') ?? 0) +
      (counts.get('discrepancies-open-month') ?? 0) +
      (counts.get('discrepancies-open-older') ?? 0)
    expect(open).toBe(expected.rows[0]!.n)
    expect(open).toBeLessThan(all)
    expect(counts.has('imports-failed')).toBe(false)
    expect(counts.has('proposals-waiting-for-me')).toBe(true)
  })

  it('sums the month’s paid payments for the headline, and last month’s for the comparison', async () => {
    const payees = await app.sql.query<{ code: string; id: number }>(
      `select code, id from participants where code in ('SUM', 'SUM-PAC', 'SUM-PAC-AG1', 'SUM-PAC-AM1') order by code`,
    )
    const [a, b, c, d] = payees.rows.map((r) => r.id)
    const batch = await app.sql.query<{ id: number }>(
      `insert into payment_batches (title, period_id, status, payment_count, total, created_at, updated_at)
       values ('home test', (select min(id) from commission_periods), 'paid', 2, 0, now(), now()) returning id`,
    )
    await app.sql.query(
      `insert into payments (batch_id, payee_id, amount, currency, status, paid_at, created_at, updated_at)
       values ($1, $2, 100.10, 'USD', 'paid', now(), now(), now()), ($1, $3, 0.25, 'USD', 'paid', now(), now(), now()),
              ($1, $4, 40, 'USD', 'paid', date_trunc('month', now()) - interval '3 days', now(), now()),
              ($1, $5, 999, 'USD', 'pending', null, now(), now())`,
      [batch.rows[0]!.id, a, b, c, d],
    )
    const [paid] = await homeHeadlines(app.sql, today, null, false)
    expect(paid).toMatchObject({ label: 'Commission paid', current: 'USD 100.35', previous: 'USD 40.00', direction: 'up' })
    const other = (await app.sql.query<{ id: number }>(`select id from participants where code = 'COA'`)).rows[0]!.id
    const [none] = await homeHeadlines(app.sql, today, other, false)
    expect(none).toMatchObject({ current: 'USD 0.00' })
  })
})
