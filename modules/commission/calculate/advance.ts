import type { AdvanceConfig } from '../../../engine/commission/components/advance'
import { COMPONENTS } from '../../../engine/commission/components/registry'
import type { RunContext } from '../context'
import { stageEvaluations } from '../evaluations'
import { POSTED_RUN } from '../lineStates'
import { LOCKED_STATUS } from '../../../engine/commission/lineStates'
import { text } from './blockValues'
import type { ComponentStep } from './steps'

/** The network bonuses an advance is a percent of (everything the network plan pays before advances). */
const EARNED = ['unilevel', 'differential', 'network_bonus']

/**
 * Advances. In an advance period (the second calendar) each member is paid the percent of the network bonuses its
 * orders of that period earned; those bonus lines are the advance's basis (recorded on its evaluation) and are not
 * paid themselves: the commercial cycle pays them in full. In a regular period every validated advance not recovered
 * yet is recovered with a negative line; when the advances exceed the cycle's commission the balance
 * is negative and the ledger carries it forward.
 */
export async function calculateAdvance(ctx: RunContext, config: AdvanceConfig): Promise<number> {
  const { client, period } = ctx
  if (period.cycle === 'advance') {
    const earned = await client.query<{ payee_id: number; earned: string }>(
      `select payee_id, sum(amount)::text as earned from run_lines where component = any($1::text[]) group by payee_id having sum(amount) > 0`,
      [EARNED],
    )
    const combos = new Map<string, number>()
    for (const row of earned.rows) combos.set(row.earned, (combos.get(row.earned) ?? 0) + 1)
    const evaluated = [...combos].map(([value, rowsCount]) => {
      const input = { mode: 'pay' as const, earned: value, already: '0' }
      return { keys: [value], input, evaluation: COMPONENTS.advance.calculate(config, input, ctx.version), rows: rowsCount }
    })
    await stageEvaluations(ctx, 'advance', 'ev_advance', [{ name: 'earned', type: 'text' }], evaluated)
    await client.query(`delete from run_lines where component = any($1::text[])`, [EARNED])
    const inserted = await client.query(
      `insert into run_lines (run_id, period_id, payee_id, component, amount, currency, held, description, plan_version_id, evaluation_id)
       select $1, $2, t.payee, 'advance', e.amount, $3, false, 'advance on ' || $5 || ': ' || $6 || ' % of ' || t.earned || ' earned', $4, e.eval_id
         from unnest($7::int[], $8::text[]) as t(payee, earned) join ev_advance e on e.earned = t.earned where e.amount <> 0`,
      [
        ctx.runId,
        period.id,
        ctx.currency,
        ctx.version.id,
        period.label,
        config.percent,
        earned.rows.map((r) => r.payee_id),
        earned.rows.map((r) => r.earned),
      ],
    )
    return inserted.rowCount ?? 0
  }
  // Every advance of the plan that was validated (its run locked) and that no end-of-cycle run has recovered yet,
  // whatever its dates: a fortnight that crosses the month's end is recovered once, by the first cycle run after it.
  const advanced = await client.query<{ payee_id: number; advanced: string; periods: string }>(
    `with paid as (
       select l.payee_id, sum(l.amount) as advanced, string_agg(distinct p.label, ', ' order by p.label) as periods
         from commission_lines l join commission_runs r on r.id = l.run_id and r.mode = 'post' and r.status = $4
         join commission_periods p on p.id = l.period_id and p.cycle = 'advance'
        where l.component = 'advance' and r.plan_id = $2 and p.starts_on <= $1::date
        group by l.payee_id),
     recovered as (
       select l.payee_id, -sum(l.amount) as recovered
         from commission_lines l join commission_runs r on r.id = l.run_id and ${POSTED_RUN}
         join commission_periods p on p.id = l.period_id and p.cycle = 'regular'
        where l.component = 'advance' and r.plan_id = $2 and r.id <> $3
        group by l.payee_id)
     select paid.payee_id, (paid.advanced - coalesce(recovered.recovered, 0))::text as advanced, paid.periods
       from paid left join recovered using (payee_id)
      where paid.advanced - coalesce(recovered.recovered, 0) > 0`,
    [period.endsOn, ctx.version.planId, ctx.runId, LOCKED_STATUS],
  )
  const combos = new Map<string, number>()
  for (const row of advanced.rows) combos.set(row.advanced, (combos.get(row.advanced) ?? 0) + 1)
  const evaluated = [...combos].map(([value, rowsCount]) => {
    const input = { mode: 'recover' as const, advanced: value }
    return { keys: [value], input, evaluation: COMPONENTS.advance.calculate(config, input, ctx.version), rows: rowsCount }
  })
  await stageEvaluations(ctx, 'advance', 'ev_advance', [{ name: 'advanced', type: 'text' }], evaluated)
  const inserted = await client.query(
    `insert into run_lines (run_id, period_id, payee_id, component, amount, currency, held, description, plan_version_id, evaluation_id)
     select $1, $2, t.payee, 'advance', e.amount, $3, false, 'recovery of advances paid in ' || t.periods, $4, e.eval_id
       from unnest($5::int[], $6::text[], $7::text[]) as t(payee, advanced, periods) join ev_advance e on e.advanced = t.advanced`,
    [
      ctx.runId,
      period.id,
      ctx.currency,
      ctx.version.id,
      advanced.rows.map((r) => r.payee_id),
      advanced.rows.map((r) => r.advanced),
      advanced.rows.map((r) => r.periods),
    ],
  )
  return inserted.rowCount ?? 0
}

export const advanceStep: ComponentStep<AdvanceConfig> = {
  phase: 'adjust',
  counted: 'advance lines',
  telecom: false,
  fromBlock: (block) => ({ kind: 'advance', percent: text(block.percent) }),
  run: calculateAdvance,
}
