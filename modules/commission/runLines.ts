import type { RunContext } from './context'

const COLUMNS =
  'run_id, period_id, payee_id, component, amount, currency, held, description, sale_id, carrier_record_id, from_participant_id, note_id, plan_version_id, evaluation_id, billing_line_id, rule_id'

/**
 * A run stages its lines in a temp table: overrides, holds and the checks read a table the planner knows, a preview
 * simply never posts, and posting is one sorted insert into `commission_lines` at the end.
 */
export async function stageRunLines(ctx: RunContext): Promise<void> {
  await ctx.client.query(
    `create temp table run_lines (
       run_id int not null, period_id int not null, payee_id int not null, component text not null, amount numeric(19, 4) not null,
       currency text not null, held boolean not null default false, description text, sale_id int, carrier_record_id int,
       from_participant_id int, note_id int, plan_version_id int, evaluation_id int, billing_line_id int, rule_id int) on commit drop`,
  )
}

/** Posts the staged lines (grouped by payee, as statements and payments read them). */
export async function postRunLines(ctx: RunContext): Promise<number> {
  const inserted = await ctx.client.query(
    `insert into commission_lines (${COLUMNS})
     select ${COLUMNS.replace('component', 'component::enum_commission_lines_component')} from run_lines order by payee_id`,
  )
  return inserted.rowCount ?? 0
}
