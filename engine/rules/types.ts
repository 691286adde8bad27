/**
 * The rules layer's shapes. A rule set makes one kind of decision (its purpose, `./purposes.ts`); each of its versions
 * holds a decision graph in GoRules' JDM format (decision tables, expressions, switches, functions), effective-dated
 * and approved before a run may use it. Nothing outside `engine/rules` touches ZEN's own API: callers compile a version
 * (`compileRule`) and evaluate it (`evaluateRule`, or `evaluateDistinct` on bulk paths).
 */

/** The value types a purpose's fields carry (inputs are given in these types; outputs are checked against them). */
export type RuleFieldType = 'text' | 'number' | 'money' | 'date' | 'boolean' | 'list' | 'object'

export type RuleField = {
  /** The JDM field name (a table column's `field`, an expression's key): `activationType`, `amount`. */
  field: string
  type: RuleFieldType
  label: string
  description: string
  /** Outputs only: every result must carry it. */
  required?: boolean
  /** Object inputs: what their keys are (e.g. the enabled KPI codes), for the editor and the messages. */
  keys?: string
  /** Text inputs with a closed set of values: offered by the editor, checked by a save. */
  values?: readonly string[]
}

/** One kind of decision: the inputs it is given, the outputs it must return, and what a result means. */
export type RulePurpose = {
  key: string
  label: string
  description: string
  inputs: readonly RuleField[]
  outputs: readonly RuleField[]
  /** A result may be several rows (a `collect` table: one line per fired row), not just one. */
  manyResults: boolean
}

/** A JDM decision graph as the editor saves it (only the parts the rules layer reads are typed). */
export type JdmContent = {
  nodes: JdmNode[]
  edges: { id: string; sourceId: string; targetId: string; sourceHandle?: string; type?: string }[]
}

export type JdmNode = {
  id: string
  name: string
  type: string
  position?: { x: number; y: number }
  content?: unknown
}

export type JdmTableColumn = { id: string; name: string; field?: string; defaultValue?: string }

export type JdmTable = {
  hitPolicy: 'first' | 'collect'
  inputs: JdmTableColumn[]
  outputs: JdmTableColumn[]
  rules: Array<Record<string, string> & { _id: string; _description?: string }>
}

/** A rule version as the engine evaluates it: where it came from (for traces and messages) and its graph. */
export type RuleVersionSource = {
  id: number
  ruleSet: string
  version: number
  purpose: string
  content: JdmContent
}

/** A problem with a rule version, naming where it is: `nodes.<node name>.rows.<n>.<column>`, `outputs.amount`… */
export type RuleProblem = { path: string; message: string }

/** A decision-table row that fired for an input: the table, the row (1-based, as the editor numbers them) and what it says. */
export type FiredRow = {
  nodeId: string
  node: string
  row: number
  rowId: string
  /** The row's non-empty cells, as "column: expression" text (conditions, then outputs). */
  conditions: string
  outputs: string
  description?: string
}

/** What one evaluation returned: its results (one per fired row of a `collect` table, else one) and the rows that fired. */
export type RuleResult = { results: Record<string, unknown>[]; fired: FiredRow[] }

/** An evaluation that could not produce a usable result: the inputs and why. */
export type RuleFailure = { inputs: Record<string, unknown>; message: string }

/** A test case stored with a rule version: inputs, and the outputs it must return (only the named fields are compared). */
export type RuleTestCase = { name: string; inputs: Record<string, unknown>; expected: Record<string, unknown>[] }

export type RuleTestOutcome = { name: string; passed: boolean; message: string; actual: Record<string, unknown>[] }
