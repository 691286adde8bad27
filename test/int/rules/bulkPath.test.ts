import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { compileRule } from '../../../engine/rules'
import { ruleKey, stageRuleResults } from '../../../modules/rules'
import { decisionTable } from '../../support/rules'

/** A plan reading a list, a date, a nullable tier and a number: the inputs a bulk run hands the rule from SQL. */
const plan = decisionTable({
  inputs: ['dealerTier', 'saleDate', 'featureCount', 'features'],
  outputs: ['label', 'amount'],
  rows: [
    ['"gold"', '', '', '', '"Gold rebate"', '50'],
    ['null', '', '', '', '"No-tier rebate"', '30'],
    ['"silver"', '', '', '', '"Silver rebate"', '40'],
    ['', '>= date("2026-11-15")', '', '', '"Late-month spiff"', '5'],
    ['', '', '> 1', '', '"Feature bundle"', '2.5'],
    ['', '', '', 'contains($, "INS")', '"Insurance"', '1.25'],
  ],
})

describe('the bulk path: facts in PostgreSQL, one evaluation per distinct combination', () => {
  let pool: pg.Pool
  let client: pg.PoolClient
  const database = `t_rules_bulk_${process.pid}`

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') })
    await admin.connect()
    await admin.query(`create database "${database}"`)
    await admin.end()
    pool = new pg.Pool({ connectionString: inject('pgAdminUrl').replace(/\/postgres$/, `/${database}`), max: 1 })
    client = await pool.connect()
    await client.query('begin')
    await client.query(
      `create temp table facts (id int, "dealerTier" text, "saleDate" date, "featureCount" numeric, features text[], "dealerRegion" text)`,
    )
    await client.query(`insert into facts values
      (1, 'gold', '2026-11-03', 0, '{}', 'WEST'),
      (2, 'gold', '2026-11-03', 0, '{}', 'EAST'),
      (3, null, '2026-11-20', 2, '{INS,HOTSPOT}', 'WEST'),
      (4, null, '2026-11-20', 2, '{INS,HOTSPOT}', 'WEST'),
      (5, 'silver', '2026-11-20', 1, '{HOTSPOT}', null),
      (6, 'bronze', '2026-11-01', 0, null, null)`)
  })

  afterAll(async () => {
    await client.query('rollback')
    client.release()
    await pool.end()
  })

  it('evaluates each distinct combination of the inputs the version reads once, with SQL values as the rule expects them', async () => {
    const rule = compileRule({ id: 1, ruleSet: 'Tier plan', version: 2, purpose: 'commission_amount', content: plan })
    expect(rule.inputs).toEqual(['dealerTier', 'featureCount', 'features', 'saleDate'])
    await client.query(`alter table facts add column rule_key text`)
    await client.query(`update facts f set rule_key = ${ruleKey(rule, 'f')}`)
    const combos = await stageRuleResults(client, rule, 'facts', 'staged')
    // Rows 1–2 differ only in the region, which the rule does not read; rows 3–4 are the same sale shape.
    expect(combos).toHaveLength(4)
    const byTier = (tier: string | null) => combos.find((c) => c.inputs.dealerTier === tier)!
    expect(byTier('gold').rows).toBe(2)
    expect(byTier(null)).toMatchObject({ rows: 2, inputs: { saleDate: '2026-11-20', featureCount: 2, features: ['INS', 'HOTSPOT'] } })
    expect(byTier(null).outcome).toEqual({
      result: {
        results: [
          { label: 'No-tier rebate', amount: '30' },
          { label: 'Late-month spiff', amount: '5' },
          { label: 'Feature bundle', amount: '2.5' },
          { label: 'Insurance', amount: '1.25' },
        ],
        fired: [
          expect.objectContaining({ row: 2 }),
          expect.objectContaining({ row: 4 }),
          expect.objectContaining({ row: 5 }),
          expect.objectContaining({ row: 6 }),
        ],
      },
    })
    // A tier no row pays is an error for the caller to refuse, never a zero.
    expect(byTier('bronze').outcome).toEqual({ error: expect.stringContaining('the rule returned nothing') })

    // Every fact joins back to exactly one combination, nulls and empty lists included.
    const joined = await client.query<{ id: number; combo: number }>(
      `select f.id, r.combo from facts f join staged r using (rule_key) order by f.id`,
    )
    expect(joined.rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6])
    expect(joined.rows[0]!.combo).toBe(joined.rows[1]!.combo)
    expect(joined.rows[2]!.combo).toBe(joined.rows[3]!.combo)
    expect(new Set(joined.rows.map((r) => r.combo)).size).toBe(4)
  })
})
