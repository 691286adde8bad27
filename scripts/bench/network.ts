/**
 * The network benchmark: `members` consultants in one deterministic sponsor tree under the demo root (skewed fan-out:
 * most members recruit 0–3, a few early ones dozens or hundreds; depth around 20–25 on average), `orders` order lines
 * of one month spread over ~60 % of them (3 % of the lines are returns of earlier lines), written with set-based SQL.
 * The catalog of the network plan (ranks, KPI definitions, the rank rule set and its approved version, the career
 * plan, the compensation plan with a unilevel and a differential block, the cycle, the pipeline type and its run) is
 * created through the Local API. Then every pipeline step is claimed and executed on the real path
 * (`claimPipelineStep` + `executePipelineStep`, what the job does) and timed.
 *
 * The floor is one hand-written statement computing every member's group volume (own + all descendants' qualifying
 * volume of the period) by exploding each member's stored `path` into its ancestors. The checks recompute every KPI
 * and both bonus totals without the product's code: PV from a plain SQL group by, GV from the floor, L1VC, AM and AL
 * by walking each member's ancestors in TypeScript, the ranks from the rule's thresholds, and the unilevel and
 * differential lines by walking each member's upline with decimal.js amounts rounded half-even to the cent.
 */
import Decimal from 'decimal.js'
import type { Payload } from 'payload'
import type pg from 'pg'

import { tableGraph } from '../../engine/rules/tableGraph'
import { PIPELINE_STEPS, type PipelineStep } from '../../engine/multilevel/pipeline'
import { ignoreProgress } from '../../modules/core/progress'
import { claimPipelineStep, executePipelineStep } from '../../modules/multilevel/pipeline'
import { startBenchDatabase } from './database'
import { instrument, label, record } from './statements'
import { formatSeconds, peakRssMb, progress, round, timed, type NetworkBenchResult, type NetworkCheck } from './report'

export type NetworkOptions = { members: number; orders: number; settings: Record<string, string> }

/** The cycle: a 31-day month away from the demo calendar (2026). */
const CYCLE = { start: '2027-03-01', end: '2027-03-31', days: 31, label: 'Mar 2027' }
const SEED = 17
/** Share of the members who order in the month, and of the lines that are returns. */
const BUYERS = 0.6
const RETURNS = 0.03

/** Direct volumes: [code, name, price, qualifying volume, commissionable volume]. */
const PRODUCTS = [
  ['BN-CREAM', 'Bench cream', '24.90', '12.35', '9.90'],
  ['BN-SERUM', 'Bench serum', '49.00', '25.00', '20.15'],
  ['BN-KIT', 'Bench starter kit', '99.00', '49.99', '40.05'],
  ['BN-SOAP', 'Bench soap', '15.50', '8.75', '7.01'],
  ['BN-BOX', 'Bench gift box', '189.00', '99.95', '85.55'],
] as const

const RANKS = [
  { code: 'BRONZE', name: 'Bronze', order: 1 },
  { code: 'SILVER', name: 'Silver', order: 2 },
  { code: 'GOLD', name: 'Gold', order: 3 },
] as const
/** The rank rule, in cents: the first row that matches (highest rank first). */
const RANK_RULE = [
  { code: 'GOLD', pv: 10_000, gv: 500_000 },
  { code: 'SILVER', pv: 5_000, gv: 100_000 },
  { code: 'BRONZE', pv: 2_000, gv: 0 },
] as const
/** The career plan's activity minimum (PV, cents): below it a member is compressed out of the bonuses. */
const ACTIVITY_MINIMUM = 5_000
/** AM counts descendants with PV ≥ this (cents); AL counts legs holding a member with PV > 0. */
const AM_THRESHOLD = 5_000

const UNILEVEL = ['5', '3.5', '2.5', '1.25', '1'] as const
/** Differential percent by rank order (0 = no rank); breakaway at GOLD. */
const DIFFERENTIAL = { rates: ['0', '4', '8', '12.5'], breakawayRank: 3, breakawayPercent: '3' } as const

const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN })
const cents = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN)
const centsToText = (value: number | bigint) => new Money(value.toString()).div(100).toFixed(2)

// ----- The catalog, through the Local API --------------------------------------------------------------------------

type Setup = {
  cycleId: number
  typeId: number
  runId: number
  planId: number
  careerPlanId: number
  userId: number
  rootId: number
  rootPath: string
}

async function createSetup(payload: Payload, pool: pg.Pool): Promise<Setup> {
  // The demo data may hold ranks and KPI definitions of the same codes (the Glow demo network): the bench's are
  // made to read as stated here (updated through the Local API), or created.
  for (const rank of RANKS) {
    const found = await payload.find({ collection: 'ranks', where: { code: { equals: rank.code } }, limit: 1, depth: 0 })
    if (found.docs[0]) await payload.update({ collection: 'ranks', id: found.docs[0].id, data: { name: rank.name, order: rank.order } })
    else await payload.create({ collection: 'ranks', data: { ...rank } })
  }
  const kpis = [
    { code: 'PV', label: 'Personal qualifying volume', measure: 'personal_volume', basis: 'qualifying', scope: 'period' },
    { code: 'GV', label: 'Group qualifying volume', measure: 'group_volume', basis: 'qualifying', scope: 'period' },
    { code: 'L1VC', label: 'Level 1 commissionable volume', measure: 'level_volume', basis: 'commissionable', scope: 'period', level: 1 },
    {
      code: 'AM',
      label: 'Active members',
      measure: 'active_members',
      basis: 'qualifying',
      scope: 'period',
      minimumThreshold: centsToText(AM_THRESHOLD),
    },
    { code: 'AL', label: 'Active legs', measure: 'active_legs', basis: 'qualifying', scope: 'period' },
  ] as const
  for (const kpi of kpis) {
    const data = {
      minimumThreshold: null,
      level: null,
      generation: null,
      breakAtRank: null,
      excludeHeadVolume: false,
      ...kpi,
      enabled: true,
      visible: true,
    }
    const found = await payload.find({ collection: 'kpi-definitions', where: { code: { equals: kpi.code } }, limit: 1, depth: 0 })
    if (found.docs[0]) await payload.update({ collection: 'kpi-definitions', id: found.docs[0].id, data: data as never })
    else await payload.create({ collection: 'kpi-definitions', data: data as never })
  }
  const others = await pool.query<{ code: string; measure: string; scope: string }>(
    `select code, measure::text as measure, scope::text as scope from kpi_definitions where enabled and code <> all($1::text[]) order by code`,
    [kpis.map((k) => k.code)],
  )
  if (others.rows.length > 0)
    progress(
      `  also enabled (from the demo data, calculated by the KPI step too): ${others.rows.map((r) => `${r.code} (${r.measure}, ${r.scope})`).join(', ')}`,
    )

  const ruleSet = await payload.create({ collection: 'rule-sets', data: { name: 'Bench rank rules', purpose: 'rank_qualification' } })
  const content = tableGraph({
    name: 'Ranks',
    hitPolicy: 'first',
    inputs: ['kpi.PV', 'kpi.GV'],
    outputs: ['rankCode'],
    rows: [
      ...RANK_RULE.map((row) => [`>= ${row.pv / 100}`, row.gv > 0 ? `>= ${row.gv / 100}` : '', `"${row.code}"`]),
      // No catch-all row returning "": the rules layer refuses an empty output cell as "returned no rankCode" (see the
      // report); a member no row matches gets no result, which the rank step reads as no rank.
    ],
  })
  const draft = await payload.create({
    collection: 'rule-versions',
    data: {
      ruleSet: ruleSet.id,
      status: 'draft',
      effectiveFrom: '2026-01-01',
      content: content as unknown as Record<string, unknown>,
      testCases: [
        {
          name: 'gold',
          inputs: { kpi: { PV: 120, GV: 6000, L1VC: 0, AM: 3, AL: 2 }, rank: null, tenureMonths: 3 },
          expected: [{ rankCode: 'GOLD' }],
        },
        {
          name: 'silver',
          inputs: { kpi: { PV: 120, GV: 4999.99, L1VC: 0, AM: 3, AL: 2 }, rank: null, tenureMonths: 3 },
          expected: [{ rankCode: 'SILVER' }],
        },
        {
          name: 'bronze',
          inputs: { kpi: { PV: 20, GV: 20, L1VC: 0, AM: 0, AL: 0 }, rank: null, tenureMonths: 3 },
          expected: [{ rankCode: 'BRONZE' }],
        },
        { name: 'none', inputs: { kpi: { PV: 19.99, GV: 90000, L1VC: 0, AM: 0, AL: 0 }, rank: null, tenureMonths: 3 }, expected: [] },
      ],
    },
  })
  for (const status of ['submitted', 'approved'] as const) {
    try {
      await payload.update({ collection: 'rule-versions', id: draft.id, data: { status } })
    } catch (err) {
      throw new Error(
        `the rank rule version could not be ${status}: ${JSON.stringify((err as { data?: unknown }).data ?? (err as Error).message)}`,
      )
    }
  }
  const career = await payload.create({
    collection: 'career-plans',
    data: {
      name: 'Bench career plan',
      rankRules: ruleSet.id,
      graceCycles: 0,
      activityMinimum: centsToText(ACTIVITY_MINIMUM),
      honorary: 'highest_ever',
    },
  })
  const plan = await payload.create({
    collection: 'compensation-plans',
    data: { name: 'Bench network plan', currency: 'USD', description: 'The network benchmark plan.' },
  })
  await payload.create({
    collection: 'plan-versions',
    data: {
      plan: plan.id,
      effectiveFrom: '2026-01-01',
      status: 'approved',
      rounding: 'half-even',
      components: [
        { blockType: 'unilevel', compress: true, levels: UNILEVEL.map((percent, i) => ({ level: i + 1, percent })) },
        {
          blockType: 'differential',
          rates: RANKS.map((rank) => ({ rank: rank.code, percent: DIFFERENTIAL.rates[rank.order]! })),
          breakawayRank: RANKS[DIFFERENTIAL.breakawayRank - 1]!.code,
          breakawayPercent: DIFFERENTIAL.breakawayPercent,
        },
      ],
    } as never,
  })
  const found = await payload.find({
    collection: 'commission-periods',
    where: { frequency: { equals: 'monthly' }, cycle: { equals: 'regular' }, startsOn: { equals: CYCLE.start } },
    limit: 1,
    depth: 0,
  })
  const cycle =
    found.docs[0] ??
    (await payload.create({
      collection: 'commission-periods',
      data: { label: CYCLE.label, frequency: 'monthly', cycle: 'regular', startsOn: CYCLE.start, endsOn: CYCLE.end, status: 'open' },
    }))
  const type = await payload.create({
    collection: 'pipeline-types',
    data: {
      name: 'Bench monthly',
      category: 'monthly',
      careerPlan: career.id,
      compensationPlan: plan.id,
      steps: PIPELINE_STEPS.map((step) => ({ step })),
    },
  })
  const run = await payload.create({ collection: 'pipeline-runs', data: { pipelineType: type.id, cycle: cycle.id } })
  const admin = await pool.query<{ id: number }>(
    `select u.id from users u join users_roles r on r.parent_id = u.id where r.value = 'company_admin' order by u.id limit 1`,
  )
  const userId = admin.rows[0]?.id ?? (await pool.query<{ id: number }>(`select id from users order by id limit 1`)).rows[0]!.id
  const root = (await pool.query<{ id: number; path: string }>(`select id, path from participants where parent_id is null`)).rows[0]!
  return {
    cycleId: Number(cycle.id),
    typeId: Number(type.id),
    runId: Number(run.id),
    planId: Number(plan.id),
    careerPlanId: Number(career.id),
    userId,
    rootId: root.id,
    rootPath: root.path,
  }
}

// ----- The data set, in bulk SQL -----------------------------------------------------------------------------------

type Planted = {
  members: number
  maxDepth: number
  avgDepth: number
  maxFanOut: number
  buyers: number
  orderLines: number
  returnLines: number
}

/**
 * The tree, staged in `bench_tree` (k = 1..members, k 0 = the demo root): members 1–3 hang from the root; member k's
 * sponsor is an earlier member, 1 + floor((k-1)·u^e) with e = 2 for 10 % of the members (pulled towards the first
 * members: the few big recruiters) and e = 0.5 otherwise (towards recent members: depth). Paths are built top-down
 * with a recursive CTE, then the participants written in one insert. Every draw is `bench_u(index, salt)`, a
 * counter-based generator over PostgreSQL's 64-bit integer hash: the same data set every time.
 */
async function writeDataSet(pool: pg.Pool, setup: Setup, members: number, orders: number): Promise<Planted> {
  const client = await pool.connect()
  const q = async (label: string | null, sql: string, params: unknown[] = []) => {
    const t = await timed(() => client.query(sql, params))
    if (label)
      progress(
        `  ${label}: ${formatSeconds(t.seconds)}${typeof t.value.rowCount === 'number' && t.value.command !== 'SELECT' ? ` (${t.value.rowCount} rows)` : ''}`,
      )
    return t.value
  }
  try {
    await q(null, `set work_mem = '256MB'`)
    await q(null, `set maintenance_work_mem = '1GB'`)
    await q(
      null,
      `create function bench_u(i bigint, salt int) returns float8 language sql immutable parallel safe
         as $$ select (hashint8extended(i, ${SEED * 1000} + salt) & 2147483647)::float8 / 2147483648 $$`,
    )
    await q(
      'sponsors',
      `create unlogged table bench_members as
       select k, case when k <= 3 then 0 else 1 + floor((k - 1) * power(bench_u(k, 1), case when bench_u(k, 2) < 0.1 then 2 else 0.5 end))::int end as sponsor
         from generate_series(1, $1::int) k`,
      [members],
    )
    await q(null, `create index on bench_members (sponsor)`)
    await q(null, `analyze bench_members`)
    const base = Number(
      (await client.query<{ base: string }>(`select nextval(pg_get_serial_sequence('participants', 'id'))::text as base`)).rows[0]!.base,
    )
    await client.query(`select setval(pg_get_serial_sequence('participants', 'id'), $1::bigint)`, [base + members])
    await q(
      'paths (recursive, top-down)',
      `create unlogged table bench_tree as
       with recursive t(k, sponsor, depth, path) as (
         select m.k, m.sponsor, 1, $1::text || ($2::int + m.k) || '/' from bench_members m where m.sponsor = 0
         union all
         select m.k, m.sponsor, t.depth + 1, t.path || ($2::int + m.k) || '/' from t join bench_members m on m.sponsor = t.k
       ) select k, sponsor, $2::int + k as id, depth, path from t`,
      [setup.rootPath, base],
    )
    await q(null, `insert into bench_tree values (0, -1, $1, 0, $2)`, [setup.rootId, setup.rootPath])
    await q(null, `alter table bench_tree add primary key (k)`)
    await q(null, `create unique index on bench_tree (id)`)
    // Bulk load: the table's secondary indexes are dropped and built again after the insert (one sorted build each
    // instead of millions of incremental inserts; the trigram GIN index on path above all), and the foreign-key
    // triggers are skipped (session_replication_role = replica) — the rows are consistent by construction. The schema
    // is the same afterwards; the rebuild is timed and reported with the seeding.
    const dropped = await dropSecondaryIndexes(client, 'participants')
    await q(null, `set session_replication_role = replica`)
    await q(
      'participants',
      `insert into participants (id, name, code, kind, parent_id, path, status, joined_on, currency)
       select t.id, 'Bench consultant ' || t.k, 'BNM-' || lpad(t.k::text, 8, '0'), 'consultant', coalesce(p.id, $1), t.path, 'active',
              date '2020-01-01' + floor(bench_u(t.k, 3) * 2400)::int, 'USD'
         from bench_tree t left join bench_tree p on p.k = t.sponsor and t.sponsor > 0 where t.k > 0 order by t.k`,
      [setup.rootId],
    )
    await q(null, `set session_replication_role = default`)
    await q(`participants: ${dropped.length} indexes rebuilt`, dropped.join(';\n'))

    const products = new Map<number, number>()
    for (const [i, [code, name, price, qv, cv]] of PRODUCTS.entries()) {
      const row = await client.query<{ id: number }>(
        `insert into products (code, name, active, volume_source, qualifying_volume, commissionable_volume) values ($1, $2, true, 'direct', $3, $4) returning id`,
        [code, name, qv, cv],
      )
      products.set(i + 1, row.rows[0]!.id)
      await client.query(
        `insert into products_prices (_order, _parent_id, id, currency, consultant_price, public_price, vat_percent) values (1, $1, $2, 'USD', $3, $3, 0)`,
        [row.rows[0]!.id, `bench-price-${i + 1}`, price],
      )
    }
    await q(
      null,
      `create unlogged table bench_products as select * from unnest($1::int[], $2::int[], $3::numeric[], $4::numeric[], $5::numeric[]) as t(p, product_id, price, qv, cv)`,
      [[...products.keys()], [...products.values()], PRODUCTS.map((p) => p[2]), PRODUCTS.map((p) => p[3]), PRODUCTS.map((p) => p[4])],
    )
    await q(
      'buyers',
      `create unlogged table bench_buyers as select row_number() over (order by k)::int as b, id from bench_tree where k > 0 and bench_u(k, 20) < ${BUYERS}`,
    )
    await q(null, `alter table bench_buyers add primary key (b)`)
    const buyers = (await client.query<{ n: number }>(`select count(*)::int as n from bench_buyers`)).rows[0]!.n
    const returns = Math.floor(orders * RETURNS)
    const lines = orders - returns
    await q(
      'order lines staged',
      `create unlogged table bench_lines as
       select i, b.id as consultant_id, 1 + floor(bench_u(i, 22) * ${PRODUCTS.length})::int as p, 1 + floor(bench_u(i, 23) * 3)::int as qty,
              $2::date + floor(bench_u(i, 24) * ${CYCLE.days})::int as booked_on
         from generate_series(1, $1::int) i join bench_buyers b on b.b = 1 + floor(bench_u(i, 21) * ${buyers})::int`,
      [lines, CYCLE.start],
    )
    await q(null, `alter table bench_lines add primary key (i)`)
    const orderBase = Number(
      (await client.query<{ base: string }>(`select nextval(pg_get_serial_sequence('network_orders', 'id'))::text as base`)).rows[0]!.base,
    )
    await client.query(`select setval(pg_get_serial_sequence('network_orders', 'id'), $1::bigint)`, [orderBase + orders])
    const droppedOrders = await dropSecondaryIndexes(client, 'network_orders')
    await q(null, `set session_replication_role = replica`)
    await q(
      'network_orders: orders',
      `insert into network_orders (id, order_number, line, kind, booked_on, consultant_id, product_id, quantity, currency, unit_price, discount, amount,
                                   qualifying_volume, commissionable_volume, natural_key)
       select $1::int + l.i, 'BNO-' || l.i, 1, 'order', l.booked_on, l.consultant_id, p.product_id, l.qty, 'USD', p.price, 0, p.price * l.qty,
              p.qv * l.qty, p.cv * l.qty, 'bench-o-' || l.i
         from bench_lines l join bench_products p using (p) order by l.i`,
      [orderBase - 1],
    )
    // Return r takes back one unit of order line j = (r-1)·K mod lines + 1 (all distinct), a few days after it, in the month.
    const stride = lines % 7919 === 0 ? 7927 : 7919
    await q(
      'network_orders: returns',
      `insert into network_orders (id, order_number, line, kind, booked_on, consultant_id, product_id, quantity, currency, unit_price, discount, amount,
                                   qualifying_volume, commissionable_volume, return_of_id, natural_key)
       select $1::int + $2::int + r, 'BNR-' || r, 1, 'return', least($3::date, l.booked_on + floor(bench_u(r, 25) * 5)::int), l.consultant_id, p.product_id, 1, 'USD',
              p.price, 0, -p.price, -p.qv, -p.cv, $1::int + l.i, 'bench-r-' || r
         from generate_series(1, $4::int) r join bench_lines l on l.i = ((r - 1)::bigint * ${stride}) % $2::int + 1 join bench_products p using (p) order by r`,
      [orderBase - 1, lines, CYCLE.end, returns],
    )
    await q(null, `set session_replication_role = default`)
    await q(`network_orders: ${droppedOrders.length} indexes rebuilt`, droppedOrders.join(';\n'))
    const orphans = (
      await client.query<{ n: number }>(
        `select count(*)::int as n from network_orders o where not exists (select 1 from participants p where p.id = o.consultant_id)
            or (o.return_of_id is not null and not exists (select 1 from network_orders r where r.id = o.return_of_id))`,
      )
    ).rows[0]!.n
    if (orphans > 0) throw new Error(`${orphans} order lines name a consultant or an order that does not exist`)
    await q('vacuum analyze', `vacuum analyze participants, network_orders, products`)
    const shape = (
      await client.query<{ max_depth: number; avg_depth: string; max_fan: number }>(
        `select max(depth)::int as max_depth, round(avg(depth), 1)::text as avg_depth, (select max(n)::int from (select sponsor, count(*) as n from bench_members group by sponsor) s) as max_fan
           from bench_tree where k > 0`,
      )
    ).rows[0]!
    return {
      members,
      maxDepth: shape.max_depth,
      avgDepth: Number(shape.avg_depth),
      maxFanOut: shape.max_fan,
      buyers,
      orderLines: lines,
      returnLines: returns,
    }
  } finally {
    client.release()
  }
}

/** Drops `table`'s indexes other than its primary key (and those behind constraints); returns the statements that build them again. */
async function dropSecondaryIndexes(client: pg.PoolClient, table: string): Promise<string[]> {
  const found = await client.query<{ name: string; definition: string }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as definition
       from pg_index x join pg_class i on i.oid = x.indexrelid
      where x.indrelid = $1::regclass and not x.indisprimary and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`,
    [table],
  )
  for (const index of found.rows) await client.query(`drop index "${index.name}"`)
  return found.rows.map((index) => index.definition)
}

// ----- The floor ---------------------------------------------------------------------------------------------------

/**
 * Every member's group volume in one statement on the product's tables: each member's period qualifying volume
 * (orders net of returns) credited to every id on its stored path (`/root/…/self/`: its ancestors and itself),
 * summed per id and written to `bench_floor` (the KPI step writes its figures too). Kept for the GV check.
 */
async function timeFloor(pool: pg.Pool): Promise<number> {
  const measured = await timed(() =>
    pool.query(
      `create unlogged table bench_floor as
       select a.id::int as id, sum(v.pv) as gv
         from (select consultant_id, sum(qualifying_volume) as pv from network_orders where booked_on between $1 and $2 group by consultant_id) v
         join participants p on p.id = v.consultant_id
         cross join lateral unnest(string_to_array(trim(both '/' from p.path), '/')) as a(id)
        group by a.id`,
      [CYCLE.start, CYCLE.end],
    ),
  )
  await pool.query(`alter table bench_floor add primary key (id)`)
  return measured.seconds
}

// ----- The checks --------------------------------------------------------------------------------------------------

function check(name: string, expected: string | number, actual: string | number, detail?: string): NetworkCheck {
  const ok = String(expected) === String(actual) && !detail
  return { name, ok, expected, actual, ...(detail ? { detail } : {}) }
}

/** The run's figures and the bench's own inputs, per member k (0 = the root), read in chunks into typed arrays. */
type Figures = {
  n: number
  parent: Int32Array
  pv: Float64Array
  vc: Float64Array
  gvFloor: Float64Array
  got: {
    PV: Float64Array
    GV: Float64Array
    L1VC: Float64Array
    AM: Float64Array
    AL: Float64Array
    rank: Int32Array
    qualifies: Int8Array
  }
}

async function loadFigures(pool: pg.Pool, cycleId: number, members: number): Promise<Figures> {
  const n = members + 1
  const f: Figures = {
    n,
    parent: new Int32Array(n),
    pv: new Float64Array(n),
    vc: new Float64Array(n),
    gvFloor: new Float64Array(n),
    got: {
      PV: new Float64Array(n).fill(NaN),
      GV: new Float64Array(n).fill(NaN),
      L1VC: new Float64Array(n).fill(NaN),
      AM: new Float64Array(n).fill(NaN),
      AL: new Float64Array(n).fill(NaN),
      rank: new Int32Array(n).fill(-1),
      qualifies: new Int8Array(n).fill(-1),
    },
  }
  const CHUNK = 500_000
  for (let from = 0; from < n; from += CHUNK) {
    const found = await pool.query<string[]>({
      text: `select t.k, t.sponsor, coalesce(round(v.pv * 100), 0)::text, coalesce(round(v.vc * 100), 0)::text, coalesce(round(fl.gv * 100), 0)::text,
                    round((m.kpis ->> 'PV')::numeric * 100)::text, round((m.kpis ->> 'GV')::numeric * 100)::text, round((m.kpis ->> 'L1VC')::numeric * 100)::text,
                    (m.kpis ->> 'AM'), (m.kpis ->> 'AL'), coalesce(r."order", 0)::text, case when m.qualifies then '1' when m.qualifies is null then '-1' else '0' end
               from bench_tree t left join bench_pv v on v.id = t.id left join bench_floor fl on fl.id = t.id
               left join member_cycles m on m.cycle_id = $1 and m.participant_id = t.id left join ranks r on r.id = m.paid_rank_id
              where t.k >= $2 and t.k < $3`,
      values: [cycleId, from, from + CHUNK],
      rowMode: 'array',
    })
    const num = (text: string | null) => (text === null ? NaN : Number(text))
    for (const row of found.rows) {
      const k = Number(row[0])
      f.parent[k] = Number(row[1])
      f.pv[k] = Number(row[2])
      f.vc[k] = Number(row[3])
      f.gvFloor[k] = Number(row[4])
      f.got.PV[k] = num(row[5]!)
      f.got.GV[k] = num(row[6]!)
      f.got.L1VC[k] = num(row[7]!)
      f.got.AM[k] = num(row[8]!)
      f.got.AL[k] = num(row[9]!)
      f.got.rank[k] = Number(row[10])
      f.got.qualifies[k] = Number(row[11])
    }
  }
  return f
}

/** Compares two per-member columns: totals (as text) and the number of members that differ, naming the first. */
function compareColumn(name: string, expected: ArrayLike<number>, actual: ArrayLike<number>, n: number, asMoney: boolean): NetworkCheck {
  let want = 0n
  let got = 0n
  let differ = 0
  let first = ''
  for (let k = 0; k < n; k++) {
    const e = expected[k]!
    const a = actual[k]!
    want += BigInt(e)
    if (Number.isFinite(a)) got += BigInt(a)
    if (e !== a) {
      if (differ === 0) first = `member k=${k}: expected ${e}, got ${a}`
      differ++
    }
  }
  const show = (v: bigint) => (asMoney ? centsToText(v) : v.toString())
  return check(name, show(want), show(got), differ > 0 ? `${differ} of ${n} members differ; first: ${first}` : undefined)
}

function rankOf(pv: number, gv: number): number {
  for (const row of RANK_RULE) if (pv >= row.pv && gv >= row.gv) return RANKS.find((r) => r.code === row.code)!.order
  return 0
}

type Pay = Map<number, number>

/** Adds one line of `percent` (index into `percents`) on `base` cents: keyed (base, percent) → count. */
const tally = (pay: Pay, baseCents: number, percent: number) => {
  const key = baseCents * 16 + percent
  pay.set(key, (pay.get(key) ?? 0) + 1)
}

/** Lines and total of the tallied (base, percent) pairs: each line base/100 · percent/100, rounded half-even to the cent. */
function priced(pay: Pay, percents: readonly string[]): { lines: number; total: Decimal } {
  let lines = 0
  let total = new Money(0)
  for (const [key, count] of pay) {
    const percent = key % 16
    const base = (key - percent) / 16
    const amount = cents(new Money(base).div(100).times(percents[percent]!).div(100))
    if (amount.isZero()) continue
    lines += count
    total = total.plus(amount.times(count))
  }
  return { lines, total }
}

/**
 * The bench's own walk of the upline of every member with commissionable volume (base), with compression: a member
 * whose PV is below the activity minimum is passed over (the root never earns).
 * - Unilevel: the first 5 earning uplines earn levels 1–5.
 * - Differential: an earning member earns its own rank's rate on its own base; going up, each earning upline with a
 *   higher rate than already paid earns the difference; once a GOLD earner has been passed (or the member is one),
 *   differentials stop and the next GOLD earner above earns the breakaway percent, once.
 */
function expectedBonuses(
  f: Figures,
  rank: Int32Array,
): { unilevel: { lines: number; total: Decimal }; differential: { lines: number; total: Decimal } } {
  const earns = (k: number) => k !== 0 && f.pv[k]! >= ACTIVITY_MINIMUM
  const uni: Pay = new Map()
  const diff: Pay = new Map()
  // percents: differential rates by rank order 0..3 as differences are computed in hundredths of a percent
  const rateBp = DIFFERENTIAL.rates.map((r) => Math.round(Number(r) * 100))
  const diffPercents: string[] = []
  const diffIndex = new Map<number, number>()
  const percentIndex = (bp: number) => {
    let i = diffIndex.get(bp)
    if (i === undefined) {
      i = diffPercents.length
      diffPercents.push(new Money(bp).div(100).toFixed())
      diffIndex.set(bp, i)
    }
    return i
  }
  const breakawayBp = Math.round(Number(DIFFERENTIAL.breakawayPercent) * 100)
  for (let k = 1; k < f.n; k++) {
    const base = f.vc[k]!
    if (base === 0) continue
    // unilevel
    let level = 0
    for (let a = f.parent[k]!; a > 0 && level < UNILEVEL.length; a = f.parent[a]!) {
      if (!earns(a)) continue
      tally(uni, base, level)
      level++
    }
    // differential
    let paid = 0
    let passed = false
    if (earns(k)) {
      const own = rateBp[rank[k]!]!
      if (own > 0) tally(diff, base, percentIndex(own))
      paid = own
      if (rank[k]! >= DIFFERENTIAL.breakawayRank) passed = true
    }
    for (let a = f.parent[k]!; a > 0; a = f.parent[a]!) {
      if (!earns(a)) continue
      if (passed) {
        if (rank[a]! >= DIFFERENTIAL.breakawayRank) {
          tally(diff, base, percentIndex(breakawayBp) + 0)
          break
        }
        continue
      }
      const r = rateBp[rank[a]!]!
      if (r > paid) {
        tally(diff, base, percentIndex(r - paid))
        paid = r
      }
      if (rank[a]! >= DIFFERENTIAL.breakawayRank) passed = true
    }
  }
  return { unilevel: priced(uni, UNILEVEL), differential: priced(diff, diffPercents) }
}

async function runChecks(pool: pg.Pool, setup: Setup, members: number, staged: number | null): Promise<NetworkCheck[]> {
  const checks: NetworkCheck[] = []
  const one = async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows[0] as T

  // Every member has figures.
  const counts = await one<{ participants: number; rows: number }>(
    `select (select count(*)::int from participants) as participants, (select count(*)::int from member_cycles where cycle_id = $1) as rows`,
    [setup.cycleId],
  )
  checks.push(check('member_cycles rows = participants', counts.participants, counts.rows))

  // PV: a plain group by of the period's lines (orders and returns), for every participant.
  await pool.query(
    `create unlogged table bench_pv as select consultant_id as id, sum(qualifying_volume) as pv, sum(commissionable_volume) as vc
       from network_orders where booked_on between $1 and $2 group by consultant_id`,
    [CYCLE.start, CYCLE.end],
  )
  await pool.query(`alter table bench_pv add primary key (id)`)
  const pv = await one<{ want: string; got: string; differ: number; got_json: string; vc_want: string; vc_got: string; vc_differ: number }>(
    `select coalesce(sum(coalesce(v.pv, 0)), 0)::text as want, coalesce(sum(m.personal_volume), 0)::text as got,
            count(*) filter (where coalesce(v.pv, 0) <> m.personal_volume or m.personal_volume <> (m.kpis ->> 'PV')::numeric or m.personal_volume is null)::int as differ,
            coalesce(sum((m.kpis ->> 'PV')::numeric), 0)::text as got_json,
            coalesce(sum(coalesce(v.vc, 0)), 0)::text as vc_want, coalesce(sum(m.personal_commissionable), 0)::text as vc_got,
            count(*) filter (where coalesce(v.vc, 0) is distinct from m.personal_commissionable)::int as vc_differ
       from participants p left join member_cycles m on m.cycle_id = $1 and m.participant_id = p.id left join bench_pv v on v.id = p.id`,
    [setup.cycleId],
  )
  checks.push(
    check(
      'PV (SQL group by)',
      new Money(pv.want).toFixed(2),
      new Money(pv.got).toFixed(2),
      pv.differ ? `${pv.differ} members differ` : undefined,
    ),
  )
  checks.push(
    check(
      'personal VC (SQL group by)',
      new Money(pv.vc_want).toFixed(2),
      new Money(pv.vc_got).toFixed(2),
      pv.vc_differ ? `${pv.vc_differ} members differ` : undefined,
    ),
  )

  // GV: the floor's path join, for every participant.
  const gv = await one<{ want: string; got: string; differ: number; first: string | null }>(
    `select coalesce(sum(coalesce(f.gv, 0)), 0)::text as want, coalesce(sum(m.group_volume), 0)::text as got,
            count(*) filter (where coalesce(f.gv, 0) <> coalesce(m.group_volume, -1) or m.group_volume <> (m.kpis ->> 'GV')::numeric)::int as differ,
            min(case when coalesce(f.gv, 0) <> coalesce(m.group_volume, -1) then p.code || ': floor ' || coalesce(f.gv, 0) || ', run ' || coalesce(m.group_volume::text, 'none') end) as first
       from participants p left join member_cycles m on m.cycle_id = $1 and m.participant_id = p.id left join bench_floor f on f.id = p.id`,
    [setup.cycleId],
  )
  checks.push(
    check(
      'GV (floor: path join)',
      new Money(gv.want).toFixed(2),
      new Money(gv.got).toFixed(2),
      gv.differ ? `${gv.differ} members differ; e.g. ${gv.first}` : undefined,
    ),
  )

  // L1VC, AM, AL, ranks, compression: walked in TypeScript over the bench's own parent array.
  const loaded = await timed(() => loadFigures(pool, setup.cycleId, members))
  const f = loaded.value
  progress(`  loaded ${f.n} members' figures for the TypeScript checks: ${formatSeconds(loaded.seconds)}`)
  const n = f.n
  const l1vc = new Float64Array(n)
  const am = new Float64Array(n)
  const al = new Float64Array(n)
  const legActive = new Uint8Array(n) // the member's subtree (itself included) holds a member with PV > 0
  for (let k = 1; k < n; k++) {
    l1vc[f.parent[k]!]! += f.vc[k]!
    if (f.pv[k]! >= AM_THRESHOLD) for (let a = f.parent[k]!; a >= 0; a = a === 0 ? -1 : f.parent[a]!) am[a]!++
    if (f.pv[k]! > 0) for (let a = k; a >= 0 && !legActive[a]; a = a === 0 ? -1 : f.parent[a]!) legActive[a] = 1
  }
  for (let k = 1; k < n; k++) if (legActive[k]) al[f.parent[k]!]!++
  const rank = new Int32Array(n)
  const qualifies = new Int8Array(n)
  const rankCounts = [0, 0, 0, 0]
  for (let k = 0; k < n; k++) {
    rank[k] = rankOf(f.pv[k]!, f.gvFloor[k]!)
    rankCounts[rank[k]!]!++
    qualifies[k] = f.pv[k]! >= ACTIVITY_MINIMUM ? 1 : 0
  }
  checks.push(compareColumn('PV (kpis, bench members)', f.pv, f.got.PV, n, true))
  checks.push(compareColumn('GV (kpis vs floor, bench members)', f.gvFloor, f.got.GV, n, true))
  checks.push(compareColumn('L1VC (children summed in TS)', l1vc, f.got.L1VC, n, true))
  checks.push(compareColumn(`AM (ancestors walked in TS, PV >= ${centsToText(AM_THRESHOLD)})`, am, f.got.AM, n, false))
  checks.push(compareColumn('AL (legs walked in TS, PV > 0)', al, f.got.AL, n, false))
  const gotRanks = [0, 0, 0, 0]
  for (let k = 0; k < n; k++) if (f.got.rank[k]! >= 0 && f.got.rank[k]! <= 3) gotRanks[f.got.rank[k]!]!++
  const rankCheck = compareColumn('paid rank (rule thresholds on PV and floor GV)', rank, f.got.rank, n, false)
  checks.push({
    ...rankCheck,
    expected: `none ${rankCounts[0]}, ${RANKS.map((r) => `${r.code} ${rankCounts[r.order]}`).join(', ')}`,
    actual: `none ${gotRanks[0]}, ${RANKS.map((r) => `${r.code} ${gotRanks[r.order]}`).join(', ')}`,
  })
  checks.push(compareColumn(`qualifies (PV >= ${centsToText(ACTIVITY_MINIMUM)})`, qualifies, f.got.qualifies, n, false))

  // Bonuses: the bench's own upline walks, priced with decimal.js.
  const walked = await timed(async () => expectedBonuses(f, rank))
  progress(`  unilevel and differential walked in TypeScript: ${formatSeconds(walked.seconds)}`)
  const run = await one<{ id: number | null; status: string | null; line_count: number | null; total: string | null }>(
    `select r.id, r.status::text as status, r.line_count::int as line_count, r.total::text as total
       from pipeline_runs p left join commission_runs r on r.id = p.commission_run_id where p.id = $1`,
    [setup.runId],
  )
  const posted = (
    await pool.query<{ component: string; lines: number; total: string }>(
      `select component::text as component, count(*)::int as lines, sum(amount)::text as total from commission_lines where run_id = $1 group by component`,
      [run.id ?? -1],
    )
  ).rows
  const postedOf = (component: string) => posted.find((p) => p.component === component) ?? { lines: 0, total: '0' }
  for (const [component, want] of Object.entries(walked.value)) {
    const got = postedOf(component)
    checks.push(check(`${component} total (walked in TS, decimal.js)`, want.total.toFixed(2), new Money(got.total).toFixed(2)))
    checks.push(check(`${component} lines`, want.lines, got.lines))
  }
  const allLines = posted.reduce((sum, p) => sum + p.lines, 0)
  const allTotal = posted.reduce((sum, p) => sum.plus(p.total), new Money(0))
  checks.push(check('every staged line posted (commission_lines = staged)', staged ?? 'unknown', allLines))
  checks.push(
    check(
      'run line count and total = its lines',
      `${allLines} ${allTotal.toFixed(2)}`,
      `${run.line_count} ${new Money(run.total ?? 'NaN').toFixed(2)}`,
    ),
  )
  checks.push(check('bonus run status', 'locked', run.status ?? 'none'))
  const pipeline = await one<{ status: string; steps: { step: string; status: string }[] }>(
    `select status::text as status, steps from pipeline_runs where id = $1`,
    [setup.runId],
  )
  checks.push(check('pipeline run status', 'closed', pipeline.status))
  return checks
}

/** The bonus run's own steps (commission_runs.steps), each with the time since the previous one. */
async function printBonusRunSteps(pool: pg.Pool, pipelineRunId: number): Promise<void> {
  const found = await pool.query<{ steps: { step: string; status: string; detail: string; at: string }[] | null; created: string }>(
    `select r.steps, r.last_run_at::text as created from pipeline_runs p join commission_runs r on r.id = p.commission_run_id where p.id = $1`,
    [pipelineRunId],
  )
  const steps = found.rows[0]?.steps ?? []
  if (steps.length === 0) return
  progress('  bonus run steps (commission_runs.steps, time since the previous step):')
  let previous: number | null = null
  for (const step of steps) {
    const at = Date.parse(step.at)
    progress(
      `    ${step.step.padEnd(10)} ${previous === null ? '         -' : formatSeconds((at - previous) / 1000).padStart(10)}  ${step.status}: ${String(step.detail).slice(0, 200)}`,
    )
    previous = at
  }
}

// ----- The benchmark -----------------------------------------------------------------------------------------------

const TARGET_KPI_SECONDS = 20
const TARGET_MEMORY_MB = 3 * 1024

export async function benchNetwork(options: NetworkOptions): Promise<NetworkBenchResult> {
  const db = await startBenchDatabase(options.settings)
  try {
    return await run(db.payload, db.pool, options)
  } finally {
    progress('stopping the database and deleting its folder')
    await db.close()
  }
}

async function run(payload: Payload, pool: pg.Pool, options: NetworkOptions): Promise<NetworkBenchResult> {
  const setup = await createSetup(payload, pool)
  progress(
    `created through the Local API: ${RANKS.length} ranks, 5 KPI definitions, rank rule set (approved), career plan, compensation plan (unilevel ${UNILEVEL.length} levels, differential with breakaway), cycle ${CYCLE.label} #${setup.cycleId}, pipeline type and run #${setup.runId}; admin user #${setup.userId}`,
  )
  progress(`generating ${options.members} members and ${options.orders} order lines (set-based SQL, not timed)`)
  const write = await timed(() => writeDataSet(pool, setup, options.members, options.orders))
  progress(`bulk write (not timed): ${formatSeconds(write.seconds)}; planted ${JSON.stringify(write.value)}`)
  const seedRssMb = peakRssMb()

  const steps: Record<string, number> = {}
  let staged: number | null = null
  const started = performance.now()
  const stepFailures: NetworkCheck[] = []
  // Every statement the steps send is timed (scripts/bench/statements.ts): SQL time against the step's wall time.
  await instrument(pool)
  const sqlSeconds: Record<string, number> = {}
  const slowest: Record<string, string[]> = {}
  for (const step of PIPELINE_STEPS as readonly PipelineStep[]) {
    const claim = await claimPipelineStep(payload, setup.runId, step, setup.userId)
    if ('refusal' in claim) {
      stepFailures.push(check(`step ${step}`, 'claimed', `refused (${claim.status}): ${claim.refusal}`))
      break
    }
    const at = performance.now()
    try {
      const recorded = await record(() => executePipelineStep(payload, setup.runId, step, setup.userId, ignoreProgress))
      const outcome = recorded.value
      steps[step] = round((performance.now() - at) / 1000)
      sqlSeconds[step] = round(recorded.statements.reduce((sum, st) => sum + st.ms, 0) / 1000)
      slowest[step] = [...recorded.statements]
        .sort((x, y) => y.ms - x.ms)
        .slice(0, 6)
        .map((st) => `${(st.ms / 1000).toFixed(3)} s ${label(st.sql)}${st.rows === null ? '' : ` (${st.rows} rows)`}`)
      if (step === 'calculate_bonuses') staged = Number(outcome.counts?.lines ?? NaN)
      progress(`  ${step.padEnd(20)} ${formatSeconds(steps[step]!).padStart(11)}  ${outcome.detail.slice(0, 400)}`)
      if (step === 'calculate_indicators') progress(`    counts: ${JSON.stringify(outcome.counts)}`)
      progress(`    peak RSS so far ${peakRssMb()} MB; SQL ${formatSeconds(sqlSeconds[step]!)}; slowest: ${slowest[step]![0] ?? '-'}`)
    } catch (err) {
      // A failing step is a finding: the later steps need it, so the pipeline stops here; the checks still run.
      steps[step] = round((performance.now() - at) / 1000)
      const message = err instanceof Error ? `${err.message} @ ${(err.stack ?? '').split('\n')[1]?.trim() ?? ''}` : String(err)
      progress(`  ${step.padEnd(20)} FAILED after ${formatSeconds(steps[step]!)}: ${message}`)
      stepFailures.push(check(`step ${step}`, 'done', `failed: ${message}`))
      break
    }
  }
  const pipelineSeconds = (performance.now() - started) / 1000
  const pipelineRssMb = peakRssMb()
  progress('  step: wall s / of it in SQL statements s; slowest statements')
  for (const step of Object.keys(steps)) {
    progress(`    ${step.padEnd(20)} ${formatSeconds(steps[step]!)} / ${formatSeconds(sqlSeconds[step] ?? 0)} in SQL`)
    for (const line of slowest[step] ?? []) progress(`        ${line}`)
  }
  progress(
    `pipeline: ${formatSeconds(pipelineSeconds)}; peak RSS of this process ${pipelineRssMb} MB (PostgreSQL runs in its own processes, not counted)`,
  )

  await printBonusRunSteps(pool, setup.runId)

  const floorSeconds = await timeFloor(pool)
  progress(`floor (every member's group volume, one statement, written like the step writes): ${formatSeconds(floorSeconds)}`)
  const checks = [...stepFailures, ...(await runChecks(pool, setup, options.members, staged))]
  for (const c of checks)
    progress(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: expected ${c.expected}, got ${c.actual}${c.detail ? ` (${c.detail})` : ''}`)
  const kpiSeconds = steps.calculate_indicators ?? NaN
  return {
    workload: 'network',
    members: options.members,
    orders: options.orders,
    kpiSeconds: round(kpiSeconds),
    floorSeconds: round(floorSeconds),
    pipelineSeconds: round(pipelineSeconds),
    steps,
    stepsSqlSeconds: sqlSeconds,
    peakRssMb: pipelineRssMb,
    seedPeakRssMb: seedRssMb,
    benchPeakRssMb: peakRssMb(),
    checks,
    targets: {
      kpiUnder20s: kpiSeconds <= TARGET_KPI_SECONDS,
      kpiUnderFloor: kpiSeconds <= floorSeconds,
      memoryUnder3GB: pipelineRssMb < TARGET_MEMORY_MB,
    },
  }
}
