/**
 * The network plan's component steps (unilevel, differential, network bonus, advance). They read the member figures
 * the network pipeline wrote for the run's period (`member_cycles`: commissionable volume, paid rank, whether the
 * member qualifies), let `engine/multilevel` decide who earns which share of whose volume, price each distinct
 * (volume, share) once with decimal.js, and write the lines set-based, each naming the member below it comes from.
 */
import { COMPONENTS } from '../../../engine/commission/components/registry'
import type { DifferentialComponentConfig } from '../../../engine/commission/components/differential'
import type { UnilevelConfig } from '../../../engine/commission/components/unilevel'
import { differential, differentialRateTable, indexOfIds, unilevel, type Earnings, type Network } from '../../../engine/multilevel'
import { centsText, loadNetwork } from '../../multilevel'
import type { RunContext } from '../context'
import { stageEvaluations, type Evaluated } from '../evaluations'
import { rows, text, textOrNull } from './blockValues'
import type { ComponentStep } from './steps'

export type MemberFigures = {
  network: Network
  base: Float64Array
  qualifies: Uint8Array
  rank: Int32Array
  ranks: { id: number; code: string; order: number }[]
}

/** The run period's member figures by network index, or null (with the run's problem) when the pipeline has not made them. */
export async function memberFigures(ctx: RunContext): Promise<MemberFigures | null> {
  const { client, period } = ctx
  const network = await loadNetwork(client)
  const found = await client.query<[number, string, boolean | null, number | null]>({
    text: `select m.participant_id, round(coalesce(m.personal_commissionable, 0) * 100)::text, m.qualifies, r."order"::int
             from member_cycles m left join ranks r on r.id = m.paid_rank_id where m.cycle_id = $1`,
    values: [period.id],
    rowMode: 'array',
  })
  if (found.rows.length === 0) {
    ctx.problems.push(`${period.label} has no member figures: run the network pipeline's "Calculate indicators" for it first`)
    return null
  }
  if (found.rows.some((row) => row[2] === null)) {
    ctx.problems.push(`${period.label}: run the network pipeline's "Compress network" first (who qualifies this cycle is not decided)`)
    return null
  }
  // Volumes of one currency add up; a network whose cycle has orders in several cannot be paid by one plan yet.
  const currencies = (
    await client.query<{ currency: string }>(
      `select distinct currency from network_orders where booked_on between $1::date and $2::date order by 1`,
      [period.startsOn, period.endsOn],
    )
  ).rows.map((r) => r.currency)
  if (currencies.length > 1) {
    ctx.problems.push(
      `${period.label} has orders in ${currencies.join(', ')}: their volumes cannot be added into one commissionable volume paid in ${ctx.currency}; per-country currencies are not supported yet`,
    )
    return null
  }
  const n = network.size
  const base = new Float64Array(n)
  const qualifies = new Uint8Array(n)
  const rank = new Int32Array(n)
  const indexOf = indexOfIds(network)
  for (const [id, cents, q, order] of found.rows) {
    const i = indexOf(id)
    if (i < 0) continue
    base[i] = Number(cents)
    qualifies[i] = q ? 1 : 0
    rank[i] = order ?? 0
  }
  const ranks = (
    await client.query<{ id: number; code: string; order: number }>(`select id, code, "order"::int as "order" from ranks order by "order"`)
  ).rows
  return { network, base, qualifies, rank, ranks }
}

const CHUNK = 200_000

/**
 * Writes the lines of `earnings`: each row's combination key (`keyOf`) joins the staged evaluations `table` on its
 * `key` column; the description names the share and the member below.
 */
async function insertEarnings(
  ctx: RunContext,
  component: string,
  earnings: Earnings,
  network: Network,
  keyOf: (row: number) => string,
  table: string,
  describe: string,
): Promise<number> {
  let inserted = 0
  for (let from = 0; from < earnings.count; from += CHUNK) {
    const to = Math.min(earnings.count, from + CHUNK)
    const payees: number[] = []
    const froms: number[] = []
    const keys: string[] = []
    for (let r = from; r < to; r++) {
      payees.push(network.ids[earnings.payee[r]!]!)
      froms.push(network.ids[earnings.from[r]!]!)
      keys.push(keyOf(r))
    }
    const result = await ctx.client.query(
      `insert into run_lines (run_id, period_id, payee_id, component, amount, currency, held, description, from_participant_id, plan_version_id, evaluation_id)
       select $1, $2, t.payee, $4, e.amount, $3, false, ${describe}, t.from_id, $5, e.eval_id
         from unnest($6::int[], $7::int[], $8::text[]) as t(payee, from_id, key)
         join ${table} e on e.key = t.key
         join participants p on p.id = t.from_id
        where e.amount <> 0`,
      [ctx.runId, ctx.period.id, ctx.currency, component, ctx.version.id, payees, froms, keys],
    )
    inserted += result.rowCount ?? 0
  }
  return inserted
}

/** Unilevel lines: every upline level of each member with commissionable volume earns the level's percent of it. */
export async function calculateUnilevel(ctx: RunContext, config: UnilevelConfig): Promise<number> {
  const figures = await memberFigures(ctx)
  if (!figures) return 0
  const earnings = unilevel(figures.network, figures.base, figures.qualifies, config.levels.length, config.compress)
  const keyOf = (r: number) => `${figures.base[earnings.from[r]!]!}|${earnings.level[r]!}`
  const combos = new Map<string, { cents: number; level: number; rows: number }>()
  for (let r = 0; r < earnings.count; r++) {
    const key = keyOf(r)
    const combo = combos.get(key)
    if (combo) combo.rows++
    else combos.set(key, { cents: figures.base[earnings.from[r]!]!, level: earnings.level[r]!, rows: 1 })
  }
  const evaluated: Evaluated<{ base: string; level: number }>[] = [...combos].map(([key, combo]) => {
    const input = { base: centsText(combo.cents), level: combo.level }
    return { keys: [key], input, evaluation: COMPONENTS.unilevel.calculate(config, input, ctx.version), rows: combo.rows }
  })
  await stageEvaluations(ctx, 'unilevel', 'ev_unilevel', [{ name: 'key', type: 'text' }], evaluated)
  return insertEarnings(
    ctx,
    'unilevel',
    earnings,
    figures.network,
    keyOf,
    'ev_unilevel',
    `'level ' || split_part(t.key, '|', 2) || ' on ' || coalesce(p.code, p.name)`,
  )
}

/** The engine's rates by rank order (0 = no rank) from the component's rates by rank code; unknown codes are problems. */
function ratesByOrder(ctx: RunContext, config: DifferentialComponentConfig, ranks: MemberFigures['ranks']) {
  const byCode = new Map(ranks.map((r) => [r.code, r.order]))
  const maxOrder = ranks.reduce((max, r) => Math.max(max, r.order), 0)
  const given = new Map<number, string>()
  for (const rate of config.rates) {
    const order = byCode.get(rate.rank)
    if (order === undefined)
      ctx.problems.push(`the differential names rank "${rate.rank}", which is not a rank (ranks: ${ranks.map((r) => r.code).join(', ')})`)
    else given.set(order, rate.percent)
  }
  const rates: string[] = ['0']
  for (let order = 1; order <= maxOrder; order++) rates.push(given.get(order) ?? rates[order - 1]!)
  let breakaway: { rank: number; percent: string } | null = null
  if (config.breakawayRank) {
    const order = byCode.get(config.breakawayRank)
    if (order === undefined) ctx.problems.push(`the breakaway rank "${config.breakawayRank}" is not a rank`)
    else breakaway = { rank: order, percent: config.breakawayPercent ?? '0' }
  }
  return { rates, breakaway }
}

/** Differential lines: own rate on own volume, the difference over what was paid below, and the breakaway generation. */
export async function calculateDifferential(ctx: RunContext, config: DifferentialComponentConfig): Promise<number> {
  const figures = await memberFigures(ctx)
  if (!figures) return 0
  const engineConfig = ratesByOrder(ctx, config, figures.ranks)
  if (ctx.problems.length > 0) return 0
  let table
  try {
    table = differentialRateTable(engineConfig)
  } catch (err) {
    ctx.problems.push((err as Error).message)
    return 0
  }
  const earnings = differential(figures.network, figures.base, figures.rank, figures.qualifies, engineConfig)
  const share = (r: number) => (earnings.level[r] === 0 ? 'personal' : earnings.rate[r] === table.breakaway ? 'breakaway' : 'differential')
  const keyOf = (r: number) => `${figures.base[earnings.from[r]!]!}|${earnings.rate[r]!}|${share(r)}`
  const combos = new Map<string, { cents: number; rate: number; share: 'personal' | 'differential' | 'breakaway'; rows: number }>()
  for (let r = 0; r < earnings.count; r++) {
    const key = keyOf(r)
    const combo = combos.get(key)
    if (combo) combo.rows++
    else combos.set(key, { cents: figures.base[earnings.from[r]!]!, rate: earnings.rate[r]!, share: share(r), rows: 1 })
  }
  const evaluated = [...combos].map(([key, combo]) => {
    const input = { base: centsText(combo.cents), percent: table.table[combo.rate]!, share: combo.share }
    return { keys: [key], input, evaluation: COMPONENTS.differential.calculate(config, input, ctx.version), rows: combo.rows }
  })
  await stageEvaluations(ctx, 'differential', 'ev_differential', [{ name: 'key', type: 'text' }], evaluated)
  return insertEarnings(
    ctx,
    'differential',
    earnings,
    figures.network,
    keyOf,
    'ev_differential',
    `case split_part(t.key, '|', 3) when 'personal' then 'own volume' when 'breakaway' then 'breakaway over ' || coalesce(p.code, p.name) else 'differential on ' || coalesce(p.code, p.name) end`,
  )
}

export const unilevelStep: ComponentStep<UnilevelConfig> = {
  phase: 'calculate',
  counted: 'unilevel',
  telecom: false,
  fromBlock: (block) => ({
    kind: 'unilevel',
    compress: block.compress !== false,
    levels: rows(block.levels).map((level) => ({ level: Number(level.level ?? 0), percent: text(level.percent) })),
  }),
  run: calculateUnilevel,
}

export const differentialStep: ComponentStep<DifferentialComponentConfig> = {
  phase: 'calculate',
  counted: 'differential',
  telecom: false,
  fromBlock: (block) => ({
    kind: 'differential',
    rates: rows(block.rates).map((rate) => ({ rank: text(rate.rank), percent: text(rate.percent) })),
    breakawayRank: textOrNull(block.breakawayRank),
    breakawayPercent: textOrNull(block.breakawayPercent),
  }),
  run: calculateDifferential,
}
