/**
 * The commission benchmark: a month of `activations` verified sales by `dealers` dealers under a three-level network,
 * with 24 months of earlier verified sales (residuals, the previous plans of upgrades and downgrades), the upfront
 * lines of an earlier locked run (chargebacks), notes and holds, written in bulk SQL from a seeded generator. The
 * catalog, plan, periods and runs are created through the Local API. Then the real run (`runCommission`, what the
 * job does) is timed, and its lines are checked against totals the bench recomputes from the generated data on its
 * own (decimal.js, each line rounded half-even to the cent), component by component. The floor is one hand-written
 * statement that computes the period's upfront total from the same tables.
 */
import Decimal from 'decimal.js'
import type { Payload } from 'payload'
import type pg from 'pg'

import { runCommission } from '../../modules/commission/runCommission'
import { ignoreProgress } from '../../modules/core/progress'
import type { PlanVersion } from '../../payload-types'
import { startBenchDatabase } from './database'
import { combineChecks, formatSeconds, progress, result, timed, type BenchResult } from './report'
import { breakdown, explainReplay, instrument, record, transactionStatements, type Statement } from './statements'

export type CommissionOptions = {
  rows: number
  dealers: number
  explain: boolean
  /** After the structured run, the same upfront table (and plan changes) entered as a rule set, run and compared. */
  rules?: boolean
  settings: Record<string, string>
}

/** The run's month, away from the demo calendar (2026). */
const PERIOD = { start: '2027-01-01', end: '2027-01-31', days: 31, label: 'Jan 2027' }
/** The earlier period whose locked run posted the upfront lines that deactivations now charge back. */
const PRIOR = { start: '2026-12-01', end: '2026-12-31', label: 'Dec 2026' }
/** The 24 months before the period: residual history and the previous plans of upgrades and downgrades. */
const HISTORY = { start: '2025-01-01', end: '2026-12-31', days: 730 }
const SEED = 11
const PLAN_NAME = 'Bench dealer plan'

/** Exact decimal arithmetic of the bench's own (not the engine's), rounding half-even where it rounds. */
const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN })
const cents = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN)

// ----- The plan, as its document states it --------------------------------------------------------------------

/** Two carriers of five plans each. Some residuals (3 % of the charge) end in an exact half cent: 55.50, 42.50, 65.50. */
const CARRIERS = [
  {
    code: 'BNA',
    name: 'Bench Alpha Wireless',
    windowDays: 180,
    plans: [
      ['BNA-UNL', '70.00'],
      ['BNA-PLUS', '55.50'],
      ['BNA-ESS', '45.99'],
      ['BNA-BIZ', '85.00'],
      ['BNA-PRE', '30.00'],
    ],
  },
  {
    code: 'BNB',
    name: 'Bench Beta Mobile',
    windowDays: 120,
    plans: [
      ['BNB-MAX', '80.00'],
      ['BNB-GO', '65.50'],
      ['BNB-FAM', '42.50'],
      ['BNB-DATA', '60.00'],
      ['BNB-LITE', '25.00'],
    ],
  },
] as const
const PLANS_PER_CARRIER = 5
const TIERS = ['', 'standard', 'silver', 'gold', 'platinum'] as const
const UPFRONT_TYPES = ['new', 'port_in', 'feature_add'] as const
/** Feature sets of sales; TRAVEL has no row (pays nothing), so a TRAVEL-only feature add is a zero line. */
const FEATURE_SETS = ['HOTSPOT', 'INTL', 'PROT', 'HOTSPOT,INTL', 'HOTSPOT,PROT,TRAVEL', 'TRAVEL']

type Tier = Exclude<(typeof TIERS)[number], ''>
type Row = {
  payout: 'rebate' | 'feature' | 'spiff'
  carrier?: string
  plan?: string
  type?: (typeof UPFRONT_TYPES)[number]
  tier?: Tier
  feature?: string
  amount: string
}

const UPFRONT: Row[] = [
  { payout: 'rebate', carrier: 'BNA', amount: '100.00' },
  { payout: 'rebate', carrier: 'BNA', type: 'port_in', amount: '140.00' },
  { payout: 'rebate', carrier: 'BNA', type: 'feature_add', amount: '0.00' },
  { payout: 'rebate', carrier: 'BNA', tier: 'gold', amount: '115.00' },
  { payout: 'rebate', carrier: 'BNA', tier: 'platinum', amount: '125.00' },
  { payout: 'rebate', carrier: 'BNA', plan: 'BNA-UNL', amount: '150.00' },
  { payout: 'rebate', carrier: 'BNA', plan: 'BNA-UNL', type: 'port_in', amount: '190.00' },
  { payout: 'rebate', carrier: 'BNA', plan: 'BNA-UNL', type: 'feature_add', amount: '0.00' },
  { payout: 'rebate', carrier: 'BNA', plan: 'BNA-PRE', amount: '35.00' },
  { payout: 'rebate', carrier: 'BNA', plan: 'BNA-BIZ', type: 'new', tier: 'platinum', amount: '210.00' },
  { payout: 'rebate', carrier: 'BNB', amount: '90.00' },
  { payout: 'rebate', carrier: 'BNB', type: 'port_in', amount: '130.00' },
  { payout: 'rebate', carrier: 'BNB', type: 'feature_add', amount: '0.00' },
  { payout: 'rebate', carrier: 'BNB', tier: 'silver', amount: '95.00' },
  { payout: 'rebate', carrier: 'BNB', plan: 'BNB-MAX', amount: '120.00' },
  { payout: 'rebate', carrier: 'BNB', plan: 'BNB-LITE', amount: '20.00' },
  // Names the plan but not the carrier: still beats the carrier's port-in row.
  { payout: 'rebate', plan: 'BNB-GO', amount: '105.00' },
  { payout: 'feature', feature: 'HOTSPOT', amount: '20.00' },
  { payout: 'feature', feature: 'INTL', amount: '15.00' },
  { payout: 'feature', carrier: 'BNB', feature: 'INTL', amount: '12.00' },
  { payout: 'feature', feature: 'PROT', amount: '25.00' },
  { payout: 'feature', type: 'feature_add', feature: 'PROT', amount: '18.00' },
  { payout: 'spiff', carrier: 'BNA', plan: 'BNA-UNL', type: 'port_in', amount: '50.00' },
  { payout: 'spiff', carrier: 'BNB', type: 'new', tier: 'platinum', amount: '10.00' },
]
const VOLUME_TIERS = [
  { from: 0, to: 20, rate: '0' },
  { from: 20, to: 60, rate: '1.50' },
  { from: 60, to: null, rate: '2.25' },
]
const PLAN_CHANGE_PERCENT = '100'
const RESIDUAL = { percent: '3', months: 24 }
const OVERRIDE_PERCENTS = ['5', '3', '1']

type Combination = { carrier: string; plan: string; type: string; tier: string }

const VOLUME_COMPONENT: NonNullable<PlanVersion['components']>[number] = {
  blockType: 'volume_bonus',
  metric: 'count',
  method: 'marginal',
  activationTypes: ['new', 'port_in'],
  tiers: VOLUME_TIERS.map((t) => ({ from: String(t.from), to: t.to === null ? null : String(t.to), rate: t.rate })),
}

/** The components that read neither the upfront table nor its rule-set twin: the same in both versions. */
const OTHER_COMPONENTS: NonNullable<PlanVersion['components']> = [
  { blockType: 'residual', percent: RESIDUAL.percent, months: RESIDUAL.months },
  { blockType: 'chargeback', percent: '100', windowDays: null },
  { blockType: 'override', compress: true, levels: OVERRIDE_PERCENTS.map((percent, index) => ({ level: index + 1, percent })) },
]

/** The row that pays: an empty condition matches anything; the row naming more (plan 8, carrier 4, type 2, tier 1) wins. */
function rowFor(payout: Row['payout'], sale: Combination, feature?: string): Row | undefined {
  let best: Row | undefined
  let bestScore = -1
  for (const row of UPFRONT) {
    if (row.payout !== payout || (row.feature ?? '') !== (feature ?? '')) continue
    if (
      (row.carrier && row.carrier !== sale.carrier) ||
      (row.plan && row.plan !== sale.plan) ||
      (row.type && row.type !== sale.type) ||
      (row.tier && row.tier !== sale.tier)
    )
      continue
    const score = (row.plan ? 8 : 0) + (row.carrier ? 4 : 0) + (row.type ? 2 : 0) + (row.tier ? 1 : 0)
    if (score > bestScore) [best, bestScore] = [row, score]
  }
  return best
}

/** Rebate + each feature's row + spiff; every combination of the catalog has a rebate row by design. */
function upfrontAmount(sale: Combination, features: string): Decimal {
  const rebate = rowFor('rebate', sale)
  if (!rebate) throw new Error(`the bench plan has no rebate row for ${JSON.stringify(sale)}`)
  let amount = new Money(rebate.amount)
  for (const code of features ? features.split(',') : []) amount = amount.plus(rowFor('feature', sale, code)?.amount ?? 0)
  return amount.plus(rowFor('spiff', sale)?.amount ?? 0)
}

/** Marginal tiers over (from, to]: each activation paid at the rate of the tier it falls in. */
function volumeBonus(count: number): Decimal {
  let total = new Money(0)
  for (const tier of VOLUME_TIERS)
    if (count > tier.from) total = total.plus(new Money(Math.min(count, tier.to ?? count) - tier.from).times(tier.rate))
  return total
}

// ----- The upfront table as a rule set (--rules) ----------------------------------------------------------------

/** A row of an upfront table by codes (empty conditions mean "any"), as plan documents and the demo seed state it. */
export type UpfrontRuleRow = {
  payout: 'rebate' | 'feature' | 'spiff'
  carrier?: string | null
  ratePlan?: string | null
  activationType?: string | null
  dealerTier?: string | null
  featureCode?: string | null
  amount: string
}

type JdmGraph = {
  nodes: { id: string; name: string; type: string; position: { x: number; y: number }; content?: unknown }[]
  edges: { id: string; sourceId: string; targetId: string }[]
}

const specificityOf = (row: UpfrontRuleRow) =>
  (row.ratePlan ? 8 : 0) + (row.carrier ? 4 : 0) + (row.activationType ? 2 : 0) + (row.dealerTier ? 1 : 0)
const cell = (value: string | null | undefined) => (value ? JSON.stringify(value) : '')

/**
 * The same upfront table written as a rule set of purpose `commission_amount`, the way a business user enters it in
 * the JDM editor: one "first hit" table per payout (and per feature code) with the rows ordered most specific first —
 * exactly the structured table's "the most specific row wins" — chained (each passes the sale on), then a "collect"
 * table giving one line per payout that applies: the rebate, each sold feature that has rows, the spiff (or, with
 * `oneLine`, a single "Upfront" line of their sum, like the structured component's line). With `planChangePercent`,
 * upgrades and downgrades are paid that percentage of (new plan's new-line rebate − previous plan's), as the
 * plan-change component does, from two more tables over the same rebate rows.
 */
export function upfrontRuleContent(
  rows: readonly UpfrontRuleRow[],
  options: { planChangePercent?: string; oneLine?: boolean } = {},
): JdmGraph {
  const nodes: JdmGraph['nodes'] = [{ id: 'sale', name: 'Sale', type: 'inputNode', position: { x: 0, y: 0 } }]
  const column = (id: string, name: string, field: string) => ({ id, name, field })
  const conditions = [
    column('carrier', 'Carrier', 'carrier'),
    column('ratePlan', 'Rate plan', 'ratePlan'),
    column('activationType', 'Activation type', 'activationType'),
    column('dealerTier', 'Dealer tier', 'dealerTier'),
  ]
  const firstHit = (name: string, output: string, picked: UpfrontRuleRow[], fallback: string | null, columns = conditions) => {
    const ordered = [...picked].sort((a, b) => specificityOf(b) - specificityOf(a))
    const cells = (row: UpfrontRuleRow): Record<string, string> => ({
      carrier: cell(row.carrier),
      ratePlan: cell(row.ratePlan),
      activationType: cell(row.activationType),
      dealerTier: cell(row.dealerTier),
    })
    const rules: Record<string, string>[] = ordered.map((row, index) => ({ _id: `${name}-${index + 1}`, ...cells(row), out: row.amount }))
    if (fallback !== null) rules.push({ _id: `${name}-any`, carrier: '', ratePlan: '', activationType: '', dealerTier: '', out: fallback })
    nodes.push({
      id: name,
      name,
      type: 'decisionTableNode',
      position: { x: 200 * nodes.length, y: 0 },
      content: { hitPolicy: 'first', passThrough: true, inputs: columns, outputs: [column('out', name, output)], rules },
    })
  }
  const paidTypes = '"new", "port_in", "feature_add"'
  const lines: Record<string, string>[] = []
  firstHit(
    'Rebate',
    'rebate',
    rows.filter((r) => r.payout === 'rebate'),
    null,
  )
  lines.push({ _id: 'line-rebate', type: paidTypes, features: '', spiff: '', previous: '', label: '"Rebate"', amount: 'rebate' })
  const features = [...new Set(rows.filter((r) => r.payout === 'feature').map((r) => r.featureCode!))]
  for (const code of features) {
    const field = `feature_${code.replace(/\W/g, '_')}`
    firstHit(
      `Feature ${code}`,
      field,
      rows.filter((r) => r.payout === 'feature' && r.featureCode === code),
      '0',
    )
    const sold = `contains($, ${JSON.stringify(code)})`
    lines.push({
      _id: `line-${field}`,
      type: paidTypes,
      features: sold,
      spiff: '',
      previous: '',
      label: JSON.stringify(`Feature ${code}`),
      amount: field,
    })
  }
  firstHit(
    'Spiff',
    'spiff',
    rows.filter((r) => r.payout === 'spiff'),
    'null',
  )
  lines.push({ _id: 'line-spiff', type: paidTypes, features: '', spiff: '!= null', previous: '', label: '"Spiff"', amount: 'spiff' })
  if (options.oneLine) {
    const sold = features.map((code) => `(contains(features, ${JSON.stringify(code)}) ? feature_${code.replace(/\W/g, '_')} : 0)`)
    lines.splice(0, lines.length, {
      _id: 'line-upfront',
      type: paidTypes,
      features: '',
      spiff: '',
      previous: '',
      label: '"Upfront"',
      amount: ['rebate', ...sold, '(spiff ?? 0)'].join(' + '),
    })
  }
  if (options.planChangePercent !== undefined) {
    const newLine = rows
      .filter((r) => r.payout === 'rebate' && (!r.activationType || r.activationType === 'new'))
      .map((r) => ({ ...r, activationType: null }))
    const without = conditions.filter((c) => c.field !== 'activationType')
    firstHit('New plan rebate', 'newRebate', newLine, null, without)
    const previous = without.map((c) => (c.field === 'ratePlan' ? column('ratePlan', 'Previous rate plan', 'previousRatePlan') : c))
    firstHit('Previous plan rebate', 'previousRebate', newLine, null, previous)
    const changes = '"upgrade", "downgrade"'
    lines.push({
      _id: 'line-plan-change',
      type: changes,
      features: '',
      spiff: '',
      previous: '!= null',
      label: '"Upgrade / downgrade"',
      amount: `(newRebate - previousRebate) * ${options.planChangePercent} / 100`,
    })
    // No earlier sale of the number: the component pays nothing (and warns); the rule says so with a zero line.
    lines.push({
      _id: 'line-plan-unknown',
      type: changes,
      features: '',
      spiff: '',
      previous: 'null',
      label: '"Upgrade / downgrade: previous plan unknown"',
      amount: '0',
    })
  }
  nodes.push({
    id: 'lines',
    name: 'Lines',
    type: 'decisionTableNode',
    position: { x: 200 * nodes.length, y: 0 },
    content: {
      hitPolicy: 'collect',
      inputs: [
        column('type', 'Activation type', 'activationType'),
        column('features', 'Features', 'features'),
        column('spiff', 'Spiff', 'spiff'),
        ...(options.planChangePercent !== undefined ? [column('previous', 'Previous rate plan', 'previousRatePlan')] : []),
      ],
      outputs: [column('label', 'Label', 'label'), column('amount', 'Amount', 'amount')],
      rules: lines,
    },
  })
  nodes.push({ id: 'result', name: 'Result', type: 'outputNode', position: { x: 200 * nodes.length, y: 0 } })
  const edges = nodes.slice(1).map((node, index) => ({ id: `e${index + 1}`, sourceId: nodes[index]!.id, targetId: node.id }))
  return { nodes, edges }
}

// ----- Catalog, plan, periods and runs through the Local API -----------------------------------------------------

type PlanRow = {
  id: number
  carrierId: number
  carrier: string
  code: string
  carrierIndex: number
  planIndex: number
  windowDays: number
  monthlyCharge: string
}
type Setup = {
  plans: PlanRow[]
  planId: number
  versionId: number
  periodId: number
  priorPeriodId: number
  priorRunId: number
  reconRuns: { carrierId: number; history: number; period: number }[]
}

async function createSetup(payload: Payload, pool: pg.Pool): Promise<Setup> {
  const plans: PlanRow[] = []
  const reconRuns: Setup['reconRuns'] = []
  for (const [carrierIndex, spec] of CARRIERS.entries()) {
    const carrier = await payload.create({
      collection: 'carriers',
      data: {
        code: spec.code,
        name: spec.name,
        currency: 'USD',
        matchKeys: ['mdn'],
        dateToleranceDays: 3,
        chargebackWindowDays: spec.windowDays,
      },
    })
    for (const [planIndex, [code, monthlyCharge]] of spec.plans.entries()) {
      const plan = await payload.create({
        collection: 'rate-plans',
        data: { carrier: carrier.id, code, name: code, category: 'postpaid', monthlyCharge },
      })
      plans.push({
        id: plan.id,
        carrierId: carrier.id,
        carrier: spec.code,
        code,
        carrierIndex,
        planIndex,
        windowDays: spec.windowDays,
        monthlyCharge,
      })
    }
    const reconcile = (periodStart: string, periodEnd: string) =>
      payload.create({
        collection: 'reconciliation-runs',
        data: { carrier: carrier.id, periodStart, periodEnd },
        context: { skipQueue: true },
      })
    reconRuns.push({
      carrierId: carrier.id,
      history: (await reconcile(HISTORY.start, HISTORY.end)).id,
      period: (await reconcile(PERIOD.start, PERIOD.end)).id,
    })
  }
  // The reconciliations themselves are not part of this benchmark: their lines are planted, the runs marked completed.
  await pool.query(`update reconciliation_runs set status = 'completed', run_count = 1, last_run_at = now() where id = any($1::int[])`, [
    reconRuns.flatMap((r) => [r.history, r.period]),
  ])

  const byCode = new Map(plans.map((p) => [p.code, p]))
  const carrierId = new Map(plans.map((p) => [p.carrier, p.carrierId]))
  const plan = await payload.create({
    collection: 'compensation-plans',
    data: { name: PLAN_NAME, currency: 'USD', description: 'The commission benchmark plan.' },
  })
  const components: PlanVersion['components'] = [
    {
      blockType: 'upfront',
      rows: UPFRONT.map((row) => ({
        payout: row.payout,
        carrier: row.carrier ? carrierId.get(row.carrier)! : null,
        ratePlan: row.plan ? byCode.get(row.plan)!.id : null,
        activationType: row.type ?? null,
        dealerTier: row.tier ?? null,
        featureCode: row.feature ?? null,
        amount: row.amount,
      })),
    },
    VOLUME_COMPONENT,
    { blockType: 'plan_change', percent: PLAN_CHANGE_PERCENT },
    ...OTHER_COMPONENTS,
  ]
  const version = await payload.create({
    collection: 'plan-versions',
    data: { plan: plan.id, effectiveFrom: HISTORY.start, status: 'approved', rounding: 'half-even', components },
  })

  const period = async (dates: { start: string; end: string; label: string }) => {
    const found = await payload.find({
      collection: 'commission-periods',
      where: { frequency: { equals: 'monthly' }, cycle: { equals: 'regular' }, startsOn: { equals: dates.start } },
      limit: 1,
      depth: 0,
    })
    const doc =
      found.docs[0] ??
      (await payload.create({
        collection: 'commission-periods',
        data: { label: dates.label, frequency: 'monthly', cycle: 'regular', startsOn: dates.start, endsOn: dates.end, status: 'open' },
      }))
    return doc.id
  }
  const priorPeriodId = await period(PRIOR)
  const periodId = await period(PERIOD)
  const prior = await payload.create({
    collection: 'commission-runs',
    data: { period: priorPeriodId, plan: plan.id, mode: 'post' },
    context: { skipQueue: true },
  })
  return { plans, planId: plan.id, versionId: version.id, periodId, priorPeriodId, priorRunId: prior.id, reconRuns }
}

// ----- The data set, in bulk SQL ----------------------------------------------------------------------------------

type Planted = Record<string, number>

/**
 * One transaction: the network (4 distributors, 16 partners, territory owners, the dealers; some ancestors inactive),
 * the generated sales in unlogged `bench_*` tables (kept for the checks), then the facts, their matched and unmatched
 * reconciliation lines, the earlier locked run's lines, notes and holds. Every draw is `bench_u(index, salt)`, a
 * counter-based generator over PostgreSQL's 64-bit integer hash seeded with SEED: the same data set every time.
 */
async function writeDataSet(pool: pg.Pool, setup: Setup, activations: number, dealers: number): Promise<Planted> {
  const history = Math.ceil(activations / 4)
  const owners = Math.max(16, Math.ceil(dealers / 50))
  const client = await pool.connect()
  const q = (sql: string, params: unknown[] = []) => client.query(sql, params)
  try {
    await q('begin')
    await q(`create function bench_u(i bigint, salt int) returns float8 language sql immutable parallel safe
               as $$ select (hashint8extended(i, ${SEED * 1000} + salt) & 2147483647)::float8 / 2147483648 $$`)
    const root = (await q(`select id from participants where parent_id is null`)).rows[0] as { id: number }
    const level = async (prefix: string, count: number, kind: string, parent: string, status: string, tier = 'null') => {
      await q(
        `insert into participants (name, code, kind, parent_id, status, dealer_tier, joined_on, currency)
         select 'Bench ${kind.replace('_', ' ')} ' || k, '${prefix}' || lpad(k::text, 6, '0'), '${kind}', ${parent}, (${status})::enum_participants_status,
                (${tier})::enum_participants_dealer_tier, '2019-01-01', 'USD'
           from generate_series(1, $1) k`,
        [count],
      )
      await q(
        `update participants c set path = p.path || c.id || '/' from participants p where p.id = c.parent_id and c.code like '${prefix}%'`,
      )
    }
    const parentOf = (prefix: string, count: number) =>
      `(select id from participants where code = '${prefix}' || lpad(((k - 1) % ${count} + 1)::text, 6, '0'))`
    await level('BN-L1-', 4, 'distributor', String(root.id), `case when k = 3 then 'suspended' else 'active' end`)
    await level('BN-L2-', 16, 'partner', parentOf('BN-L1-', 4), `case when k = 6 then 'terminated' else 'active' end`)
    await level(
      'BN-L3-',
      owners,
      'territory_owner',
      parentOf('BN-L2-', 16),
      `case when bench_u(k, 1) < 0.1 then 'suspended' else 'active' end`,
    )
    await level(
      'BN-DLR-',
      dealers,
      'dealer',
      parentOf('BN-L3-', owners),
      `'active'`,
      `case when bench_u(k, 2) < 0.15 then null when bench_u(k, 2) < 0.55 then 'standard' when bench_u(k, 2) < 0.8 then 'silver' when bench_u(k, 2) < 0.93 then 'gold' else 'platinum' end`,
    )

    await q(
      `create unlogged table bench_dealers as select substr(code, 8)::int as k, id, coalesce(dealer_tier::text, '') as tier from participants where code like 'BN-DLR-%'`,
    )
    await q(`alter table bench_dealers add primary key (k)`)
    const p = setup.plans
    await q(
      `create unlogged table bench_plans as select * from unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[], $6::numeric[])
         as t(carrier_index, plan_index, carrier_id, rate_plan_id, window_days, monthly_charge)`,
      [
        p.map((x) => x.carrierIndex),
        p.map((x) => x.planIndex),
        p.map((x) => x.carrierId),
        p.map((x) => x.id),
        p.map((x) => x.windowDays),
        p.map((x) => x.monthlyCharge),
      ],
    )
    await writeRateTables(client, p)

    // The draws both staging tables make (the period's salts are the history's + 100, so sale i and history sale h = i
    // draw independently): dealer (skewed: a few dealers sell a lot), carrier 60/40, plan, features.
    const draws = (index: string, salt: number) => `
      join bench_dealers d on d.k = 1 + floor(${dealers} * power(bench_u(${index}, ${salt + 11}), 3))::int
      join bench_plans p on p.carrier_index = (bench_u(${index}, ${salt + 12}) >= 0.6)::int and p.plan_index = floor(bench_u(${index}, ${salt + 13}) * ${PLANS_PER_CARRIER})::int`
    const features = (
      index: string,
      salt: number,
    ) => `case when g.activation_type in ('upgrade', 'downgrade') or (g.activation_type <> 'feature_add' and bench_u(${index}, ${salt + 14}) < 0.5) then ''
      else ($1::text[])[1 + floor(bench_u(${index}, ${salt + 15}) * ${FEATURE_SETS.length})::int] end`
    // History: 55 % new, 30 % port-in, 10 % feature adds, 5 % upgrades; 95 % matched; 30 % deactivated 1–540 days later.
    await q(
      `create unlogged table bench_history as
       select g.h, d.id as dealer_id, d.tier, p.carrier_id, p.rate_plan_id, p.window_days, g.activation_type, ${features('g.h', 0)} as features,
              g.sale_date, case when bench_u(g.h, 16) < 0.3 then g.sale_date + 1 + floor(bench_u(g.h, 17) * 540)::int end as deactivation_date,
              bench_u(g.h, 18) < 0.95 as matched, '1' || lpad(g.h::text, 10, '0') as mdn,
              nextval(pg_get_serial_sequence('dealer_sales', 'id'))::int as sale_id, nextval(pg_get_serial_sequence('carrier_records', 'id'))::int as record_id
         from (select h, case when u < 0.55 then 'new' when u < 0.85 then 'port_in' when u < 0.95 then 'feature_add' else 'upgrade' end as activation_type,
                      $2::date + floor(bench_u(h, 19) * ${HISTORY.days})::int as sale_date
                 from (select h, bench_u(h, 10) as u from generate_series(1, ${history}) h) x) g ${draws('g.h', 0)}`,
      [FEATURE_SETS, HISTORY.start],
    )
    // The period: 42 % new, 25 % port-in, 13 % feature adds, 12 % upgrades, 8 % downgrades; 97 % matched.
    await q(
      `create unlogged table bench_sales as
       select g.i, d.id as dealer_id, d.tier, p.carrier_id, p.rate_plan_id, null::int as old_plan_id, null::int as ref_h, g.activation_type, ${features('g.i', 100)} as features,
              g.sale_date, bench_u(g.i, 118) < 0.97 as matched, '2' || lpad(g.i::text, 10, '0') as mdn,
              nextval(pg_get_serial_sequence('dealer_sales', 'id'))::int as sale_id, nextval(pg_get_serial_sequence('carrier_records', 'id'))::int as record_id
         from (select i, case when u < 0.42 then 'new' when u < 0.67 then 'port_in' when u < 0.80 then 'feature_add' when u < 0.92 then 'upgrade' else 'downgrade' end as activation_type,
                      $2::date + floor(bench_u(i, 119) * ${PERIOD.days})::int as sale_date
                 from (select i, bench_u(i, 110) as u from generate_series(1, ${activations}) i) x) g ${draws('g.i', 100)}`,
      [FEATURE_SETS, PERIOD.start],
    )
    // Each upgrade or downgrade moves the number of its own earlier sale (the r-th change takes history sale
    // (r-1)·K mod H + 1, all distinct) to another plan of that sale's carrier; changes beyond H become new sales.
    const stride = history % 7919 === 0 ? 7927 : 7919
    await q(
      `update bench_sales s set ref_h = ((c.r - 1) * ${stride}) % ${history} + 1
         from (select i, row_number() over (order by i) as r from bench_sales where activation_type in ('upgrade', 'downgrade')) c
        where c.i = s.i and c.r <= ${history}`,
    )
    await q(`update bench_sales set activation_type = 'new' where activation_type in ('upgrade', 'downgrade') and ref_h is null`)
    await q(
      `update bench_sales s set carrier_id = h.carrier_id, old_plan_id = h.rate_plan_id, rate_plan_id = p2.rate_plan_id, mdn = h.mdn
         from bench_history h, bench_plans p, bench_plans p2
        where h.h = s.ref_h and p.rate_plan_id = h.rate_plan_id and p2.carrier_index = p.carrier_index
          and p2.plan_index = (p.plan_index + 1 + floor(bench_u(s.i, 121) * ${PLANS_PER_CARRIER - 1})::int) % ${PLANS_PER_CARRIER}`,
    )

    await q('analyze bench_history, bench_sales')
    progress('  staging tables generated; writing sales, carrier records and reconciliation lines')
    const facts = `
      select h.sale_id, h.record_id, h.dealer_id, h.sale_date, h.carrier_id, h.activation_type, h.mdn, h.rate_plan_id, h.features, h.deactivation_date, h.matched,
             'bench-h-' || h.h as natural_key, r.history as run_id from bench_history h join bench_runs r using (carrier_id)
      union all
      select s.sale_id, s.record_id, s.dealer_id, s.sale_date, s.carrier_id, s.activation_type, s.mdn, s.rate_plan_id, s.features, null, s.matched,
             'bench-s-' || s.i, r.period from bench_sales s join bench_runs r using (carrier_id)`
    await q(`create unlogged table bench_runs as select * from unnest($1::int[], $2::int[], $3::int[]) as t(carrier_id, history, period)`, [
      setup.reconRuns.map((r) => r.carrierId),
      setup.reconRuns.map((r) => r.history),
      setup.reconRuns.map((r) => r.period),
    ])
    await q(
      `insert into dealer_sales (id, dealer_id, sale_date, carrier_id, activation_type, mdn, rate_plan_id, features, natural_key)
       select sale_id, dealer_id, sale_date, carrier_id, activation_type::enum_dealer_sales_activation_type, mdn, rate_plan_id, nullif(features, ''), natural_key
         from (${facts}) f order by sale_id`,
    )
    await q(
      `insert into carrier_records (id, activation_date, carrier_id, activation_type, mdn, rate_plan_id, features, dealer_id, line_status, deactivation_date, natural_key)
       select record_id, sale_date, carrier_id, activation_type::enum_carrier_records_activation_type, mdn, rate_plan_id, nullif(features, ''), dealer_id,
              case when deactivation_date is null then 'active' else 'deactivated' end::enum_carrier_records_line_status, deactivation_date, natural_key || '-r'
         from (${facts}) f order by record_id`,
    )
    await q(
      `insert into reconciliation_lines (run_id, recon_class, sale_id, carrier_record_id, dealer_id, expected, paid)
       select f.run_id, case when f.matched then 'matched' else 'amount_mismatch' end::enum_reconciliation_lines_recon_class, f.sale_id, f.record_id, f.dealer_id,
              coalesce(r.amount, 0), coalesce(r.amount, 0) + case when f.matched then 0 else 5 end
         from (${facts}) f join bench_dealers d on d.id = f.dealer_id
         left join bench_upfront_rates r on r.carrier_id = f.carrier_id and r.rate_plan_id = f.rate_plan_id and r.activation_type = f.activation_type
                                        and r.tier = d.tier and r.features = f.features
        order by f.sale_id`,
    )

    // The earlier locked run paid every verified history activation upfront, and already charged back the lines
    // deactivated (within the carrier's window) before this period: only this period's deactivations are left.
    await q(
      `insert into commission_lines (run_id, period_id, payee_id, component, amount, currency, held, sale_id, carrier_record_id, plan_version_id)
       select $1, $2, h.dealer_id, c.component::enum_commission_lines_component, c.sign * r.amount, 'USD', false, h.sale_id, h.record_id, $3
         from bench_history h join bench_upfront_rates r using (carrier_id, rate_plan_id, activation_type, tier, features)
         cross join lateral (values ('upfront', 1), ('chargeback', -1)) c(component, sign)
        where h.matched and (c.component = 'upfront' or (h.deactivation_date < $4::date and h.deactivation_date - h.sale_date <= h.window_days and r.amount <> 0))`,
      [setup.priorRunId, setup.priorPeriodId, setup.versionId, PERIOD.start],
    )
    await q(`update commission_runs set status = 'locked', plan_version_id = $2, last_run_at = now(), locked_at = now() where id = $1`, [
      setup.priorRunId,
      setup.versionId,
    ])
    await q(`update commission_periods set status = 'locked', locked_at = now() where id = $1`, [setup.priorPeriodId])

    // 25 notes of −100.00 to 100.00 in the period; holds on 5 dealers and 20 sales, and one released hold.
    await q(
      `insert into commission_notes (title, participant_id, period_id, plan_id, amount, reason)
       select 'Bench note ' || n, d.id, $1, $2, (floor(bench_u(n, 30) * 20000) - 9999) / 100.0, 'bench correction ' || n
         from generate_series(1, 25) n join bench_dealers d on d.k = 1 + floor(bench_u(n, 31) * ${dealers})::int`,
      [setup.periodId, setup.planId],
    )
    await q(
      `insert into commission_holds (title, target, participant_id, sale_id, reason, status)
       select 'Bench hold ' || n, 'participant'::enum_commission_holds_target, d.id, null, 'W-9 missing', case when n = 6 then 'released' else 'active' end::enum_commission_holds_status
         from generate_series(1, 6) n join bench_dealers d on d.k = 1 + floor(bench_u(n, 32) * ${dealers})::int
       union all
       select 'Bench hold s' || n, 'sale', null, s.sale_id, 'disputed', 'active'
         from generate_series(1, 20) n join bench_sales s on s.i = 1 + floor(bench_u(n, 33) * ${activations})::int`,
    )
    await q('commit')

    const count = async (sql: string) => ((await q(sql)).rows[0] as { n: number }).n
    return {
      participants: 20 + owners + dealers,
      inactiveAncestors: await count(`select count(*)::int as n from participants where code like 'BN-L%' and status <> 'active'`),
      periodSales: activations,
      periodMatched: await count(`select count(*)::int as n from bench_sales where matched`),
      planChanges: await count(`select count(*)::int as n from bench_sales where ref_h is not null`),
      historySales: history,
      historyDeactivated: await count(`select count(*)::int as n from bench_history where deactivation_date is not null`),
      priorLines: await count(`select count(*)::int as n from commission_lines where run_id = ${setup.priorRunId}`),
    }
  } catch (err) {
    await q('rollback').catch(() => undefined)
    throw err
  } finally {
    client.release()
  }
}

/** The plan priced by the bench: every upfront combination the generator can draw, and the new-line rebate of each plan. */
async function writeRateTables(client: pg.PoolClient, plans: PlanRow[]): Promise<void> {
  const upfront: [number, number, string, string, string, string][] = []
  const rebates: [number, number, string, string][] = []
  for (const plan of plans) {
    for (const tier of TIERS) {
      const at = (type: string): Combination => ({ carrier: plan.carrier, plan: plan.code, type, tier })
      rebates.push([plan.carrierId, plan.id, tier, rowFor('rebate', at('new'))!.amount])
      for (const type of UPFRONT_TYPES)
        for (const features of ['', ...FEATURE_SETS])
          upfront.push([plan.carrierId, plan.id, type, tier, features, upfrontAmount(at(type), features).toFixed(2)])
    }
  }
  const column = <T>(rows: T[][], index: number) => rows.map((row) => row[index])
  await client.query(
    `create unlogged table bench_upfront_rates as select * from unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::numeric[])
       as t(carrier_id, rate_plan_id, activation_type, tier, features, amount)`,
    [0, 1, 2, 3, 4, 5].map((i) => column(upfront, i)),
  )
  await client.query(`alter table bench_upfront_rates add primary key (carrier_id, rate_plan_id, activation_type, tier, features)`)
  await client.query(
    `create unlogged table bench_rebates as select * from unnest($1::int[], $2::int[], $3::text[], $4::numeric[]) as t(carrier_id, rate_plan_id, tier, amount)`,
    [0, 1, 2, 3].map((i) => column(rebates, i)),
  )
}

// ----- What the run must post, recomputed from the generated data ----------------------------------------------

type Totals = Map<string, { lines: number; total: Decimal }>

/**
 * Each component's lines and total from the `bench_*` tables, by the plan's rules as stated above: upfront per
 * verified activation (zero amounts included); the volume bonus per dealer; the rebate difference per verified
 * upgrade/downgrade; 3 % of the charge per still-active verified activation of the 24 months (rounded per line);
 * the upfront paid back for this period's deactivations within the carrier window; the notes; and the overrides on
 * each dealer's own total, by the active ancestors nearest first (rounded per line). Only upfront posts zero lines.
 */
async function expectedTotals(pool: pg.Pool, setup: Setup): Promise<Totals> {
  const totals: Totals = new Map()
  const own = new Map<number, Decimal>()
  const add = (component: string, dealer: number | null, lines: number, amount: Decimal) => {
    const entry = totals.get(component) ?? { lines: 0, total: new Money(0) }
    totals.set(component, { lines: entry.lines + lines, total: entry.total.plus(amount) })
    if (dealer !== null && component !== 'note' && component !== 'override') own.set(dealer, (own.get(dealer) ?? new Money(0)).plus(amount))
  }
  type PerDealer = { dealer: number; lines: number; total: string }
  const perDealer = async (component: string, sql: string, params: unknown[] = []) => {
    for (const row of (await pool.query<PerDealer>(sql, params)).rows) add(component, row.dealer, row.lines, new Money(row.total))
  }
  const rates = `join bench_upfront_rates r using (carrier_id, rate_plan_id, activation_type, tier, features)`
  const unpriced = await pool.query<{ n: number }>(
    `select count(*)::int as n from bench_sales s where s.matched and s.activation_type in ('new', 'port_in', 'feature_add')
        and not exists (select 1 from bench_upfront_rates r where (r.carrier_id, r.rate_plan_id, r.activation_type, r.tier, r.features) = (s.carrier_id, s.rate_plan_id, s.activation_type, s.tier, s.features))`,
  )
  if (unpriced.rows[0]!.n > 0) throw new Error(`${unpriced.rows[0]!.n} generated sales have no price in bench_upfront_rates`)
  await perDealer(
    'upfront',
    `select dealer_id as dealer, count(*)::int as lines, sum(r.amount)::text as total from bench_sales s ${rates} where s.matched group by 1`,
  )
  const volumes = await pool.query<{ dealer: number; count: number }>(
    `select dealer_id as dealer, count(*)::int as count from bench_sales where matched and activation_type in ('new', 'port_in') group by 1`,
  )
  for (const { dealer, count } of volumes.rows) {
    const amount = cents(volumeBonus(count))
    add('volume_bonus', dealer, amount.isZero() ? 0 : 1, amount)
  }
  const changes = await pool.query<{ dealer: number; difference: string; lines: number }>(
    `select s.dealer_id as dealer, (n.amount - o.amount)::text as difference, count(*)::int as lines from bench_sales s
       join bench_rebates n on n.carrier_id = s.carrier_id and n.rate_plan_id = s.rate_plan_id and n.tier = s.tier
       join bench_rebates o on o.carrier_id = s.carrier_id and o.rate_plan_id = s.old_plan_id and o.tier = s.tier
      where s.matched and s.ref_h is not null group by 1, 2`,
  )
  for (const row of changes.rows) {
    const amount = cents(new Money(row.difference).times(PLAN_CHANGE_PERCENT).div(100))
    add('plan_change', row.dealer, amount.isZero() ? 0 : row.lines, amount.times(row.lines))
  }
  // Every history sale is 1 to 24 months before the period by construction, so each still-active one earns a residual.
  const charge = new Map(setup.plans.map((p) => [p.id, cents(new Money(p.monthlyCharge).times(RESIDUAL.percent).div(100))]))
  const residuals = await pool.query<{ dealer: number; plan: number; lines: number }>(
    `select dealer_id as dealer, rate_plan_id as plan, count(*)::int as lines from bench_history
      where matched and activation_type in ('new', 'port_in') and (deactivation_date is null or deactivation_date > $1::date) group by 1, 2`,
    [PERIOD.end],
  )
  for (const row of residuals.rows) add('residual', row.dealer, row.lines, charge.get(row.plan)!.times(row.lines))
  await perDealer(
    'chargeback',
    `select dealer_id as dealer, count(*) filter (where r.amount <> 0)::int as lines, sum(-r.amount)::text as total from bench_history h ${rates}
      where h.matched and h.deactivation_date between $1::date and $2::date and h.deactivation_date - h.sale_date <= h.window_days group by 1`,
    [PERIOD.start, PERIOD.end],
  )
  const notes = (
    await pool.query<{ lines: number; total: string }>(
      `select count(*)::int as lines, coalesce(sum(amount), 0)::text as total from commission_notes where period_id = $1 and plan_id = $2`,
      [setup.periodId, setup.planId],
    )
  ).rows[0]!
  add('note', null, notes.lines, new Money(notes.total))
  const chains = await pool.query<{ dealer: number; ancestors: { id: number; active: boolean }[] }>(
    `select d.id as dealer, json_build_array(json_build_object('id', a3.id, 'active', a3.status = 'active'), json_build_object('id', a2.id, 'active', a2.status = 'active'),
            json_build_object('id', a1.id, 'active', a1.status = 'active')) as ancestors
       from bench_dealers d join participants p on p.id = d.id join participants a3 on a3.id = p.parent_id join participants a2 on a2.id = a3.parent_id join participants a1 on a1.id = a2.parent_id`,
  )
  for (const { dealer, ancestors } of chains.rows) {
    const base = own.get(dealer)
    if (!base || base.isZero()) continue
    ancestors
      .filter((a) => a.active)
      .slice(0, OVERRIDE_PERCENTS.length)
      .forEach((_, index) => {
        const amount = cents(base.times(OVERRIDE_PERCENTS[index]!).div(100))
        add('override', null, amount.isZero() ? 0 : 1, amount)
      })
  }
  return totals
}

async function postedTotals(pool: pg.Pool, runId: number): Promise<Totals> {
  const rows = await pool.query<{ component: string; lines: number; total: string }>(
    `select component::text as component, count(*)::int as lines, sum(amount)::text as total from commission_lines where run_id = $1 group by 1`,
    [runId],
  )
  return new Map(rows.rows.map((row) => [row.component, { lines: row.lines, total: new Money(row.total) }]))
}

const sumOf = (totals: Totals) => [...totals.values()].reduce((sum, t) => sum.plus(t.total), new Money(0))

/** Component by component (lines and total), then the run total, its status and its holds. */
async function checkRun(pool: pg.Pool, runId: number, expected: Totals): Promise<string> {
  const posted = await postedTotals(pool, runId)
  const problems: string[] = []
  for (const component of new Set([...expected.keys(), ...posted.keys()])) {
    const want = expected.get(component) ?? { lines: 0, total: new Money(0) }
    const got = posted.get(component) ?? { lines: 0, total: new Money(0) }
    if (want.lines === 0) problems.push(`the data set produced no ${component} lines`)
    if (want.lines !== got.lines || !want.total.eq(got.total))
      problems.push(`${component}: expected ${want.lines} lines, ${want.total.toFixed(2)}; got ${got.lines} lines, ${got.total.toFixed(2)}`)
  }
  const run = (
    await pool.query<{ status: string; total: string | null; message: string | null }>(
      `select status::text as status, total::text as total, message from commission_runs where id = $1`,
      [runId],
    )
  ).rows[0]!
  if (run.status !== 'awaiting_approval') problems.push(`run status ${run.status}: ${run.message ?? ''}`)
  if (!sumOf(expected).eq(sumOf(posted)) || !sumOf(posted).eq(run.total ?? 'NaN')) {
    problems.push(`run total: expected ${sumOf(expected).toFixed(2)}, lines sum to ${sumOf(posted).toFixed(2)}, run says ${run.total}`)
  }
  const held = (
    await pool.query<{ held: number; due: number }>(
      `select count(*) filter (where held)::int as held,
            count(*) filter (where payee_id in (select participant_id from commission_holds where status = 'active' and target = 'participant')
                                or sale_id in (select sale_id from commission_holds where status = 'active' and target = 'sale'))::int as due
       from commission_lines where run_id = $1`,
      [runId],
    )
  ).rows[0]!
  if (held.held !== held.due || held.due === 0) problems.push(`holds: ${held.held} lines held, ${held.due} under an active hold`)
  return problems.length === 0 ? 'ok' : problems.join('; ')
}

// ----- The floor --------------------------------------------------------------------------------------------------

/**
 * The period's upfront total as one statement on the same tables: verified sales (matched lines of completed
 * reconciliations) joined to the bench's rate table. Run once to warm the cache, then timed. For comparison only,
 * the same join written into a temp table (one row per line, like the run's upfront lines), rolled back.
 */
async function timeFloor(pool: pg.Pool, expectedUpfront: Decimal): Promise<{ seconds: number; check: string }> {
  const join = `from reconciliation_lines rl
       join reconciliation_runs rr on rr.id = rl.run_id and rr.status = 'completed'
       join dealer_sales s on s.id = rl.sale_id
       join participants p on p.id = s.dealer_id
       join bench_upfront_rates r on r.carrier_id = s.carrier_id and r.rate_plan_id = s.rate_plan_id and r.activation_type = s.activation_type::text
                                 and r.tier = coalesce(p.dealer_tier::text, '') and r.features = coalesce(s.features, '')
      where rl.recon_class = 'matched' and s.sale_date between $1 and $2`
  const sum = () => pool.query<{ total: string }>(`select coalesce(sum(r.amount), 0)::text as total ${join}`, [PERIOD.start, PERIOD.end])
  const warm = await timed(sum)
  progress(`floor warm-up: ${formatSeconds(warm.seconds)}`)
  const measured = await timed(sum)
  const total = measured.value.rows[0]!.total
  const client = await pool.connect()
  try {
    await client.query('begin')
    const written = await timed(() =>
      client.query(`create temp table bench_floor_lines as select s.dealer_id, s.id as sale_id, rl.carrier_record_id, r.amount ${join}`, [
        PERIOD.start,
        PERIOD.end,
      ]),
    )
    await client.query('rollback')
    progress(`floor written as ${written.value.rowCount} rows into a temp table: ${formatSeconds(written.seconds)} (not used in the ratio)`)
  } finally {
    client.release()
  }
  return {
    seconds: measured.seconds,
    check: expectedUpfront.eq(total) ? 'ok' : `floor: upfront total ${total}, expected ${expectedUpfront.toFixed(2)}`,
  }
}

// ----- The benchmark ----------------------------------------------------------------------------------------------

export async function benchCommission(options: CommissionOptions): Promise<BenchResult> {
  const db = await startBenchDatabase(options.settings)
  try {
    return await run(db.payload, db.pool, options)
  } finally {
    progress('stopping the database and deleting its folder')
    await db.close()
  }
}

async function run(payload: Payload, pool: pg.Pool, options: CommissionOptions): Promise<BenchResult> {
  const setup = await createSetup(payload, pool)
  progress(
    `created through the Local API: 2 carriers, ${setup.plans.length} rate plans, 4 reconciliation runs, plan "${PLAN_NAME}" with an approved version, periods ${PRIOR.label} and ${PERIOD.label}`,
  )
  progress(
    `generating ${options.rows} verified-sale candidates in ${PERIOD.label} for ${options.dealers} dealers, and ${Math.ceil(options.rows / 4)} history sales (activations/4, ${HISTORY.start} – ${HISTORY.end})`,
  )
  const write = await timed(() => writeDataSet(pool, setup, options.rows, options.dealers))
  progress(`bulk write (not timed): ${formatSeconds(write.seconds)}; planted ${JSON.stringify(write.value)}`)
  const vacuum = await timed(() =>
    pool.query(
      'vacuum analyze participants, dealer_sales, carrier_records, reconciliation_lines, reconciliation_runs, commission_lines, commission_notes, commission_holds',
    ),
  )
  progress(`vacuum analyze: ${formatSeconds(vacuum.seconds)}`)

  const created = await payload.create({
    collection: 'commission-runs',
    data: { period: setup.periodId, plan: setup.planId, mode: 'post' },
    context: { skipQueue: true },
  })
  const runId = created.id
  progress(`created commission run ${runId} through the Local API (not queued; the bench runs it directly)`)

  await instrument(pool)
  progress('running the commission run (timed)')
  const startedAt = Date.now()
  const measured = await record(() => timed(() => runCommission(payload, runId, ignoreProgress)))
  const seconds = measured.value.seconds
  progress(
    `commission run: ${formatSeconds(seconds)} (${Math.round(options.rows / seconds)} activations/s); ${measured.value.value.lineCount} lines for ${measured.value.value.payees} payees`,
  )
  await printSteps(pool, runId, startedAt)
  progress('statement by statement:')
  for (const line of breakdown(measured.statements)) progress(line)

  const expected = await expectedTotals(pool, setup)
  for (const [component, t] of [...expected.entries()].sort()) progress(`  expected ${component}: ${t.lines} lines, ${t.total.toFixed(2)}`)
  const runCheck = await checkRun(pool, runId, expected)
  progress(`checks: ${runCheck}`)
  const floor = await timeFloor(pool, expected.get('upfront')?.total ?? new Money(0))
  progress(`floor (upfront total, one statement, warm): ${formatSeconds(floor.seconds)}; ratio ${(seconds / floor.seconds).toFixed(2)}`)
  if (options.explain) await explain(pool, measured.statements)
  if (options.rules) {
    const twin = await runRulesTwin(payload, pool, setup, runId, { seconds, expected })
    return result({
      workload: 'commission',
      rows: options.rows,
      seconds: twin.seconds,
      floorSeconds: floor.seconds,
      checks: combineChecks(runCheck, floor.check, twin.check),
    })
  }

  return result({
    workload: 'commission',
    rows: options.rows,
    seconds,
    floorSeconds: floor.seconds,
    checks: combineChecks(runCheck, floor.check),
  })
}

/** A run's posted lines, evaluations and statements removed (untimed), so the next timed run of it starts clean. */
async function clearRun(pool: pg.Pool, runId: number): Promise<void> {
  await pool.query(`delete from commission_statements where run_id = $1`, [runId])
  await pool.query(`delete from commission_lines where run_id = $1`, [runId])
  await pool.query(`delete from commission_evaluations where run_id = $1`, [runId])
  await pool.query('vacuum analyze commission_lines, commission_evaluations')
}

/** The target for the rule-set twin: at most 10 % slower than the structured run. */
const RULES_TIME_TARGET = 1.1

/**
 * `--rules`: the upfront table and the plan changes entered as a rule set (`upfrontRuleContent`, one "Upfront" line
 * per activation like the structured component), approved through the Local API and paid by version 2 of the same
 * plan from the period on (so the notes, holds, chargebacks and overrides are the same), the structured run's lines
 * removed (untimed), and the same run timed again; then version 2 is withdrawn and the structured run timed once
 * more, warm like the rule-based one (the first run reads the freshly written tables cold). Checks: component by
 * component against the recomputed totals (the rule-based lines are the upfront and plan-change totals together, one
 * line per verified sale, zero amounts included), the run total equal to the structured run's to the cent, and the
 * time within 10 % of the warm structured run's. The JSON's `seconds` is the rule-based run's.
 */
async function runRulesTwin(
  payload: Payload,
  pool: pg.Pool,
  setup: Setup,
  runId: number,
  structured: { seconds: number; expected: Totals },
): Promise<{ seconds: number; check: string }> {
  const rows: UpfrontRuleRow[] = UPFRONT.map((row) => ({
    payout: row.payout,
    carrier: row.carrier,
    ratePlan: row.plan,
    activationType: row.type,
    dealerTier: row.tier,
    featureCode: row.feature,
    amount: row.amount,
  }))
  const content = upfrontRuleContent(rows, { planChangePercent: PLAN_CHANGE_PERCENT, oneLine: true })
  const set = await payload.create({ collection: 'rule-sets', data: { name: 'Bench upfront table', purpose: 'commission_amount' } })
  const example = upfrontAmount({ carrier: 'BNA', plan: 'BNA-UNL', type: 'port_in', tier: '' }, 'HOTSPOT')
  const draft = await payload.create({
    collection: 'rule-versions',
    data: {
      ruleSet: set.id,
      status: 'draft',
      effectiveFrom: HISTORY.start,
      content: content as unknown as Record<string, unknown>,
      testCases: [
        {
          name: 'a port-in on BNA-UNL with a hotspot: rebate 190, hotspot 20, spiff 50',
          inputs: { carrier: 'BNA', ratePlan: 'BNA-UNL', activationType: 'port_in', dealerTier: null, features: ['HOTSPOT'] },
          expected: [{ label: 'Upfront', amount: example.toFixed(2) }],
        },
      ],
    },
  })
  for (const status of ['submitted', 'approved'] as const)
    await payload.update({ collection: 'rule-versions', id: draft.id, data: { status } })
  const version = await payload.create({
    collection: 'plan-versions',
    data: {
      plan: setup.planId,
      effectiveFrom: PERIOD.start,
      status: 'approved',
      rounding: 'half-even',
      components: [{ blockType: 'rule_amount', ruleSet: set.id }, VOLUME_COMPONENT, ...OTHER_COMPONENTS],
    },
  })
  const graph = content.nodes.filter((n) => n.type === 'decisionTableNode').map((n) => n.name)
  progress(
    `--rules: rule set "Bench upfront table" v1 approved (${graph.length} tables: ${graph.join(', ')}); plan version 2 pays it from ${PERIOD.start}`,
  )

  const structuredTotal = (await pool.query<{ total: string }>(`select total::text as total from commission_runs where id = $1`, [runId]))
    .rows[0]!.total
  await clearRun(pool, runId)
  progress(`removed the structured run's lines (not timed); running the same run under version 2 (timed)`)
  const startedAt = Date.now()
  const measured = await record(() => timed(() => runCommission(payload, runId, ignoreProgress)))
  const seconds = measured.value.seconds
  progress(
    `rule-based run: ${formatSeconds(seconds)} (${Math.round(measured.value.value.lineCount / seconds)} lines/s); ${measured.value.value.lineCount} lines for ${measured.value.value.payees} payees`,
  )
  await printSteps(pool, runId, startedAt)
  progress('statement by statement:')
  for (const line of breakdown(measured.statements)) progress(line)

  const sales = (await pool.query<{ n: number }>(`select count(*)::int as n from bench_sales where matched`)).rows[0]!.n
  const expected: Totals = new Map(structured.expected)
  const upfront = expected.get('upfront') ?? { lines: 0, total: new Money(0) }
  const changes = expected.get('plan_change') ?? { lines: 0, total: new Money(0) }
  expected.delete('upfront')
  expected.delete('plan_change')
  expected.set('rule_amount', { lines: sales, total: upfront.total.plus(changes.total) })
  progress(
    `  expected rule_amount: ${sales} lines (one per verified sale), ${upfront.total.plus(changes.total).toFixed(2)} (upfront + plan changes)`,
  )
  const checks = [await checkRun(pool, runId, expected)]
  const total = (await pool.query<{ total: string }>(`select total::text as total from commission_runs where id = $1`, [runId])).rows[0]!
    .total
  if (!new Money(total).eq(structuredTotal)) checks.push(`rule-based run total ${total}, structured run total ${structuredTotal}`)
  // The first (structured) run read the freshly written tables cold; time it again warm, as the rule-based run was,
  // with version 2 withdrawn (by SQL, untimed) so version 1 is in force again.
  await clearRun(pool, runId)
  await pool.query(`update plan_versions set status = 'draft' where id = $1`, [version.id])
  const again = await timed(() => runCommission(payload, runId, ignoreProgress))
  checks.push(await checkRun(pool, runId, structured.expected))
  progress(`structured run again (warm, timed): ${formatSeconds(again.seconds)} (first, cold: ${formatSeconds(structured.seconds)})`)
  const ratio = seconds / again.seconds
  progress(
    `rule-based run ${formatSeconds(seconds)} against the warm structured run's ${formatSeconds(again.seconds)}: ${(ratio * 100).toFixed(1)} % (target ≤ ${Math.round(RULES_TIME_TARGET * 100)} %); totals ${total} and ${structuredTotal}`,
  )
  if (ratio > RULES_TIME_TARGET)
    checks.push(
      `the rule-based run took ${(ratio * 100).toFixed(1)} % of the structured run's time (target ≤ ${Math.round(RULES_TIME_TARGET * 100)} %)`,
    )
  return { seconds, check: combineChecks(...checks) }
}

/** The steps the run recorded (commission_runs.steps), each with the time since the previous one. */
async function printSteps(pool: pg.Pool, runId: number, startedAt: number): Promise<void> {
  const steps =
    (
      await pool.query<{ steps: { step: string; status: string; detail: string; at: string }[] | null }>(
        `select steps from commission_runs where id = $1`,
        [runId],
      )
    ).rows[0]?.steps ?? []
  progress('steps:')
  let previous = startedAt
  for (const step of steps) {
    const at = Date.parse(step.at)
    progress(`  ${step.step.padEnd(9)} ${formatSeconds((at - previous) / 1000).padStart(10)}  ${step.status}: ${step.detail}`)
    previous = at
  }
}

async function explain(pool: pg.Pool, statements: Statement[]): Promise<void> {
  progress('replaying the run under EXPLAIN ANALYZE (rolled back)')
  const client = await pool.connect()
  try {
    for (const { label, plan } of await explainReplay(client, transactionStatements(statements))) {
      progress(`--- ${label}`)
      for (const line of plan.split('\n')) progress(`  ${line}`)
    }
  } finally {
    client.release()
  }
}
