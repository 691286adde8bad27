import type { Pool } from 'pg'
import { POSTED_RUN_STATUSES } from '../../engine/commission/lineStates'

/**
 * Figures of the commission dashboard, read straight from PostgreSQL. Every amount is the exact decimal string
 * PostgreSQL computed (`numeric::text`); nothing here does arithmetic on money. Amounts are never added across
 * currencies: every row carries its currency and the rankings are made per currency.
 *
 * "Posted" lines are the lines of runs in post mode that finished calculating: awaiting approval, approved or locked.
 */

/** How many periods the charts over time cover, and how many rows the rankings keep (per currency). */
export const DASHBOARD_PERIODS = 12
export const DASHBOARD_TOP = 10

/** Carrier label of lines that do not come from a sale (notes, overrides of non-sale lines, volume bonuses…). */
export const NOT_TIED_TO_A_SALE = 'not tied to a sale'
/** Carrier label of lines whose sale no longer names a carrier. */
export const UNKNOWN_CARRIER = 'unknown carrier'

export type DashboardPeriod = { id: number; label: string; startsOn: string | null }
/** One sum of posted lines: for a period, a currency and a component or carrier (`key`). */
export type PeriodTotal = { periodId: number; currency: string; key: string; total: string }
export type PayeeTotal = { payeeId: number; name: string; code: string | null; currency: string; total: string }
export type PayeeMove = {
  payeeId: number
  name: string
  code: string | null
  currency: string
  previous: string
  latest: string
  change: string
}
export type LeakageRow = {
  runId: number
  title: string
  periodStart: string | null
  currency: string
  revenueLeakage: string
  overpaymentAvoided: string
  unattributedRevenue: string
}

export type DashboardData = {
  /** The periods with posted lines, oldest first (at most DASHBOARD_PERIODS). */
  periods: DashboardPeriod[]
  /** Currencies of the figures shown (posted lines first, most used first; then reconciliation-only ones). */
  currencies: string[]
  byComponent: PeriodTotal[]
  byCarrier: PeriodTotal[]
  latestPeriod: DashboardPeriod | null
  previousPeriod: DashboardPeriod | null
  /** Largest payees of the latest period, per currency. */
  topPayees: PayeeTotal[]
  /** Largest absolute changes from the previous period to the latest, per currency. */
  movers: PayeeMove[]
  /** Headline figures of completed reconciliation runs, oldest first (at most DASHBOARD_PERIODS). */
  leakage: LeakageRow[]
}

type PeriodRow = { id: number; label: string; starts_on: string | null }

const toPeriod = (row: PeriodRow): DashboardPeriod => ({ id: row.id, label: row.label, startsOn: row.starts_on })

/** The latest periods that have posted lines, newest first. */
async function postedPeriods(pool: Pool): Promise<PeriodRow[]> {
  const { rows } = await pool.query<PeriodRow>(
    `select p.id, p.label, p.starts_on::text as starts_on
       from commission_periods p
      where exists (
              select 1 from commission_runs r
               where r.period_id = p.id and r.mode = 'post' and r.status::text = any($1::text[])
                 and exists (select 1 from commission_lines l where l.run_id = r.id))
      order by p.starts_on desc nulls last, p.id desc
      limit $2`,
    [[...POSTED_RUN_STATUSES], DASHBOARD_PERIODS],
  )
  return rows
}

/** Sums of posted lines per period and currency, by component and by carrier, in one pass over the lines. */
async function periodTotals(pool: Pool, periodIds: number[]): Promise<{ byComponent: PeriodTotal[]; byCarrier: PeriodTotal[] }> {
  const { rows } = await pool.query<{
    period_id: number
    currency: string
    by_component: boolean
    component: string | null
    carrier: string | null
    total: string
  }>(
    `with posted as (
       select l.period_id, l.currency, l.component::text as component, l.amount,
              case when l.sale_id is null then $3::text else coalesce(c.code, $4::text) end as carrier
         from commission_lines l
         join commission_runs r on r.id = l.run_id
         left join dealer_sales s on s.id = l.sale_id
         left join carriers c on c.id = s.carrier_id
        where r.mode = 'post' and r.status::text = any($1::text[]) and l.period_id = any($2::int[])
     )
     select period_id, currency, grouping(component) = 0 as by_component, component, carrier, coalesce(sum(amount), 0)::text as total
       from posted
      group by grouping sets ((period_id, currency, component), (period_id, currency, carrier))
      order by period_id, currency, component, carrier`,
    [[...POSTED_RUN_STATUSES], periodIds, NOT_TIED_TO_A_SALE, UNKNOWN_CARRIER],
  )
  const byComponent: PeriodTotal[] = []
  const byCarrier: PeriodTotal[] = []
  for (const row of rows) {
    const base = { periodId: row.period_id, currency: row.currency, total: row.total }
    if (row.by_component) byComponent.push({ ...base, key: row.component ?? '' })
    else byCarrier.push({ ...base, key: row.carrier ?? UNKNOWN_CARRIER })
  }
  return { byComponent, byCarrier }
}

/** The largest payees of one period, the first DASHBOARD_TOP of each currency. */
async function topPayees(pool: Pool, periodId: number): Promise<PayeeTotal[]> {
  const { rows } = await pool.query<{ payee_id: number; name: string; code: string | null; currency: string; total: string }>(
    `with totals as (
       select l.payee_id, l.currency, sum(l.amount) as total
         from commission_lines l join commission_runs r on r.id = l.run_id
        where r.mode = 'post' and r.status::text = any($1::text[]) and l.period_id = $2
        group by l.payee_id, l.currency
     ), ranked as (
       select t.*, row_number() over (partition by t.currency order by t.total desc, t.payee_id) as rank from totals t
     )
     select k.payee_id, coalesce(p.name, '#' || k.payee_id) as name, p.code, k.currency, k.total::text as total
       from ranked k left join participants p on p.id = k.payee_id
      where k.rank <= $3
      order by k.currency, k.rank`,
    [[...POSTED_RUN_STATUSES], periodId, DASHBOARD_TOP],
  )
  return rows.map((row) => ({ payeeId: row.payee_id, name: row.name, code: row.code, currency: row.currency, total: row.total }))
}

/** Payees whose payout changed most between two periods (a payee missing from one counts zero there). */
async function movers(pool: Pool, previousId: number, latestId: number): Promise<PayeeMove[]> {
  const { rows } = await pool.query<{
    payee_id: number
    name: string
    code: string | null
    currency: string
    previous: string
    latest: string
    change: string
  }>(
    `with totals as (
       select l.payee_id, l.currency,
              coalesce(sum(l.amount) filter (where l.period_id = $2), 0) as previous,
              coalesce(sum(l.amount) filter (where l.period_id = $3), 0) as latest
         from commission_lines l join commission_runs r on r.id = l.run_id
        where r.mode = 'post' and r.status::text = any($1::text[]) and l.period_id in ($2, $3)
        group by l.payee_id, l.currency
     ), ranked as (
       select t.*, t.latest - t.previous as change,
              row_number() over (partition by t.currency order by abs(t.latest - t.previous) desc, t.payee_id) as rank
         from totals t
        where t.latest <> t.previous
     )
     select k.payee_id, coalesce(p.name, '#' || k.payee_id) as name, p.code, k.currency,
            k.previous::text as previous, k.latest::text as latest, k.change::text as change
       from ranked k left join participants p on p.id = k.payee_id
      where k.rank <= $4
      order by k.currency, k.rank`,
    [[...POSTED_RUN_STATUSES], previousId, latestId, DASHBOARD_TOP],
  )
  return rows.map((row) => ({
    payeeId: row.payee_id,
    name: row.name,
    code: row.code,
    currency: row.currency,
    previous: row.previous,
    latest: row.latest,
    change: row.change,
  }))
}

/** Headline figures of the latest completed reconciliation runs, in the carrier's currency. */
async function leakage(pool: Pool): Promise<LeakageRow[]> {
  const { rows } = await pool.query<{
    id: number
    title: string | null
    period_start: string | null
    currency: string
    revenue_leakage: string
    overpayment_avoided: string
    unattributed_revenue: string
  }>(
    `select * from (
       select r.id, r.title, r.period_start::text as period_start, c.currency,
              coalesce(r.summary->>'revenueLeakage', '0') as revenue_leakage,
              coalesce(r.summary->>'overpaymentAvoided', '0') as overpayment_avoided,
              coalesce(r.summary->>'unattributedRevenue', '0') as unattributed_revenue
         from reconciliation_runs r join carriers c on c.id = r.carrier_id
        where r.status = 'completed' and r.summary is not null
        order by r.period_start desc nulls last, r.id desc
        limit $1
     ) latest
     order by period_start nulls first, id`,
    [DASHBOARD_PERIODS],
  )
  return rows.map((row) => ({
    runId: row.id,
    title: row.title ?? `Reconciliation #${row.id}`,
    periodStart: row.period_start,
    currency: row.currency,
    revenueLeakage: row.revenue_leakage,
    overpaymentAvoided: row.overpayment_avoided,
    unattributedRevenue: row.unattributed_revenue,
  }))
}

/** Currencies of the posted lines, the one with most rows first, then those only reconciliation runs use. */
function currenciesOf(totals: PeriodTotal[], recon: LeakageRow[]): string[] {
  const counts = new Map<string, number>()
  for (const row of totals) counts.set(row.currency, (counts.get(row.currency) ?? 0) + 1)
  const posted = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([currency]) => currency)
  const reconOnly = [...new Set(recon.map((row) => row.currency))].filter((currency) => !counts.has(currency)).sort()
  return [...posted, ...reconOnly]
}

/** Everything the commission dashboard shows. */
export async function dashboardData(pool: Pool): Promise<DashboardData> {
  const newestFirst = await postedPeriods(pool)
  const [latest, previous] = newestFirst
  const [totals, top, moves, recon] = await Promise.all([
    newestFirst.length > 0
      ? periodTotals(
          pool,
          newestFirst.map((p) => p.id),
        )
      : { byComponent: [], byCarrier: [] },
    latest ? topPayees(pool, latest.id) : [],
    latest && previous ? movers(pool, previous.id, latest.id) : [],
    leakage(pool),
  ])
  return {
    periods: newestFirst.map(toPeriod).reverse(),
    currencies: currenciesOf(totals.byComponent, recon),
    byComponent: totals.byComponent,
    byCarrier: totals.byCarrier,
    latestPeriod: latest ? toPeriod(latest) : null,
    previousPeriod: previous ? toPeriod(previous) : null,
    topPayees: top,
    movers: moves,
    leakage: recon,
  }
}
