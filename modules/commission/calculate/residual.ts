import { addMonths } from '../../../engine/commission/calendar'
import { COMPONENTS } from '../../../engine/commission/components/registry'
import type { ResidualConfig } from '../../../engine/commission/components/residual'
import { verifiedSales } from '../../reconcile'
import type { RunContext } from '../context'
import { stageEvaluations } from '../evaluations'
import { text } from './blockValues'
import type { ComponentStep } from './steps'

type Combo = { rate_plan_id: number; month_index: number; monthly_charge: string; n: number }

/**
 * Residual lines for a monthly period: every verified new activation or port-in of the `months` months before the
 * period whose carrier record shows the line still active at the end of the period. Other frequencies pay none.
 */
export async function calculateResidual(ctx: RunContext, config: ResidualConfig): Promise<number> {
  const { client, period } = ctx
  if (period.frequency !== 'monthly') return 0
  const from = addMonths(period.startsOn, -config.months)
  await client.query(
    `create temp table cf_residual on commit drop as
     select v.sale_id, v.carrier_record_id, s.dealer_id, s.rate_plan_id,
            ((extract(year from $2::date) - extract(year from s.sale_date)) * 12 + extract(month from $2::date) - extract(month from s.sale_date))::int as month_index
       from ${verifiedSales(`s.sale_date >= $1 and s.sale_date < $2 and s.activation_type in ('new', 'port_in')`)} v
       join dealer_sales s on s.id = v.sale_id
       join carrier_records cr on cr.id = v.carrier_record_id
      where cr.deactivation_date is null or cr.deactivation_date > $3`,
    [from, period.startsOn, period.endsOn],
  )
  const combos = await client.query<Combo>(
    `select r.rate_plan_id, r.month_index, rp.monthly_charge::text as monthly_charge, count(*)::int as n
       from cf_residual r join rate_plans rp on rp.id = r.rate_plan_id group by 1, 2, 3`,
  )
  const evaluated = combos.rows.map((combo) => {
    const input = { monthlyCharge: combo.monthly_charge, monthIndex: combo.month_index }
    return {
      keys: [combo.rate_plan_id, combo.month_index],
      input: { ratePlanId: combo.rate_plan_id, ...input },
      evaluation: COMPONENTS.residual.calculate(config, input, ctx.version),
      rows: combo.n,
    }
  })
  await stageEvaluations(
    ctx,
    'residual',
    'ev_residual',
    [
      { name: 'rate_plan_id', type: 'int' },
      { name: 'month_index', type: 'int' },
    ],
    evaluated,
  )
  const inserted = await client.query(
    `insert into run_lines (run_id, period_id, payee_id, component, amount, currency, held, sale_id, carrier_record_id, plan_version_id, evaluation_id)
     select $1, $2, r.dealer_id, 'residual', e.amount, $3, false, r.sale_id, r.carrier_record_id, $4, e.eval_id
       from cf_residual r join ev_residual e using (rate_plan_id, month_index) where e.amount <> 0`,
    [ctx.runId, ctx.period.id, ctx.currency, ctx.version.id],
  )
  return inserted.rowCount ?? 0
}

export const residualStep: ComponentStep<ResidualConfig> = {
  phase: 'calculate',
  counted: 'residual',
  telecom: true,
  fromBlock: (block) => ({ kind: 'residual', percent: text(block.percent), months: Number(block.months ?? 0) }),
  run: calculateResidual,
}
