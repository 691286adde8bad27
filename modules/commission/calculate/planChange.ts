import { COMPONENTS } from '../../../engine/commission/components/registry'
import type { PlanChangeConfig } from '../../../engine/commission/components/planChange'
import type { RunContext } from '../context'
import { stageEvaluations } from '../evaluations'
import { text } from './blockValues'
import type { ComponentStep } from './steps'

type Combo = { carrier_id: number; old_plan: number | null; rate_plan_id: number; tier: string; n: number }

/**
 * One adjustment line per verified upgrade or downgrade: the line's previous plan is the plan of the latest earlier
 * sale of the same number (MDN) with the same carrier.
 */
export async function calculatePlanChange(ctx: RunContext, config: PlanChangeConfig): Promise<number> {
  const { client } = ctx
  await client.query(
    `create temp table cf_change on commit drop as
     select cf.sale_id, cf.carrier_record_id, cf.dealer_id, cf.carrier_id, cf.rate_plan_id, cf.tier, coalesce(prev.rate_plan_id, 0) as old_plan
       from cf left join lateral (
         select s.rate_plan_id from dealer_sales s
          where s.mdn = cf.mdn and s.carrier_id = cf.carrier_id and (s.sale_date, s.id) < (cf.sale_date, cf.sale_id)
          order by s.sale_date desc, s.id desc limit 1) prev on true
      where cf.activation_type in ('upgrade', 'downgrade')`,
  )
  const combos = await client.query<Combo>(
    `select carrier_id, old_plan, rate_plan_id, tier, count(*)::int as n from cf_change group by 1, 2, 3, 4`,
  )
  const evaluated = combos.rows.map((combo) => {
    const input = {
      carrierId: combo.carrier_id,
      oldRatePlanId: combo.old_plan || null,
      newRatePlanId: combo.rate_plan_id,
      dealerTier: combo.tier || null,
    }
    return {
      keys: [combo.carrier_id, combo.old_plan, combo.rate_plan_id, combo.tier],
      input,
      evaluation: COMPONENTS.plan_change.calculate(config, input, ctx.version),
      rows: combo.n,
    }
  })
  await stageEvaluations(
    ctx,
    'plan_change',
    'ev_change',
    [
      { name: 'carrier_id', type: 'int' },
      { name: 'old_plan', type: 'int' },
      { name: 'rate_plan_id', type: 'int' },
      { name: 'tier', type: 'text' },
    ],
    evaluated,
  )
  const inserted = await client.query(
    `insert into run_lines (run_id, period_id, payee_id, component, amount, currency, held, sale_id, carrier_record_id, plan_version_id, evaluation_id)
     select $1, $2, c.dealer_id, 'plan_change', e.amount, $3, false, c.sale_id, c.carrier_record_id, $4, e.eval_id
       from cf_change c join ev_change e using (carrier_id, old_plan, rate_plan_id, tier) where e.amount <> 0`,
    [ctx.runId, ctx.period.id, ctx.currency, ctx.version.id],
  )
  return inserted.rowCount ?? 0
}

export const planChangeStep: ComponentStep<PlanChangeConfig> = {
  phase: 'calculate',
  counted: 'upgrade/downgrade',
  telecom: true,
  fromBlock: (block) => ({ kind: 'plan_change', percent: text(block.percent) }),
  run: calculatePlanChange,
}
