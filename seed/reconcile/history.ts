import type { PoolClient } from 'pg'

import { daysAfter, noonOf, type HistoryContext, type HistoryMonth } from '../history/context'
import { runReconciliation } from '../../modules/reconcile/runReconciliation'

/**
 * The reconciliation side of the demo's history: each month of each carrier reconciled on the real path (the run
 * created as staff create it, then `runReconciliation`), and the discrepancies found worked as an operations team
 * works them: the older a month, the more of its discrepancies are resolved or written off; disputes with the
 * carrier carry their comment history.
 */
export async function reconcileMonth(ctx: HistoryContext, carrierId: number, month: HistoryMonth): Promise<number> {
  const run = await ctx.payload.create({
    collection: 'reconciliation-runs',
    data: { carrier: carrierId, periodStart: month.start, periodEnd: month.end },
    context: { skipQueue: true },
    depth: 0,
  })
  await runReconciliation(ctx.payload, run.id as number, async () => {})
  const status = await ctx.pool.query<{ status: string; message: string | null }>(
    `select status::text as status, message from reconciliation_runs where id = $1`,
    [run.id],
  )
  if (status.rows[0]?.status !== 'completed')
    throw new Error(`the history's reconciliation ${month.label} failed: ${status.rows[0]?.message}`)
  const at = noonOf(daysAfter(month.end, 2))
  await ctx.pool.query(`update reconciliation_runs set created_at = $2, updated_at = $2, last_run_at = $2 where id = $1`, [run.id, at])
  await ctx.pool.query(`update discrepancies set created_at = $2, updated_at = $2, last_seen_at = $2 where run_id = $1`, [run.id, at])
  return run.id as number
}

/**
 * Works the history's discrepancies in one pass: by the age of their month and a stable spread over their ids, each
 * is left open, disputed with the carrier (two comments: the claim, the carrier's answer), resolved (the claim and
 * the correction) or written off (why), owned by the operations login; comments are dated after the month.
 */
export async function workDiscrepancies(client: PoolClient, ctx: HistoryContext): Promise<void> {
  const latest = ctx.months[ctx.months.length - 1]!.start
  const ops = ctx.users.get('ops@northwind.example')!
  const finance = ctx.users.get('finance@northwind.example')!
  await client.query(
    `create temp table history_discrepancies on commit drop as
     select d.id, c.name as carrier, r.period_end as month_end, d.at_stake,
            ((date_part('year', $1::date) - date_part('year', r.period_start)) * 12 + date_part('month', $1::date) - date_part('month', r.period_start))::int as age,
            case
              when ((date_part('year', $1::date) - date_part('year', r.period_start)) * 12 + date_part('month', $1::date) - date_part('month', r.period_start)) <= 1
                then case when d.id % 10 < 7 then 'open' else 'disputed' end
              when ((date_part('year', $1::date) - date_part('year', r.period_start)) * 12 + date_part('month', $1::date) - date_part('month', r.period_start)) <= 4
                then case when d.id % 10 < 2 then 'open' when d.id % 10 < 5 then 'disputed' when d.id % 10 < 8 then 'resolved' else 'written_off' end
              else case when d.id % 10 < 1 then 'disputed' when d.id % 10 < 6 then 'resolved' else 'written_off' end
            end as status
       from discrepancies d join reconciliation_runs r on r.id = d.run_id join carriers c on c.id = r.carrier_id
      where r.period_start >= $2`,
    [latest, ctx.months[0]!.start],
  )
  await client.query(
    `update discrepancies d set status = h.status::enum_discrepancies_status, owner_id = case when h.status = 'open' then null else $1::int end,
            updated_at = h.month_end + interval '25 days'
       from history_discrepancies h where h.id = d.id`,
    [ops],
  )
  await client.query(
    `insert into discrepancies_comments (_order, _parent_id, id, text, author_id, at)
     select c.n, h.id, substr(md5(h.id::text || '-' || c.n::text), 1, 24), c.text, c.author, h.month_end + c.after
       from history_discrepancies h
       cross join lateral (values
         (1, 'Disputed with ' || h.carrier || ': claim sent with the sale, the carrier record and the schedule price (' || coalesce(h.at_stake, 0)::numeric(12, 2)::text || ' at stake).', $1::int, interval '10 days', h.status in ('disputed', 'resolved')),
         (2, case when h.status = 'resolved' then 'Resolved: ' || h.carrier || ' corrected the line on its next file.'
                  else h.carrier || ' acknowledged the claim; the correction is expected on its next file.' end, $2::int, interval '20 days', h.status in ('disputed', 'resolved')),
         (1, 'Written off: ' || coalesce(h.at_stake, 0)::numeric(12, 2)::text || ' is not worth disputing with ' || h.carrier || '.', $2::int, interval '15 days', h.status = 'written_off')
       ) as c(n, text, author, after, wanted)
      where c.wanted`,
    [ops, finance],
  )
}
