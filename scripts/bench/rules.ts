/**
 * `npm run bench -- rules [--evaluations N]`: a realistic dealer rate card (268 rows, 6 inputs, first hit) written as
 * a rule version and evaluated through the path a commission run uses (`stageRuleResults`: facts in a PostgreSQL temp
 * table, grouped on the inputs the version reads, each combination evaluated once by ZEN, staged and joined back to
 * every row), twice:
 *
 *   deduplicated  N facts (default 1,000,000) with 20,000 distinct combinations
 *   distinct      N facts that are all different (every one evaluated)
 *
 * The floor is the same rate card written as a plain TypeScript lookup over the same N inputs in memory. Checks: every
 * fact gets an amount, the amounts total what the TypeScript lookup totals (to the cent), and the combinations counted
 * are the ones planted. The JSON line carries the deduplicated figures, and the distinct ones under `distinct`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { startEmbeddedPostgres } from '../../db/embedded'
import { freePort } from '../../db/freePort'
import { D } from '../../engine/core/decimal'
import { compileRule, type CompiledRule } from '../../engine/rules'
import type { JdmContent } from '../../engine/rules/types'
import { ruleKey, stageRuleResults } from '../../modules/rules'
import { combineChecks, formatSeconds, progress, result, round, timed, type BenchResult } from './report'

const CARRIERS = ['ATT', 'TMO', 'VZW', 'USC']
const PLANS = 10
const TYPES = ['new', 'port_in', 'upgrade', 'downgrade', 'feature_add']
const PAID_TYPES = ['new', 'port_in', 'upgrade']
const TIERS = ['gold', 'silver', null]
const REGIONS = ['WEST', 'EAST', 'NORTH', 'SOUTH', 'CENTRAL']
const DISTINCT = 20_000

type Fact = {
  carrier: string
  ratePlan: string
  activationType: string
  dealerTier: string | null
  dealerRegion: string
  dealerTenureMonths: number
}

const planCode = (carrier: string, plan: number) => `${carrier}-P${plan}`

/** The rate card's amounts, as a business user would write them in the table (exact decimal text). */
const card = {
  base: (c: number, p: number) => new D(20).plus(new D(5).times(p)).plus(new D('2.5').times(c)),
  type: { new: new D(0), port_in: new D(15), upgrade: new D(-5) } as Record<string, InstanceType<typeof D>>,
  gold: new D('7.25'),
  promo: new D(30),
  fallback: (c: number) => new D('3.10').plus(c),
}

/** The rate card as a JDM decision table: promotions first, then the 240-row grid, then one fallback per carrier. */
export function rateCard(): JdmContent {
  const columns = ['ratePlan', 'carrier', 'activationType', 'dealerTier', 'dealerRegion', 'dealerTenureMonths']
  const inputs = columns.map((field, i) => ({ id: `i${i}`, name: field, field }))
  const outputs = [
    { id: 'o0', name: 'label', field: 'label' },
    { id: 'o1', name: 'amount', field: 'amount' },
  ]
  const rules: (Record<string, string> & { _id: string })[] = []
  const row = (cells: string[], label: string, amount: InstanceType<typeof D>) => {
    const rule: Record<string, string> & { _id: string } = { _id: `r${rules.length + 1}` }
    cells.forEach((cell, i) => (rule[`i${i}`] = cell))
    rule.o0 = JSON.stringify(label)
    rule.o1 = amount.toString()
    rules.push(rule)
  }
  CARRIERS.forEach((carrier, c) =>
    PAID_TYPES.slice(0, 2).forEach((type) =>
      [0, 1, 2].forEach((p) =>
        row(
          [`"${planCode(carrier, p)}"`, '', `"${type}"`, '', '"WEST"', '>= 24'],
          'West loyalty spiff',
          card.base(c, p).plus(card.type[type]!).plus(card.promo),
        ),
      ),
    ),
  )
  CARRIERS.forEach((carrier, c) => {
    for (let p = 0; p < PLANS; p++)
      for (const type of PAID_TYPES)
        for (const tier of ['gold', 'silver']) {
          const amount = card
            .base(c, p)
            .plus(card.type[type]!)
            .plus(tier === 'gold' ? card.gold : 0)
          row([`"${planCode(carrier, p)}"`, `"${carrier}"`, `"${type}"`, `"${tier}"`, '', ''], 'Rebate', amount)
        }
  })
  CARRIERS.forEach((carrier, c) => row(['', `"${carrier}"`, '', '', '', ''], 'Base', card.fallback(c)))
  return {
    nodes: [
      { id: 'input', name: 'Request', type: 'inputNode', position: { x: 0, y: 0 } },
      {
        id: 'card',
        name: 'Rate card',
        type: 'decisionTableNode',
        position: { x: 300, y: 0 },
        content: { hitPolicy: 'first', inputs, outputs, rules },
      },
      { id: 'output', name: 'Response', type: 'outputNode', position: { x: 600, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'input', targetId: 'card' },
      { id: 'e2', sourceId: 'card', targetId: 'output' },
    ],
  }
}

/** The same rate card as plain TypeScript: the floor, and the check's independent answer. */
export function rateCardLookup(fact: Fact): InstanceType<typeof D> {
  const c = CARRIERS.indexOf(fact.carrier)
  const p = Number(fact.ratePlan.split('-P')[1])
  const samePlanCarrier = fact.ratePlan.startsWith(`${fact.carrier}-`)
  if (
    samePlanCarrier &&
    p <= 2 &&
    (fact.activationType === 'new' || fact.activationType === 'port_in') &&
    fact.dealerRegion === 'WEST' &&
    fact.dealerTenureMonths >= 24
  )
    return card.base(c, p).plus(card.type[fact.activationType]!).plus(card.promo)
  if (samePlanCarrier && PAID_TYPES.includes(fact.activationType) && fact.dealerTier !== null)
    return card
      .base(c, p)
      .plus(card.type[fact.activationType]!)
      .plus(fact.dealerTier === 'gold' ? card.gold : 0)
  return card.fallback(c)
}

/** SQL for fact number `k` (mixed radix, so k < 4·10·5·3·5·n gives distinct facts), the same as `factOf`. */
const FACT_COLUMNS = `
  (array['ATT','TMO','VZW','USC'])[1 + k % 4] as "carrier",
  (array['ATT','TMO','VZW','USC'])[1 + k % 4] || '-P' || (k / 4 % 10) as "ratePlan",
  (array['new','port_in','upgrade','downgrade','feature_add'])[1 + k / 40 % 5] as "activationType",
  (array['gold','silver',null])[1 + k / 200 % 3] as "dealerTier",
  (array['WEST','EAST','NORTH','SOUTH','CENTRAL'])[1 + k / 600 % 5] as "dealerRegion",
  (k / 3000)::numeric as "dealerTenureMonths"`

function factOf(k: number): Fact {
  return {
    carrier: CARRIERS[k % 4]!,
    ratePlan: planCode(CARRIERS[k % 4]!, Math.floor(k / 4) % 10),
    activationType: TYPES[Math.floor(k / 40) % 5]!,
    dealerTier: TIERS[Math.floor(k / 200) % 3]!,
    dealerRegion: REGIONS[Math.floor(k / 600) % 5]!,
    dealerTenureMonths: Math.floor(k / 3000),
  }
}

type PathResult = { seconds: number; combos: number; failures: number; rows: number; total: string }

/** The run's path: stage (group, evaluate once per combination) and join every fact to its amount. */
async function runPath(client: pg.PoolClient, rule: CompiledRule, facts: string): Promise<PathResult> {
  const { value, seconds } = await timed(async () => {
    const timings: Partial<Record<string, number>> = {}
    const combos = await stageRuleResults(client, rule, facts, 'staged', timings)
    const joinStarted = performance.now()
    const failures = combos.filter((c) => 'error' in c.outcome).length
    const amounts = combos.map((c) => ('result' in c.outcome ? String(c.outcome.result.results[0]!.amount) : null))
    await client.query(`create temp table amounts on commit drop as select * from unnest($1::int[], $2::numeric[]) as t(combo, amount)`, [
      combos.map((c) => c.combo),
      amounts,
    ])
    const lines = await client.query<{ rows: number; total: string }>(
      `with lines as (select f.k, a.amount from ${facts} f join staged r using (rule_key) join amounts a using (combo))
       select count(*)::int as rows, coalesce(sum(amount), 0)::text as total from lines`,
    )
    const spent = Object.entries({ ...timings, 'join back': (performance.now() - joinStarted) / 1000 })
    progress(`  ${spent.map(([step, s]) => `${step} ${formatSeconds(s ?? 0)}`).join(', ')}`)
    return { combos: combos.length, failures, rows: lines.rows[0]!.rows, total: lines.rows[0]!.total }
  })
  return { ...value, seconds }
}

function floor(keys: (k: number) => number, n: number): { seconds: number; total: InstanceType<typeof D> } {
  const facts = Array.from({ length: n }, (_, i) => factOf(keys(i)))
  const start = performance.now()
  let total = new D(0)
  for (const fact of facts) total = total.plus(rateCardLookup(fact))
  return { seconds: (performance.now() - start) / 1000, total }
}

async function workload(client: pg.PoolClient, rule: CompiledRule, name: string, n: number, keySql: string, keys: (k: number) => number) {
  await client.query('begin')
  try {
    // Facts as a run writes them: the inputs, and their key (`ruleKey`), computed as the table is written.
    await client.query(
      `create temp table facts on commit drop as select f.*, ${ruleKey(rule, 'f')} as rule_key
         from (select k, ${FACT_COLUMNS} from (select ${keySql} as k from generate_series(0, $1 - 1) i) s) f`,
      [n],
    )
    await client.query('analyze facts')
    progress(`${name}: ${n} facts loaded`)
    const path = await runPath(client, rule, 'facts')
    progress(`${name}: ${path.combos} combinations evaluated, ${path.rows} rows joined in ${formatSeconds(path.seconds)}`)
    const lookup = floor(keys, n)
    progress(`${name}: TypeScript lookup ${formatSeconds(lookup.seconds)}`)
    return { path, lookup }
  } finally {
    await client.query('rollback')
  }
}

export async function benchRules(options: { rows: number }): Promise<BenchResult> {
  const n = options.rows
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-bench-rules-'))
  fs.chmodSync(dataDir, 0o755)
  const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'accrue_bench', log: () => {} })
  const pool = new pg.Pool({ connectionString: db.url, max: 1 })
  try {
    const client = await pool.connect()
    try {
      const rule = compileRule({ id: 1, ruleSet: 'Rate card', version: 1, purpose: 'commission_amount', content: rateCard() })
      progress(`rate card: ${(rateCard().nodes[1]!.content as { rules: unknown[] }).rules.length} rows, inputs ${rule.inputs.join(', ')}`)
      const distinctKeys = Math.min(DISTINCT, n)
      const dedupKey = (i: number) => (i * 7919) % distinctKeys
      const dedup = await workload(client, rule, 'deduplicated', n, `(i::bigint * 7919 % ${distinctKeys})::int`, dedupKey)
      const all = await workload(client, rule, 'distinct', n, 'i', (i) => i)
      const check = (name: string, run: Awaited<ReturnType<typeof workload>>, combos: number) =>
        combineChecks(
          run.path.failures === 0 ? 'ok' : `${name}: ${run.path.failures} combinations failed`,
          run.path.combos === combos ? 'ok' : `${name}: expected ${combos} combinations, got ${run.path.combos}`,
          run.path.rows === n ? 'ok' : `${name}: expected ${n} rows with an amount, got ${run.path.rows}`,
          new D(run.path.total).equals(run.lookup.total)
            ? 'ok'
            : `${name}: total ${run.path.total}, TypeScript lookup ${run.lookup.total.toString()}`,
        )
      const bench = result({
        workload: 'rules',
        rows: n,
        seconds: dedup.path.seconds,
        floorSeconds: dedup.lookup.seconds,
        checks: combineChecks(check('deduplicated', dedup, distinctKeys), check('distinct', all, n)),
      })
      return {
        ...bench,
        distinct: {
          rows: n,
          seconds: round(all.path.seconds),
          rowsPerSecond: Math.round(n / all.path.seconds),
          floorSeconds: round(all.lookup.seconds),
          ratio: round(all.path.seconds / all.lookup.seconds, 2),
        },
      }
    } finally {
      client.release()
    }
  } finally {
    await pool.end()
    await db.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
