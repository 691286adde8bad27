import { COMPONENTS } from '../../../engine/commission/components/registry'
import { bonusOutcome, type NetworkBonusConfig } from '../../../engine/commission/components/networkBonus'
import { kpiCodesNamed, kpiReferenceProblems } from '../../../engine/multilevel'
import { compileRule, NOTHING, RuleContentError, type CompiledRule } from '../../../engine/rules'
import { relationId } from '../../../hooks/core/relationId'
import { kpiSwitches } from '../../multilevel'
import { approvedRuleVersion, ruleKey, stageRuleResults } from '../../rules'
import type { RunContext } from '../context'
import { stageEvaluations, type Evaluated } from '../evaluations'
import type { ComponentStep } from './steps'

const TENURE = `(extract(year from age($2::date, (p.joined_on at time zone 'UTC')::date)) * 12 + extract(month from age($2::date, (p.joined_on at time zone 'UTC')::date)))::numeric`

/**
 * Network bonus lines and awards: each member's KPIs (only those the rule names), paid rank and tenure go to the rule
 * set's approved version in force on the period's first day, once per distinct combination; money results become
 * lines (one per result, with its label and the rows that fired), points, prizes and badges become awards of the run.
 */
export async function calculateNetworkBonus(ctx: RunContext, config: NetworkBonusConfig): Promise<number> {
  const { client, period } = ctx
  if (config.ruleSetId === null) {
    ctx.problems.push('the network bonus names no rule set: choose one in the plan version')
    return 0
  }
  const source = await approvedRuleVersion(client, config.ruleSetId, period.startsOn)
  if (!source) {
    ctx.problems.push(`the network bonus rule set #${config.ruleSetId} has no approved version in force on ${period.startsOn}`)
    return 0
  }
  const switches = await kpiSwitches(client)
  const disabled = kpiReferenceProblems(source.content, switches)
  if (disabled.length > 0) {
    ctx.problems.push(`${source.ruleSet} v${source.version}: ${disabled.map((p) => p.message).join('; ')}`)
    return 0
  }
  let rule: CompiledRule
  try {
    rule = compileRule(source)
  } catch (err) {
    if (!(err instanceof RuleContentError)) throw err
    ctx.problems.push(`${source.ruleSet} v${source.version} cannot be used: ${err.message}`)
    return 0
  }
  const codes = kpiCodesNamed(
    source.content,
    switches.filter((s) => s.enabled).map((s) => s.code),
  )
  const members = await client.query(
    `create temp table bonus_facts on commit drop as
     select f.*, ${ruleKey(rule, 'f')} as rule_key from (
       select m.participant_id, (select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb) from jsonb_each(m.kpis) e where e.key = any($3::text[])) as kpi,
              r.code::text as rank, ${TENURE} as "tenureMonths"
         from member_cycles m join participants p on p.id = m.participant_id left join ranks r on r.id = m.paid_rank_id
        where m.cycle_id = $1) f`,
    [period.id, period.endsOn, codes],
  )
  if ((members.rowCount ?? 0) === 0) {
    ctx.problems.push(`${period.label} has no member figures: run the network pipeline's "Calculate indicators" for it first`)
    return 0
  }
  const combos = await stageRuleResults(client, rule, 'bonus_facts', 'bonus_combos')
  const evaluated: Evaluated<Record<string, unknown>>[] = []
  const awards: {
    combo: number
    kind: string
    label: string
    points: string | null
    prize: string | null
    badge: string | null
    fired: string
  }[] = []
  for (const combo of combos) {
    if ('error' in combo.outcome) {
      // A member no bonus row applies to earns nothing; any other failure refuses the run.
      if (combo.outcome.error !== NOTHING)
        ctx.problems.push(
          `${source.ruleSet} v${source.version} failed for ${combo.rows} members, e.g. ${JSON.stringify(combo.inputs)}: ${combo.outcome.error}`,
        )
      continue
    }
    const result = combo.outcome.result
    const fired = result.results.map((_, index) => (result.fired.length === result.results.length ? [result.fired[index]!] : result.fired))
    const kpi = Object.fromEntries(Object.entries((combo.inputs.kpi as Record<string, unknown>) ?? {}).map(([k, v]) => [k, String(v)]))
    const input = { results: result.results as Record<string, unknown>[], fired, kpi, currency: ctx.currency }
    const outcome = bonusOutcome(input)
    for (const award of outcome.awards) awards.push({ combo: combo.combo, ...award, fired: JSON.stringify(award.fired) })
    if (outcome.lines.length === 0 && outcome.problems.length === 0) continue
    evaluated.push({
      keys: [combo.combo],
      input: combo.inputs,
      evaluation: COMPONENTS.network_bonus.calculate(config, input, ctx.version),
      rows: combo.rows,
      ruleVersionId: source.id,
    })
  }
  // An advance cycle pays money in advance only: points, prizes and badges are granted once, by the commercial cycle.
  if (!ctx.preview && period.cycle !== 'advance') {
    await client.query(`delete from network_awards where run_id = $1`, [ctx.runId])
    if (awards.length > 0)
      await client.query(
        `insert into network_awards (cycle_id, run_id, participant_id, kind, points, prize, badge, label, rule_version_id, fired)
         select $1, $2, f.participant_id, a.kind::enum_network_awards_kind, a.points::numeric, a.prize, a.badge, a.label, $3, a.fired::jsonb
           from unnest($4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) as a(combo, kind, label, points, prize, badge, fired)
           join bonus_combos c on c.combo = a.combo join bonus_facts f on f.rule_key = c.rule_key`,
        [
          period.id,
          ctx.runId,
          source.id,
          awards.map((a) => a.combo),
          awards.map((a) => a.kind),
          awards.map((a) => a.label),
          awards.map((a) => a.points),
          awards.map((a) => a.prize),
          awards.map((a) => a.badge),
          awards.map((a) => a.fired),
        ],
      )
  }
  await stageEvaluations(ctx, 'network_bonus', 'ev_bonus', [{ name: 'combo', type: 'int' }], evaluated)
  if (!evaluated.some((item) => item.evaluation.lines?.length)) return 0
  const inserted = await client.query(
    `insert into run_lines (run_id, period_id, payee_id, component, amount, currency, held, description, plan_version_id, evaluation_id)
     select $1, $2, f.participant_id, 'network_bonus', l.amount, $3, false, l.description, $4, l.eval_id
       from bonus_facts f join bonus_combos c on c.rule_key = f.rule_key join ev_bonus e on e.combo = c.combo join ev_bonus_lines l on l.eval_id = e.eval_id
      where l.amount <> 0`,
    [ctx.runId, period.id, ctx.currency, ctx.version.id],
  )
  return inserted.rowCount ?? 0
}

export const networkBonusStep: ComponentStep<NetworkBonusConfig> = {
  phase: 'calculate',
  counted: 'network bonus',
  telecom: false,
  fromBlock: (block) => ({ kind: 'network_bonus', ruleSetId: relationId(block.ruleSet) }),
  run: calculateNetworkBonus,
}
