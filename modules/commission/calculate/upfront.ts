import { COMPONENTS } from '../../../engine/commission/components/registry'
import { UPFRONT_ACTIVATION_TYPES, type UpfrontConfig, type UpfrontPayout } from '../../../engine/commission/components/upfront'
import type { ActivationType } from '../../../engine/telecom'
import { relationId } from '../../../hooks/core/relationId'
import type { RunContext } from '../context'
import { stageEvaluations } from '../evaluations'
import { text, textOrNull, rows } from './blockValues'
import type { ComponentStep } from './steps'

type Combo = {
  carrier_id: number
  rate_plan_id: number
  activation_type: ActivationType
  tier: string
  features: string
  n: number
  carrier: string
  plan: string
}

/** One upfront line per verified activation (not upgrades/downgrades), each distinct combination evaluated once. */
export async function calculateUpfront(ctx: RunContext, config: UpfrontConfig): Promise<number> {
  const combos = await ctx.client.query<Combo>(
    `select g.*, c.code as carrier, rp.code as plan
       from (select carrier_id, rate_plan_id, activation_type, tier, features, count(*)::int as n from cf
              where activation_type = any($1::text[]) group by 1, 2, 3, 4, 5) g
       join carriers c on c.id = g.carrier_id join rate_plans rp on rp.id = g.rate_plan_id`,
    [UPFRONT_ACTIVATION_TYPES],
  )
  const evaluated = combos.rows.map((combo) => {
    const input = {
      carrierId: combo.carrier_id,
      ratePlanId: combo.rate_plan_id,
      activationType: combo.activation_type,
      dealerTier: combo.tier || null,
      features: combo.features ? combo.features.split(',') : [],
    }
    const names = { carrier: combo.carrier, ratePlan: combo.plan }
    return {
      keys: [combo.carrier_id, combo.rate_plan_id, combo.activation_type, combo.tier, combo.features],
      input,
      evaluation: COMPONENTS.upfront.calculate(config, { ...input, names }, ctx.version),
      rows: combo.n,
    }
  })
  await stageEvaluations(
    ctx,
    'upfront',
    'ev_upfront',
    [
      { name: 'carrier_id', type: 'int' },
      { name: 'rate_plan_id', type: 'int' },
      { name: 'activation_type', type: 'text' },
      { name: 'tier', type: 'text' },
      { name: 'features', type: 'text' },
    ],
    evaluated,
  )
  const inserted = await ctx.client.query(
    `insert into run_lines (run_id, period_id, payee_id, component, amount, currency, held, sale_id, carrier_record_id, plan_version_id, evaluation_id)
     select $1, $2, cf.dealer_id, 'upfront', e.amount, $3, false, cf.sale_id, cf.carrier_record_id, $4, e.eval_id
       from cf join ev_upfront e using (carrier_id, rate_plan_id, activation_type, tier, features)`,
    [ctx.runId, ctx.period.id, ctx.currency, ctx.version.id],
  )
  return inserted.rowCount ?? 0
}

export const upfrontStep: ComponentStep<UpfrontConfig> = {
  phase: 'calculate',
  counted: 'upfront',
  telecom: true,
  fromBlock: (block) => ({
    kind: 'upfront',
    rows: rows(block.rows).map((row) => ({
      payout: text(row.payout) as UpfrontPayout,
      carrierId: relationId(row.carrier),
      ratePlanId: relationId(row.ratePlan),
      activationType: textOrNull(row.activationType) as ActivationType | null,
      dealerTier: textOrNull(row.dealerTier),
      featureCode: textOrNull(row.featureCode)?.toUpperCase() ?? null,
      amount: text(row.amount) || '0',
    })),
  }),
  run: calculateUpfront,
}
