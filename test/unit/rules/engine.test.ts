import { describe, expect, it } from 'vitest'

import {
  compileRule,
  evaluateMany,
  NOTHING,
  evaluateRule,
  RuleContentError,
  ruleVersionProblems,
  RULE_PURPOSES,
  runTestCases,
  testCaseProblems,
} from '../../../engine/rules'
import type { JdmContent } from '../../../engine/rules/types'
import { decisionTable } from '../../support/rules'

const purpose = RULE_PURPOSES.commission_amount

/** The dealer plan of the issue: flat upgrade/downgrade amounts, a base rebate by plan and a port-in bonus on top. */
const dealerPlan = decisionTable({
  inputs: ['activationType', 'ratePlan'],
  outputs: ['label', 'amount'],
  rows: [
    ['"upgrade"', '', '"Upgrade"', '15'],
    ['"downgrade"', '', '"Downgrade"', '-10'],
    ['"new", "port_in"', '"UNL-PLUS"', '"Base rebate"', '62.50'],
    ['"new", "port_in"', '', '"Base rebate"', '40'],
    ['"port_in"', '', '"Port-in bonus"', '25'],
  ],
})
// A collect table fires every matching row: both base rows would fire for UNL-PLUS, so the plan-specific one is
// written as the exception to the generic one.
dealerPlan.nodes[1]!.content = {
  ...(dealerPlan.nodes[1]!.content as object),
  rules: (dealerPlan.nodes[1]!.content as { rules: Record<string, string>[] }).rules.map((rule) =>
    rule._id === 'row4' ? { ...rule, in1: '!= "UNL-PLUS"' } : rule,
  ),
}

function source(content: JdmContent) {
  return { id: 7, ruleSet: 'Dealer plan', version: 3, purpose: 'commission_amount', content }
}

describe('the rules engine (ZEN behind one interface)', () => {
  const rule = compileRule(source(dealerPlan))

  it('reads only the inputs the version uses, so bulk runs deduplicate on them', () => {
    expect(rule.inputs).toEqual(['activationType', 'ratePlan'])
  })

  it('pays a port-in the base rebate and the port-in bonus on top, each naming the row that fired', async () => {
    const outcome = await evaluateRule(rule, { activationType: 'port_in', ratePlan: 'BASIC' })
    if ('error' in outcome) throw new Error(outcome.error)
    expect(outcome.result.results).toEqual([
      { label: 'Base rebate', amount: '40' },
      { label: 'Port-in bonus', amount: '25' },
    ])
    expect(outcome.result.fired.map((f) => [f.node, f.row])).toEqual([
      ['Rates', 4],
      ['Rates', 5],
    ])
    expect(outcome.result.fired[1]!.conditions).toBe('activationType: "port_in"')
  })

  it('keeps amounts exact: 62.50 and a negative downgrade come back as decimal text', async () => {
    const [plus, down] = await evaluateMany(rule, [
      { activationType: 'new', ratePlan: 'UNL-PLUS' },
      { activationType: 'downgrade', ratePlan: 'BASIC' },
    ])
    expect(plus).toEqual({ result: { results: [{ label: 'Base rebate', amount: '62.5' }], fired: [expect.objectContaining({ row: 3 })] } })
    expect(down).toEqual({ result: { results: [{ label: 'Downgrade', amount: '-10' }], fired: [expect.objectContaining({ row: 2 })] } })
  })

  it('reports an input no row applies to as an error, not as zero', async () => {
    expect(await evaluateRule(rule, { activationType: 'feature_add', ratePlan: 'BASIC' })).toEqual({ error: NOTHING })
  })

  it('refuses outputs the purpose does not have, naming the table, row and column', () => {
    const bad = decisionTable({ inputs: ['activationType'], outputs: ['label', 'payout'], rows: [['"new"', '"Base"', '40']] })
    const problems = ruleVersionProblems(bad, purpose)
    expect(problems.map((p) => p.path)).toEqual(['nodes.Rates.outputs.payout', 'outputs.amount'])
    expect(problems[0]!.message).toContain('"payout", which is not an output of this purpose')
    expect(() => compileRule(source(bad))).toThrow(RuleContentError)
  })

  it('refuses an input the purpose does not provide and a cell that does not parse, naming row and column', () => {
    const bad = decisionTable({
      inputs: ['activationType', 'region'],
      outputs: ['label', 'amount'],
      rows: [
        ['"new"', '', '"Base"', '40'],
        ['"port_in', '', '"Bonus"', '25'],
        ['"new"', '', '"Extra"', '10 *'],
      ],
    })
    const problems = ruleVersionProblems(bad, purpose)
    expect(problems.map((p) => p.path)).toEqual([
      'nodes.Rates.inputs.region',
      'nodes.Rates.rows.2.activationType',
      'nodes.Rates.rows.3.amount',
    ])
    expect(problems[1]!.message).toMatch(/^Rates: row 2, column "activationType": ""port_in" cannot be read/)
  })

  it('refuses a row that leaves the amount empty', () => {
    const bad = decisionTable({ inputs: ['activationType'], outputs: ['label', 'amount'], rows: [['"new"', '"Base"', '']] })
    expect(ruleVersionProblems(bad, purpose).map((p) => p.message)).toEqual(['Rates: row 1 leaves "amount" empty; every result needs one'])
  })

  it('refuses a row that applies but whose amount cannot be evaluated (ZEN drops it silently), naming the row and output', async () => {
    const throwing = compileRule(
      source(
        decisionTable({ inputs: ['activationType'], outputs: ['label', 'amount'], rows: [['', '"Per feature"', 'featureCount * "x"']] }),
      ),
    )
    const outcome = await evaluateRule(throwing, { activationType: 'new', featureCount: 2 })
    expect(outcome).toEqual({
      error: expect.stringMatching(
        /^Rates row 1 applies, but its output "amount" \(featureCount \* "x"\) cannot be evaluated for these inputs: /,
      ),
    })
  })

  it('refuses an amount that is not a number', async () => {
    const text = compileRule(
      source(decisionTable({ inputs: ['activationType'], outputs: ['label', 'amount'], rows: [['', '"Base"', '"forty"']] })),
    )
    expect(await evaluateRule(text, { activationType: 'new' })).toEqual({
      error: 'Rates row 1 returned "forty" as "amount", which is not an amount',
    })
  })

  it('runs test cases with amounts compared as decimals and says what differed', async () => {
    const outcomes = await runTestCases(rule, [
      {
        name: 'port-in',
        inputs: { activationType: 'port_in', ratePlan: 'BASIC' },
        expected: [
          { label: 'Port-in bonus', amount: '25.00' },
          { label: 'Base rebate', amount: 40 },
        ],
      },
      { name: 'upgrade', inputs: { activationType: 'upgrade', ratePlan: 'BASIC' }, expected: [{ label: 'Upgrade', amount: 20 }] },
    ])
    expect(outcomes.map((o) => [o.name, o.passed])).toEqual([
      ['port-in', true],
      ['upgrade', false],
    ])
    expect(outcomes[1]!.message).toBe(
      'expected label Upgrade, amount 20 but no result matched; unexpected result label Upgrade, amount 15 (got: label Upgrade, amount 15)',
    )
  })

  it('checks the shape of stored test cases against the purpose', () => {
    expect(
      testCaseProblems(
        [
          { name: 'a', inputs: { region: 'west' }, expected: [{ amount: 1 }] },
          { name: 'a', inputs: {}, expected: 'x' },
        ],
        purpose,
      ).map((p) => p.path),
    ).toEqual(['testCases.0.inputs', 'testCases.1.name', 'testCases.1.expected'])
  })
})

describe('dates and types in conditions', () => {
  it('gives a sale date as a ZEN date, so a spiff can name a date range', async () => {
    const spiff = compileRule(
      source(
        decisionTable({
          inputs: ['saleDate'],
          outputs: ['label', 'amount'],
          rows: [
            ['[date("2026-11-01")..date("2026-11-15")]', '"Early-November spiff"', '10'],
            ['', '"Base"', '1'],
          ],
        }),
      ),
    )
    const [inside, edge, after] = await evaluateMany(spiff, [
      { saleDate: '2026-11-07' },
      { saleDate: '2026-11-15' },
      { saleDate: '2026-11-16' },
    ])
    const labels = (outcome: typeof inside) => ('result' in outcome! ? outcome.result.results.map((r) => r.label) : outcome!.error)
    expect([labels(inside), labels(edge), labels(after)]).toEqual([
      ['Early-November spiff', 'Base'],
      ['Early-November spiff', 'Base'],
      ['Base'],
    ])
  })

  it('refuses a condition that compares a date with text, which ZEN would silently never fire', () => {
    const bad = decisionTable({
      inputs: ['saleDate', 'features'],
      outputs: ['label', 'amount'],
      rows: [
        ['>= "2026-11-15"', '', '"Spiff"', '10'],
        ['', '> 2', '"Bundle"', '5'],
      ],
    })
    const problems = ruleVersionProblems(bad, purpose)
    expect(problems.map((p) => p.path)).toEqual(['nodes.Rates.rows.1.saleDate', 'nodes.Rates.rows.2.features'])
    expect(problems[0]!.message).toContain('it cannot test a date value')
    expect(problems[0]!.message).toContain('>= date("2026-11-15")')
  })
})

describe('what the reviewer found ZEN would otherwise get wrong', () => {
  it('never pays the next row when the row that applies cannot compute its amount (first hit)', async () => {
    const upgrade = compileRule(
      source(
        decisionTable({
          hitPolicy: 'first',
          inputs: ['activationType'],
          outputs: ['label', 'amount'],
          rows: [
            ['"upgrade"', '"Upgrade"', 'startsWith(previousRatePlan, "TDL") ? 20 : 10'],
            ['', '"Other"', '-5'],
          ],
        }),
      ),
    )
    expect(await evaluateRule(upgrade, { activationType: 'upgrade', previousRatePlan: 'TDL-GO' })).toMatchObject({
      result: { results: [{ label: 'Upgrade', amount: '20' }] },
    })
    const unknown = await evaluateRule(upgrade, { activationType: 'upgrade', previousRatePlan: null })
    expect(unknown).toEqual({ error: expect.stringMatching(/^Rates row 1 applies, but its output "amount"/) })
  })

  it('reads every input a cell names, even in another column, so a bulk run groups on it', async () => {
    const rule = compileRule(
      source(
        decisionTable({
          inputs: ['activationType'],
          outputs: ['label', 'amount'],
          rows: [
            ['$ == "port_in" and featureCount > 1', '"Port-in with features"', '30'],
            ['', '"Base"', '10'],
          ],
        }),
      ),
    )
    expect(rule.inputs).toEqual(['activationType', 'featureCount'])
  })

  it('hands the rule only the inputs the version reads, as a run does', async () => {
    const rule = compileRule(
      source(decisionTable({ inputs: ['activationType'], outputs: ['label', 'amount'], rows: [['', '"Base"', 'featureCount ?? 0']] })),
    )
    expect(rule.inputs).toEqual(['activationType', 'featureCount'])
  })

  it('refuses two tables that both set the label and amount at the output (one would overwrite the other)', () => {
    const base = decisionTable({ name: 'Base', inputs: ['activationType'], outputs: ['label', 'amount'], rows: [['', '"Base"', '40']] })
    const bonus = decisionTable({
      name: 'Bonus',
      inputs: ['activationType'],
      outputs: ['label', 'amount'],
      rows: [['"port_in"', '"Bonus"', '25']],
    })
    const both: JdmContent = {
      nodes: [...base.nodes, { ...bonus.nodes[1]!, id: 'bonus' }],
      edges: [...base.edges, { id: 'e3', sourceId: 'input', targetId: 'bonus' }, { id: 'e4', sourceId: 'bonus', targetId: 'output' }],
    }
    expect(ruleVersionProblems(both, purpose).map((p) => p.message)).toEqual([
      expect.stringMatching(/^Base and Bonus are both connected to the output/),
    ])
  })

  it('refuses a table reading an input that does not reach it through the table before it', () => {
    const tier = decisionTable({ name: 'Tier', inputs: ['dealerTier'], outputs: ['label', 'amount'], rows: [['', '"Base"', '40']] })
    const lines = {
      ...decisionTable({ name: 'Lines', inputs: ['activationType'], outputs: ['label', 'amount'], rows: [['"port_in"', '"Bonus"', '25']] })
        .nodes[1]!,
      id: 'lines',
    }
    const chain: JdmContent = {
      nodes: [tier.nodes[0]!, tier.nodes[1]!, lines, tier.nodes[2]!],
      edges: [
        { id: 'e1', sourceId: 'input', targetId: 'table' },
        { id: 'e2', sourceId: 'table', targetId: 'lines' },
        { id: 'e3', sourceId: 'lines', targetId: 'output' },
      ],
    }
    expect(ruleVersionProblems(chain, purpose).map((p) => p.path)).toEqual(['nodes.Lines.inputs.activationType'])
  })

  it('accepts an expression as a column field and reads the inputs it names', () => {
    const multi = decisionTable({
      inputs: ['len(features)'],
      outputs: ['label', 'amount'],
      rows: [
        ['>= 2', '"Multi-feature"', '30'],
        ['', '"Base"', '10'],
      ],
    })
    expect(ruleVersionProblems(multi, purpose)).toEqual([])
    expect(compileRule(source(multi)).inputs).toEqual(['features'])
  })

  it('refuses d() on the sale date, which never matches our dates', () => {
    const bad = decisionTable({ inputs: ['saleDate'], outputs: ['label', 'amount'], rows: [['d($).month() == 11', '"November"', '5']] })
    expect(ruleVersionProblems(bad, purpose)[0]!.message).toContain('d() does not read this date')
  })

  it('passes a case expecting no result only when the rule returns nothing, not when it fails', async () => {
    const failing = compileRule(
      source(
        decisionTable({
          hitPolicy: 'first',
          inputs: ['activationType'],
          outputs: ['label', 'amount'],
          rows: [['', '"Base"', 'featureCount * "x"']],
        }),
      ),
    )
    const [outcome] = await runTestCases(failing, [{ name: 'nothing', inputs: { activationType: 'new', featureCount: 1 }, expected: [] }])
    expect(outcome!.passed).toBe(false)
    const [none] = await runTestCases(rule0(), [
      { name: 'feature add pays nothing', inputs: { activationType: 'feature_add', ratePlan: 'X' }, expected: [] },
    ])
    expect(none!.passed).toBe(true)
  })
})

function rule0() {
  return compileRule(source(dealerPlan))
}
