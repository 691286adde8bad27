import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { compileRule, evaluateRule } from '../../../engine/rules'
import { approvedRuleVersion } from '../../../modules/rules/versions'
import { startTestApp, type TestApp } from '../../support/app'

/** The demo data's rule set: approved through the real lifecycle, its test cases passing, in force for the demo month. */
describe('the demo rule set', () => {
  let app: TestApp

  beforeAll(async () => {
    app = await startTestApp('rules_demo')
  }, 120_000)

  afterAll(async () => {
    await app?.close()
  })

  it('is approved, with every test case passing, and prices a port-in with the bonus on top', async () => {
    const sets = await app.payload.find({ collection: 'rule-sets', where: { name: { equals: 'Dealer plan rules' } }, depth: 0 })
    expect(sets.docs).toHaveLength(1)
    const versions = await app.payload.find({ collection: 'rule-versions', where: { ruleSet: { equals: sets.docs[0]!.id } }, depth: 0 })
    expect(versions.docs.map((v) => [v.version, v.status])).toEqual([[1, 'approved']])
    const results = versions.docs[0]!.testResults as { passed: number; failed: number }
    expect([results.passed, results.failed]).toEqual([4, 0])

    const client = await app.sql.connect()
    try {
      const source = await approvedRuleVersion(client, sets.docs[0]!.id as number, '2026-10-01')
      expect(source?.version).toBe(1)
      const outcome = await evaluateRule(compileRule(source!), { activationType: 'port_in', ratePlan: 'TDL-MAX' })
      expect(outcome).toEqual({
        result: {
          results: [
            { label: 'Base rebate', amount: '60' },
            { label: 'Port-in bonus', amount: '25' },
          ],
          fired: [expect.objectContaining({ node: 'Dealer amounts', row: 1 }), expect.objectContaining({ node: 'Dealer amounts', row: 3 })],
        },
      })
    } finally {
      client.release()
    }
  })
})
