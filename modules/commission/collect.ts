import { verifiedSales } from '../reconcile'
import type { RunContext } from './context'

/**
 * The verified facts of the period: each verified sale dated in the period (`modules/reconcile/verifiedSales.ts`),
 * with the carrier record that verified it. Refused when a carrier with sales in the period has
 * no completed reconciliation covering the whole period.
 */
export async function collectVerifiedFacts(ctx: RunContext): Promise<{ facts: number }> {
  const { client, period } = ctx
  const uncovered = await client.query<{ code: string; sales: string; state: string | null }>(
    `select c.code, count(*)::text as sales,
            (select string_agg(distinct r.status::text, ', ') from reconciliation_runs r
              where r.carrier_id = c.id and r.period_start <= $2 and r.period_end >= $1) as state
       from dealer_sales s join carriers c on c.id = s.carrier_id
      where s.sale_date between $1 and $2
        and not exists (select 1 from reconciliation_runs r where r.carrier_id = s.carrier_id and r.status = 'completed'
                         and r.period_start <= $1 and r.period_end >= $2)
      group by c.id, c.code order by c.code`,
    [period.startsOn, period.endsOn],
  )
  if (uncovered.rows.length > 0) {
    const list = uncovered.rows
      .map(
        (row) =>
          `${row.code} has ${row.sales} sales in the period but ${row.state ? `its reconciliation is ${row.state}` : 'no reconciliation covers it'}`,
      )
      .join('; ')
    throw new Error(
      `the period's data is not reconciled yet: ${list}. Run (or finish) the reconciliation of ${period.startsOn} – ${period.endsOn} first`,
    )
  }
  // Each sale's latest completed reconciliation decides: a sale a later run no longer matched is not paid.
  await client.query(
    `create temp table cf on commit drop as
     select v.sale_id, v.carrier_record_id, s.dealer_id, s.carrier_id, s.rate_plan_id, s.activation_type::text as activation_type,
            coalesce(s.features, '') as features, s.sale_date, s.mdn, v.paid, coalesce(p.dealer_tier::text, '') as tier
       from ${verifiedSales('s.sale_date between $1 and $2')} v
       join dealer_sales s on s.id = v.sale_id
       join participants p on p.id = s.dealer_id`,
    [period.startsOn, period.endsOn],
  )
  await client.query(`analyze cf`)
  const count = await client.query<{ n: number }>(`select count(*)::int as n from cf`)
  return { facts: count.rows[0]!.n }
}
