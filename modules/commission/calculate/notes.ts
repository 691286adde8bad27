import { D } from '../../../engine/core/decimal'
import { postAmount } from '../../../engine/commission/posting'
import type { RunContext } from '../context'

/** Debit and credit notes posted into this period for this plan, one `note` line each, rounded like every line. */
export async function postNotes(ctx: RunContext, planId: number): Promise<number> {
  const notes = await ctx.client.query<{ id: number; participant_id: number; amount: string; reason: string }>(
    `select id, participant_id, amount::text as amount, reason from commission_notes where period_id = $1 and plan_id = $2 order by id`,
    [ctx.period.id, planId],
  )
  if (notes.rows.length === 0) return 0
  const amounts = notes.rows.map((note) => postAmount(new D(note.amount), ctx.currency, ctx.version.rounding))
  const inserted = await ctx.client.query(
    `insert into run_lines (run_id, period_id, payee_id, component, amount, currency, held, description, note_id, plan_version_id)
     select $1, $2, t.payee, 'note', t.amount, $3, false, t.reason, t.note, $4
       from unnest($5::int[], $6::numeric[], $7::text[], $8::int[]) as t(payee, amount, reason, note)`,
    [
      ctx.runId,
      ctx.period.id,
      ctx.currency,
      ctx.version.id,
      notes.rows.map((n) => n.participant_id),
      amounts,
      notes.rows.map((n) => n.reason),
      notes.rows.map((n) => n.id),
    ],
  )
  return inserted.rowCount ?? 0
}
