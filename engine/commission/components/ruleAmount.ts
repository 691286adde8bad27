/**
 * Rule-based amount: the amounts a verified sale pays are whatever an approved rule set of purpose `commission_amount`
 * returns for the sale's facts (`engine/rules/purposes.ts`), one line per result, each with the label the rule gives
 * it. The rule set is written and approved by business users (`collections/rules/`); the plan only names it. A rule
 * that fails or returns nothing for some input refuses the run, naming how many rows failed and an example of their
 * inputs: nothing is paid by guesswork.
 */
import { D, decimalOrNull } from '../../core/decimal'
import type { FiredRow, RuleResult } from '../../rules'
import type { ComponentModule, ComponentProblem, Evaluation, EvaluationLine } from './types'

/** The purpose a rule set must have to price commission lines. */
export const RULE_AMOUNT_PURPOSE = 'commission_amount'

export type RuleAmountConfig = { kind: 'rule_amount'; ruleSetId: number | null }

/** The rule version that priced an input, as messages and traces name it. */
export type RuleVersionRef = { id: number; ruleSet: string; version: number }

/** One distinct combination of the inputs the version reads, and what the rule returned for it. */
export type RuleAmountInput = {
  rule: RuleVersionRef
  outcome: { result: RuleResult } | { error: string }
}

/** "rule set "Dealer rates" v3" — how messages name a rule version. */
export function ruleVersionName(rule: Pick<RuleVersionRef, 'ruleSet' | 'version'>): string {
  return `rule set "${rule.ruleSet}" v${rule.version}`
}

/**
 * One fired row as people read it: "table Rates row 4: activationType: "port_in" → Port-in bonus 25" (with the result
 * it gave), or the row's own output cells when the result is not known.
 */
export function firedRowText(row: FiredRow, result?: { label: string; amount: string }): string {
  return `table ${row.node} row ${row.row}: ${row.conditions || '(any input)'} → ${result ? `${result.label} ${result.amount}` : row.outputs}`
}

/**
 * The rows that produced each result: a `collect` table gives one result per fired row, in order; otherwise (one
 * result from a chain of tables) every result is explained by all the rows that fired.
 */
function firedFor(result: RuleResult, index: number): FiredRow[] {
  if (result.fired.length === result.results.length) return [result.fired[index]!]
  return result.fired
}

/**
 * The run's problems for the combinations a rule could not price, one per distinct error: how many verified sales
 * failed and the inputs of the first, so the rule's owner can add the missing row.
 */
export function ruleFailureProblems(
  rule: Pick<RuleVersionRef, 'ruleSet' | 'version'>,
  failures: readonly { inputs: Record<string, unknown>; error: string; rows: number }[],
): string[] {
  const byError = new Map<string, { rows: number; inputs: Record<string, unknown> }>()
  for (const failure of failures) {
    const seen = byError.get(failure.error)
    if (seen) seen.rows += failure.rows
    else byError.set(failure.error, { rows: failure.rows, inputs: failure.inputs })
  }
  return [...byError].map(
    ([error, { rows, inputs }]) =>
      `${ruleVersionName(rule)} failed for ${rows} ${rows === 1 ? 'row' : 'rows'}, e.g. inputs ${JSON.stringify(inputs)}: ${error}`,
  )
}

export const ruleAmount: ComponentModule<RuleAmountConfig, RuleAmountInput> = {
  kind: 'rule_amount',
  label: 'Rule-based amount',
  ownCommission: true,
  validate(config, catalog) {
    const problems: ComponentProblem[] = []
    if (config.ruleSetId === null) {
      problems.push({ path: 'ruleSet', message: 'choose the rule set that prices each verified sale' })
      return problems
    }
    const purpose = catalog.ruleSetPurposes?.get(config.ruleSetId)
    if (catalog.ruleSetPurposes && purpose === undefined)
      problems.push({ path: 'ruleSet', message: `rule set #${config.ruleSetId} does not exist` })
    else if (purpose !== undefined && purpose !== RULE_AMOUNT_PURPOSE)
      problems.push({
        path: 'ruleSet',
        message: `rule set #${config.ruleSetId} decides "${purpose}", not commission amounts: choose a rule set of purpose "${RULE_AMOUNT_PURPOSE}"`,
      })
    return problems
  },
  /**
   * The lines the rule returned for one combination, each labelled, with the rows that fired. A failed combination
   * gives no line: the step reports it (`ruleFailureProblems`) and the run is refused.
   */
  calculate(_config, input): Evaluation {
    const name = `${input.rule.ruleSet} v${input.rule.version}`
    if ('error' in input.outcome) return { amount: new D(0), detail: { 'rule set': name, error: input.outcome.error }, lines: [] }
    const { result } = input.outcome
    const lines: EvaluationLine[] = []
    const detail: Record<string, string> = { 'rule set': name }
    let amount = new D(0)
    for (const [index, output] of result.results.entries()) {
      const description = String(output.label ?? '').trim()
      const exact = decimalOrNull(output.amount)
      if (exact === null)
        return { amount: new D(0), detail, lines: [], problem: `${name} returned "${String(output.amount)}" as an amount` }
      lines.push({ description, amount: exact, fired: firedFor(result, index) })
      detail[description in detail ? `${description} (${index + 1})` : description] = exact.toString()
      amount = amount.plus(exact)
    }
    return { amount, detail, lines }
  },
}
