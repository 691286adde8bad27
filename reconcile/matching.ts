import type { PoolClient } from 'pg'

import type { MatchKey } from '../engine/telecom/vocabulary'

export type RunScope = {
  runId: number
  carrierId: number
  start: string
  end: string
  matchKeys: readonly MatchKey[]
  toleranceDays: number
  chargebackWindowDays: number
}

/**
 * Both sides of the run into temp tables: the dealer's sales dated in the period, and the carrier's records
 * activated in the period widened by the date tolerance (a record just outside the period is only used if a sale
 * in the period matches it; unmatched, it belongs to its own period's run).
 */
export async function loadSides(client: PoolClient, scope: RunScope): Promise<{ sales: number; records: number }> {
  const sales = await client.query(
    `create temp table run_sales on commit drop as
       select id, dealer_id, sale_date, activation_type::text as t, iccid, imei, mdn, rate_plan_id, coalesce(features, '') as features
         from dealer_sales where carrier_id = $1 and sale_date between $2::date and $3::date`,
    [scope.carrierId, scope.start, scope.end],
  )
  const records = await client.query(
    `create temp table run_records on commit drop as
       select id, dealer_id, activation_date, activation_type::text as t, iccid, imei, mdn, rate_plan_id, coalesce(features, '') as features,
              deactivation_date, paid_total
         from carrier_records where carrier_id = $1 and activation_date between $2::date - $4::int and $3::date + $4::int`,
    [scope.carrierId, scope.start, scope.end, scope.toleranceDays],
  )
  await client.query(`analyze run_sales; analyze run_records`)
  return { sales: sales.rowCount ?? 0, records: records.rowCount ?? 0 }
}

/**
 * Pairs sales with carrier records into `run_pairs (sid, rid, rn)`. A candidate pair shares a key (tried in the
 * configured order), the activation type, and dates within the tolerance. Each sale keeps its best candidate (first
 * key, closest date, lowest record id); each record's claims are ranked by sale date and id, so rn = 1 is the claim
 * and rn > 1 are duplicate claims of the same line.
 */
export async function pairSides(client: PoolClient, scope: RunScope): Promise<number> {
  const candidates = scope.matchKeys
    .map(
      (key, priority) =>
        `select s.id as sid, r.id as rid, ${priority} as priority, abs(s.sale_date - r.activation_date) as gap
           from run_sales s join run_records r on s.${key} = r.${key} and s.t = r.t
          where abs(s.sale_date - r.activation_date) <= ${Number(scope.toleranceDays)}`,
    )
    .join(' union all ')
  const pairs = await client.query(
    `create temp table run_pairs on commit drop as
       with best as (
         select distinct on (sid) sid, rid from (${candidates}) c order by sid, priority, gap, rid
       )
       select b.sid, b.rid, row_number() over (partition by b.rid order by s.sale_date, b.sid) as rn
         from best b join run_sales s on s.id = b.sid`,
  )
  await client.query(`create index on run_pairs (rid); analyze run_pairs`)
  return pairs.rowCount ?? 0
}

/**
 * Writes one line per sale and per unclaimed record in the period, classified. The order of the tests is the
 * order of precedence: no match, duplicate claim, deactivated in the chargeback window, rate plan mismatch,
 * amount mismatch, matched.
 */
export async function writeLines(client: PoolClient, scope: RunScope): Promise<number> {
  await client.query(`delete from reconciliation_lines where run_id = $1`, [scope.runId])
  const result = await client.query(
    `insert into reconciliation_lines (run_id, recon_class, sale_id, carrier_record_id, dealer_id, expected, paid, schedule_version_id)
     select $1, c.recon_class::enum_reconciliation_lines_recon_class, c.sale_id, c.record_id, c.dealer_id, c.expected, c.paid, c.version_id
       from (
         select s.id as sale_id, p.rid as record_id, s.dealer_id,
                case
                  when p.rid is null then 'not_with_carrier'
                  when p.rn > 1 then 'duplicate_claim'
                  when r.deactivation_date is not null and r.deactivation_date - r.activation_date <= $2::int then 'deactivated_in_window'
                  when r.rate_plan_id <> s.rate_plan_id then 'rate_plan_mismatch'
                  when coalesce(pr.total, 0) <> r.paid_total then 'amount_mismatch'
                  else 'matched'
                end as recon_class,
                case when p.rid is null or p.rn > 1 or r.rate_plan_id <> s.rate_plan_id then coalesce(ps.total, 0) else coalesce(pr.total, 0) end as expected,
                case when p.rid is null or p.rn > 1 then 0 else r.paid_total end as paid,
                case when p.rid is null or p.rn > 1 or r.rate_plan_id <> s.rate_plan_id then ps.version_id else pr.version_id end as version_id
           from run_sales s
           left join run_pairs p on p.sid = s.id
           left join run_records r on r.id = p.rid
           left join run_prices ps on ps.d = s.sale_date and ps.plan = s.rate_plan_id and ps.t = s.t and ps.features = s.features
           left join run_prices pr on pr.d = r.activation_date and pr.plan = r.rate_plan_id and pr.t = r.t and pr.features = r.features
         union all
         select null, r.id, r.dealer_id, 'not_reported', coalesce(pr.total, 0), r.paid_total, pr.version_id
           from run_records r
           left join run_prices pr on pr.d = r.activation_date and pr.plan = r.rate_plan_id and pr.t = r.t and pr.features = r.features
          where r.activation_date between $3::date and $4::date
            and not exists (select 1 from run_pairs p where p.rid = r.id)
       ) c`,
    [scope.runId, scope.chargebackWindowDays, scope.start, scope.end],
  )
  return result.rowCount ?? 0
}
