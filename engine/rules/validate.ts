/**
 * What is wrong with a rule version for its purpose, before anything runs it: the graph's shape, every table's columns
 * against the purpose's fields, every cell and expression parsed, and the outputs the purpose requires. Each problem
 * names the node, the row and the column, the way the editor shows them ("Rates, row 4, amount").
 */
import { evaluateExpressionSync, evaluateUnaryExpressionSync } from '@gorules/zen-engine'

import type { JdmContent, JdmNode, JdmTable, RuleFieldType, RuleProblem, RulePurpose } from './types'
import { isParseError, zenError } from './zenErrors'

const SUPPORTED_NODES = ['inputNode', 'outputNode', 'decisionTableNode', 'expressionNode', 'switchNode', 'functionNode'] as const
const NODE_LABELS: Record<string, string> = {
  decisionNode: 'a sub-decision (a link to another rule file)',
  customNode: 'a custom node',
}

/** The root name a field path reads: `features[0]` → `features`, `dealer.tier` → `dealer`. */
export function fieldRoot(field: string): string {
  return field.trim().split(/[.[]/)[0]!.trim()
}

function parseProblem(expression: string, unary: boolean): string | null {
  try {
    if (unary) evaluateUnaryExpressionSync(expression, { $: null })
    else evaluateExpressionSync(expression, {})
    return null
  } catch (err) {
    const error = zenError(err)
    return isParseError(error) ? error.source : null
  }
}

/** A value of each input type, as the rule is given it (dates as ZEN's date number: 2026-11-15). */
const SAMPLES: Record<RuleFieldType, unknown> = { text: 'X', number: 1, money: 1, date: 1794700800, boolean: true, list: ['X'], object: {} }
const TYPE_HINTS: Partial<Record<RuleFieldType, string>> = {
  date: 'dates compare with date(): >= date("2026-11-15"), or a range [date("2026-11-01")..date("2026-11-30")]',
  list: 'lists are tested with functions such as contains($, "INS") or len($) > 1',
  number: 'numbers compare with numbers: > 12, [1..5]',
}

/**
 * A condition that cannot compare the column's type (ZEN skips such a row silently at run time, so it would never
 * fire): `>= "2026-11-15"` on a date, `"INS"` on a list.
 */
function typeProblem(expression: string, type: RuleFieldType): string | null {
  // d() reads a date number as milliseconds, so on our dates it never matches: refuse it rather than never fire.
  if (type === 'date' && /(^|[^\w$])d\(/.test(expression)) return `d() does not read this date; ${TYPE_HINTS.date}`
  try {
    evaluateUnaryExpressionSync(expression, { $: SAMPLES[type] })
    return null
  } catch (err) {
    const error = zenError(err)
    if (isParseError(error)) return null
    return `it cannot test a ${type} value (${error.source})${TYPE_HINTS[type] ? `; ${TYPE_HINTS[type]}` : ''}`
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The graph's structure, or the problems that keep it from being one. */
export function contentShape(content: unknown): { content: JdmContent } | { problems: RuleProblem[] } {
  if (!isObject(content) || !Array.isArray(content.nodes) || !Array.isArray(content.edges))
    return {
      problems: [{ path: 'content', message: 'the rule is empty: it needs a graph of nodes (an input, a decision table, an output)' }],
    }
  const problems: RuleProblem[] = []
  content.nodes.forEach((node, index) => {
    if (!isObject(node) || typeof node.id !== 'string' || typeof node.type !== 'string')
      problems.push({ path: `nodes.${index + 1}`, message: `node ${index + 1} has no id or type` })
  })
  content.edges.forEach((edge, index) => {
    if (!isObject(edge) || typeof edge.sourceId !== 'string' || typeof edge.targetId !== 'string')
      problems.push({ path: `edges.${index + 1}`, message: `connection ${index + 1} does not join two nodes` })
  })
  return problems.length ? { problems } : { content: content as unknown as JdmContent }
}

function nodeName(node: JdmNode): string {
  return node.name?.trim() || node.id
}

/** The output fields a node gives the nodes after it. */
function outputFieldsOf(node: JdmNode): string[] {
  if (node.type === 'decisionTableNode' && isObject(node.content))
    return ((node.content as unknown as JdmTable).outputs ?? []).map((column) => fieldRoot(column.field ?? ''))
  if (node.type === 'expressionNode' && isObject(node.content)) {
    const expressions = (node.content as { expressions?: { key?: string }[] }).expressions ?? []
    return expressions.map((e) => fieldRoot(e.key ?? ''))
  }
  return []
}

/** Every problem of `content` for `purpose`, in graph order; empty when the version can be saved and run. */
export function ruleVersionProblems(content: unknown, purpose: RulePurpose): RuleProblem[] {
  const shape = contentShape(content)
  if ('problems' in shape) return shape.problems
  const { nodes, edges } = shape.content
  const problems: RuleProblem[] = []
  const inputNodes = nodes.filter((n) => n.type === 'inputNode')
  const outputNodes = nodes.filter((n) => n.type === 'outputNode')
  if (inputNodes.length !== 1)
    problems.push({ path: 'nodes', message: `the graph needs exactly one input node (it has ${inputNodes.length})` })
  if (outputNodes.length !== 1)
    problems.push({ path: 'nodes', message: `the graph needs exactly one output node (it has ${outputNodes.length})` })
  const byId = new Map(nodes.map((n) => [n.id, n]))
  for (const edge of edges) {
    if (!byId.has(edge.sourceId) || !byId.has(edge.targetId))
      problems.push({
        path: 'edges',
        message: `a connection points to a node that is not in the graph (${edge.sourceId} → ${edge.targetId})`,
      })
  }
  const purposeInputs = new Set(purpose.inputs.map((f) => f.field))
  const purposeOutputs = new Set(purpose.outputs.map((f) => f.field))
  const visible = visibleFields(nodes, edges, purposeInputs)
  const inputList = purpose.inputs.map((f) => f.field).join(', ')
  const outputList = purpose.outputs.map((f) => f.field).join(', ')
  const finalNodes = new Set(edges.filter((e) => outputNodes.some((o) => o.id === e.targetId)).map((e) => e.sourceId))
  // Two nodes both connected to the output merge into one result, the later overwriting the earlier's label and
  // amount: a bonus "on top" would replace the base. A switch choosing one branch is the exception.
  if (!nodes.some((n) => n.type === 'switchNode')) {
    const setters = [...finalNodes]
      .map((id) => byId.get(id))
      .filter((n): n is JdmNode => !!n && outputFieldsOf(n).some((f) => purposeOutputs.has(f)))
    if (setters.length > 1)
      problems.push({
        path: 'edges',
        message: `${setters.map(nodeName).join(' and ')} are both connected to the output and set the same ${outputList}: one would overwrite the other. Put their rows in one table with the "collect" hit policy (one line per row that fires), or choose between them with a switch`,
      })
  }

  for (const node of nodes) {
    const name = nodeName(node)
    const at = (path: string, message: string) =>
      problems.push({ path: `nodes.${name}${path ? `.${path}` : ''}`, message: `${name}: ${message}` })
    if (!(SUPPORTED_NODES as readonly string[]).includes(node.type)) {
      at(
        '',
        `${NODE_LABELS[node.type] ?? `a "${node.type}" node`} is not supported here; use decision tables, expressions, switches or functions`,
      )
      continue
    }
    if (node.type === 'inputNode' || node.type === 'outputNode') continue
    if (!edges.some((e) => e.targetId === node.id))
      at('', 'nothing is connected to this node: connect it to the input or to an earlier node')
    if (node.type === 'decisionTableNode')
      tableProblems(node, at, {
        readable: visible(node.id),
        purposeOutputs,
        purpose,
        inputList,
        outputList,
        final: finalNodes.has(node.id),
      })
    if (node.type === 'expressionNode') {
      const expressions = isObject(node.content)
        ? ((node.content as { expressions?: { key?: string; value?: string }[] }).expressions ?? [])
        : []
      expressions.forEach((expression, index) => {
        const key = expression.key?.trim() ?? ''
        if (!key) at(`expressions.${index + 1}`, `expression ${index + 1} has no key (the field it sets)`)
        if (finalNodes.has(node.id) && key && !purposeOutputs.has(fieldRoot(key)))
          at(`expressions.${index + 1}`, `"${key}" is not an output of this purpose (it returns: ${outputList})`)
        const problem = expression.value?.trim() ? parseProblem(expression.value, false) : 'it is empty'
        if (problem) at(`expressions.${key || index + 1}`, `the expression for "${key}" cannot be read: ${problem}`)
      })
    }
    if (node.type === 'switchNode') {
      const statements = isObject(node.content) ? ((node.content as { statements?: { condition?: string }[] }).statements ?? []) : []
      statements.forEach((statement, index) => {
        const condition = statement.condition?.trim() ?? ''
        const problem = condition ? parseProblem(condition, false) : null
        if (problem) at(`statements.${index + 1}`, `condition ${index + 1} cannot be read: ${problem}`)
      })
    }
  }
  // The outputs the purpose requires must come from the nodes connected to the output.
  const provided = new Set(
    [...finalNodes].flatMap((id) => {
      const node = byId.get(id)
      return node?.type === 'functionNode' ? [...purposeOutputs] : node ? outputFieldsOf(node) : []
    }),
  )
  for (const field of purpose.outputs) {
    if (field.required && outputNodes.length === 1 && !provided.has(field.field))
      problems.push({
        path: `outputs.${field.field}`,
        message: `no node connected to the output sets "${field.field}" (${field.label}), which this purpose needs from every result`,
      })
  }
  return problems
}

/** Every field (null: anything, after a function node). */
type Readable = Set<string> | null

/**
 * What each node can read: the input node gives the purpose inputs; a table or an expression node gives its outputs
 * (and what it read, when "pass through" is on); a switch passes its input on; a function node may give anything.
 */
function visibleFields(nodes: JdmNode[], edges: JdmContent['edges'], inputs: Set<string>): (id: string) => Readable {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const memo = new Map<string, Readable>()
  const provided = (id: string, seen: Set<string>): Readable => {
    const node = byId.get(id)
    if (!node) return new Set()
    if (node.type === 'inputNode') return inputs
    if (node.type === 'functionNode') return null
    const upstream =
      node.type === 'switchNode' || (node.content as { passThrough?: boolean } | undefined)?.passThrough
        ? visible(id, seen)
        : new Set<string>()
    if (upstream === null) return null
    return new Set([...upstream, ...outputFieldsOf(node)])
  }
  const visible = (id: string, seen = new Set<string>()): Readable => {
    if (memo.has(id)) return memo.get(id)!
    if (seen.has(id)) return new Set()
    seen.add(id)
    let fields: Readable = new Set()
    for (const edge of edges.filter((e) => e.targetId === id)) {
      const from = provided(edge.sourceId, seen)
      fields = from === null || fields === null ? null : new Set([...fields, ...from])
    }
    memo.set(id, fields)
    return fields
  }
  return (id) => visible(id)
}

/** A column field that is a plain path (`activationType`, `dealer.tier`), not an expression (`len(features)`). */
const PLAIN_PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*|\[\d+\])*$/

type TableContext = {
  readable: Readable
  purposeOutputs: Set<string>
  purpose: RulePurpose
  inputList: string
  outputList: string
  final: boolean
}

function tableProblems(node: JdmNode, at: (path: string, message: string) => void, context: TableContext): void {
  if (!isObject(node.content)) return at('', 'the decision table is empty')
  const table = node.content as unknown as JdmTable
  if (table.hitPolicy !== 'first' && table.hitPolicy !== 'collect')
    at('hitPolicy', `hit policy "${String(table.hitPolicy)}" is not one of first, collect`)
  if (table.hitPolicy === 'collect' && !context.purpose.manyResults && context.final)
    at('hitPolicy', `"${context.purpose.label}" returns one result: use the "first" hit policy`)
  const options = table as JdmTable & { executionMode?: string; outputPath?: string | null }
  if (options.executionMode === 'loop')
    at('executionMode', 'loop mode (one evaluation per item of a list) is not supported here; give the table single inputs')
  if (context.final && options.outputPath?.trim())
    at(
      'outputPath',
      `the output path "${options.outputPath}" would nest the results; leave it empty so the table returns ${context.outputList}`,
    )
  const inputs = Array.isArray(table.inputs) ? table.inputs : []
  const outputs = Array.isArray(table.outputs) ? table.outputs : []
  const rules = Array.isArray(table.rules) ? table.rules : []
  if (outputs.length === 0) at('outputs', 'the table has no output column')
  for (const column of inputs) {
    const field = column.field?.trim() ?? ''
    if (!field) continue
    if (!PLAIN_PATH.test(field)) {
      const problem = parseProblem(field, false)
      if (problem)
        at(`inputs.${column.name || field}`, `column "${column.name || field}" reads "${field}", which cannot be read: ${problem}`)
    } else if (context.readable !== null && !context.readable.has(fieldRoot(field)))
      at(
        `inputs.${column.name || field}`,
        context.purpose.inputs.some((f) => f.field === fieldRoot(field))
          ? `column "${column.name || field}" reads "${field}", which does not reach this table: connect it to the input, or turn on "pass through" in the nodes before it`
          : `column "${column.name || field}" reads "${field}", which this purpose does not provide (it provides: ${context.inputList})`,
      )
  }
  for (const column of outputs) {
    const field = column.field?.trim() ?? ''
    if (!field) at(`outputs.${column.name}`, `output column "${column.name}" names no field`)
    else if (context.final && !context.purposeOutputs.has(fieldRoot(field)))
      at(
        `outputs.${column.name || field}`,
        `output column "${column.name || field}" sets "${field}", which is not an output of this purpose (it returns: ${context.outputList})`,
      )
  }
  const ids = new Set<string>()
  rules.forEach((rule, index) => {
    const row = index + 1
    if (typeof rule._id !== 'string' || !rule._id || ids.has(rule._id))
      at(`rows.${row}`, `row ${row} has no identity of its own (copy the table again from the editor)`)
    ids.add(rule._id)
    for (const column of inputs) {
      const cell = String(rule[column.id] ?? '').trim()
      const type = context.purpose.inputs.find((f) => f.field === column.field?.trim())?.type
      const problem = cell ? (parseProblem(cell, !!column.field?.trim()) ?? (type ? typeProblem(cell, type) : null)) : null
      if (problem)
        at(
          `rows.${row}.${column.name || column.field}`,
          `row ${row}, column "${column.name || column.field}": "${cell}" cannot be read: ${problem}`,
        )
    }
    for (const column of outputs) {
      const cell = String(rule[column.id] ?? '').trim()
      const required = context.final && context.purpose.outputs.some((f) => f.required && f.field === fieldRoot(column.field ?? ''))
      if (!cell && required)
        at(`rows.${row}.${column.name || column.field}`, `row ${row} leaves "${column.name || column.field}" empty; every result needs one`)
      const problem = cell ? parseProblem(cell, false) : null
      if (problem)
        at(
          `rows.${row}.${column.name || column.field}`,
          `row ${row}, output "${column.name || column.field}": "${cell}" cannot be read: ${problem}`,
        )
    }
  })
}
