/**
 * Compiling and evaluating a rule version: the only file that calls ZEN's decision API. A compiled rule is the
 * version's graph with one hidden output per decision table naming the row that fired (cheaper than ZEN's trace,
 * which halves the throughput), so every result says which row produced it. Results are read against the purpose:
 * money outputs come back as exact decimal text, unknown fields are dropped, a missing required output or an empty
 * answer is an error the caller reports with the inputs.
 */
import { ZenDecisionContent, ZenEngine, type ZenDecision } from '@gorules/zen-engine'

import { decimalOrNull } from '../core/decimal'
import { rulePurpose } from './purposes'
import type { FiredRow, JdmContent, JdmTable, RuleProblem, RulePurpose, RuleResult, RuleVersionSource } from './types'
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
  /** Hidden field → the table it marks, and each row id → what the row says. */
  tables: Map<string, { nodeId: string; node: string; rows: Map<string, Omit<FiredRow, 'nodeId' | 'node'>> }>
}

export type RuleOutcome = { result: RuleResult } | { error: string }

const FIRED = '__fired'
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

/** The purpose inputs a version reads: table columns, and any purpose field named in an expression, switch or function. */
export function referencedInputs(content: JdmContent, purpose: RulePurpose): string[] {
  const used = new Set<string>()
  const names = purpose.inputs.map((f) => f.field)
  const mention = (text: string) => {
    for (const name of names) if (new RegExp(`(^|[^\\w$.])${name}(?![\\w$])`).test(text)) used.add(name)
  }
  for (const node of content.nodes) {
    if (node.type === 'decisionTableNode') {
      const table = node.content as JdmTable
      for (const column of table.inputs ?? []) {
        if (column.field?.trim()) mention(column.field)
        else for (const rule of table.rules ?? []) mention(String(rule[column.id] ?? ''))
      }
      for (const column of table.outputs ?? []) for (const rule of table.rules ?? []) mention(String(rule[column.id] ?? ''))
    } else if (node.type !== 'inputNode' && node.type !== 'outputNode') {
      // Expressions, switches and functions: a name in their text (a mention in a comment costs only some deduplication).
      mention(JSON.stringify(node.content ?? ''))
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
    const rows = new Map<string, Omit<FiredRow, 'nodeId' | 'node'>>()
    table.rules.forEach((rule, row) =>
      rows.set(rule._id, {
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
        outputs: [...table.outputs, { id: FIRED, name: FIRED, field: `${FIRED}.${key}` }],
        rules: table.rules.map((rule) => ({ ...rule, [FIRED]: JSON.stringify(rule._id) })),
      },
    }
  })
  const decision = engine.createDecision(new ZenDecisionContent({ ...source.content, nodes } as object))
  const dates = purpose.inputs.filter((f) => f.type === 'date').map((f) => f.field)
  return { source, purpose, inputs: referencedInputs(source.content, purpose), dates, label, decision, tables }
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value)
}

/** One ZEN result object read against the purpose: the fired rows it names, and its outputs or why they are unusable. */
function readResult(rule: CompiledRule, raw: unknown, fired: FiredRow[]): Record<string, unknown> | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return `returned ${textOf(raw)} instead of ${rule.purpose.outputs.map((f) => f.field).join(' and ')}`
  const record = raw as Record<string, unknown>
  const marks = (record[FIRED] ?? {}) as Record<string, string>
  const own: FiredRow[] = []
  for (const [key, rowId] of Object.entries(marks)) {
    const table = rule.tables.get(key)
    const row = table?.rows.get(rowId)
    if (table && row) own.push({ nodeId: table.nodeId, node: table.node, ...row })
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
 * Inputs as ZEN compares them: a date ("2026-11-20") becomes ZEN's date number (seconds since 1970, UTC midnight), so
 * cells read `>= date("2026-11-15")` or `[date("2026-11-01")..date("2026-11-30")]`.
 */
function zenInputs(rule: CompiledRule, inputs: Record<string, unknown>): Record<string, unknown> {
  let converted: Record<string, unknown> | null = null
  for (const field of rule.dates) {
    const match = DAY.exec(String(inputs[field] ?? ''))
    if (!match) continue
    converted ??= { ...inputs }
    converted[field] = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 1000
  }
  return converted ?? inputs
}

/** The outcome of one evaluation: its results (one per fired row of a collect table) and the rows that fired. */
export async function evaluateRule(rule: CompiledRule, inputs: Record<string, unknown>): Promise<RuleOutcome> {
  let raw: unknown
  try {
    raw = (await rule.decision.evaluate(zenInputs(rule, inputs))).result
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
