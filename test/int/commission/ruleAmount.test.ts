/**
 * Plans that use rules, over REST: a business user writes a decision table for a dealer plan (flat upgrade and
 * downgrade amounts, a base rebate by plan, a port-in bonus on top), a second user approves it, a plan version with a
 * rule-based amount is approved, October is run, and each verified sale gets one line per row that fired, with its
 * label, to the cent; "why this amount" names the rule version and the row. The demo plan's structured upfront table
 * and the same table entered as a rule set pay the same per sale. A rule that returns nothing for some sales refuses
 * the run with their count and an example, and posts nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { upfrontRuleContent } from '../../../scripts/bench/commission'
import { DEMO_UPFRONT } from '../../../seed/commission/data'
import { startTestApp, type TestApp } from '../../support/app'
import { periodId, planId, runPeriod } from '../../support/commission'
import { Api } from '../../support/http'
import { drainJobs } from '../../support/telecom'

let app: TestApp
let admin: Api
let ops: Api
let october: number

type Cell = Record<string, string>
const column = (id: string, name: string, field: string) => ({ id, name, field })
/** A graph of one `collect` decision table "Rates" between the sale and the result. */
function ratesTable(rules: (Cell & { _id: string })[]) {
  return {
    nodes: [
      { id: 'sale', name: 'Sale', type: 'inputNode', position: { x: 0, y: 0 } },
      {
        id: 'rates',
        name: 'Rates',
        type: 'decisionTableNode',
        position: { x: 250, y: 0 },
        content: {
          hitPolicy: 'collect',
          inputs: [column('type', 'Activation type', 'activationType'), column('plan', 'Rate plan', 'ratePlan')],
          outputs: [column('label', 'Label', 'label'), column('amount', 'Amount', 'amount')],
          rules,
        },
      },
      { id: 'result', name: 'Result', type: 'outputNode', position: { x: 500, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'sale', targetId: 'rates' },
      { id: 'e2', sourceId: 'rates', targetId: 'result' },
    ],
  }
}

/** The dealer plan's terms as a decision table: rows 1–8, as the plan document states them. */
const DEALER_RATES = ratesTable([
  { _id: 'up', type: '"upgrade"', plan: '', label: '"Upgrade"', amount: '15' },
  { _id: 'down', type: '"downgrade"', plan: '', label: '"Downgrade"', amount: '-10' },
  { _id: 'unl', type: '"new", "port_in"', plan: '"VTX-UNL-5G"', label: '"Base rebate"', amount: '60' },
  { _id: 'ess', type: '"new", "port_in"', plan: '"VTX-ESS"', label: '"Base rebate"', amount: '40' },
  { _id: 'pre', type: '"new", "port_in"', plan: '"VTX-PRE-35"', label: '"Base rebate"', amount: '12.345' },
  { _id: 'biz', type: '"new", "port_in"', plan: '"VTX-BIZ"', label: '"Base rebate"', amount: '80' },
  { _id: 'port', type: '"port_in"', plan: '', label: '"Port-in bonus"', amount: '25' },
  { _id: 'feat', type: '"feature_add"', plan: '', label: '"Feature add"', amount: '2.5 * featureCount' },
])

/** The same terms restated by hand: the lines (label, posted amount) one verified sale must get. */
function expectedLines(type: string, plan: string, features: number): [string, string][] {
  const base: Record<string, string> = { 'VTX-UNL-5G': '60.0000', 'VTX-ESS': '40.0000', 'VTX-PRE-35': '12.3400', 'VTX-BIZ': '80.0000' }
  if (type === 'upgrade') return [['Upgrade', '15.0000']]
  if (type === 'downgrade') return [['Downgrade', '-10.0000']]
  if (type === 'feature_add') return [['Feature add', (features * 2.5).toFixed(4)]]
  const lines: [string, string][] = [['Base rebate', base[plan]!]]
  if (type === 'port_in') lines.push(['Port-in bonus', '25.0000'])
  return lines
}

/** October's verified sales, from the fixtures: each sale the completed reconciliation matched. */
async function verifiedSales(): Promise<{ id: number; type: string; plan: string; features: number }[]> {
  const rows = await app.sql.query(
    `select distinct s.id, s.activation_type::text as type, rp.code as plan,
            case when coalesce(s.features, '') = '' then 0 else array_length(string_to_array(s.features, ','), 1) end as features
       from reconciliation_lines rl join reconciliation_runs rr on rr.id = rl.run_id and rr.status = 'completed'
       join dealer_sales s on s.id = rl.sale_id join rate_plans rp on rp.id = s.rate_plan_id
      where rl.recon_class = 'matched' and s.sale_date between '2026-10-01' and '2026-10-31' order by s.id`,
  )
  return rows.rows
}

/** A rule set written by a company user, submitted, and approved by a company admin: the approved version's id. */
async function approvedRuleSet(name: string, content: unknown, testCases: unknown[]): Promise<{ set: number; version: number }> {
  const set = await ops.post('/api/rule-sets', { name, purpose: 'commission_amount' })
  expect(set.status, JSON.stringify(set.body)).toBe(201)
  const draft = await ops.post('/api/rule-versions', { ruleSet: set.body.doc.id, effectiveFrom: '2026-01-01', content, testCases })
  expect(draft.status, JSON.stringify(draft.body)).toBe(201)
  const submitted = await ops.patch(`/api/rule-versions/${draft.body.doc.id}`, { status: 'submitted' })
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
  const approved = await admin.patch(`/api/rule-versions/${draft.body.doc.id}`, { status: 'approved' })
  expect(approved.status, JSON.stringify(approved.body)).toBe(200)
  return { set: set.body.doc.id, version: draft.body.doc.id }
}

/** A plan whose approved version pays the rule set's amounts. */
async function rulePlan(name: string, ruleSet: number): Promise<number> {
  const plan = await admin.post('/api/compensation-plans', { name, currency: 'USD' })
  expect(plan.status, JSON.stringify(plan.body)).toBe(201)
  const version = await admin.post('/api/plan-versions', {
    plan: plan.body.doc.id,
    effectiveFrom: '2026-01-01',
    components: [{ blockType: 'rule_amount', ruleSet }],
  })
  expect(version.status, JSON.stringify(version.body)).toBe(201)
  expect((await admin.patch(`/api/plan-versions/${version.body.doc.id}`, { status: 'approved' })).status).toBe(200)
  return plan.body.doc.id
}

beforeAll(async () => {
  app = await startTestApp('commission_rule_amount')
  admin = await Api.login(app.url, 'admin@northwind.example')
  ops = await Api.login(app.url, 'ops@northwind.example')
  await drainJobs(app) // the demo's reconciliation of Vertex, October 2026
  october = await periodId(admin, 'Oct 2026')
})

afterAll(async () => {
  await app?.close()
})

describe('a plan paying a rule set’s amounts, over REST', () => {
  it('pays each verified sale one line per row that fired, with its label, to the cent, and "why" names the version and row', async () => {
    const rules = await approvedRuleSet('Dealer rates', DEALER_RATES, [
      {
        name: 'a port-in on Unlimited pays the base rebate and the port-in bonus',
        inputs: { activationType: 'port_in', ratePlan: 'VTX-UNL-5G' },
        expected: [
          { label: 'Base rebate', amount: '60' },
          { label: 'Port-in bonus', amount: '25' },
        ],
      },
      {
        name: 'a downgrade takes 10 back',
        inputs: { activationType: 'downgrade', ratePlan: 'VTX-ESS' },
        expected: [{ label: 'Downgrade', amount: '-10' }],
      },
    ])
    const plan = await rulePlan('Rule-based dealer plan', rules.set)
    const run = await runPeriod(app, admin, plan, october)
    expect(run.status, run.message).toBe('awaiting_approval')

    const sales = await verifiedSales()
    expect(new Set(sales.map((s) => s.type))).toEqual(new Set(['new', 'port_in', 'upgrade', 'downgrade', 'feature_add']))
    const posted = await app.sql.query(
      `select sale_id, description, amount::text as amount from commission_lines where run_id = $1 and component = 'rule_amount' order by sale_id, description`,
      [run.id],
    )
    const got = new Map<number, [string, string][]>()
    for (const line of posted.rows) got.set(line.sale_id, [...(got.get(line.sale_id) ?? []), [line.description, line.amount]])
    for (const sale of sales)
      expect(`${sale.type} ${sale.plan}: ${JSON.stringify(got.get(sale.id))}`).toBe(
        `${sale.type} ${sale.plan}: ${JSON.stringify(expectedLines(sale.type, sale.plan, sale.features).sort())}`,
      )
    expect(posted.rows.length).toBe(sales.reduce((n, s) => n + expectedLines(s.type, s.plan, s.features).length, 0))
    const total = sales
      .flatMap((s) => expectedLines(s.type, s.plan, s.features))
      .reduce((sum, [, a]) => sum + Math.round(Number(a) * 100), 0)
    expect(Math.round(Number(run.total) * 100)).toBe(total)

    // Each distinct input combination was evaluated once, and records the rule version.
    const evaluations = await app.sql.query(
      `select count(*)::int as n, count(distinct rule_version_id)::int as versions, min(rule_version_id) as version from commission_evaluations where run_id = $1`,
      [run.id],
    )
    expect(evaluations.rows[0]).toEqual({
      n: new Set(sales.map((s) => `${s.type}|${s.plan}|${s.features}`)).size,
      versions: 1,
      version: rules.version,
    })

    const bonus = (
      await app.sql.query(`select id from commission_lines where run_id = $1 and description = 'Port-in bonus' order by id limit 1`, [
        run.id,
      ])
    ).rows[0]
    const why = await admin.get(`/api/commission-lines/${bonus.id}/why`)
    expect(why.status).toBe(200)
    expect(why.body.rule.ruleVersion).toEqual({
      id: rules.version,
      title: expect.stringContaining('Dealer rates'),
      version: 1,
      ruleSet: 'Dealer rates',
    })
    expect(why.body.rule.label).toBe('Port-in bonus')
    expect(why.body.rule.fired).toEqual([
      {
        table: 'Rates',
        row: 7,
        conditions: 'Activation type: "port_in"',
        outputs: 'Label: "Port-in bonus"; Amount: 25',
        description: null,
      },
    ])
    expect(why.body.sentence).toMatch(
      /^Rule-based amount "Port-in bonus" of 25\.0000 USD to .+ for Oct 2026, by Rule-based dealer plan v1 from 2026-01-01; rule set "Dealer rates" v1, table Rates row 7: Activation type: "port_in" → Port-in bonus 25\.$/,
    )
  })
})

describe('the structured upfront table and the same table as a rule set', () => {
  it('pay every verified sale the same amount, to the cent (upfront, and upgrades/downgrades at 100 % of the rebate difference)', async () => {
    const rules = await approvedRuleSet('Upfront table as rules', upfrontRuleContent(DEMO_UPFRONT, { planChangePercent: '100' }), [
      {
        name: 'a gold dealer’s new Unlimited 5G line with a hotspot: rebate 70, hotspot 5, spiff 10',
        inputs: { carrier: 'VTX', ratePlan: 'VTX-UNL-5G', activationType: 'new', dealerTier: 'gold', features: ['HOTSPOT'] },
        expected: [
          { label: 'Rebate', amount: '70' },
          { label: 'Feature HOTSPOT', amount: '5' },
          { label: 'Spiff', amount: '10' },
        ],
      },
    ])
    const structured = await runPeriod(app, admin, await planId(admin, 'Telecom dealer plan'), october)
    expect(structured.status, structured.message).toBe('awaiting_approval')
    const asRules = await runPeriod(app, admin, await rulePlan('Upfront as rules', rules.set), october)
    expect(asRules.status, asRules.message).toBe('awaiting_approval')
    // Per verified sale: what the structured components paid (0 when they posted no line: an upgrade between plans
    // with the same rebate, or one whose previous plan is unknown) against the sum of the rule's lines.
    const perSale = await app.sql.query(
      `select s.id, s.activation_type::text as type,
              coalesce((select sum(amount) from commission_lines l where l.run_id = $1 and l.sale_id = s.id and l.component in ('upfront', 'plan_change')), 0)::numeric(19,4)::text as structured,
              coalesce((select sum(amount) from commission_lines l where l.run_id = $2 and l.sale_id = s.id and l.component = 'rule_amount'), 0)::numeric(19,4)::text as rules,
              (select count(*)::int from commission_lines l where l.run_id = $2 and l.sale_id = s.id) as rule_lines
         from dealer_sales s where s.id = any($3::int[]) order by s.id`,
      [structured.id, asRules.id, (await verifiedSales()).map((s) => s.id)],
    )
    expect(perSale.rows.length).toBeGreaterThan(100)
    for (const sale of perSale.rows) {
      expect(`sale ${sale.id} (${sale.type}): ${sale.rules}`).toBe(`sale ${sale.id} (${sale.type}): ${sale.structured}`)
      expect(sale.rule_lines).toBeGreaterThan(0)
    }
    expect(perSale.rows.some((sale) => sale.type === 'downgrade' && sale.rules.startsWith('-'))).toBe(true)
  })
})

describe('a rule that cannot price some sales', () => {
  it('refuses the run with how many sales failed and an example of their inputs, and posts nothing', async () => {
    const rules = await approvedRuleSet(
      'Activations only',
      ratesTable([{ _id: 'base', type: '"new", "port_in"', plan: '', label: '"Base rebate"', amount: '50' }]),
      [{ name: 'a new line pays 50', inputs: { activationType: 'new' }, expected: [{ label: 'Base rebate', amount: '50' }] }],
    )
    const run = await runPeriod(app, admin, await rulePlan('Activations-only plan', rules.set), october)
    const unpriced = (await verifiedSales()).filter((s) => !['new', 'port_in'].includes(s.type)).length
    expect(unpriced).toBeGreaterThan(0)
    expect(run.status).toBe('failed')
    expect(run.message).toMatch(
      new RegExp(
        `^The run failed and changed nothing: the plan version cannot price every verified sale; fix the plan and run again: rule set "Activations only" v1 failed for ${unpriced} rows, e\\.g\\. inputs \\{"activationType":"(upgrade|downgrade|feature_add)","ratePlan":"VTX-[A-Z0-9-]+"\\}: the rule returned nothing\\b.*$`,
      ),
    )
    expect((await app.sql.query('select count(*)::int as n from commission_lines where run_id = $1', [run.id])).rows[0].n).toBe(0)
  })
})

describe('the facts a rule is given', () => {
  it('gives the inputs the purpose promises: carrier, plan, previous plan, feature count, dealer, tier, region, tenure, the period’s count', async () => {
    // One row with no condition, whose label spells out the inputs it saw.
    const echo = [
      'carrier',
      'ratePlan',
      'activationType',
      '(previousRatePlan ?? "-")',
      'string(featureCount)',
      'dealer',
      '(dealerTier ?? "-")',
      '(dealerRegion ?? "-")',
      'string(dealerTenureMonths ?? -1)',
      'string(periodActivations)',
    ].join(' + "|" + ')
    const content = ratesTable([{ _id: 'echo', type: '', plan: '', label: echo, amount: '1' }])
    const rules = await approvedRuleSet('Inputs echo', content, [
      {
        name: 'an upgrade of a gold dealer',
        inputs: {
          carrier: 'VTX',
          ratePlan: 'VTX-ESS',
          activationType: 'upgrade',
          previousRatePlan: 'VTX-PRE-35',
          featureCount: 0,
          dealer: 'D1',
          dealerTier: 'gold',
          dealerRegion: null,
          dealerTenureMonths: 14,
          saleDate: '2026-10-05',
          periodActivations: 3,
        },
        expected: [{ label: 'VTX|VTX-ESS|upgrade|VTX-PRE-35|0|D1|gold|-|14|3', amount: '1' }],
      },
    ])
    const run = await runPeriod(app, admin, await rulePlan('Inputs echo plan', rules.set), october)
    expect(run.status, run.message).toBe('awaiting_approval')

    // The same facts read from the fixtures and worked out here: tenure in whole calendar months, the previous plan
    // from the latest earlier sale of the number with the same carrier, the dealer's verified sales of the period.
    const verified = new Set((await verifiedSales()).map((s) => s.id))
    const sales = (
      await app.sql.query(
        `select s.id, c.code as carrier, rp.code as plan, s.activation_type::text as type, coalesce(s.features, '') as features, s.mdn,
                s.carrier_id, s.sale_date::text as sale_date, p.id as dealer_id, p.code as dealer, p.dealer_tier::text as tier, t.code as region,
                to_char(p.joined_on at time zone 'UTC', 'YYYY-MM-DD') as joined
           from dealer_sales s join carriers c on c.id = s.carrier_id join rate_plans rp on rp.id = s.rate_plan_id
           join participants p on p.id = s.dealer_id left join territories t on t.id = p.territory_id order by s.id`,
      )
    ).rows
    const perDealer = new Map<number, number>()
    for (const sale of sales) if (verified.has(sale.id)) perDealer.set(sale.dealer_id, (perDealer.get(sale.dealer_id) ?? 0) + 1)
    const months = (from: string, to: string) => {
      const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number]
      const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number]
      return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0)
    }
    const previous = (sale: (typeof sales)[number]) => {
      if (sale.type !== 'upgrade' && sale.type !== 'downgrade') return '-'
      const earlier = sales
        .filter(
          (e) =>
            e.mdn === sale.mdn &&
            e.carrier_id === sale.carrier_id &&
            (e.sale_date < sale.sale_date || (e.sale_date === sale.sale_date && e.id < sale.id)),
        )
        .sort((a, b) => (a.sale_date === b.sale_date ? a.id - b.id : a.sale_date < b.sale_date ? -1 : 1))
      return earlier.at(-1)?.plan ?? '-'
    }
    const expected = sales
      .filter((sale) => verified.has(sale.id))
      .map((sale) =>
        [
          sale.id,
          [
            sale.carrier,
            sale.plan,
            sale.type,
            previous(sale),
            sale.features ? sale.features.split(',').length : 0,
            sale.dealer,
            sale.tier ?? '-',
            sale.region ?? '-',
            sale.joined ? months(sale.joined, sale.sale_date) : -1,
            perDealer.get(sale.dealer_id),
          ].join('|'),
        ].join(': '),
      )
    const lines = await app.sql.query(
      `select sale_id, description from commission_lines where run_id = $1 and component = 'rule_amount' order by sale_id`,
      [run.id],
    )
    expect(lines.rows.map((line) => `${line.sale_id}: ${line.description}`)).toEqual(expected)
    expect(expected.some((line) => /\|(upgrade|downgrade)\|VTX-/.test(line))).toBe(true)
  })
})
