import type { Payload, PayloadRequest } from 'payload'

import { generatePeriods } from '../../engine/commission'
import { directVolumes, lineAmount, returnFigures } from '../../engine/ingest'
import {
  ADVANCE_STEPS,
  DAILY_STEPS,
  GLOW_BONUS_RULES,
  GLOW_CAREER_PLAN,
  GLOW_KPIS,
  GLOW_ORDERS,
  GLOW_PLAN,
  GLOW_PLAN_COMPONENTS,
  GLOW_PRODUCTS,
  GLOW_RANK_RULES,
  GLOW_RANKS,
  GLOW_RETURNS,
  MONTHLY_STEPS,
} from './data'

/** A rule set with an approved first version, through the same lifecycle as any version (the seed acts as the system). */
async function approvedRuleSet(
  payload: Payload,
  req: PayloadRequest,
  rules: { set: object; content: unknown; tests: unknown[] },
): Promise<number> {
  const set = await payload.create({ collection: 'rule-sets', data: rules.set as never, req })
  const version = await payload.create({
    collection: 'rule-versions',
    data: { ruleSet: set.id, effectiveFrom: '2026-01-01', content: rules.content, testCases: rules.tests } as never,
    req,
  })
  for (const status of ['submitted', 'approved'] as const)
    await payload.update({ collection: 'rule-versions', id: version.id, data: { status } as never, req })
  return set.id as number
}

/**
 * The network plan demo: its catalog, ranks, KPIs, rules, career and compensation plans, pipelines, the Glow
 * consultants' October orders and a fortnight calendar for advances. Nothing is run: the admin
 * settles October from the pipeline wizard.
 */
export async function writeNetworkDemo(payload: Payload, req: PayloadRequest): Promise<void> {
  const products = new Map<string, { id: number; qualifyingVolume: string; commissionableVolume: string; consultantPrice: string }>()
  for (const product of GLOW_PRODUCTS) {
    const doc = await payload.create({ collection: 'products', data: product as never, req })
    products.set(product.code, { id: doc.id as number, ...product, consultantPrice: product.prices[0]!.consultantPrice })
  }
  for (const rank of GLOW_RANKS) await payload.create({ collection: 'ranks', data: rank, req })
  for (const kpi of GLOW_KPIS) await payload.create({ collection: 'kpi-definitions', data: kpi as never, req })
  const rankRules = await approvedRuleSet(payload, req, GLOW_RANK_RULES)
  const bonusRules = await approvedRuleSet(payload, req, GLOW_BONUS_RULES)
  const career = await payload.create({ collection: 'career-plans', data: { ...GLOW_CAREER_PLAN, rankRules } as never, req })
  const plan = await payload.create({ collection: 'compensation-plans', data: GLOW_PLAN, req })
  const version = await payload.create({
    collection: 'plan-versions',
    data: {
      plan: plan.id,
      effectiveFrom: '2026-01-01',
      components: GLOW_PLAN_COMPONENTS.map((c) => (c.blockType === 'network_bonus' ? { ...c, ruleSet: bonusRules } : c)),
      notes: 'The Glow plan as launched.',
    } as never,
    req,
  })
  await payload.update({ collection: 'plan-versions', id: version.id, data: { status: 'approved' } as never, req })
  const pipeline = (name: string, category: string, steps: readonly string[], calendar = 'regular') =>
    payload.create({
      collection: 'pipeline-types',
      data: { name, category, calendar, careerPlan: career.id, compensationPlan: plan.id, steps: steps.map((step) => ({ step })) } as never,
      req,
    })
  await pipeline('Glow monthly settlement', 'monthly', MONTHLY_STEPS)
  await pipeline('Glow fortnight advance', 'monthly', ADVANCE_STEPS, 'advance')
  await pipeline('Glow daily KPI refresh', 'daily', DAILY_STEPS)
  const ids = new Map(
    (await payload.find({ collection: 'participants', where: { code: { like: 'GLW-' } }, pagination: false, depth: 0, req })).docs.map(
      (p) => [p.code ?? '', p.id as number],
    ),
  )
  const orders = new Map<
    string,
    {
      id: number
      quantity: number
      amount: string
      qualifyingVolume: string
      commissionableVolume: string
      consultant: string
      product: string
    }
  >()
  for (const [orderNumber, consultant, code, quantity, bookedOn, customer] of GLOW_ORDERS) {
    const product = products.get(code)!
    const amount = lineAmount({ unitPrice: product.consultantPrice, discount: '0', vatPercent: '0', quantity, currency: 'USD' })
    const volumes = directVolumes(product, quantity)
    const doc = await payload.create({
      collection: 'network-orders',
      data: {
        orderNumber,
        line: 1,
        kind: 'order',
        bookedOn,
        consultant: ids.get(consultant)!,
        customer: customer ?? null,
        product: product.id,
        quantity,
        currency: 'USD',
        unitPrice: product.consultantPrice,
        discount: '0',
        amount,
        ...volumes,
        naturalKey: `${orderNumber}|1|order`,
      } as never,
      req,
    })
    orders.set(orderNumber, { id: doc.id as number, quantity, amount, ...volumes, consultant, product: code })
  }
  for (const [orderNumber, returned, quantity, bookedOn] of GLOW_RETURNS) {
    const order = orders.get(returned)!
    const product = products.get(order.product)!
    await payload.create({
      collection: 'network-orders',
      data: {
        orderNumber,
        line: 1,
        kind: 'return',
        bookedOn,
        consultant: ids.get(order.consultant)!,
        product: product.id,
        quantity,
        currency: 'USD',
        unitPrice: product.consultantPrice,
        discount: '0',
        ...returnFigures({ ...order, currency: 'USD' }, quantity),
        returnOf: order.id,
        naturalKey: `${orderNumber}|1|return`,
      } as never,
      req,
    })
  }
  for (const period of generatePeriods('biweekly', '2026-10-01', 2))
    await payload.create({
      collection: 'commission-periods',
      data: { ...period, frequency: 'biweekly', cycle: 'advance', status: 'open' } as never,
      req,
    })
}
