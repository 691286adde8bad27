import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import {
  CONVENTION_GOAL,
  CONVERSION_RATES,
  EARN_RULES,
  INCENTIVE_RULES,
  PRODUCT_POINTS,
  REFERRAL_RULES,
  REFERRALS,
  STARS_PROGRAM,
  VIP_LIST,
} from './data'

type RuleSeed = { set: { name: string; purpose: string; description: string }; content: unknown; tests: unknown[] }

async function approvedRuleSet(payload: Payload, req: PayloadRequest, { set, content, tests }: RuleSeed): Promise<number> {
  const created = await payload.create({ collection: 'rule-sets', data: set as never, req })
  const version = await payload.create({
    collection: 'rule-versions',
    data: { ruleSet: created.id, effectiveFrom: '2020-01-01', content, testCases: tests } as never,
    req,
  })
  for (const status of ['submitted', 'approved'] as const)
    await payload.update({ collection: 'rule-versions', id: version.id, data: { status } as never, req })
  return created.id as number
}

async function participantId(payload: Payload, req: PayloadRequest, code: string): Promise<number> {
  const found = await payload.find({ collection: 'participants', where: { code: { equals: code } }, limit: 1, depth: 0, req })
  if (!found.docs[0]) throw new Error(`the loyalty demo needs participant ${code} (seed/network)`)
  return found.docs[0].id as number
}

/**
 * The loyalty programme's master data on the Glow network: the Stars program with its three approved rule sets,
 * stars on the catalog, wallet rates, the VIP list, two referrals and the convention goal. Returns the program's id.
 */
export async function writeLoyaltyMasterData(payload: Payload, req: PayloadRequest): Promise<number> {
  const earnRules = await approvedRuleSet(payload, req, EARN_RULES)
  const incentiveRules = await approvedRuleSet(payload, req, INCENTIVE_RULES)
  const referralRules = await approvedRuleSet(payload, req, REFERRAL_RULES)
  const program = await payload.create({
    collection: 'loyalty-programs',
    data: { ...STARS_PROGRAM, earnRules, incentiveRules, referralRules } as never,
    req,
  })
  for (const [code, points, redeemPoints] of PRODUCT_POINTS) {
    const found = await payload.find({ collection: 'products', where: { code: { equals: code } }, limit: 1, depth: 0, req })
    if (found.docs[0]) await payload.update({ collection: 'products', id: found.docs[0].id, data: { points, redeemPoints } as never, req })
  }
  for (const [fromUnit, toUnit, rate, validFrom] of CONVERSION_RATES)
    await payload.create({ collection: 'conversion-rates', data: { fromUnit, toUnit, rate, validFrom } as never, req })
  const vip = await Promise.all(VIP_LIST.consultants.map((code) => participantId(payload, req, code)))
  await payload.create({ collection: 'customer-lists', data: { ...VIP_LIST, consultants: vip } as never, req })
  for (const [member, referrer] of REFERRALS) {
    const id = await participantId(payload, req, member)
    await payload.update({
      collection: 'participants',
      id,
      data: { referredBy: await participantId(payload, req, referrer) } as never,
      req,
    })
  }
  await payload.create({ collection: 'loyalty-goals', data: CONVENTION_GOAL as never, req })
  return program.id as number
}

/**
 * The loyalty demo, on the product's first start (not in the tests' seed: their figures are worked without it).
 * Idempotent: nothing is written when the Stars program exists. Returns whether it was written.
 */
export async function seedLoyaltyDemo(payload: Payload): Promise<boolean> {
  const existing = await payload.find({
    collection: 'loyalty-programs',
    where: { code: { equals: STARS_PROGRAM.code } },
    limit: 1,
    depth: 0,
  })
  if (existing.totalDocs > 0) return false
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    await writeLoyaltyMasterData(payload, req)
    await commitTransaction(req)
  } catch (err) {
    await killTransaction(req)
    throw err
  }
  return true
}
