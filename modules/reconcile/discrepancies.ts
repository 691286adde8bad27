import type { PoolClient } from 'pg'

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
    `insert into discrepancies (key, run_id, recon_class, sale_id, carrier_record_id, dealer_id, expected, paid, at_stake, status,
                                cleared_by_rerun, last_seen_at, created_at, updated_at)
     select k.key, k.run_id, k.recon_class::enum_discrepancies_recon_class, k.sale_id, k.carrier_record_id, k.dealer_id, k.expected, k.paid,
            k.at_stake, 'open', false, $1, $1, $1
       from run_disc k
     on conflict (key) do update set
            expected = excluded.expected, paid = excluded.paid, at_stake = excluded.at_stake, dealer_id = excluded.dealer_id,
            last_seen_at = excluded.last_seen_at, cleared_by_rerun = false, updated_at = excluded.updated_at,
            status = case when discrepancies.cleared_by_rerun then 'open'::enum_discrepancies_status else discrepancies.status end
      where (discrepancies.expected, discrepancies.paid, discrepancies.at_stake, discrepancies.dealer_id, discrepancies.cleared_by_rerun)
            is distinct from (excluded.expected, excluded.paid, excluded.at_stake, excluded.dealer_id, false)`,
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
