import { COMPONENTS } from '../../../engine/commission/components/registry'
import type { AdvertisingConfig } from '../../../engine/commission/components/advertising'
import type { RunContext } from '../context'
import { stageEvaluations } from '../evaluations'
import type { ComponentStep } from './steps'

type Program = { id: number; name: string; kind: 'national' | 'territory'; territory_id: number | null; percent: string }

/**
 * Advertising deduction lines: for each participant with proposal commission in the run, one negative line per active
 * program covering it (national: everyone; territory: participants of that territory), a percentage of that commission.
 */
export async function calculateAdvertising(ctx: RunContext, config: AdvertisingConfig): Promise<number> {
  const { client, period } = ctx
  const programs = (
    await client.query<Program>(
      `select id, name, kind::text as kind, territory_id, percent from advertising_programs where starts_on <= $2 and (ends_on is null or ends_on >= $1)`,
      [period.startsOn, period.endsOn],
    )
  ).rows
  if (programs.length === 0) return 0
  const bases = (
    await client.query<{ payee_id: number; base: string; territory_id: number | null }>(
      `select b.payee_id, b.base::text as base, p.territory_id
       from (select payee_id, sum(amount) as base from run_lines where component = 'proposal_commission' group by payee_id having sum(amount) > 0) b
       join participants p on p.id = b.payee_id`,
    )
  ).rows
  const earners: { payee: number; program: Program; base: string }[] = []
  for (const row of bases) {
    for (const program of programs)
      if (program.kind === 'national' || program.territory_id === row.territory_id)
        earners.push({ payee: row.payee_id, program, base: row.base })
  }
  const combos = new Map<string, { program: Program; base: string; n: number }>()
  for (const e of earners) {
    const key = `${e.program.id}|${e.base}`
    const combo = combos.get(key) ?? { program: e.program, base: e.base, n: 0 }
    combo.n += 1
    combos.set(key, combo)
  }
  const evaluated = [...combos.values()].map((combo) => {
    const input = { base: combo.base, percent: combo.program.percent, program: combo.program.name }
    return {
      keys: [combo.program.id, combo.base],
      input: { ...input, programId: combo.program.id },
      evaluation: COMPONENTS.advertising.calculate(config, input, ctx.version),
      rows: combo.n,
    }
  })
  await stageEvaluations(
    ctx,
    'advertising',
    'ev_advertising',
    [
      { name: 'program_id', type: 'int' },
      { name: 'base', type: 'text' },
    ],
    evaluated,
  )
  const inserted = await client.query(
    `insert into run_lines (run_id, period_id, payee_id, component, amount, currency, held, description, plan_version_id, evaluation_id)
     select $1, $2, t.payee, 'advertising', e.amount, $3, false, t.name || ' (' || t.percent || ' %)', $4, e.eval_id
       from unnest($5::int[], $6::int[], $7::text[], $8::text[], $9::text[]) as t(payee, program, base, name, percent)
       join ev_advertising e on e.program_id = t.program and e.base = t.base
      where e.amount <> 0`,
    [
      ctx.runId,
      period.id,
      ctx.currency,
      ctx.version.id,
      earners.map((e) => e.payee),
      earners.map((e) => e.program.id),
      earners.map((e) => e.base),
      earners.map((e) => e.program.name),
      earners.map((e) => e.program.percent),
    ],
  )
  return inserted.rowCount ?? 0
}

export const advertisingStep: ComponentStep<AdvertisingConfig> = {
  phase: 'adjust',
  counted: 'advertising deductions',
  telecom: false,
  fromBlock: () => ({ kind: 'advertising' }),
  run: calculateAdvertising,
}
