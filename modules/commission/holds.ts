import { ACTIVE_HOLD_STATUS, RUN_HOLD_TARGETS } from '../../engine/commission/lineStates'
import type { RunContext } from './context'
import { HELD_BY_SALE_OR_PAYEE } from './lineStates'

/** Marks the run's lines whose payee or sale is on an active hold (line holds apply at payment time). */
export async function applyHolds(ctx: RunContext): Promise<number> {
  const { client } = ctx
  const holds = await client.query<{ n: number }>(
    `select count(*)::int as n from commission_holds where status = $1 and target::text = any($2::text[])`,
    [ACTIVE_HOLD_STATUS, [...RUN_HOLD_TARGETS]],
  )
  if (holds.rows[0]!.n === 0) return 0
  const updated = await client.query(`update run_lines l set held = true where ${HELD_BY_SALE_OR_PAYEE}`)
  return updated.rowCount ?? 0
}
