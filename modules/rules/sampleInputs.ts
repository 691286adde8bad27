/**
 * Inputs for "Try it" taken from real data: for each purpose that has a sampler, the latest rows it decides on, each
 * with exactly the purpose's inputs, computed the way a run computes them. `GET /api/rule-versions/sample-inputs`.
 */
import { verifiedSales } from '../reconcile'
import type { Queryable } from './versions'

export type SampleInputs = { label: string; inputs: Record<string, unknown> }

type SaleRow = {
  id: number
  sale_date: string
  carrier: string
  rate_plan: string
  activation_type: string
  previous_rate_plan: string | null
  features: string | null
  dealer: string | null
  dealer_name: string
  dealer_tier: string | null
  dealer_region: string | null
  tenure_months: number | null
  period_activations: number
}

/**
 * Commission amounts: the latest verified sales (newest first), with the inputs a run gives the rule
 * (`modules/commission/calculate/ruleAmount.ts`; keep the two in step). previousRatePlan, for upgrades and downgrades
 * only, is the plan of the latest earlier sale of the same number with the same carrier; dealerTenureMonths counts whole months from the day the dealer joined (UTC) to the sale date;
 * periodActivations counts the dealer's verified sales in the sale's calendar month.
 */
async function commissionAmountSamples(db: Queryable, limit: number): Promise<SampleInputs[]> {
  const found = await db.query<SaleRow>(
    `with latest as (
       select s.id, s.dealer_id, s.sale_date, s.mdn, s.carrier_id, s.activation_type::text as activation_type, s.features,
              c.code as carrier, rp.code as rate_plan
         from ${verifiedSales('true')} v
         join dealer_sales s on s.id = v.sale_id
         join carriers c on c.id = s.carrier_id
         join rate_plans rp on rp.id = s.rate_plan_id
        order by s.sale_date desc, s.id desc
        limit $1),
     months as (select distinct dealer_id, date_trunc('month', sale_date)::date as month from latest),
     counts as (
       select s.dealer_id, date_trunc('month', s.sale_date)::date as month, count(*)::int as n
         from ${verifiedSales(`(s.dealer_id, date_trunc('month', s.sale_date)::date) in (select dealer_id, month from months)`)} v
         join dealer_sales s on s.id = v.sale_id
        group by 1, 2)
     select l.id, to_char(l.sale_date, 'YYYY-MM-DD') as sale_date, l.carrier, l.rate_plan, l.activation_type, l.features,
            prev.code as previous_rate_plan, p.code as dealer, p.name as dealer_name, p.dealer_tier::text as dealer_tier,
            t.code as dealer_region,
            (extract(year from age(l.sale_date, (p.joined_on at time zone 'UTC')::date)) * 12
              + extract(month from age(l.sale_date, (p.joined_on at time zone 'UTC')::date)))::int as tenure_months,
            coalesce(k.n, 0) as period_activations
       from latest l
       join participants p on p.id = l.dealer_id
       left join territories t on t.id = p.territory_id
       left join lateral (
         select rp2.code from dealer_sales s2 join rate_plans rp2 on rp2.id = s2.rate_plan_id
          where l.activation_type in ('upgrade', 'downgrade') and s2.mdn = l.mdn and s2.carrier_id = l.carrier_id
            and (s2.sale_date, s2.id) < (l.sale_date, l.id)
          order by s2.sale_date desc, s2.id desc limit 1) prev on true
       left join counts k on k.dealer_id = l.dealer_id and k.month = date_trunc('month', l.sale_date)::date
      order by l.sale_date desc, l.id desc`,
    [limit],
  )
  return found.rows.map((row) => {
    const features = (row.features ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean)
    return {
      label: `${row.sale_date} · ${row.dealer ?? row.dealer_name} · ${row.carrier} ${row.rate_plan} ${row.activation_type} (sale #${row.id})`,
      inputs: {
        carrier: row.carrier,
        ratePlan: row.rate_plan,
        activationType: row.activation_type,
        previousRatePlan: row.previous_rate_plan,
        features,
        featureCount: features.length,
        dealer: row.dealer,
        dealerTier: row.dealer_tier,
        dealerRegion: row.dealer_region,
        dealerTenureMonths: row.tenure_months,
        saleDate: row.sale_date,
        periodActivations: row.period_activations,
      },
    }
  })
}

/** The purposes that can offer real inputs; a purpose added later registers its sampler here. */
const SAMPLERS: Record<string, (db: Queryable, limit: number) => Promise<SampleInputs[]>> = {
  commission_amount: commissionAmountSamples,
}

export const SAMPLE_LIMIT_MAX = 100

/** Up to `limit` real inputs for `purpose`, newest first; null when the purpose has no sampler. */
export async function sampleInputs(db: Queryable, purpose: string, limit: number): Promise<SampleInputs[] | null> {
  const sampler = SAMPLERS[purpose]
  return sampler ? sampler(db, limit) : null
}
