import { COMPONENTS } from '../../../engine/commission/components/registry'
import type { VolumeBonusConfig } from '../../../engine/commission/components/volumeBonus'
import type { ActivationType } from '../../../engine/telecom'
import type { RunContext } from '../context'
import { stageEvaluations } from '../evaluations'
import { text, textOrNull, rows } from './blockValues'
import type { ComponentStep } from './steps'

type Combo = { quantity: string; n: number }

/** One volume bonus line per dealer, from its verified activations of the period (count or carrier-paid revenue). */
export async function calculateVolumeBonus(ctx: RunContext, config: VolumeBonusConfig): Promise<number> {
  const { client } = ctx
  const measure = config.metric === 'count' ? 'count(*)::numeric' : 'coalesce(sum(paid), 0)'
  await client.query(
    `create temp table cf_volume on commit drop as
     select dealer_id, (${measure})::text as quantity from cf where activation_type = any($1::text[]) group by dealer_id`,
    [config.activationTypes],
  )
  const combos = await client.query<Combo>(`select quantity, count(*)::int as n from cf_volume group by 1`)
  const evaluated = combos.rows.map((combo) => {
    const input = { quantity: combo.quantity }
    return {
      keys: [combo.quantity],
      input: { metric: config.metric, ...input },
      evaluation: COMPONENTS.volume_bonus.calculate(config, input, ctx.version),
      rows: combo.n,
    }
  })
  await stageEvaluations(ctx, 'volume_bonus', 'ev_volume', [{ name: 'quantity', type: 'text' }], evaluated)
  const unit = config.metric === 'count' ? 'verified activations' : 'of carrier-paid revenue'
  const inserted = await client.query(
    `insert into run_lines (run_id, period_id, payee_id, component, amount, currency, held, description, plan_version_id, evaluation_id)
     select $1, $2, v.dealer_id, 'volume_bonus', e.amount, $3, false, v.quantity || ' ' || $5, $4, e.eval_id
       from cf_volume v join ev_volume e using (quantity) where e.amount <> 0`,
    [ctx.runId, ctx.period.id, ctx.currency, ctx.version.id, unit],
  )
  return inserted.rowCount ?? 0
}

export const volumeBonusStep: ComponentStep<VolumeBonusConfig> = {
  phase: 'calculate',
  counted: 'volume bonus',
  telecom: true,
  fromBlock: (block) => ({
    kind: 'volume_bonus',
    metric: block.metric === 'revenue' ? 'revenue' : 'count',
    method: block.method === 'retroactive' ? 'retroactive' : 'marginal',
    activationTypes: (Array.isArray(block.activationTypes) ? block.activationTypes : []) as ActivationType[],
    tiers: rows(block.tiers).map((tier) => ({ from: text(tier.from), to: textOrNull(tier.to), rate: text(tier.rate) })),
  }),
  run: calculateVolumeBonus,
}
