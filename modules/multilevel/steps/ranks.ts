import { decideRanks, honoraryRank, kpiCodesNamed, kpiReferenceProblems, RANK_SOURCES, type CareerPolicy } from '../../../engine/multilevel'
import { compileRule, NOTHING, RuleContentError } from '../../../engine/rules'
import { approvedRuleVersion, ruleKey, stageRuleResults } from '../../rules'
import { kpiSwitches } from '../networkRules'
import { previousCycleId } from '../networkData'
import type { StepContext, StepRunner } from '../pipeline'

type Rank = { id: number; code: string; order: number }
type Plan = { name: string; rankRules: number | null; graceCycles: number; honorary: CareerPolicy['honorary'] }

async function careerPlan(ctx: StepContext): Promise<Plan> {
  if (ctx.careerPlanId === null) throw new Error('the pipeline type names no career plan: choose one on the pipeline type')
  const plan = (
    await ctx.client.query<Plan>(
      `select name, rank_rules_id as "rankRules", coalesce(grace_cycles, 0)::int as "graceCycles", honorary::text as honorary from career_plans where id = $1`,
      [ctx.careerPlanId],
    )
  ).rows[0]
  if (!plan) throw new Error(`career plan #${ctx.careerPlanId} does not exist`)
  return plan
}

async function ranks(ctx: StepContext): Promise<Rank[]> {
  return (await ctx.client.query<Rank>(`select id, code, "order"::int as "order" from ranks order by "order"`)).rows
}

const TENURE = `(extract(year from age($2::date, (p.joined_on at time zone 'UTC')::date)) * 12 + extract(month from age($2::date, (p.joined_on at time zone 'UTC')::date)))::numeric`

/**
 * Calculate rank: the career plan's rank rules (the approved version in force on the cycle's first day) are evaluated
 * once per distinct combination of the KPIs they read, the member's paid rank so far and its tenure; then grace
 * periods and manual promotions (engine/multilevel/ranks.ts) give the rank each member is paid this cycle.
 */
export const calculateRank: StepRunner = {
  async run(ctx) {
    const { client, cycle } = ctx
    const plan = await careerPlan(ctx)
    if (plan.rankRules === null) throw new Error(`career plan "${plan.name}" names no rank rules`)
    const source = await approvedRuleVersion(client, plan.rankRules, cycle.startsOn)
    if (!source) throw new Error(`the rank rules of "${plan.name}" have no approved version in force on ${cycle.startsOn}`)
    const switches = await kpiSwitches(client)
    const disabled = kpiReferenceProblems(source.content, switches)
    if (disabled.length > 0) throw new Error(`${source.ruleSet} v${source.version}: ${disabled.map((p) => p.message).join('; ')}`)
    let rule
    try {
      rule = compileRule(source)
    } catch (err) {
      if (err instanceof RuleContentError) throw new Error(`${source.ruleSet} v${source.version} cannot be used: ${err.message}`)
      throw err
    }
    const all = await ranks(ctx)
    const byCode = new Map(all.map((r) => [r.code, r]))
    const byOrder = new Map(all.map((r) => [r.order, r]))
    const previous = await previousCycleId(client, cycle)
    const members = await client.query<{ n: number }>(`select count(*)::int as n from member_cycles where cycle_id = $1`, [cycle.id])
    if (members.rows[0]!.n === 0) throw new Error('no member figures for this cycle: run "Calculate indicators" first')
    await client.query(
      `create temp table rank_facts on commit drop as
       select f.*, ${ruleKey(rule, 'f')} as rule_key from (
         select m.participant_id, (select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb) from jsonb_each(m.kpis) e where e.key = any($4::text[])) as kpi,
                pr.code::text as rank, ${TENURE} as "tenureMonths"
           from member_cycles m join participants p on p.id = m.participant_id
           left join member_cycles pm on pm.cycle_id = $3 and pm.participant_id = m.participant_id
           left join ranks pr on pr.id = pm.paid_rank_id
          where m.cycle_id = $1) f`,
      [
        cycle.id,
        cycle.endsOn,
        previous,
        kpiCodesNamed(
          source.content,
          switches.filter((s) => s.enabled).map((s) => s.code),
        ),
      ],
    )
    const combos = await stageRuleResults(client, rule, 'rank_facts', 'rank_combos')
    const comboRank = new Map<number, number>()
    const failures: string[] = []
    for (const combo of combos) {
      if ('error' in combo.outcome) {
        // No row applies: the member qualifies for no rank. Any other failure is the rule's owner's to fix.
        if (combo.outcome.error === NOTHING) comboRank.set(combo.combo, 0)
        else failures.push(`${combo.rows} members, e.g. inputs ${JSON.stringify(combo.inputs)}: ${combo.outcome.error}`)
        continue
      }
      const code = String(combo.outcome.result.results[0]?.rankCode ?? '').trim()
      if (code === '') comboRank.set(combo.combo, 0)
      else if (!byCode.has(code))
        failures.push(`the rule returned rank "${code}", which is not a rank (ranks: ${all.map((r) => r.code).join(', ')})`)
      else comboRank.set(combo.combo, byCode.get(code)!.order)
    }
    if (failures.length > 0)
      throw new Error(`${source.ruleSet} v${source.version} could not rank every member: ${failures.slice(0, 5).join('; ')}`)
    const combosIds = [...comboRank.keys()]
    await client.query(
      `create temp table rank_combo_orders on commit drop as select * from unnest($1::int[], $2::int[]) as t(combo, qualified)`,
      [combosIds, combosIds.map((c) => comboRank.get(c)!)],
    )
    const rows = await client.query<[number, number, number | null, number | null, number | null, number | null]>({
      text: `select f.participant_id, o.qualified, pr."order", ph."order", pm.grace_left::int, mr."order"
               from rank_facts f join rank_combos c on c.rule_key = f.rule_key join rank_combo_orders o on o.combo = c.combo
               left join member_cycles pm on pm.cycle_id = $2 and pm.participant_id = f.participant_id
               left join ranks pr on pr.id = pm.paid_rank_id left join ranks ph on ph.id = pm.honorary_rank_id
               left join rank_promotions rp on rp.cycle_id = $1 and rp.participant_id = f.participant_id left join ranks mr on mr.id = rp.rank_id
              order by f.participant_id`,
      values: [cycle.id, previous],
      rowMode: 'array',
    })
    const n = rows.rows.length
    const ids = new Int32Array(n)
    const qualified = new Int32Array(n)
    const prev = { paid: new Int32Array(n), honorary: new Int32Array(n), graceLeft: new Int32Array(n) }
    const manual = new Int32Array(n)
    rows.rows.forEach(([id, q, paid, honorary, grace, promoted], i) => {
      ids[i] = id
      qualified[i] = q
      const had = previous !== null && (paid !== null || grace !== null || honorary !== null)
      prev.paid[i] = paid ?? 0
      prev.honorary[i] = honorary ?? 0
      prev.graceLeft[i] = had ? (grace ?? 0) : -1
      manual[i] = promoted ?? -1
    })
    const yearEnd = cycle.endsOn.slice(5, 7) === '12'
    const decided = decideRanks(
      qualified,
      previous === null ? null : prev,
      { graceCycles: plan.graceCycles, honorary: plan.honorary },
      { manual, yearEnd },
    )
    const rankId = (order: number) => (order === 0 ? null : (byOrder.get(order)?.id ?? null))
    const CHUNK = 50_000
    for (let from = 0; from < n; from += CHUNK) {
      const to = Math.min(n, from + CHUNK)
      const range = Array.from({ length: to - from }, (_, k) => from + k)
      await client.query(
        `update member_cycles m set qualified_rank_id = t.qualified, paid_rank_id = t.paid, grace_left = t.grace, rank_source = t.source::enum_member_cycles_rank_source,
                rank_rule_version_id = $6, honorary_rank_id = null
           from unnest($2::int[], $3::int[], $4::int[], $5::int[], $7::text[]) as t(id, qualified, paid, grace, source)
          where m.cycle_id = $1 and m.participant_id = t.id`,
        [
          cycle.id,
          range.map((i) => ids[i]!),
          range.map((i) => rankId(qualified[i]!)),
          range.map((i) => rankId(decided.paid[i]!)),
          range.map((i) => decided.graceLeft[i]!),
          source.id,
          range.map((i) => RANK_SOURCES[decided.source[i]!]!),
        ],
      )
    }
    const tally = await client.query<{ code: string | null; n: number }>(
      `select r.code, count(*)::int as n from member_cycles m left join ranks r on r.id = m.paid_rank_id where m.cycle_id = $1 group by r.code, r."order" order by r."order" nulls first`,
      [cycle.id],
    )
    const sources = new Map<string, number>()
    for (let i = 0; i < n; i++) sources.set(RANK_SOURCES[decided.source[i]!]!, (sources.get(RANK_SOURCES[decided.source[i]!]!) ?? 0) + 1)
    return {
      detail:
        `${source.ruleSet} v${source.version} ranked ${n} members (${combos.length} distinct inputs): ` +
        tally.rows.map((r) => `${r.code ?? 'no rank'} ${r.n}`).join(', ') +
        ` — ${[...sources].map(([s, c]) => `${c} ${s}`).join(', ')}`,
      counts: { members: n, ruleVersion: source.id, ...Object.fromEntries(tally.rows.map((r) => [r.code ?? 'none', r.n])) },
    }
  },
}

/** Honorary rank: as the career plan defines it — the highest paid rank ever, or the paid rank held at year end. */
export const honoraryRankStep: StepRunner = {
  async run(ctx) {
    const { client, cycle } = ctx
    const plan = await careerPlan(ctx)
    const all = await ranks(ctx)
    const byOrder = new Map(all.map((r) => [r.order, r.id]))
    const previous = await previousCycleId(client, cycle)
    const rows = await client.query<[number, number | null, number | null, boolean]>({
      text: `select m.participant_id, pr."order", ph."order", pm.id is not null
               from member_cycles m left join ranks pr on pr.id = m.paid_rank_id
               left join member_cycles pm on pm.cycle_id = $2 and pm.participant_id = m.participant_id left join ranks ph on ph.id = pm.honorary_rank_id
              where m.cycle_id = $1`,
      values: [cycle.id, previous],
      rowMode: 'array',
    })
    if (rows.rows.length === 0) throw new Error('no member figures for this cycle: run "Calculate indicators" first')
    const yearEnd = cycle.endsOn.slice(5, 7) === '12'
    const policy = { graceCycles: plan.graceCycles, honorary: plan.honorary }
    const ids = rows.rows.map((r) => r[0])
    const honorary = rows.rows.map(([, paid, prevHonorary, hasPrevious]) =>
      honoraryRank(paid ?? 0, hasPrevious, prevHonorary ?? 0, policy, yearEnd),
    )
    const rankIds = honorary.map((order) => (order === 0 ? null : (byOrder.get(order) ?? null)))
    for (let from = 0; from < ids.length; from += 50_000)
      await client.query(
        `update member_cycles m set honorary_rank_id = t.rank from unnest($2::int[], $3::int[]) as t(id, rank) where m.cycle_id = $1 and m.participant_id = t.id`,
        [cycle.id, ids.slice(from, from + 50_000), rankIds.slice(from, from + 50_000)],
      )
    const above = honorary.filter((h, i) => h > (rows.rows[i]![1] ?? 0)).length
    return {
      detail: `${plan.honorary === 'highest_ever' ? 'highest paid rank ever' : yearEnd ? 'paid rank at year end' : 'last year-end rank kept'}: ${above} members hold an honorary rank above their paid rank`,
      counts: { members: ids.length, aboveRank: above },
    }
  },
}
