/**
 * The expiry job: every lot with points left whose last usable day is before `today` gets one `expire` movement for
 * what is left (naming the lot), exactly once per lot (natural key `expire:<lot id>`). One set-based statement over
 * all holders: the lots are read through the expiry index, a lot already expired is found through the lot index (not
 * by its natural key, which would scan the ledger), what is left of each is one grouped sum of the movements naming them.
 */
import type { PoolClient } from 'pg'

type Db = Pick<PoolClient, 'query'>

/** What an expiry run posted. */
export type ExpireResult = { today: string; lots: number; points: number; holders: number }

/** Posts the expirations due on `today` (lots whose expiresOn < today); a second run on the same day posts nothing. */
export async function expirePoints(client: Db, today: string, programId: number | null = null): Promise<ExpireResult> {
  const row = (
    await client.query<{ lots: number; points: string; holders: number }>(
      `with due as (
         select l.id, l.program_id, l.consultant_id, l.customer, l.expires_on, l.campaign_id, l.points
           from points_movements l
          where l.expires_on < $1::date and l.lot_id is null and l.points > 0 and ($2::int is null or l.program_id = $2)
            and not exists (select 1 from points_movements e where e.lot_id = l.id and e.kind = 'expire')),
       left_over as (
         select d.*, d.points + coalesce(t.taken, 0) as remaining
           from due d left join (select m.lot_id, sum(m.points) as taken from points_movements m join due on due.id = m.lot_id group by m.lot_id) t
             on t.lot_id = d.id),
       ins as (
         insert into points_movements (program_id, consultant_id, customer, kind, source, points, booked_on, lot_id, label, natural_key,
             created_at, updated_at)
         select program_id, consultant_id, customer, 'expire', 'expiry', -remaining, $1::date, id,
                'Expired (last usable day ' || expires_on::text || ')', 'expire:' || id, now(), now()
           from left_over where remaining > 0
         on conflict (natural_key) do nothing
         returning program_id, consultant_id, customer, points)
       select count(*)::int as lots, coalesce(-sum(points), 0)::bigint::text as points,
              count(distinct (program_id, consultant_id, coalesce(customer, '')))::int as holders from ins`,
      [today, programId],
    )
  ).rows[0]!
  return { today, lots: row.lots, points: Number(row.points), holders: row.holders }
}
