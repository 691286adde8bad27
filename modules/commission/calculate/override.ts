import { idsOnPath } from '../../../engine/network'
import { COMPONENT_KINDS, COMPONENTS } from '../../../engine/commission/components/registry'
import { overrideChain } from '../../../engine/commission/components/override'
import type { OverrideConfig } from '../../../engine/commission/components/override'
import { pgIntArray } from '../../../db/pgArray'
import type { RunContext } from '../context'
import { stageEvaluations } from '../evaluations'
import { text, rows } from './blockValues'
import type { ComponentStep } from './steps'

/** The components whose amounts are a participant's own commission (the base of overrides). */
const OWN_COMPONENTS = COMPONENT_KINDS.filter((kind) => COMPONENTS[kind].ownCommission)

/**
 * Override lines: for each participant with own commission in the run, each ancestor level of the plan (compressed
 * over inactive ancestors, never the root) earns its percentage of it, as a line naming the participant below.
 */
export async function calculateOverride(ctx: RunContext, config: OverrideConfig): Promise<number> {
  const { client } = ctx
  const bases = await client.query<{ payee_id: number; base: string; path: string }>(
    `select b.payee_id, b.base::text as base, p.path
       from (select payee_id, sum(amount) as base from run_lines where component = any($1::text[]) group by payee_id having sum(amount) <> 0) b
       join participants p on p.id = b.payee_id`,
    [OWN_COMPONENTS],
  )
  const ancestorIds = new Set<number>()
  for (const row of bases.rows) for (const id of idsOnPath(row.path).slice(1, -1)) ancestorIds.add(id)
  const statuses = await client.query<{ id: number; status: string }>(
    `select id, status::text as status from participants where id = any($1::int[])`,
    [pgIntArray([...ancestorIds])],
  )
  const active = new Map(statuses.rows.map((row) => [row.id, row.status === 'active']))
  const earners: { payee: number; from: number; level: number; base: string }[] = []
  for (const row of bases.rows) {
    const ancestors = idsOnPath(row.path)
      .slice(1, -1)
      .reverse()
      .map((id) => ({ id, active: active.get(id) ?? false }))
    for (const link of overrideChain(ancestors, config.levels.length, config.compress))
      earners.push({ payee: link.participantId, from: row.payee_id, level: link.level, base: row.base })
  }
  const combos = new Map<string, { base: string; level: number; n: number }>()
  for (const earner of earners) {
    const key = `${earner.base}|${earner.level}`
    const combo = combos.get(key) ?? { base: earner.base, level: earner.level, n: 0 }
    combo.n += 1
    combos.set(key, combo)
  }
  const evaluated = [...combos.values()].map((combo) => {
    const input = { base: combo.base, level: combo.level }
    return { keys: [combo.base, combo.level], input, evaluation: COMPONENTS.override.calculate(config, input, ctx.version), rows: combo.n }
  })
  await stageEvaluations(
    ctx,
    'override',
    'ev_override',
    [
      { name: 'base', type: 'text' },
      { name: 'level', type: 'int' },
    ],
    evaluated,
  )
  const inserted = await client.query(
    `insert into run_lines (run_id, period_id, payee_id, component, amount, currency, held, description, from_participant_id, plan_version_id, evaluation_id)
     select $1, $2, t.payee, 'override', e.amount, $3, false, 'level ' || t.level || ' over ' || coalesce(p.code, p.name), t.from_id, $4, e.eval_id
       from unnest($5::int[], $6::int[], $7::int[], $8::text[]) as t(payee, from_id, level, base)
       join ev_override e on e.base = t.base and e.level = t.level
       join participants p on p.id = t.from_id
      where e.amount <> 0`,
    [
      ctx.runId,
      ctx.period.id,
      ctx.currency,
      ctx.version.id,
      earners.map((e) => e.payee),
      earners.map((e) => e.from),
      earners.map((e) => e.level),
      earners.map((e) => e.base),
    ],
  )
  return inserted.rowCount ?? 0
}

export const overrideStep: ComponentStep<OverrideConfig> = {
  phase: 'adjust',
  counted: 'override lines',
  telecom: false,
  fromBlock: (block) => ({
    kind: 'override',
    compress: block.compress !== false,
    levels: rows(block.levels).map((level) => ({ level: Number(level.level ?? 0), percent: text(level.percent) })),
  }),
  run: calculateOverride,
}
