/**
 * The bulk path of the rules layer: a rule version evaluated once per distinct combination of the inputs it reads,
 * never once per row. The caller fills a temp table of facts with one column per purpose input (named exactly as the
 * field, so `"activationType"`, and their `rule_key`), this groups it in PostgreSQL, evaluates each combination with
 * ZEN, and stages the combinations (with the same key) for the caller to join back and write its lines in one
 * set-based statement.
 */
import type { PoolClient } from 'pg'

import { evaluateMany, type CompiledRule, type RuleOutcome } from '../../engine/rules'
import type { RuleFieldType } from '../../engine/rules/types'

export type StagedCombo = {
  combo: number
  /** The inputs the rule saw (only the ones the version reads). */
  inputs: Record<string, unknown>
  outcome: RuleOutcome
  /** How many facts share this combination. */
  rows: number
}

function quote(field: string): string {
  return `"${field.replace(/"/g, '""')}"`
}

function fieldTypes(rule: CompiledRule): { field: string; type: RuleFieldType }[] {
  return rule.inputs.map((field) => ({ field, type: rule.purpose.inputs.find((f) => f.field === field)!.type }))
}

/** A value as ZEN is given it: numbers as numbers, dates as "YYYY-MM-DD", lists as arrays, text as text. */
function ruleValue(type: RuleFieldType, text: string | null): unknown {
  if (text === null) return null
  if (type === 'number' || type === 'money') return Number(text)
  if (type === 'boolean') return text === 'true'
  if (type === 'list' || type === 'object') return JSON.parse(text) as unknown
  return text
}

/**
 * One text key of the inputs a version reads, the same on the facts and on the staged combinations, so the caller
 * joins them with one hash join on a column (`rule_key`) rather than one condition per input. Nulls are chr(1) and
 * the separator chr(2): control characters no code, plan, date or number prints.
 */
export function ruleKey(rule: CompiledRule, alias: string): string {
  if (rule.inputs.length === 0) return `''`
  return `concat_ws(chr(2), ${rule.inputs.map((field) => `coalesce(${alias}.${quote(field)}::text, chr(1))`).join(', ')})`
}

/**
 * Evaluates `rule` once per distinct combination of its inputs in temp table `facts` (which carries `rule_key`, written
 * with `ruleKey(rule, …)` as the facts are), and creates temp table `into` (`combo`, `rule_key`, the inputs as text
 * and how many facts share them; dropped at commit). Returns the combinations with their outcomes; the caller
 * decides what an error means (a run refuses to post).
 */
export async function stageRuleResults(
  client: PoolClient,
  rule: CompiledRule,
  facts: string,
  into: string,
  /** Filled with the seconds spent grouping, evaluating and staging, for benchmarks and run steps. */
  timings: Partial<Record<'group' | 'evaluate' | 'stage', number>> = {},
): Promise<StagedCombo[]> {
  let started = performance.now()
  const lap = (name: 'group' | 'evaluate' | 'stage') => {
    const now = performance.now()
    timings[name] = (now - started) / 1000
    started = now
  }
  const fields = fieldTypes(rule)
  // The facts are grouped on their key (one text column); each input is read back as text: lists as JSON so their
  // items stay exact, dates as "YYYY-MM-DD". Every row of a group has the same inputs (the key is made of them), so
  // min() just picks that value.
  const texts = fields.map(({ field, type }) =>
    type === 'list' || type === 'object'
      ? `min(to_json(${quote(field)})::text)`
      : type === 'date'
        ? `min(to_char(${quote(field)}, 'YYYY-MM-DD'))`
        : `min(${quote(field)}::text)`,
  )
  const selected = texts.map((text, index) => `${text} as ${quote(fields[index]!.field)}`)
  await client.query(
    `create temp table ${into} on commit drop as
       select (row_number() over ())::int as combo, rule_key, ${[...selected, 'count(*)::int as rows'].join(', ')}
         from ${facts} group by rule_key`,
  )
  const groups = await client.query<Record<string, string | null> & { combo: number; rows: number }>(
    `select ${['combo', 'rows', ...fields.map(({ field }) => quote(field))].join(', ')} from ${into} order by combo`,
  )
  lap('group')
  const inputs = groups.rows.map((row) => Object.fromEntries(fields.map(({ field, type }) => [field, ruleValue(type, row[field] ?? null)])))
  const outcomes = await evaluateMany(rule, inputs)
  lap('evaluate')
  const combos = groups.rows.map((row, index) => ({ combo: row.combo, inputs: inputs[index]!, outcome: outcomes[index]!, rows: row.rows }))
  await client.query(`analyze ${into}`)
  lap('stage')
  return combos
}
