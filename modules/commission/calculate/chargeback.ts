import { COMPONENTS } from '../../../engine/commission/components/registry'
import type { ChargebackConfig } from '../../../engine/commission/components/chargeback'
import type { RunContext } from '../context'
import { POSTED_RUN } from '../lineStates'
import { stageEvaluations } from '../evaluations'
import { text, numberOrNull } from './blockValues'
import type { ComponentStep } from './steps'

type Combo = { upfront_paid: string; days_active: number; carrier_window: number; n: number }

/**
 * Chargebacks taken in this period: upfront lines posted by this plan's runs of other periods whose carrier record now shows
 * the line deactivated (on or before the period's end) and that no other posted run of the plan has charged back yet.
 */
export async function calculateChargeback(ctx: RunContext, config: ChargebackConfig): Promise<number> {
  const { client } = ctx
  await client.query(
    `create temp table cf_chargeback on commit drop as
     select distinct on (l.sale_id) l.sale_id, l.carrier_record_id, l.payee_id as dealer_id, l.amount::text as upfront_paid,
            (cr.deactivation_date - cr.activation_date)::int as days_active, c.chargeback_window_days::int as carrier_window
       from commission_lines l
       join commission_runs r on r.id = l.run_id and r.plan_id = $4 and ${POSTED_RUN} and r.period_id <> $2
       join carrier_records cr on cr.id = l.carrier_record_id
       join carriers c on c.id = cr.carrier_id
      where l.component = 'upfront' and cr.deactivation_date is not null and cr.deactivation_date <= $3
        and not exists (
          select 1 from commission_lines x join commission_runs xr on xr.id = x.run_id and xr.plan_id = $4 and xr.mode = 'post' and xr.id <> $1
           where x.sale_id = l.sale_id and x.component = 'chargeback')
      order by l.sale_id, l.id`,
    [ctx.runId, ctx.period.id, ctx.period.endsOn, ctx.version.planId],
  )
  const combos = await client.query<Combo>(
    `select upfront_paid, days_active, carrier_window, count(*)::int as n from cf_chargeback group by 1, 2, 3`,
  )
  const evaluated = combos.rows.map((combo) => {
    const input = { upfrontPaid: combo.upfront_paid, daysActive: combo.days_active, carrierWindowDays: combo.carrier_window }
    return {
      keys: [combo.upfront_paid, combo.days_active, combo.carrier_window],
      input,
      evaluation: COMPONENTS.chargeback.calculate(config, input, ctx.version),
      rows: combo.n,
    }
  })
  await stageEvaluations(
    ctx,
    'chargeback',
    'ev_chargeback',
    [
      { name: 'upfront_paid', type: 'text' },
      { name: 'days_active', type: 'int' },
      { name: 'carrier_window', type: 'int' },
    ],
    evaluated,
  )
  const inserted = await client.query(
    `insert into run_lines (run_id, period_id, payee_id, component, amount, currency, held, sale_id, carrier_record_id, plan_version_id, evaluation_id)
     select $1, $2, c.dealer_id, 'chargeback', e.amount, $3, false, c.sale_id, c.carrier_record_id, $4, e.eval_id
       from cf_chargeback c join ev_chargeback e using (upfront_paid, days_active, carrier_window) where e.amount <> 0`,
    [ctx.runId, ctx.period.id, ctx.currency, ctx.version.id],
  )
  return inserted.rowCount ?? 0
}

export const chargebackStep: ComponentStep<ChargebackConfig> = {
  phase: 'calculate',
  counted: 'chargeback',
  telecom: true,
  fromBlock: (block) => ({ kind: 'chargeback', percent: text(block.percent), windowDays: numberOrNull(block.windowDays) }),
  run: calculateChargeback,
}
