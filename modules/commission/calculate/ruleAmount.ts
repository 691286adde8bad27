import { COMPONENTS } from '../../../engine/commission/components/registry'
import { ruleFailureProblems, type RuleAmountConfig, type RuleVersionRef } from '../../../engine/commission/components/ruleAmount'
import { compileRule, RuleContentError, type CompiledRule } from '../../../engine/rules'
import { relationId } from '../../../hooks/core/relationId'
import { approvedRuleVersion, ruleKey, stageRuleResults } from '../../rules'
import type { RunContext } from '../context'
import { stageEvaluations, type Evaluated } from '../evaluations'
import type { ComponentStep } from './steps'

/** Whole months from the day the dealer joined to the sale date (age() counts calendar months, as people do). */
const TENURE = `(extract(year from age(cf.sale_date, (p.joined_on at time zone 'UTC')::date)) * 12
  + extract(month from age(cf.sale_date, (p.joined_on at time zone 'UTC')::date)))::int::numeric`

/** Upgrades and downgrades: the plan of the latest earlier sale of the same number with the same carrier. */
const PREVIOUS_PLAN = `case when cf.activation_type in ('upgrade', 'downgrade') then (
  select prp.code::text from dealer_sales s join rate_plans prp on prp.id = s.rate_plan_id
   where s.mdn = cf.mdn and s.carrier_id = cf.carrier_id and (s.sale_date, s.id) < (cf.sale_date, cf.sale_id)
   order by s.sale_date desc, s.id desc limit 1) end`

const FEATURES = `case when cf.features = '' then '{}'::text[] else string_to_array(cf.features, ',') end`

/** Each purpose input from the run's verified facts (`cf`), its SQL type, and the tables it needs joined. */
const INPUT_SQL: Record<string, { sql: string; type: string; join?: 'catalog' | 'dealer' }> = {
  carrier: { sql: 'c.code::text', type: 'text', join: 'catalog' },
  ratePlan: { sql: 'rp.code::text', type: 'text', join: 'catalog' },
  activationType: { sql: 'cf.activation_type::text', type: 'text' },
  previousRatePlan: { sql: PREVIOUS_PLAN, type: 'text' },
  features: { sql: FEATURES, type: 'text[]' },
  featureCount: { sql: `cardinality(${FEATURES})::numeric`, type: 'numeric' },
  dealer: { sql: 'p.code::text', type: 'text', join: 'dealer' },
  dealerTier: { sql: `nullif(cf.tier, '')`, type: 'text' },
  dealerRegion: { sql: 't.code::text', type: 'text', join: 'dealer' },
  dealerTenureMonths: { sql: TENURE, type: 'numeric', join: 'dealer' },
  saleDate: { sql: 'cf.sale_date::date', type: 'date' },
  periodActivations: { sql: '(count(*) over (partition by cf.dealer_id))::numeric', type: 'numeric' },
}

/**
 * The facts a `commission_amount` rule is given, one row per verified sale of the run (`cf`), one column per purpose
 * input named exactly like the field, and their key. Inputs the version does not read are left null, so their lookups
 * (and joins) cost nothing.
 */
function factsSql(rule: CompiledRule): string {
  const unknown = rule.inputs.filter((field) => !Object.hasOwn(INPUT_SQL, field))
  if (unknown.length) throw new Error(`the commission run does not provide the rule input(s) ${unknown.join(', ')}`)
  const reads = new Set(rule.inputs)
  const joins = new Set(rule.inputs.map((field) => INPUT_SQL[field]?.join))
  const columns = Object.entries(INPUT_SQL).map(([field, input]) => `${reads.has(field) ? input.sql : `null::${input.type}`} as "${field}"`)
  return `create temp table cf_rule on commit drop as
    select f.*, ${ruleKey(rule, 'f')} as rule_key
      from (select cf.sale_id, cf.carrier_record_id, cf.dealer_id, ${columns.join(', ')}
              from cf
              ${joins.has('catalog') ? 'join carriers c on c.id = cf.carrier_id join rate_plans rp on rp.id = cf.rate_plan_id' : ''}
              ${joins.has('dealer') ? 'join participants p on p.id = cf.dealer_id left join territories t on t.id = p.territory_id' : ''}) f`
}

/** The rule set's name for messages (the version is not known when there is none in force). */
async function ruleSetName(ctx: RunContext, id: number): Promise<string> {
  const found = await ctx.client.query<{ name: string }>(`select name from rule_sets where id = $1`, [id])
  return found.rows[0]?.name ?? `#${id}`
}

/**
 * Rule-based amount lines: every verified sale of the period is given to the rule set's approved version in force on
 * the period's first day, evaluated once per distinct combination of the inputs that version reads; each result is
 * one line with the result's label. A combination the rule cannot price refuses the run (counted, with an example).
 */
export async function calculateRuleAmount(ctx: RunContext, config: RuleAmountConfig): Promise<number> {
  const { client, period } = ctx
  if (config.ruleSetId === null) {
    ctx.problems.push('the rule-based amount names no rule set: choose one in the plan version')
    return 0
  }
  const source = await approvedRuleVersion(client, config.ruleSetId, period.startsOn)
  if (!source) {
    ctx.problems.push(
      `rule set "${await ruleSetName(ctx, config.ruleSetId)}" has no approved version in force on ${period.startsOn}: approve one effective on or before that day`,
    )
    return 0
  }
  let rule: CompiledRule
  try {
    rule = compileRule(source)
  } catch (err) {
    if (!(err instanceof RuleContentError)) throw err
    ctx.problems.push(`rule set "${source.ruleSet}" v${source.version} cannot be used: ${err.message}`)
    return 0
  }
  await client.query(factsSql(rule))
  const combos = await stageRuleResults(client, rule, 'cf_rule', 'cf_rule_combos')
  const ref: RuleVersionRef = { id: source.id, ruleSet: source.ruleSet, version: source.version }
  const failures: { inputs: Record<string, unknown>; error: string; rows: number }[] = []
  const evaluated: Evaluated<Record<string, unknown>>[] = []
  for (const combo of combos) {
    if ('error' in combo.outcome) failures.push({ inputs: combo.inputs, error: combo.outcome.error, rows: combo.rows })
    evaluated.push({
      keys: [combo.combo],
      input: combo.inputs,
      evaluation: COMPONENTS.rule_amount.calculate(config, { rule: ref, outcome: combo.outcome }, ctx.version),
      rows: combo.rows,
      ruleVersionId: source.id,
    })
  }
  ctx.problems.push(...ruleFailureProblems(ref, failures))
  await stageEvaluations(ctx, 'rule_amount', 'ev_rule', [{ name: 'combo', type: 'int' }], evaluated)
  if (!evaluated.some((item) => item.evaluation.lines?.length)) return 0
  // Each combination's lines by its key (a few thousand rows), then one hash join of the facts on the key.
  await client.query(
    `create temp table cf_rule_lines on commit drop as
     select r.rule_key, l.eval_id, l.description, l.amount
       from cf_rule_combos r join ev_rule e on e.combo = r.combo join ev_rule_lines l on l.eval_id = e.eval_id`,
  )
  await client.query('analyze cf_rule_lines')
  const inserted = await client.query(
    `insert into run_lines (run_id, period_id, payee_id, component, amount, currency, held, description, sale_id, carrier_record_id, plan_version_id, evaluation_id)
     select $1, $2, f.dealer_id, 'rule_amount', l.amount, $3, false, l.description, f.sale_id, f.carrier_record_id, $4, l.eval_id
       from cf_rule f join cf_rule_lines l using (rule_key)`,
    [ctx.runId, period.id, ctx.currency, ctx.version.id],
  )
  return inserted.rowCount ?? 0
}

export const ruleAmountStep: ComponentStep<RuleAmountConfig> = {
  phase: 'calculate',
  counted: 'rule-based',
  telecom: true,
  fromBlock: (block) => ({ kind: 'rule_amount', ruleSetId: relationId(block.ruleSet) }),
  run: calculateRuleAmount,
}
