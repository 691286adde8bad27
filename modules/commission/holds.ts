import type { RunContext } from './context'

/** Marks the run's lines whose payee or sale is on an active hold (line holds apply at payment time). */
export async function applyHolds(ctx: RunContext): Promise<number> {
  const { client } = ctx
  const holds = await client.query<{ n: number }>(`select count(*)::int as n from commission_holds where status = 'active' and target in ('participant', 'sale')`)
  if (holds.rows[0]!.n === 0) return 0
  const updated = await client.query(
    `update run_lines l set held = true
      where (l.payee_id in (select participant_id from commission_holds where status = 'active' and target = 'participant')
          or l.sale_id in (select sale_id from commission_holds where status = 'active' and target = 'sale'))`,
  )
  return updated.rowCount ?? 0
}
