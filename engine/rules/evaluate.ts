/**
 * Compiling and evaluating a rule version: the only file that calls ZEN's decision API. A compiled rule is the
 * version's graph with one hidden output per decision table naming the row that fired (cheaper than ZEN's trace,
 * which halves the throughput), so every result says which row produced it. Results are read against the purpose:
 * money outputs come back as exact decimal text, unknown fields are dropped, a missing required output or an empty
 * answer is an error the caller reports with the inputs.
 */
import { evaluateExpressionSync, ZenDecisionContent, ZenEngine, type ZenDecision } from '@gorules/zen-engine'

import { decimalOrNull } from '../core/decimal'
import { rulePurpose } from './purposes'
import type { FiredRow, JdmContent, JdmNode, JdmTable, RuleProblem, RulePurpose, RuleResult, RuleVersionSource } from './types'
import { ruleVersionProblems } from './validate'
import { zenError } from './zenErrors'

/** A version refused before it runs: its problems name the node, row and column. */
export class RuleContentError extends Error {
  constructor(
    readonly problems: RuleProblem[],
    label: string,
  ) {
    super(`${label}: ${problems.map((p) => p.message).join('; ')}`)
  }
}

export type CompiledRule = {
  source: RuleVersionSource
  purpose: RulePurpose
  /** The purpose inputs this version reads (sorted): bulk paths evaluate once per distinct combination of these. */
  inputs: string[]
  /** The date inputs (given as "YYYY-MM-DD", evaluated as ZEN dates). */
  dates: string[]
  /** "Commission v3" — how messages name the version. */
  label: string
  decision: ZenDecision
  /**
   * A one-table graph whose outputs are computed (not plain numbers or text): the same table with only the hidden
   * row marker, so a row that applies but whose outputs ZEN could not evaluate (it drops such a row silently) is
   * found and refused instead of paying the next row or nothing.
   */
  check: { decision: ZenDecision; node: JdmNode; table: JdmTable; key: string } | null
  /** Hidden field → the table it marks, and each row id → what the row says. */
  tables: Map<string, { nodeId: string; node: string; rows: Map<string, FiredRow> }>
}

export type RuleOutcome = { result: RuleResult } | { error: string }

/** The hidden output naming the row that fired: one top-level field per table (`__fired_t1`), so chained tables keep theirs. */
const FIRED = '__fired_'
/**
 * ZEN drops a table row whose output expression fails (it returns the other rows, or nothing), so "nothing" may also
 * mean a failed expression; test cases are where such a row shows.
 */
export const NOTHING =
  'the rule returned nothing: no row applies to these inputs, or the outputs of the rows that apply could not be evaluated'
const engine = new ZenEngine()

function cellsText(table: JdmTable, rule: Record<string, string>, columns: JdmTable['inputs']): string {
  return columns
    .map((column) => [column.name || column.field, String(rule[column.id] ?? '').trim()] as const)
    .filter(([, cell]) => cell !== '')
    .map(([name, cell]) => `${name}: ${cell}`)
    .join('; ')
}

/**
 * The purpose inputs a version reads: table columns and every cell, and any purpose field named in an expression or
 * switch (`featureCount`, `$root.featureCount`); a function node may read anything, so it reads every input. Reading
 * too many only costs deduplication; reading too few would price a sale on inputs it was not given, so evaluation
 * hands the rule exactly these (`evaluateRule`) and test cases and "Try it" see what a run sees.
 */
export function referencedInputs(content: JdmContent, purpose: RulePurpose): string[] {
  const names = purpose.inputs.map((f) => f.field)
  if (content.nodes.some((node) => node.type === 'functionNode')) return [...names].sort()
  const used = new Set<string>()
  const mention = (expression: string) => {
    // Quoted text is data, not a field: "Port-in with features" names no input.
    const text = expression.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
    for (const name of names) if (new RegExp(`(^|[^\\w$])${name}(?![\\w$])`).test(text)) used.add(name)
  }
  for (const node of content.nodes) {
    if (node.type === 'decisionTableNode') {
      const table = node.content as JdmTable
      for (const column of table.inputs ?? []) {
        if (column.field?.trim()) mention(column.field)
        for (const rule of table.rules ?? []) mention(String(rule[column.id] ?? ''))
      }
      for (const column of table.outputs ?? []) for (const rule of table.rules ?? []) mention(String(rule[column.id] ?? ''))
    } else if (node.type !== 'inputNode' && node.type !== 'outputNode') {
      // Expressions and switches: a name in their expressions and conditions.
      const content = (node.content ?? {}) as { expressions?: { key?: string; value?: string }[]; statements?: { condition?: string }[] }
      for (const expression of content.expressions ?? []) mention(String(expression.value ?? ''))
      for (const statement of content.statements ?? []) mention(String(statement.condition ?? ''))
    }
  }
  return [...used].sort()
}

/** The version ready to evaluate, or a RuleContentError naming what to fix. */
export function compileRule(source: RuleVersionSource): CompiledRule {
  const label = `${source.ruleSet} v${source.version}`
  const purpose = rulePurpose(source.purpose)
  if (!purpose) throw new RuleContentError([{ path: 'purpose', message: `"${source.purpose}" is not a rule purpose` }], label)
  const problems = ruleVersionProblems(source.content, purpose)
  if (problems.length) throw new RuleContentError(problems, label)
  const tables: CompiledRule['tables'] = new Map()
  const nodes = source.content.nodes.map((node, index) => {
    if (node.type !== 'decisionTableNode') return node
    const table = node.content as JdmTable
    const key = `t${index}`
    const rows = new Map<string, FiredRow>()
    table.rules.forEach((rule, row) =>
      rows.set(rule._id, {
        nodeId: node.id,
        node: node.name || node.id,
        row: row + 1,
        rowId: rule._id,
        conditions: cellsText(table, rule, table.inputs),
        outputs: cellsText(table, rule, table.outputs),
        ...(rule._description ? { description: rule._description } : {}),
      }),
    )
    tables.set(key, { nodeId: node.id, node: node.name || node.id, rows })
    return {
      ...node,
      content: {
        ...table,
        outputs: [...table.outputs, { id: FIRED, name: FIRED, field: `${FIRED}${key}` }],
        rules: table.rules.map((rule) => ({ ...rule, [FIRED]: JSON.stringify(rule._id) })),
      },
    }
  })
  const decision = engine.createDecision(new ZenDecisionContent({ ...source.content, nodes } as object))
  const dates = purpose.inputs.filter((f) => f.type === 'date').map((f) => f.field)
  return {
    source,
    purpose,
    inputs: referencedInputs(source.content, purpose),
    dates,
    label,
    decision,
    tables,
    check: outputCheck(source.content, nodes),
  }
}

/** An output cell that cannot fail: empty, a number, a quoted text, true, false or null. */
const LITERAL = /^(-?\d+(\.\d+)?|"[^"\\]*"|true|false|null)?$/

function outputCheck(content: JdmContent, marked: JdmNode[]): CompiledRule['check'] {
  const tables = marked.filter((node) => node.type === 'decisionTableNode')
  if (tables.length !== 1) return null
  const node = tables[0]!
  const table = node.content as JdmTable
  const computed = table.rules.some((rule) =>
    table.outputs.some((column) => column.id !== FIRED && !LITERAL.test(String(rule[column.id] ?? '').trim())),
  )
  if (!computed) return null
  const marker = table.outputs.find((column) => column.id === FIRED)!
  const onlyMarker = { ...node, content: { ...table, outputs: [marker] } }
  const decision = engine.createDecision(
    new ZenDecisionContent({ ...content, nodes: marked.map((n) => (n.id === node.id ? onlyMarker : n)) } as object),
  )
  return { decision, node, table, key: marker.field!.slice(FIRED.length) }
}

/** The rows of the checked table that apply to the inputs (from its marker-only twin), in table order. */
function markedRows(raw: unknown, field: string): string[] {
  const items = Array.isArray(raw) ? raw : raw ? [raw] : []
  return items.map((item) => (item as Record<string, unknown>)[field]).filter((id): id is string => typeof id === 'string')
}

/** Why a row that applies gave no result: the first of its output cells ZEN cannot evaluate on these inputs. */
function failedOutput(rule: CompiledRule, rowId: string, given: Record<string, unknown>): string {
  const check = rule.check!
  const table = rule.tables.get(check.key)!
  const row = table.rows.get(rowId)!
  const cells = check.table.rules.find((r) => r._id === rowId)!
  for (const column of check.table.outputs) {
    if (column.id === FIRED) continue
    const cell = String(cells[column.id] ?? '').trim()
    if (!cell) continue
    try {
      evaluateExpressionSync(cell, given)
    } catch (err) {
      return `${table.node} row ${row.row} applies, but its output "${column.name || column.field}" (${cell}) cannot be evaluated for these inputs: ${zenError(err).source}`
    }
  }
  return `${table.node} row ${row.row} applies, but ZEN returned no result for it`
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value)
}

/** One ZEN result object read against the purpose: the fired rows it names, and its outputs or why they are unusable. */
function readResult(rule: CompiledRule, raw: unknown, fired: FiredRow[]): Record<string, unknown> | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return `returned ${textOf(raw)} instead of ${rule.purpose.outputs.map((f) => f.field).join(' and ')}`
  const record = raw as Record<string, unknown>
  const own: FiredRow[] = []
  for (const [field, rowId] of Object.entries(record)) {
    if (!field.startsWith(FIRED)) continue
    const table = rule.tables.get(field.slice(FIRED.length))
    const row = table?.rows.get(String(rowId))
    if (row) own.push(row)
  }
  for (const row of own) if (!fired.some((f) => f.nodeId === row.nodeId && f.rowId === row.rowId)) fired.push(row)
  const where = own.map((f) => `${f.node} row ${f.row} `).join('')
  const result: Record<string, unknown> = {}
  for (const field of rule.purpose.outputs) {
    const value = record[field.field]
    if (value === undefined || value === null || value === '') {
      if (field.required)
        return `${where}returned no "${field.field}" (${field.label})${own.length ? ': its expression is empty or failed for these inputs' : ''}`
      continue
    }
    if (field.type === 'money' || field.type === 'number') {
      const amount = decimalOrNull(typeof value === 'number' || typeof value === 'string' ? value : null)
      if (amount === null)
        return `${where}returned ${textOf(value)} as "${field.field}", which is not ${field.type === 'money' ? 'an amount' : 'a number'}`
      result[field.field] = amount.toString()
    } else if (field.type === 'text') {
      if (typeof value !== 'string' && typeof value !== 'number')
        return `${where}returned ${textOf(value)} as "${field.field}", which is not text`
      result[field.field] = String(value)
    } else result[field.field] = value
  }
  return result
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Inputs as ZEN compares them: only the inputs the version reads (what a bulk run groups on), missing ones as null;
 * a date ("2026-11-20") becomes ZEN's date number (seconds since 1970, UTC midnight), so
 * cells read `>= date("2026-11-15")` or `[date("2026-11-01")..date("2026-11-30")]`.
 */
function zenInputs(rule: CompiledRule, inputs: Record<string, unknown>): Record<string, unknown> {
  const given: Record<string, unknown> = {}
  for (const field of rule.inputs) {
    const value = inputs[field] ?? null
    const day = rule.dates.includes(field) ? DAY.exec(String(value ?? '')) : null
    given[field] = day ? Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])) / 1000 : value
  }
  return given
}

/** The outcome of one evaluation: its results (one per fired row of a collect table) and the rows that fired. */
export async function evaluateRule(rule: CompiledRule, inputs: Record<string, unknown>): Promise<RuleOutcome> {
  let raw: unknown
  const given = zenInputs(rule, inputs)
  let applying: string[] | null = null
  try {
    const [main, check] = await Promise.all([rule.decision.evaluate(given), rule.check?.decision.evaluate(given)])
    raw = main.result
    if (rule.check && check) applying = markedRows(check.result, `${FIRED}${rule.check.key}`)
  } catch (err) {
    const error = zenError(err)
    const node = error.nodeId
      ? ([...rule.tables.values()].find((t) => t.nodeId === error.nodeId)?.node ??
        rule.source.content.nodes.find((n) => n.id === error.nodeId)?.name)
      : undefined
    return { error: `${node ? `${node}: ` : ''}${error.source}` }
  }
  const items = Array.isArray(raw) ? raw : raw === null || raw === undefined ? [] : [raw]
  const fired: FiredRow[] = []
  const results: Record<string, unknown>[] = []
  for (const item of items) {
    if (typeof item === 'object' && item !== null && !Array.isArray(item) && Object.keys(item).length === 0) continue
    const read = readResult(rule, item, fired)
    if (typeof read === 'string') return { error: read }
    results.push(read)
  }
  if (applying !== null) {
    const firedIds = fired.map((f) => f.rowId)
    const first = (rule.check!.table.hitPolicy ?? 'first') === 'first'
    const missing = first ? applying.slice(0, 1).filter((id) => id !== firedIds[0]) : applying.filter((id) => !firedIds.includes(id))
    if (missing.length) return { error: failedOutput(rule, missing[0]!, given) }
  }
  if (results.length === 0) return { error: NOTHING }
  if (results.length > 1 && !rule.purpose.manyResults) return { error: `returned ${results.length} results where one is expected` }
  return { result: { results, fired } }
}

/** How many evaluations are in flight at once: enough to keep ZEN's worker threads busy, few enough to bound memory. */
const BATCH = 256

/** Evaluates every input (in order), `BATCH` at a time. */
export async function evaluateMany(rule: CompiledRule, inputs: readonly Record<string, unknown>[]): Promise<RuleOutcome[]> {
  const outcomes: RuleOutcome[] = new Array(inputs.length)
  for (let start = 0; start < inputs.length; start += BATCH) {
    const batch = inputs.slice(start, start + BATCH)
    const done = await Promise.all(batch.map((input) => evaluateRule(rule, input)))
    done.forEach((outcome, index) => (outcomes[start + index] = outcome))
  }
  return outcomes
}
