import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { dbPool } from '../../../db/pool'
import { dashboardData } from '../../../modules/commission/dashboardData'
import { portalOverview } from '../../../modules/portal/overview'
import type { User } from '../../../payload-types'
import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'

/**
 * The demo's year of history (issue 20): what `npm start` shows on a fresh database, read back with SQL of its own
 * (nothing here reuses the seed's code or constants). The history is dated before the real today, as on a start.
 */
let app: TestApp
const today = new Date().toISOString().slice(0, 10)

/** The twelve months before today's month, as YYYY-MM, oldest first. */
function monthsBefore(day: string): string[] {
  const year = Number(day.slice(0, 4))
  const month = Number(day.slice(5, 7)) - 1
  return Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(year, month - 12 + i, 1)).toISOString().slice(0, 7))
}
const MONTHS = monthsBefore(today)

const rows = async <T = any>(sql: string, params: unknown[] = []): Promise<T[]> => (await app.sql.query(sql, params)).rows as T[]
const one = async <T = any>(sql: string, params: unknown[] = []): Promise<T> => (await rows<T>(sql, params))[0]!

beforeAll(async () => {
  app = await startTestApp('demo_history', { history: true })
}, 600_000)
afterAll(async () => app?.close())

describe('a year of history on first start', () => {
  it('imports dealer sales and carrier records in each of the twelve months before this one, and every import ties: accepted + rejected = read', async () => {
    const months = await rows<{ month: string; source: string }>(
      `select distinct to_char(s.sale_date, 'YYYY-MM') as month, 'dealer_sales' as source from imports i join dealer_sales s on s.import_id = i.id where i.status = 'completed'
       union
       select distinct to_char(c.activation_date, 'YYYY-MM'), 'carrier_records' from imports i join carrier_records c on c.import_id = i.id where i.status = 'completed'`,
    )
    for (const source of ['dealer_sales', 'carrier_records'])
      expect(
        months
          .filter((m) => m.source === source)
          .map((m) => m.month)
          .filter((m) => MONTHS.includes(m))
          .sort(),
      ).toEqual(MONTHS)
    const untied = await rows(
      `select id, rows_read, accepted, rejected from imports where status = 'completed' and rows_read is distinct from accepted + rejected`,
    )
    expect(untied).toEqual([])
    // The rejected rows are stored, one per rejection; the accepted dealer sales are the rows that name the import.
    expect(
      await rows(
        `select i.id from imports i where i.status = 'completed'
            and (i.rejected <> (select count(*) from import_rejects r where r.import_id = i.id)
              or (i.source = 'dealer_sales' and i.accepted <> (select count(*) from dealer_sales s where s.import_id = i.id)))`,
      ),
    ).toEqual([])
    expect(Number((await one(`select sum(rejected) as n from imports`)).n)).toBeGreaterThan(0)
  })

  it('reconciles every month and leaves discrepancies in all four states, the disputed ones with their comment history', async () => {
    const reconciled = await rows<{ month: string }>(
      `select distinct to_char(period_start, 'YYYY-MM') as month from reconciliation_runs where status = 'completed' order by 1`,
    )
    expect(MONTHS.every((m) => reconciled.some((r) => r.month === m))).toBe(true)
    const states = await rows<{ status: string; n: number; uncommented: number }>(
      `select d.status::text as status, count(*)::int as n,
              count(*) filter (where not exists (select 1 from discrepancies_comments c where c._parent_id = d.id))::int as uncommented
         from discrepancies d group by 1 order by 1`,
    )
    expect(states.map((s) => s.status)).toEqual(['disputed', 'open', 'resolved', 'written_off'])
    for (const state of states) expect(state.n).toBeGreaterThan(0)
    expect(states.find((s) => s.status === 'disputed')!.uncommented).toBe(0)
    const comments = await one<{ n: number; authored: number }>(
      `select count(*)::int as n, count(author_id)::int as authored from discrepancies_comments c join discrepancies d on d.id = c._parent_id where d.status = 'disputed'`,
    )
    expect(comments.n).toBeGreaterThanOrEqual(2 * states.find((s) => s.status === 'disputed')!.n)
    expect(comments.authored).toBe(comments.n)
  })

  it('posts at least twelve commission runs, locks the earlier months, and every run has statements that add up to its lines', async () => {
    const runs = await rows<{ id: number; status: string; total: string; lines: string | null; statements: string | null; n: number }>(
      `select r.id, r.status::text as status, r.total::text as total,
              (select sum(amount)::text from commission_lines l where l.run_id = r.id) as lines,
              (select sum(total)::text from commission_statements s where s.run_id = r.id) as statements,
              (select count(*)::int from commission_statements s where s.run_id = r.id) as n
         from commission_runs r where r.mode = 'post' and r.status in ('awaiting_approval', 'approved', 'locked')`,
    )
    expect(runs.length).toBeGreaterThanOrEqual(12)
    expect(runs.filter((r) => r.status === 'locked').length).toBeGreaterThanOrEqual(10)
    for (const run of runs) {
      expect(run.n, `run ${run.id} has statements`).toBeGreaterThan(0)
      expect(Number(run.lines)).toBeGreaterThan(0)
      expect(run.statements).toBe(run.lines)
      expect(run.total).toBe(run.lines)
    }
    // Per month: the statements of a period add up to the lines of that period's runs, to the cent.
    const months = await rows<{ label: string; statements: string; lines: string }>(
      `select p.label, (select sum(s.total)::text from commission_statements s where s.period_id = p.id) as statements,
              (select sum(l.amount)::text from commission_lines l join commission_runs r on r.id = l.run_id where r.period_id = p.id and r.mode = 'post') as lines
         from commission_periods p where exists (select 1 from commission_runs r where r.period_id = p.id and r.mode = 'post')`,
    )
    expect(months.length).toBe(12)
    for (const month of months) expect(month.statements, month.label).toBe(month.lines)
    // Every line names its plan version; every sale-based line its sale, carrier record and the file the sale came in.
    expect(
      await rows(
        `select l.id from commission_lines l left join dealer_sales s on s.id = l.sale_id
          where l.plan_version_id is null or (l.component = 'upfront' and (l.carrier_record_id is null or s.import_id is null))`,
      ),
    ).toEqual([])
  })

  it('charges back and pays residuals month after month', async () => {
    const byComponent = await rows<{ component: string; months: number }>(
      `select l.component::text as component, count(distinct r.period_id)::int as months
         from commission_lines l join commission_runs r on r.id = l.run_id
        where r.mode = 'post' and l.component in ('chargeback', 'residual') group by 1 order by 1`,
    )
    expect(byComponent.find((c) => c.component === 'chargeback')!.months).toBeGreaterThanOrEqual(6)
    expect(byComponent.find((c) => c.component === 'residual')!.months).toBeGreaterThanOrEqual(9)
    // A chargeback takes back exactly the upfront paid on the same sale in an earlier month.
    const mismatched = await rows(
      `select cb.id from commission_lines cb join commission_runs r on r.id = cb.run_id join commission_periods p on p.id = r.period_id
        where cb.component = 'chargeback' and cb.amount <> -(select u.amount from commission_lines u join commission_runs ur on ur.id = u.run_id
                                                                join commission_periods up on up.id = ur.period_id
                                                               where u.sale_id = cb.sale_id and u.component = 'upfront' and up.starts_on < p.starts_on)`,
    )
    expect(mismatched).toEqual([])
  })

  it('pays the locked months in batches whose payments add up, each with a bank file that carries those amounts', async () => {
    const batches = await rows<{ id: number; status: string; total: string; payments: string; n: number }>(
      `select b.id, b.status::text as status, b.total::text as total, (select sum(amount)::text from payments p where p.batch_id = b.id) as payments,
              (select count(*)::int from payments p where p.batch_id = b.id) as n
         from payment_batches b order by b.id`,
    )
    const paid = batches.filter((b) => b.status === 'paid')
    expect(paid.length).toBeGreaterThanOrEqual(9)
    expect(batches.filter((b) => b.status === 'ready').length).toBe(1)
    for (const batch of batches) expect(batch.payments).toBe(batch.total)
    expect(
      await rows(`select p.id from payments p join payment_batches b on b.id = p.batch_id where b.status = 'paid' and p.status <> 'paid'`),
    ).toEqual([])
    // Each payment is the sum of the lines it pays.
    expect(
      await rows(
        `select p.id from payments p where p.amount <> (select sum(l.amount) from payment_items i join commission_lines l on l.id = i.line_id where i.payment_id = p.id)`,
      ),
    ).toEqual([])
    const finance = await Api.login(app.url, 'finance@northwind.example')
    for (const batch of paid) {
      const file = await finance.download(`/api/payment-batches/${batch.id}/nacha`)
      expect(file.status).toBe(200)
      const entries = file.data
        .toString('ascii')
        .split('\n')
        .filter((line) => line.startsWith('6'))
      expect(entries.length).toBe(batch.n)
      const cents = entries.reduce((sum, line) => sum + BigInt(line.slice(29, 39)), 0n)
      expect(cents).toBe(BigInt(batch.total.replace('.', '').slice(0, -2)))
    }
  })

  it('has proposals in every status of the chain, billed clients and advertising deductions', async () => {
    const statuses = (await rows<{ status: string }>(`select distinct status::text as status from proposals order by 1`)).map(
      (r) => r.status,
    )
    expect(statuses).toEqual(['accepted', 'approved', 'declined', 'draft', 'expired', 'rejected', 'returned', 'sent', 'submitted'])
    expect(
      await rows(
        `select p.id from proposals p where p.status in ('returned', 'rejected')
            and not exists (select 1 from proposals_history h where h._parent_id = p.id and h.action = left(p.status::text, -2) and h.comment is not null)`,
      ),
    ).toEqual([])
    const clients = await rows<{ id: number; months: number }>(
      `select pr.id, count(distinct to_char(b.charged_on, 'YYYY-MM'))::int as months from prospects pr join billing_lines b on b.client_id = pr.id
        where pr.status = 'client' group by 1`,
    )
    expect(clients.length).toBeGreaterThanOrEqual(3)
    expect(Math.max(...clients.map((c) => c.months))).toBe(12)
    const programs = await one<{ n: number }>(`select count(*)::int as n from advertising_programs`)
    expect(programs.n).toBeGreaterThanOrEqual(2)
    const deductions = await one<{ n: number; positive: number }>(
      `select count(*)::int as n, count(*) filter (where amount > 0)::int as positive from commission_lines where component = 'advertising'`,
    )
    expect(deductions.n).toBeGreaterThan(0)
    expect(deductions.positive).toBe(0)
  })

  it('fills the commission dashboard and the partner portal of admin@summit.example', async () => {
    const dashboard = await dashboardData(dbPool(app.payload))
    expect(dashboard.periods.length).toBe(12)
    expect(dashboard.byComponent.length).toBeGreaterThan(0)
    expect(dashboard.byCarrier.length).toBeGreaterThan(0)
    expect(dashboard.topPayees.length).toBeGreaterThan(0)
    expect(dashboard.movers.length).toBeGreaterThan(0)
    expect(dashboard.leakage.length).toBeGreaterThan(0)

    const found = await app.payload.find({ collection: 'users', where: { email: { equals: 'admin@summit.example' } }, depth: 0 })
    const user = { ...(found.docs[0] as User), collection: 'users' } as User
    const participant = (await one<{ id: number }>(`select id from participants where code = 'SUM'`)).id
    const overview = await portalOverview(app.payload, user, participant)
    const own = await one<{ statements: number; payments: number; paid: number }>(
      `select (select count(*)::int from commission_statements where participant_id = $1) as statements,
              (select count(*)::int from payments where payee_id = $1) as payments,
              (select count(*)::int from payments where payee_id = $1 and status = 'paid') as paid`,
      [participant],
    )
    expect(own.statements).toBeGreaterThanOrEqual(12)
    expect(overview.statements.length).toBe(Math.min(own.statements, 24))
    expect(overview.payments.length).toBe(own.payments)
    expect(overview.payments.filter((p) => p.status === 'paid').length).toBe(own.paid)
    expect(own.paid).toBeGreaterThan(0)
    expect(overview.proposals.length).toBeGreaterThan(0)
    expect(overview.clients.length).toBeGreaterThan(0)
    expect(overview.waiting.length).toBeGreaterThan(0)
  })
})
