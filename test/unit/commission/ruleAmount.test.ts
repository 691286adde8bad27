/**
 * The rule-based amount component: a plan names a rule set of purpose "commission_amount"; each result the rule
 * returns becomes one labelled line, with the rows that fired; a combination the rule cannot price is reported with
 * the count of rows and an example of their inputs.
 */
import { describe, expect, it } from 'vitest'

import { COMPONENTS, versionProblems } from '../../../engine/commission/components/registry'
import { firedRowText, ruleAmount, ruleFailureProblems, type RuleAmountInput } from '../../../engine/commission/components/ruleAmount'
import type { CatalogFacts, PlanVersionData } from '../../../engine/commission/components/types'
import type { FiredRow } from '../../../engine/rules/types'

const DEALER_RATES = 7
const RANKS = 8
const CATALOG: CatalogFacts = {
  ratePlanCarrier: new Map(),
  carrierIds: new Set(),
  ruleSetPurposes: new Map([
    [DEALER_RATES, 'commission_amount'],
    [RANKS, 'rank'],
  ]),
}
const VERSION: PlanVersionData = {
  id: 1,
  planId: 1,
  version: 1,
  label: 'Dealer plan v1',
  effectiveFrom: '2026-01-01',
  currency: 'USD',
  rounding: 'half-even',
  components: [{ kind: 'rule_amount', ruleSetId: DEALER_RATES }],
}
const RULE = { id: 31, ruleSet: 'Dealer rates', version: 3 }

const fired = (row: number, conditions: string, outputs: string): FiredRow => ({
  nodeId: 'n1',
  node: 'Rates',
  row,
  rowId: `r${row}`,
  conditions,
  outputs,
})

describe('rule-based amount: validation', () => {
  it('is registered as "Rule-based amount", pays own commission (overrides take a share of it)', () => {
    expect(COMPONENTS.rule_amount.label).toBe('Rule-based amount')
    expect(COMPONENTS.rule_amount.ownCommission).toBe(true)
  })

  it('needs a rule set, and refuses one that does not exist or decides something else', () => {
    expect(ruleAmount.validate({ kind: 'rule_amount', ruleSetId: null }, CATALOG)).toEqual([
      { path: 'ruleSet', message: 'choose the rule set that prices each verified sale' },
    ])
    expect(ruleAmount.validate({ kind: 'rule_amount', ruleSetId: 99 }, CATALOG)).toEqual([
      { path: 'ruleSet', message: 'rule set #99 does not exist' },
    ])
    expect(ruleAmount.validate({ kind: 'rule_amount', ruleSetId: RANKS }, CATALOG)).toEqual([
      {
        path: 'ruleSet',
        message: 'rule set #8 decides "rank", not commission amounts: choose a rule set of purpose "commission_amount"',
      },
    ])
    expect(ruleAmount.validate({ kind: 'rule_amount', ruleSetId: DEALER_RATES }, CATALOG)).toEqual([])
  })

  it('trusts the id when the catalog did not look rule sets up', () => {
    expect(ruleAmount.validate({ kind: 'rule_amount', ruleSetId: 99 }, { ratePlanCarrier: new Map(), carrierIds: new Set() })).toEqual([])
  })

  it('a version reports the problem on the component, prefixed with the kind', () => {
    expect(versionProblems([{ kind: 'rule_amount', ruleSetId: null }], CATALOG)).toEqual([
      { component: 0, path: 'ruleSet', message: 'Rule-based amount: choose the rule set that prices each verified sale' },
    ])
  })
})

describe('rule-based amount: the lines of one evaluation', () => {
  it('a port-in pays the base rebate and the port-in bonus as two labelled lines, each with the row that fired', () => {
    const input: RuleAmountInput = {
      rule: RULE,
      outcome: {
        result: {
          results: [
            { label: 'Base rebate', amount: '60' },
            { label: 'Port-in bonus', amount: '25' },
          ],
          fired: [
            fired(3, 'Rate plan: "VTX-UNL-5G"', 'Label: "Base rebate"; Amount: 60'),
            fired(4, 'Activation type: "port_in"', 'Label: "Port-in bonus"; Amount: 25'),
          ],
        },
      },
    }
    const evaluation = ruleAmount.calculate({ kind: 'rule_amount', ruleSetId: DEALER_RATES }, input, VERSION)
    expect(evaluation.amount.toString()).toBe('85')
    expect(evaluation.problem).toBeUndefined()
    expect(evaluation.detail).toEqual({ 'rule set': 'Dealer rates v3', 'Base rebate': '60', 'Port-in bonus': '25' })
    expect(evaluation.lines?.map((l) => [l.description, l.amount.toString(), l.fired.map((f) => f.row)])).toEqual([
      ['Base rebate', '60', [3]],
      ['Port-in bonus', '25', [4]],
    ])
    expect(firedRowText(evaluation.lines![1]!.fired[0]!, { label: 'Port-in bonus', amount: '25' })).toBe(
      'table Rates row 4: Activation type: "port_in" → Port-in bonus 25',
    )
  })

  it('a downgrade takes money back: a negative amount is a line like any other, exact to the tenth of a cent', () => {
    const evaluation = ruleAmount.calculate(
      { kind: 'rule_amount', ruleSetId: DEALER_RATES },
      {
        rule: RULE,
        outcome: {
          result: { results: [{ label: 'Downgrade', amount: '-10.125' }], fired: [fired(2, 'Activation type: "downgrade"', '')] },
        },
      },
      VERSION,
    )
    expect(evaluation.lines?.map((l) => [l.description, l.amount.toString()])).toEqual([['Downgrade', '-10.125']])
    expect(evaluation.amount.toString()).toBe('-10.125')
  })

  it('a failed evaluation gives no line (the step refuses the run with the count)', () => {
    const evaluation = ruleAmount.calculate(
      { kind: 'rule_amount', ruleSetId: DEALER_RATES },
      { rule: RULE, outcome: { error: 'no row applies (the rule returned nothing)' } },
      VERSION,
    )
    expect(evaluation.lines).toEqual([])
    expect(evaluation.amount.toString()).toBe('0')
  })

  it('failures are grouped by error, counting the rows and naming the first inputs', () => {
    const nothing = 'no row applies (the rule returned nothing)'
    expect(
      ruleFailureProblems(RULE, [
        { inputs: { carrier: 'TDL', activationType: 'new' }, error: nothing, rows: 3 },
        { inputs: { carrier: 'TDL', activationType: 'port_in' }, error: nothing, rows: 2 },
        { inputs: { carrier: 'VTX', activationType: 'new' }, error: 'Rates: cannot divide by zero', rows: 1 },
      ]),
    ).toEqual([
      'rule set "Dealer rates" v3 failed for 5 rows, e.g. inputs {"carrier":"TDL","activationType":"new"}: no row applies (the rule returned nothing)',
      'rule set "Dealer rates" v3 failed for 1 row, e.g. inputs {"carrier":"VTX","activationType":"new"}: Rates: cannot divide by zero',
    ])
  })
})
