import type { PoolClient } from 'pg'

import { duplicateClaimDetail } from '../../engine/reconcile/claims'

/**
 * Writes the sentence of each staged duplicate claim (`run_disc.detail`): the winning claim and how far each claim is
 * from the carrier's activation date. Duplicates are few, so the words are the engine's, not SQL's.
 */
export async function describeDuplicates(client: PoolClient): Promise<number> {
  const found = await client.query<{ key: string; activationDate: string; saleDate: string; winnerId: number; winnerDate: string }>(
    `select k.key, r.activation_date::text as "activationDate", s.sale_date::text as "saleDate", w.id as "winnerId",
            w.sale_date::text as "winnerDate"
       from run_disc k
       join run_duplicates d on d.sid = k.sale_id
       join run_pairs p on p.sid = k.sale_id
       join carrier_records r on r.id = p.rid
       join dealer_sales s on s.id = k.sale_id
       join dealer_sales w on w.id = d.winner
      where k.recon_class = 'duplicate_claim'`,
  )
  if (found.rows.length === 0) return 0
  const details = found.rows.map((row) =>
    duplicateClaimDetail({
      activationDate: row.activationDate,
      saleDate: row.saleDate,
      winner: { saleId: row.winnerId, saleDate: row.winnerDate },
    }),
  )
  await client.query(
    `update run_disc k set detail = u.detail from unnest($1::varchar[], $2::text[]) as u(key, detail) where k.key = u.key`,
    [found.rows.map((row) => row.key), details],
  )
  return found.rows.length
}

/**
 * Turns the run's staged non-matched lines (`run_disc`, see matching.ts) into discrepancies, keyed by run, class,
 * sale and record, so a re-run updates amounts and keeps owner, status and comments; a row whose amounts did not
 * change is not rewritten. One the re-run no longer finds is marked cleared, resolved if it was still open or
 * disputed, and gets a comment saying so; one that comes back is reopened.
 */
export async function upsertDiscrepancies(
  client: PoolClient,
  runId: number,
  runStartedAt: Date,
): Promise<{ upserted: number; cleared: number }> {
  const upserted = await client.query(
    `insert into discrepancies (key, run_id, recon_class, sale_id, carrier_record_id, dealer_id, expected, paid, at_stake, detail, status,
                                cleared_by_rerun, last_seen_at, created_at, updated_at)
     select k.key, k.run_id, k.recon_class::enum_discrepancies_recon_class, k.sale_id, k.carrier_record_id, k.dealer_id, k.expected, k.paid,
            k.at_stake, k.detail, 'open', false, $1, $1, $1
       from run_disc k
     on conflict (key) do update set
            expected = excluded.expected, paid = excluded.paid, at_stake = excluded.at_stake, dealer_id = excluded.dealer_id,
            detail = excluded.detail, last_seen_at = excluded.last_seen_at, cleared_by_rerun = false, updated_at = excluded.updated_at,
            status = case when discrepancies.cleared_by_rerun then 'open'::enum_discrepancies_status else discrepancies.status end
      where (discrepancies.expected, discrepancies.paid, discrepancies.at_stake, discrepancies.dealer_id, discrepancies.detail,
             discrepancies.cleared_by_rerun)
            is distinct from (excluded.expected, excluded.paid, excluded.at_stake, excluded.dealer_id, excluded.detail, false)`,
    [runStartedAt],
  )
  const cleared = await client.query<{ id: number }>(
    `update discrepancies d
        set cleared_by_rerun = true, updated_at = $2,
            status = case when d.status in ('open', 'disputed') then 'resolved'::enum_discrepancies_status else d.status end
      where d.run_id = $1 and not d.cleared_by_rerun and not exists (select 1 from run_disc k where k.key = d.key)
      returning d.id`,
    [runId, runStartedAt],
  )
  if (cleared.rows.length > 0) {
    await client.query(
      `insert into discrepancies_comments (_order, _parent_id, id, text, at)
       select coalesce((select max(c._order) from discrepancies_comments c where c._parent_id = d.id), 0) + 1, d.id,
              substr(md5(random()::text || d.id::text), 1, 24), 'Cleared: the re-run of ' || to_char($2::timestamptz, 'YYYY-MM-DD HH24:MI') || ' UTC no longer finds this discrepancy.', $2
         from unnest($1::int[]) as d(id)`,
      [cleared.rows.map((row) => row.id), runStartedAt],
    )
  }
  return { upserted: upserted.rowCount ?? 0, cleared: cleared.rows.length }
}
