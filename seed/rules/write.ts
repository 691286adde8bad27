import type { Payload, PayloadRequest } from 'payload'

import { DEMO_RULE_CONTENT, DEMO_RULE_SET, DEMO_RULE_TESTS } from './data'

/**
 * The demo rule set with an approved first version, taken through the same lifecycle as any version (draft →
 * submitted → approved, its test cases run at each step). The seed acts as the system, so no user is its maker or checker.
 */
export async function writeRulesDemo(payload: Payload, req: PayloadRequest): Promise<void> {
  const set = await payload.create({ collection: 'rule-sets', data: DEMO_RULE_SET as never, req })
  const version = await payload.create({
    collection: 'rule-versions',
    data: { ruleSet: set.id, effectiveFrom: '2026-01-01', content: DEMO_RULE_CONTENT, testCases: DEMO_RULE_TESTS } as never,
    req,
  })
  for (const status of ['submitted', 'approved'] as const)
    await payload.update({ collection: 'rule-versions', id: version.id, data: { status } as never, req })
}
