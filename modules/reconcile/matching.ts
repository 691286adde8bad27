import type { PoolClient } from 'pg'

import { CLAIM_ORDER_SQL } from '../../engine/reconcile/claims'
import { stakeSql } from '../../engine/reconcile/reconciliation'
import type { MatchKey } from '../../engine/telecom'

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
 * The two sides of a run, as SQL over the fact tables (no copies): the dealer's sales dated in the period, and the
 * carrier's records activated in the period widened by the date tolerance (a record outside the period counts only
 * when a sale in the period matches it; unmatched, it belongs to its own period's run). Parameters: $1 carrier,
 * $2 start, $3 end, $4 tolerance in days.
 */
const SALES_IN_SCOPE = `s.carrier_id = $1 and s.sale_date between $2::date and $3::date`
const RECORDS_ON = `r.carrier_id = $1 and r.activation_date between $2::date - $4::int and $3::date + $4::int`

export const scopeParams = (scope: RunScope) => [scope.carrierId, scope.start, scope.end, scope.toleranceDays]

/**
 * Pairs sales with carrier records into `run_pairs (sid, rid, sale_date)`. A candidate shares a key, the activation
 * type, and dates within the tolerance. Keys are tried in the configured order and each later key only for sales
 * still unpaired, so the common case (the first key matches) is one hash join; a sale with several candidates keeps
 * the closest date, then the lowest record id. Sales pairing the same record are duplicate claims: the claim dated
 * closest to the record's activation wins (then the one reported first, then the lower id: engine/reconcile/claims.ts)
 * and the others go to `run_duplicates (sid, winner)`.
 */
export async function pairSides(client: PoolClient, scope: RunScope): Promise<{ pairs: number; duplicates: number }> {
  const params = scopeParams(scope)
  await client.query(
    `create temp table run_pairs (sid int primary key, rid int not null, sale_date date not null, distance int not null,
                                  reported timestamptz) on commit drop`,
  )
  const [first, ...fallbacks] = scope.matchKeys
  if (!first) throw new Error('the run has no match keys')
  const pairOn = (key: MatchKey, sales: string, where: string) =>
    `insert into run_pairs
     select distinct on (s.id) s.id, r.id, s.sale_date, abs(s.sale_date - r.activation_date), s.created_at
       from ${sales}
       join carrier_records r on ${RECORDS_ON} and r.${key} = s.${key}
            and r.activation_type::text = s.activation_type::text and abs(s.sale_date - r.activation_date) <= $4::int
      where ${where}
      order by s.id, abs(s.sale_date - r.activation_date), r.id`
  const firstPairs = await client.query(pairOn(first, 'dealer_sales s', SALES_IN_SCOPE), params)
  let pairs = firstPairs.rowCount ?? 0
  if (fallbacks.length > 0) {
    // Later keys only for the (few) sales the first key left unpaired.
    await client.query(
      `create temp table run_unpaired on commit drop as
         select s.id, s.sale_date, s.created_at, s.activation_type, s.iccid, s.imei, s.mdn from dealer_sales s
          where ${SALES_IN_SCOPE} and not exists (select 1 from run_pairs p where p.sid = s.id)`,
      params.slice(0, 3),
    )
    await client.query(`analyze run_unpaired`)
    for (const key of fallbacks) {
      const inserted = await client.query(
        pairOn(key, 'run_unpaired s', 'not exists (select 1 from run_pairs p where p.sid = s.id)'),
        params,
      )
      pairs += inserted.rowCount ?? 0
    }
  }
  await client.query(`analyze run_pairs`)
  const duplicates = await client.query(
    `create temp table run_duplicates on commit drop as
       select sid, winner from (
         select p.sid, row_number() over claims as rn, first_value(p.sid) over claims as winner
           from run_pairs p
          where p.rid in (select rid from run_pairs group by rid having count(*) > 1)
         window claims as (partition by p.rid order by ${CLAIM_ORDER_SQL})) ranked
        where rn > 1`,
  )
  await client.query(`alter table run_duplicates add primary key (sid)`)
  return { pairs, duplicates: duplicates.rowCount ?? 0 }
}

/**
 * The lines of one statement, fed on from the same pass: the non-matched ones staged in `run_disc` (with the
 * discrepancy key and the money at stake) and per-class totals in `run_totals`, so a million lines are written once
 * and never read back.
 */
function fanOut(insertLines: string): string {
  return `with l as (${insertLines} returning run_id, recon_class, sale_id, carrier_record_id, dealer_id, expected, paid),
     staged as (
       insert into run_disc
       select l.run_id || '|' || l.recon_class || '|' || coalesce(l.sale_id::text, '') || '|' || coalesce(l.carrier_record_id::text, ''),
              l.run_id, l.recon_class::text, l.sale_id, l.carrier_record_id, l.dealer_id, l.expected, l.paid,
              ${stakeSql('l.recon_class', 'l.expected', 'l.paid')}
         from l where l.recon_class <> 'matched')
     insert into run_totals
     select recon_class::text, count(sale_id), count(carrier_record_id) filter (where recon_class <> 'duplicate_claim'),
            coalesce(sum(expected), 0), coalesce(sum(paid), 0),
            coalesce(sum(greatest(expected - paid, 0)), 0), coalesce(sum(greatest(paid - expected, 0)), 0), count(*)
       from l group by recon_class`
}

/**
 * Writes one line per sale and per unclaimed record in the period, classified. The order of the tests is the
 * order of precedence: no match, duplicate claim, deactivated in the chargeback window, rate plan mismatch,
 * amount mismatch, matched. Returns the number of sale lines and record-only lines.
 */
export async function writeLines(client: PoolClient, scope: RunScope): Promise<{ sales: number; unclaimed: number }> {
  await client.query(`delete from reconciliation_lines where run_id = $1`, [scope.runId])
  await client.query(
    `create temp table run_disc (key varchar, run_id int, recon_class text, sale_id int, carrier_record_id int, dealer_id int,
                                 expected numeric(19,4), paid numeric(19,4), at_stake numeric(19,4), detail text) on commit drop;
     create temp table run_totals (recon_class text, sales bigint, carrier_records bigint, expected numeric, paid numeric,
                                   shortfall numeric, excess numeric, lines bigint) on commit drop`,
  )
  const priceOn = (alias: string, date: string) =>
    `run_prices p${alias} on p${alias}.d = ${date} and p${alias}.plan = ${alias}.rate_plan_id and p${alias}.t = ${alias}.activation_type::text and p${alias}.features = coalesce(${alias}.features, '')`
  await client.query(
    fanOut(`insert into reconciliation_lines (run_id, recon_class, sale_id, carrier_record_id, dealer_id, expected, paid, schedule_version_id)
     select $4, c.recon_class::enum_reconciliation_lines_recon_class, c.sale_id, c.record_id, c.dealer_id, c.expected, c.paid, c.version_id
       from (
         select s.id as sale_id, p.rid as record_id, s.dealer_id,
                case
                  when p.rid is null then 'not_with_carrier'
                  when d.sid is not null then 'duplicate_claim'
                  when r.deactivation_date is not null and r.deactivation_date - r.activation_date <= $5::int then 'deactivated_in_window'
                  when r.rate_plan_id <> s.rate_plan_id then 'rate_plan_mismatch'
                  when coalesce(pr.total, 0) <> r.paid_total then 'amount_mismatch'
                  else 'matched'
                end as recon_class,
                case when p.rid is null or d.sid is not null or r.rate_plan_id <> s.rate_plan_id then coalesce(ps.total, 0) else coalesce(pr.total, 0) end as expected,
                case when p.rid is null or d.sid is not null then 0 else r.paid_total end as paid,
                case when p.rid is null or d.sid is not null or r.rate_plan_id <> s.rate_plan_id then ps.version_id else pr.version_id end as version_id
           from dealer_sales s
           left join run_pairs p on p.sid = s.id
           left join run_duplicates d on d.sid = s.id
           left join carrier_records r on r.id = p.rid
           left join ${priceOn('s', 's.sale_date')}
           left join ${priceOn('r', 'r.activation_date')}
          where ${SALES_IN_SCOPE}
       ) c`),
    [scope.carrierId, scope.start, scope.end, scope.runId, scope.chargebackWindowDays],
  )
  await client.query(
    fanOut(`insert into reconciliation_lines (run_id, recon_class, sale_id, carrier_record_id, dealer_id, expected, paid, schedule_version_id)
     select $4, 'not_reported', null, r.id, r.dealer_id, coalesce(pr.total, 0), r.paid_total, pr.version_id
       from carrier_records r
       left join ${priceOn('r', 'r.activation_date')}
      where r.carrier_id = $1 and r.activation_date between $2::date and $3::date
        and not exists (select 1 from run_pairs p where p.rid = r.id)`),
    [scope.carrierId, scope.start, scope.end, scope.runId],
  )
  const counted = await client.query<{ sales: string; unclaimed: string }>(
    `select coalesce(sum(lines) filter (where recon_class <> 'not_reported'), 0) as sales, coalesce(sum(lines) filter (where recon_class = 'not_reported'), 0) as unclaimed from run_totals`,
  )
  await client.query(`create unique index on run_disc (key); analyze run_disc`)
  return { sales: Number(counted.rows[0]!.sales), unclaimed: Number(counted.rows[0]!.unclaimed) }
}
